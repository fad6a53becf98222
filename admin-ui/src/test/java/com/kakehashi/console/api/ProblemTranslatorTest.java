package com.kakehashi.console.api;

import com.kakehashi.console.client.ApiException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemTranslatorTest {

    @Test
    void readsAnRfc9457ProblemWithFieldErrors() {
        var body = """
                {"type":"https://kakehashi.example/problems/validation","title":"Bad Request","status":400,
                 "detail":"The request is invalid","errors":[{"field":"create.details.email","message":"must be a well-formed email address"}]}
                """;
        var problem = ProblemTranslator.from(new ApiException(400, "x", null, body)).problem();

        assertEquals(400, problem.status());
        assertEquals("The request is invalid", problem.message());
        assertEquals(Map.of("email", "must be a well-formed email address"), problem.fieldMessages());
    }

    @Test
    void keepsTheStatusOfABodyThatIsNotAProblem() {
        var problem = ProblemTranslator.from(new ApiException(502, "x", null, "<html>Bad gateway</html>")).problem();

        assertEquals(502, problem.status());
        assertEquals(List.of(), problem.errors());
        assertEquals("HTTP 502", problem.message());
    }

    @Test
    void reportsAnUnreachableBackendAsSuch() {
        var problem = ProblemTranslator.from(new ApiException((IOException) new ConnectException("refused"))).problem();

        assertTrue(problem.isUnreachable());
    }

    @Test
    void aFieldWithoutAPathIsItsOwnProperty() {
        assertEquals("email", new ApiProblem.FieldError("email", "x").property());
        assertEquals("", new ApiProblem.FieldError(null, "x").property());
    }
}
