package com.kakehashi.web;

import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents that an operation creates a resource: 201 with the new resource and its address in
 * {@code Location} (the method returns {@code HttpResponse.created(body, uri)}). Put
 * {@code @Status(HttpStatus.CREATED)} beside it: {@code @Status} cannot sit on an annotation, and
 * without it micronaut-openapi also documents the 200 of a plain return value.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ApiResponse(responseCode = "201", description = "Created; Location is the address of the new resource", useReturnTypeSchema = true,
        headers = @Header(name = "Location", description = "Address of the created resource",
                required = true, schema = @Schema(type = "string", format = "uri-reference")))
public @interface Created {
}
