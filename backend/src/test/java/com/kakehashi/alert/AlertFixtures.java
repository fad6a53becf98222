package com.kakehashi.alert;

import com.kakehashi.support.AppRoleSql;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.util.UUID;

/** An OPEN alert condition opened by a wave, written as the app role, for tests that need one without closing waves. */
@Singleton
public class AlertFixtures {

    private final AppRoleSql sql;

    AlertFixtures(AppRoleSql sql) {
        this.sql = sql;
    }

    public String openAlert(UUID tenantId, String engagementId, String waveId) {
        UUID id = UUID.randomUUID();
        try {
            // Alert knows a wave once it has seen it close (alert_wave); a condition's wave is always one of those.
            sql.update(tenantId, """
                    INSERT INTO alert_wave (tenant_id, wave_id, engagement_id, occurrence_date, closes_at, closed_at, evaluated_at)
                    SELECT tenant_id, id, ?::uuid, occurrence_date, closes_at, closed_at, closes_at FROM wave WHERE id = ?::uuid
                    ON CONFLICT (tenant_id, wave_id) DO NOTHING
                    """, engagementId, waveId);
            sql.update(tenantId, """
                    INSERT INTO alert (tenant_id, id, engagement_id, wave_id, opened_wave_id, rule, sign, side, severity, value, threshold)
                    VALUES (?, ?, ?::uuid, ?::uuid, ?::uuid, 'SIGN_ABOVE_THRESHOLD', ?, 'JAPAN', 'HIGH', 70, 60)
                    """, tenantId, id, engagementId, waveId, waveId, "EXCLUSION-" + id); // one open condition per key
            sql.update(tenantId, """
                    INSERT INTO alert_observation (tenant_id, alert_id, wave_id, outcome, value) VALUES (?, ?, ?::uuid, 'FIRED', 70)
                    """, tenantId, id, waveId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id.toString();
    }
}
