package com.kakehashi.tenancy;

import io.micronaut.context.annotation.Context;
import io.micronaut.data.connection.ConnectionStatus;
import io.micronaut.data.connection.support.AbstractConnectionOperations;
import io.micronaut.data.connection.support.ConnectionCustomizer;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps PostgreSQL's {@code app.tenant_id} equal to the tenant in context for as long as Micronaut
 * Data uses a connection, so Row Level Security sees the same tenant as the discriminator. With no
 * tenant in context the setting is empty and every tenant table reads as empty.
 * <p>
 * Micronaut calls this for a new connection and again for every nested use of the same one (a
 * {@code TenantContext.runAs} inside a transaction), so each use restores what it found. The value
 * last written to each borrowed connection is remembered to skip needless round trips. A
 * session-level setting (not {@code SET LOCAL}) because one borrow may span several
 * transactions; the outermost use resets it to empty before the connection goes back to the pool.
 */
@Context
final class RowLevelSecurityCustomizer implements ConnectionCustomizer<Connection> {

    private static final Logger LOG = LoggerFactory.getLogger(RowLevelSecurityCustomizer.class);
    private static final String NONE = "";

    private final Map<Connection, String> written = Collections.synchronizedMap(new WeakHashMap<>());

    private final AbstractConnectionOperations<Connection> operations;

    RowLevelSecurityCustomizer(@Named("default") AbstractConnectionOperations<Connection> operations) {
        this.operations = operations;
        operations.addConnectionCustomizer(this);
        TenantContext.onSwitch(this::switchOpenConnection);
    }

    @Override
    public <R> Function<ConnectionStatus<Connection>, R> intercept(Function<ConnectionStatus<Connection>, R> operation) {
        return status -> around(status.getConnection(), () -> operation.apply(status));
    }

    /**
     * A {@code TenantContext.callAs} inside an open transaction joins that transaction without a
     * new connection use, so the switch is applied to the open connection here.
     */
    private <T> T switchOpenConnection(Supplier<T> work) {
        Optional<ConnectionStatus<Connection>> open = operations.findConnectionStatus();
        return open.isEmpty() ? work.get() : around(open.get().getConnection(), work);
    }

    private <T> T around(Connection connection, Supplier<T> work) {
        String found = written.get(connection);
        String wanted = TenantContext.current().map(UUID::toString).orElse(NONE);
        if (!wanted.equals(found)) {
            apply(connection, wanted);
        }
        try {
            return work.get();
        } finally {
            restore(connection, found == null ? NONE : found);
        }
    }

    private void restore(Connection connection, String value) {
        if (value.equals(written.get(connection))) {
            return;
        }
        try {
            apply(connection, value);
        } catch (DataAccessException e) {
            // Inside a failed transaction nothing can run; its rollback undoes the nested setting.
            // The value is unknown from here on, so the next use writes it again.
            written.remove(connection);
            LOG.debug("tenant setting not restored on a failed transaction", e);
        }
    }

    private void apply(Connection connection, String tenantId) {
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
            statement.setString(1, tenantId);
            statement.execute();
            written.put(connection, tenantId);
        } catch (SQLException e) {
            written.remove(connection);
            throw new DataAccessException("could not set the tenant on the connection", e);
        }
    }
}
