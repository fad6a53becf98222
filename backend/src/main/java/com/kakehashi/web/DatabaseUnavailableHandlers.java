package com.kakehashi.web;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.transaction.exceptions.TransactionException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * The exceptions a lost database surfaces as besides {@code DataAccessException} (which
 * {@link DataAccessExceptionHandler} answers): no connection from the pool, no transaction begun,
 * a commit or rollback on a dead connection. Each becomes the 503 of {@link DatabaseUnavailable};
 * anything else of these types stays the logged 500 it was.
 */
final class DatabaseUnavailableHandlers {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailableHandlers.class);

    private DatabaseUnavailableHandlers() {
    }

    static HttpResponse<Problem> answer(HttpRequest<?> request, RuntimeException exception) {
        if (DatabaseUnavailable.causedBy(exception)) {
            LOG.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getPath(), rootMessage(exception));
            return DatabaseUnavailable.response(request);
        }
        LOG.error("Unexpected error on {} {}", request.getMethod(), request.getPath(), exception);
        return Problems.response(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal-server-error",
                "Something went wrong on our side. It has been logged.", List.of());
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Produces
    @Singleton
    static final class NoConnection implements ExceptionHandler<io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException exception) {
            return answer(request, exception);
        }
    }

    @Produces
    @Singleton
    static final class NoTransactionConnection implements ExceptionHandler<io.micronaut.transaction.jdbc.exceptions.CannotGetJdbcConnectionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, io.micronaut.transaction.jdbc.exceptions.CannotGetJdbcConnectionException exception) {
            return answer(request, exception);
        }
    }

    @Produces
    @Singleton
    static final class Connection implements ExceptionHandler<ConnectionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ConnectionException exception) {
            return answer(request, exception);
        }
    }

    @Produces
    @Singleton
    static final class Transaction implements ExceptionHandler<TransactionException, HttpResponse<Problem>> {
        @Override
        public HttpResponse<Problem> handle(HttpRequest request, TransactionException exception) {
            return answer(request, exception);
        }
    }
}
