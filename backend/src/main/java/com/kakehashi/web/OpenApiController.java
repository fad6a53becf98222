package com.kakehashi.web;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

/** The API contract at a stable address; Swagger UI lives at /swagger-ui/index.html. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class OpenApiController {

    static final String SPEC = "classpath:META-INF/swagger/kakehashi-0.1.0.yml";

    private final byte[] spec;

    OpenApiController(ResourceResolver resources) {
        try (InputStream in = resources.getResourceAsStream(SPEC).orElseThrow(
                () -> new IllegalStateException("OpenAPI document missing from the build: " + SPEC))) {
            this.spec = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = "/openapi", produces = "application/yaml")
    byte[] spec() {
        return spec;
    }

    @Get("/swagger-ui")
    HttpResponse<?> swaggerUi() {
        return HttpResponse.seeOther(URI.create("/swagger-ui/index.html"));
    }
}
