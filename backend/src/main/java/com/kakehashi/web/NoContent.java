package com.kakehashi.web;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents that an operation answers 204 with no body (the method returns
 * {@code HttpResponse.noContent()}). Put {@code @Status(HttpStatus.NO_CONTENT)} beside it, for the
 * reason given on {@link Created}.
 * <p>
 * It also lets the route take {@code Accept: application/problem+json} alone: with no success body,
 * that is all a client generated from the document asks for (it lists only the problem responses),
 * and a route that produces only JSON answered such a client 406 before doing anything.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "204", description = "Done; no body")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public @interface NoContent {
}
