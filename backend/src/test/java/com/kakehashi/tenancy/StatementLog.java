package com.kakehashi.tenancy;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Records, for the calling thread only, every SQL statement the application's pool sends and every
 * commit and rollback: what the tenant setting costs in round trips, and where in the transaction
 * it is written. Only in tests that set {@code kakehashi.test.statement-log}.
 */
@Singleton
@Requires(property = "kakehashi.test.statement-log", value = "true")
final class StatementLog implements BeanCreatedEventListener<DataSource> {

    private static final ThreadLocal<List<String>> CAPTURE = new ThreadLocal<>();
    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate");

    /** Runs the work and returns what it sent, in order. */
    static List<String> during(Runnable work) {
        List<String> log = new ArrayList<>();
        CAPTURE.set(log);
        try {
            work.run();
        } finally {
            CAPTURE.remove();
        }
        return log;
    }

    static <T> T value(Supplier<T> work, List<String> into) {
        List<String> previous = CAPTURE.get();
        CAPTURE.set(into);
        try {
            return work.get();
        } finally {
            CAPTURE.set(previous);
        }
    }

    private static void record(String what) {
        List<String> log = CAPTURE.get();
        if (log != null) {
            log.add(what);
        }
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        // Below Micronaut Data's contextual proxy, if it came first: the pool itself is wrapped.
        DataSource pool = DelegatingDataSource.unwrapDataSource(event.getBean());
        return new DataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                return connection(pool.getConnection());
            }

            @Override
            public Connection getConnection(String user, String password) throws SQLException {
                return connection(pool.getConnection(user, password));
            }

            @Override
            public PrintWriter getLogWriter() throws SQLException {
                return pool.getLogWriter();
            }

            @Override
            public void setLogWriter(PrintWriter out) throws SQLException {
                pool.setLogWriter(out);
            }

            @Override
            public void setLoginTimeout(int seconds) throws SQLException {
                pool.setLoginTimeout(seconds);
            }

            @Override
            public int getLoginTimeout() throws SQLException {
                return pool.getLoginTimeout();
            }

            @Override
            public Logger getParentLogger() throws SQLFeatureNotSupportedException {
                return pool.getParentLogger();
            }

            @Override
            public <T> T unwrap(Class<T> type) throws SQLException {
                return type.isInstance(this) ? type.cast(this) : pool.unwrap(type);
            }

            @Override
            public boolean isWrapperFor(Class<?> type) throws SQLException {
                return type.isInstance(this) || pool.isWrapperFor(type);
            }
        };
    }

    private static Connection connection(Connection real) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    switch (method.getName()) {
                        case "commit" -> record("COMMIT");
                        case "rollback" -> record("ROLLBACK");
                        case "createStatement" -> result = statement((Statement) result, null, Statement.class);
                        case "prepareStatement" -> result = statement((Statement) result, (String) args[0], PreparedStatement.class);
                        default -> {
                        }
                    }
                    return result;
                });
    }

    private static Object statement(Statement real, String preparedSql, Class<? extends Statement> type) {
        return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            if (EXECUTES.contains(method.getName()) || method.getName().equals("executeBatch")) {
                record(preparedSql != null ? preparedSql.strip() : ((String) args[0]).strip());
            }
            return invoke(real, method, args);
        });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
