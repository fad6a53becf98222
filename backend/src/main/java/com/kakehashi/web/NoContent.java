package com.kakehashi.web;

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
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "204", description = "Done; no body")
public @interface NoContent {
}
