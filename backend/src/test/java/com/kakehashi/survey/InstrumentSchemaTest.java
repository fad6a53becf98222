package com.kakehashi.survey;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.support.Fixtures;
import com.kakehashi.tenancy.TenantContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Below the API, as the application's database role: the instrument rules hold in PostgreSQL too. */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
class InstrumentSchemaTest {

    private static final String APP_ROLE = "kakehashi_app";
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    @Inject
    Fixtures fixtures;
    @Inject
    InstrumentService instruments;

    @Value("${datasources.default.url}")
    String databaseUrl;

    private Connection app() throws SQLException {
        return DriverManager.getConnection(databaseUrl, APP_ROLE, APP_ROLE);
    }

    @Test
    void appRoleMayReadButNeverChangeTheDefaultInstrument() throws SQLException {
        try (Connection app = app(); Statement statement = app.createStatement()) {
            // Version 1: 21 sign items; version 2 (0028): the same plus the two outcome items.
            try (var rs = statement.executeQuery("SELECT count(*) FILTER (WHERE default_version = 1), "
                    + "count(*) FILTER (WHERE default_version = 2 AND scale = 'SIGN'), "
                    + "count(*) FILTER (WHERE default_version = 2 AND scale = 'OUTCOME' AND sign IS NULL) FROM default_instrument_item")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(21);
                assertThat(rs.getInt(2)).isEqualTo(21);
                assertThat(rs.getInt(3)).isEqualTo(2);
            }
            for (String change : new String[] {
                    "UPDATE default_instrument_item SET text_hq_en = 'changed'",
                    "DELETE FROM default_instrument_item",
                    "UPDATE default_instrument SET name = 'changed'"}) {
                assertThatThrownBy(() -> statement.executeUpdate(change)).as(change)
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo(INSUFFICIENT_PRIVILEGE));
            }
        }
    }

    @Test
    void databaseRefusesToChangeAPublishedVersionOrItsItems() throws SQLException {
        UUID tenantId = fixtures.tenant("Frozen").id();
        Caller consultant = new Caller(fixtures.user(Role.CONSULTANT).id(), "schema@test.example", Role.CONSULTANT);
        UUID versionId = TenantContext.callAs(tenantId, () -> {
            InstrumentView created = instruments.create(consultant, new NewInstrument("Frozen", true));
            UUID id = created.versions().getFirst().id();
            instruments.publish(consultant, created.id(), id);
            return id;
        });
        try (Connection app = app()) {
            try (PreparedStatement set = app.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
                set.setString(1, tenantId.toString());
                set.execute();
            }
            try (Statement statement = app.createStatement()) {
                assertThatThrownBy(() -> statement.executeUpdate(
                        "UPDATE instrument_item SET text_hq_en = 'changed' WHERE version_id = '" + versionId + "'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("published");
                assertThatThrownBy(() -> statement.executeUpdate(
                        "UPDATE instrument_version SET comment_prompt_en = 'changed' WHERE id = '" + versionId + "'"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("published");
            }
        }
    }
}
