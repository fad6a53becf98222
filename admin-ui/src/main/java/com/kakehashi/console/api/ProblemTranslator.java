package com.kakehashi.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kakehashi.console.client.ApiException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Turns the generated client's {@link ApiException} into the console's {@link ProblemException}. */
final class ProblemTranslator {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ProblemTranslator.class);

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemTranslator() {
    }

    static ProblemException from(ApiException e) {
        if (e.getCode() == 0 || e.getCode() >= 500) {
            // The backend's log has the same id: this line is where a console error report starts.
            LOG.warn("Backend call failed with status {} (requestId {}): {}", e.getCode(), RequestIds.current(), e.getMessage());
        }
        if (e.getCode() == 0) {
            return new ProblemException(new ApiProblem(ApiProblem.UNREACHABLE, "Kakehashi API unreachable", 503,
                    e.getMessage(), List.of()), e);
        }
        return new ProblemException(parse(e.getCode(), e.getResponseBody()), e);
    }

    /** Reads an RFC 9457 body; anything else (a proxy's HTML page, an empty body) keeps only the status. */
    static ApiProblem parse(int status, String body) {
        if (body == null || body.isBlank()) {
            return ApiProblem.of(status, null);
        }
        try {
            var node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                return ApiProblem.of(status, null);
            }
            var errors = new ArrayList<ApiProblem.FieldError>();
            for (JsonNode error : node.path("errors")) {
                errors.add(new ApiProblem.FieldError(text(error, "field"), text(error, "message")));
            }
            return new ApiProblem(text(node, "type"), text(node, "title"), node.path("status").asInt(status),
                    text(node, "detail"), errors);
        } catch (IOException notJson) {
            return ApiProblem.of(status, null);
        }
    }

    private static String text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
