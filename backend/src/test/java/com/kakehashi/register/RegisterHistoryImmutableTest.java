package com.kakehashi.register;

import com.kakehashi.identity.Role;
import com.kakehashi.support.Api;
import com.kakehashi.support.AppRoleSql;
import com.kakehashi.support.Fixtures;
import com.kakehashi.tenant.TenantView;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Below the API, as the application's database role: a version or a recorded word cannot be rewritten,
 * a disagreement without a comment cannot be stored, and another tenant's register is invisible.
 */
@MicronautTest(environments = "test", transactional = false)
class RegisterHistoryImmutableTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;
    @Inject
    AppRoleSql sql;

    @Test
    void historyCannotBeRewrittenEvenByTheApplicationRole() throws SQLException {
        Api api = new Api(server.getURL(), json);
        TenantView tenant = fixtures.tenant("Immutable");
        String token = api.login(fixtures.memberOf(tenant, Role.CONSULTANT).email(), Fixtures.PASSWORD);
        String register = "/api/v1/tenants/" + tenant.id() + "/register";
        String id = api.post(register, Map.of("title", "Brand", "area", "BRAND", "classification", "NON_NEGOTIABLE",
                "rationale", "One brand book."), token).field("id");
        api.post(register + "/" + id + "/approvals", Map.of("side", "HQ", "decision", "AGREE", "version", 1), token);
        UUID item = UUID.fromString(id);

        assertThatThrownBy(() -> sql.update(tenant.id(), "UPDATE register_version SET classification = 'LOCAL' WHERE item_id = ?", item))
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> sql.update(tenant.id(), "UPDATE register_approval SET decision = 'DISAGREE' WHERE item_id = ?", item))
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        assertThatThrownBy(() -> sql.update(tenant.id(), """
                INSERT INTO register_approval (tenant_id, id, item_id, version, side, decision, recorded_at)
                VALUES (current_tenant_id(), gen_random_uuid(), ?, 1, 'JAPAN', 'DISAGREE', '2026-01-01T00:00:00Z')""", item))
                .isInstanceOf(SQLException.class).hasMessageContaining("register_approval_disagreement_explained");
        TenantView other = fixtures.tenant("Elsewhere");
        assertThat(sql.rows(other.id(), "SELECT id FROM register_item")).isEmpty();
        assertThat(sql.rows(tenant.id(), "SELECT id FROM register_item")).hasSize(1);
    }
}
