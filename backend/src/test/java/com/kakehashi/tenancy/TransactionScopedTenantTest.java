package com.kakehashi.tenancy;

import com.kakehashi.support.Fixtures;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tenant setting is transaction-scoped (issue 13 §6): inside a transaction it is one
 * {@code SET LOCAL} right after the transaction begins (the form Citus forwards to its workers), never
 * reset by hand, and gone with the commit; outside a transaction it stays session-scoped and is reset
 * before the connection goes back to the pool. One pooled connection, so "the next borrower" is the
 * same PostgreSQL session. Every statement the pool sends on the test's thread is recorded.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
@Property(name = "datasources.default.maximum-pool-size", value = "1")
@Property(name = "kakehashi.test.statement-log", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionScopedTenantTest {

    private static final String READ = "SELECT current_setting('app.tenant_id', true)";

    @Inject
    Fixtures fixtures;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    ConnectionOperations<Connection> connections;
    @Inject
    JdbcOperations jdbc;

    UUID tenantA;
    UUID tenantB;

    @BeforeAll
    void twoTenants() {
        tenantA = fixtures.tenant("ScopeA").id();
        tenantB = fixtures.tenant("ScopeB").id();
    }

    private String setting() {
        return jdbc.prepareStatement(READ, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1) == null ? "" : rs.getString(1);
            }
        });
    }

    /** What an auto-commit repository call does: borrow a connection and run one statement on it. */
    private String settingOutsideATransaction() {
        return connections.execute(ConnectionDefinition.DEFAULT, status -> {
            try (PreparedStatement ps = status.getConnection().prepareStatement(READ); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1) == null ? "" : rs.getString(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private String setLocal(UUID tenant) {
        return "SET LOCAL app.tenant_id = '" + tenant + "'";
    }

    @Test
    void aTransactionSetsItsTenantOnceWithSetLocalAndNeverResetsIt() {
        List<String> seen = new ArrayList<>();
        List<String> sent = StatementLog.during(() -> TenantContext.runAs(tenantA,
                () -> transactions.executeWrite(status -> {
                    seen.add(setting());
                    seen.add(setting());
                    return null;
                })));

        assertThat(seen).containsExactly(tenantA.toString(), tenantA.toString());
        assertThat(sent).containsExactly(setLocal(tenantA), READ, READ, "COMMIT");
        System.out.println("tenant transaction with two statements sends: " + sent);
        assertThat(settingOutsideATransaction()).as("the next borrower of the same session").isEmpty();
    }

    @Test
    void aTransactionWithoutATenantSendsNothingExtra() {
        List<String> seen = new ArrayList<>();
        List<String> sent = StatementLog.during(() -> transactions.executeRead(status -> seen.add(setting())));

        assertThat(seen).containsExactly("");
        assertThat(sent).containsExactly(READ, "COMMIT");
    }

    @Test
    void switchingTenantInsideATransactionIsUndoneForTheRestOfIt() {
        List<String> seen = new ArrayList<>();
        List<String> sent = StatementLog.during(() -> TenantContext.runAs(tenantA,
                () -> transactions.executeWrite(status -> {
                    seen.add(setting());
                    TenantContext.runAs(tenantB, () -> seen.add(setting()));
                    seen.add(setting());
                    return null;
                })));

        assertThat(seen).containsExactly(tenantA.toString(), tenantB.toString(), tenantA.toString());
        assertThat(sent).containsExactly(setLocal(tenantA), READ, setLocal(tenantB), READ, setLocal(tenantA), READ, "COMMIT");
        assertThat(settingOutsideATransaction()).isEmpty();
    }

    @Test
    void aTenantTransactionThatRollsBackLeavesNoTenantBehind() {
        try {
            TenantContext.runAs(tenantA, () -> transactions.executeWrite(status -> {
                assertThat(setting()).isEqualTo(tenantA.toString());
                throw new IllegalStateException("roll back");
            }));
        } catch (IllegalStateException expected) {
            // the transaction rolled back
        }
        assertThat(settingOutsideATransaction()).isEmpty();
    }

    @Test
    void outsideATransactionTheTenantIsSetForTheSessionAndResetBeforeTheConnectionIsReturned() {
        List<String> sent = new ArrayList<>();
        String seen = StatementLog.value(() -> TenantContext.callAs(tenantA, this::settingOutsideATransaction), sent);

        assertThat(seen).isEqualTo(tenantA.toString());
        assertThat(sent).containsExactly("SELECT set_config('app.tenant_id', ?, false)", READ,
                "SELECT set_config('app.tenant_id', ?, false)");
        assertThat(settingOutsideATransaction()).isEmpty();
    }

    @Test
    void aTenantLessStatementOutsideATransactionSendsNothingExtra() {
        List<String> sent = new ArrayList<>();
        String seen = StatementLog.value(this::settingOutsideATransaction, sent);

        assertThat(seen).isEmpty();
        assertThat(sent).containsExactly(READ);
    }
}
