package com.kakehashi.web;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.List;

/**
 * The database's last word: a race that slipped past a service's own check (two creates of the
 * same email at once) is a 409, not a 500; a lost connection is a 503 ({@link DatabaseUnavailable}).
 * Anything else is logged without its bind values.
 */
@Produces
@Singleton
final class DataAccessExceptionHandler implements ExceptionHandler<DataAccessException, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(DataAccessExceptionHandler.class);

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, DataAccessException exception) {
        String state = sqlState(exception);
        if ("23505".equals(state) || "23503".equals(state)) {
            return Problems.response(request, HttpStatus.CONFLICT, "conflict",
                    "This conflicts with data that already exists.", List.of());
        }
        if ("23514".equals(state) || "22001".equals(state) || "22P02".equals(state)) {
            return Problems.response(request, HttpStatus.BAD_REQUEST, "invalid-input",
                    "A value is out of range or badly formed.", List.of());
        }
        if (DatabaseUnavailable.causedBy(exception)) {
            LOG.warn("Database unavailable (SQLSTATE {}) on {} {}", state, request.getMethod(), request.getPath());
            return DatabaseUnavailable.response(request);
        }
        LOG.error("Database error (SQLSTATE {}) on {} {}", state, request.getMethod(), request.getPath(), exception);
        return Problems.response(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal-server-error",
                "Something went wrong on our side. It has been logged.", List.of());
    }

    private static String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
