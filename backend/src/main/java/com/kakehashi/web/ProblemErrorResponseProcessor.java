package com.kakehashi.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns every error Micronaut produces itself (validation, unreadable JSON, wrong types, unknown
 * routes, 401/403 from security, oversize bodies) into problem+json. Messages never carry a stack
 * trace or the rejected value.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpStatus status = base.status();
        List<Problem.FieldError> fields = new ArrayList<>();
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof ConstraintViolationException violations) {
            violations.getConstraintViolations().forEach(v ->
                    fields.add(new Problem.FieldError(FieldPaths.fromPropertyPath(v.getPropertyPath().toString()), v.getMessage())));
        } else if (cause instanceof ConversionErrorException conversion) {
            fields.add(new Problem.FieldError(FieldPaths.fromConversion(conversion), FieldPaths.reason(conversion)));
        } else if (status.getCode() == 400) {
            for (Error error : context.getErrors()) {
                fields.add(new Problem.FieldError(error.getPath().map(FieldPaths::fromPropertyPath).orElse("body"), safeMessage(error)));
            }
        }
        String detail = switch (status.getCode()) {
            case 400 -> fields.isEmpty() ? "The request could not be read." : "The request has invalid fields.";
            case 401 -> "Authentication is required.";
            case 403 -> "Your role does not allow this action.";
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed here.";
            case 406 -> "The requested media type is not available.";
            case 413 -> "The request body is too large.";
            case 415 -> "This media type is not supported here.";
            default -> status.getCode() >= 500 ? "Something went wrong on our side. It has been logged." : status.getReason();
        };
        String type = status.getReason().toLowerCase(Locale.ROOT).replace(' ', '-');
        Problem problem = Problems.problem(context.getRequest(), status, status.getCode() == 400 && !fields.isEmpty() ? "invalid-input" : type, detail, fields);
        return base.contentType(Problem.MEDIA_TYPE).body(problem);
    }

    private static String safeMessage(Error error) {
        String message = error.getMessage();
        // Jackson/serde messages quote internal class names and source positions; keep them short.
        if (message == null || message.contains("com.kakehashi") || message.contains("\n") || message.length() > 200) {
            return "is not valid";
        }
        return message;
    }
}
