package com.kakehashi.tenancy;

import io.micronaut.context.annotation.Context;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionStatus;
import io.micronaut.data.connection.ConnectionSynchronization;
import io.micronaut.data.connection.support.AbstractConnectionOperations;
import io.micronaut.data.connection.support.ConnectionCustomizer;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps PostgreSQL's {@code app.tenant_id} equal to the tenant in context for as long as Micronaut
 * Data uses a connection, so Row Level Security sees the same tenant as the discriminator. With no
 * tenant in context the setting is empty and every tenant table reads as empty.
 * <p>
 * Inside a transaction the setting is transaction-scoped: {@code SET LOCAL} right after the
 * transaction begins, once, gone by itself at commit or rollback. That is one statement per
 * transaction instead of a set and a reset per borrowed connection, and it is the only form Citus
 * forwards to the worker nodes that hold a tenant's shards ({@code citus.propagate_set_commands =
 * 'local'}; it forwards {@code SET LOCAL} statements, not {@code set_config} calls). The
 * transaction's start is seen through the connection handed to the transaction manager, which
 * turns auto-commit off on it first thing.
 * <p>
 * Outside a transaction (a repository call in auto-commit) a transaction-scoped value would end
 * with the {@code SET} itself, so there the setting stays session-scoped: written just before the
 * first statement, reset to empty before the connection goes back to the pool. Citus does not
 * forward that one; on Citus such statements see no tenant rows (docs/operations.md).
 * <p>
 * Micronaut calls this for a new connection and again for every nested use of the same one, and
 * {@code TenantContext.callAs} inside an open transaction switches the open connection: each use
 * restores what it found.
 */
@Context
final class RowLevelSecurityCustomizer implements ConnectionCustomizer<Connection> {

    private static final Logger LOG = LoggerFactory.getLogger(RowLevelSecurityCustomizer.class);
    private static final String NONE = "";
    private static final Set<String> OPENS_STATEMENT = Set.of("createStatement", "prepareStatement", "prepareCall");

    /** Session-scoped value last written to each connection, to skip needless round trips. */
    private final Map<Connection, String> session = Collections.synchronizedMap(new WeakHashMap<>());
    /** Transaction-scoped value of each connection's open transaction; absent when none was set. */
    private final Map<Connection, String> local = Collections.synchronizedMap(new WeakHashMap<>());

    private final AbstractConnectionOperations<Connection> operations;

    RowLevelSecurityCustomizer(@Named("default") AbstractConnectionOperations<Connection> operations) {
        this.operations = operations;
        operations.addConnectionCustomizer(this);
        TenantContext.onSwitch(this::switchOpenConnection);
    }

    @Override
    public <R> Function<ConnectionStatus<Connection>, R> intercept(Function<ConnectionStatus<Connection>, R> operation) {
        return status -> {
            Connection connection = status.getConnection();
            if (inTransaction(connection)) {
                return withinTransaction(connection, () -> operation.apply(status));
            }
            if (status.isNew()) {
                return firstUse(status, operation);
            }
            return outsideTransaction(connection, () -> operation.apply(status));
        };
    }

    /**
     * A {@code TenantContext.callAs} inside an open transaction joins that transaction without a
     * new connection use, so the switch is applied to the open connection here.
     */
    private <T> T switchOpenConnection(Supplier<T> work) {
        Optional<ConnectionStatus<Connection>> open = operations.findConnectionStatus();
        if (open.isEmpty()) {
            return work.get();
        }
        Connection connection = open.get().getConnection();
        return inTransaction(connection) ? withinTransaction(connection, work) : outsideTransaction(connection, work);
    }

    /**
     * The connection's first use: nothing is written yet. Whoever runs the operation gets a view of
     * the connection that sets the tenant for the transaction when one begins on it, or for the
     * session just before the first statement when none does.
     */
    private <R> R firstUse(ConnectionStatus<Connection> status, Function<ConnectionStatus<Connection>, R> operation) {
        Connection connection = status.getConnection();
        try {
            return operation.apply(new TenantStatus(status, tenantAware(connection)));
        } finally {
            local.remove(connection);
            String written = session.get(connection);
            if (written != null && !written.equals(NONE)) {
                restoreSession(connection, NONE);
            }
            session.remove(connection);
        }
    }

