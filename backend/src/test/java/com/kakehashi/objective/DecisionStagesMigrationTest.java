package com.kakehashi.objective;

import com.kakehashi.support.ScratchMigration;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

import static com.kakehashi.support.ScratchMigration.exec;
import static com.kakehashi.support.ScratchMigration.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Liquibase 0025 on decisions in the old shape: they stay valid without stage dates, and the new
 * CHECKs refuse an execution start before the proposal or the approval, even past the API.
 */
class DecisionStagesMigrationTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final UUID ENGAGEMENT = UUID.randomUUID();

    @Test
    void oldDecisionsStayValidWithoutDatesAndTheDatabaseRefusesExecutionOutOfOrder() throws Exception {
        UUID old = UUID.randomUUID();
        try (ScratchMigration db = ScratchMigration.upTo("_mig25", "0025")) {
            Connection c = db.owner();
            c.setAutoCommit(false);
            exec(c, "SELECT set_config('app.tenant_id', ?, true)", TENANT.toString());
            exec(c, "INSERT INTO tenant (id, name, hq_country, hq_time_zone, japan_subsidiary_name) VALUES (?, ?, 'DE', 'Europe/Berlin', 'KK')",
                    TENANT, "Migration " + TENANT);
            exec(c, "INSERT INTO engagement (tenant_id, id, name, start_date, status) VALUES (?, ?, 'E', ?, 'ACTIVE')", TENANT,
                    ENGAGEMENT, LocalDate.of(2025, 1, 1));
            exec(c, "INSERT INTO decision (tenant_id, id, engagement_id, title, proposed_on, approved_on, japan_consulted) "
                    + "VALUES (?, ?, ?, 'Old', ?, ?, true)", TENANT, old, ENGAGEMENT, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 2, 10));
            c.commit();

            db.rest();
            exec(c, "SELECT set_config('app.tenant_id', ?, false)", TENANT.toString());

            assertThat(rows(c, "SELECT consulted_on, execution_started_on, japan_consulted FROM decision WHERE id = '" + old + "'"))
                    .singleElement().satisfies(r -> assertThat(r).containsEntry("consulted_on", null)
                            .containsEntry("execution_started_on", null).containsEntry("japan_consulted", "t"));
            exec(c, "UPDATE decision SET consulted_on = '2025-01-20', execution_started_on = '2025-02-10' WHERE id = ?", old);
            assertThatThrownBy(() -> exec(c, "UPDATE decision SET execution_started_on = '2025-02-09' WHERE id = ?", old))
                    .isInstanceOf(SQLException.class).hasMessageContaining("decision_execution_after_approval");
            assertThatThrownBy(() -> exec(c, "UPDATE decision SET approved_on = NULL, execution_started_on = '2025-01-31' WHERE id = ?", old))
                    .isInstanceOf(SQLException.class).hasMessageContaining("decision_execution_after_proposal");
        }
    }
}
