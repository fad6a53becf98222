package com.kakehashi.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

/**
 * The database cannot be reached just now: stopped, restarting, failing over, or every pooled
 * connection busy for longer than the pool's connection timeout ({@code KAKEHASHI_DB_CONNECTION_TIMEOUT}).
 * Such a request is answered 503 with {@code Retry-After}, never 500: nothing is wrong with the
 * request, and the same request succeeds once PostgreSQL is back (the pool reconnects by itself).
 * A transaction cut off this way rolled back, so nothing of it was stored. Found by the
 * PostgreSQL-restart drill (docs/reliability.md, "Fault drills").
 */
public final class DatabaseUnavailable {

    static final int RETRY_AFTER_SECONDS = 5;
    public static final String TYPE = "database-unavailable";

    private DatabaseUnavailable() {
    }

    /** True when the error, or any cause, says the database connection is gone or cannot be had. */
    public static boolean causedBy(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException
                    // Micronaut's own word for a connection that failed or was closed under it (no SQLSTATE).
                    || (t instanceof io.micronaut.data.connection.exceptions.ConnectionException
                        && !(t instanceof io.micronaut.data.connection.exceptions.NoConnectionException))
                    || t instanceof io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException
                    || t instanceof io.micronaut.transaction.jdbc.exceptions.CannotGetJdbcConnectionException
                    || t instanceof io.micronaut.transaction.exceptions.CannotCreateTransactionException) {
                return true;
            }
            // 08: connection exception; 57P01-57P03: the server is shutting down, crashed or starting.
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    public static MutableHttpResponse<Problem> response(HttpRequest<?> request) {
        return Problems.response(request, HttpStatus.SERVICE_UNAVAILABLE, TYPE,
                        "The database cannot be reached just now. Try again in a few seconds.", List.of())
                .header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
    }
}