    private <T> T withinTransaction(Connection connection, Supplier<T> work) {
        String found = local.get(connection);
        String wanted = wanted();
        if (!wanted.equals(found == null ? sessionValue(connection) : found)) {
            setLocal(connection, wanted);
        }
        try {
            return work.get();
        } finally {
            String now = local.get(connection);
            if (found != null && !found.equals(now)) {
                restoreLocal(connection, found);
            }
        }
    }

    private <T> T outsideTransaction(Connection connection, Supplier<T> work) {
        String found = session.get(connection);
        String wanted = wanted();
        if (!wanted.equals(found == null ? NONE : found)) {
            setSession(connection, wanted);
        }
        try {
            return work.get();
        } finally {
            restoreSession(connection, found == null ? NONE : found);
        }
    }

    /** What a transaction starts from when it set nothing itself: the session value, or empty. */
    private String sessionValue(Connection connection) {
        String value = session.get(connection);
        return value == null ? NONE : value;
    }

    private static String wanted() {
        return TenantContext.current().map(UUID::toString).orElse(NONE);
    }

    private static boolean inTransaction(Connection connection) {
        try {
            return !connection.getAutoCommit();
        } catch (SQLException e) {
            throw new DataAccessException("could not read the connection's transaction state", e);
        }
    }

    /** The connection as the first user sees it: transaction start and first statement are noticed. */
    private Connection tenantAware(Connection connection) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("equals") && args != null && args.length == 1) {
                return proxy == args[0] || connection.equals(args[0]);
            }
            if (OPENS_STATEMENT.contains(name) && !local.containsKey(connection) && connection.getAutoCommit()) {
                String wanted = wanted();
                if (!wanted.equals(sessionValue(connection))) {
                    setSession(connection, wanted);
                }
            }
            Object result;
            try {
                result = method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (name.equals("setAutoCommit") && args[0] instanceof Boolean autoCommit) {
                if (!autoCommit) {
                    String wanted = wanted();
                    if (!wanted.equals(sessionValue(connection))) {
                        setLocal(connection, wanted);
                    } else {
                        local.put(connection, wanted);
                    }
                } else {
                    local.remove(connection);
                }
            }
            return result;
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class}, handler);
    }

    private void setLocal(Connection connection, String tenantId) {
        // SET takes no bind parameters; the value is a UUID this class formatted, or empty.
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL app.tenant_id = '" + tenantId + "'");
            local.put(connection, tenantId);
        } catch (SQLException e) {
            local.remove(connection);
            throw new DataAccessException("could not set the tenant for the transaction", e);
        }
    }

    private void restoreLocal(Connection connection, String value) {
        try {
            setLocal(connection, value);
        } catch (DataAccessException e) {
            // Inside a failed transaction nothing can run; its rollback drops the setting anyway.
            LOG.debug("tenant setting not restored on a failed transaction", e);
        }
    }

    private void setSession(Connection connection, String tenantId) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
            statement.setString(1, tenantId);
            statement.execute();
            session.put(connection, tenantId);
        } catch (SQLException e) {
            session.remove(connection);
            throw new DataAccessException("could not set the tenant on the connection", e);
        }
    }

    private void restoreSession(Connection connection, String value) {
        if (value.equals(session.get(connection))) {
            return;
        }
        try {
            setSession(connection, value);
        } catch (DataAccessException e) {
            // Inside a failed transaction nothing can run; its rollback undoes the nested setting.
            // The value is unknown from here on, so the next use writes it again.
            LOG.debug("tenant setting not restored on a failed transaction", e);
        }
    }

    /** The connection status handed on, with the tenant-aware view of its connection. */
    private record TenantStatus(ConnectionStatus<Connection> status, Connection connection) implements ConnectionStatus<Connection> {

        @Override
        public boolean isNew() {
            return status.isNew();
        }

        @Override
        public Connection getConnection() {
            return connection;
        }

        @Override
        public ConnectionDefinition getDefinition() {
            return status.getDefinition();
        }

        @Override
        public void registerSynchronization(ConnectionSynchronization synchronization) {
            status.registerSynchronization(synchronization);
        }
    }
}
