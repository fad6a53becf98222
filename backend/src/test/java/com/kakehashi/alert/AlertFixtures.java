package com.kakehashi.alert;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** An OPEN alert on a wave, written as the app role, for tests that need one without closing waves. */
@Singleton
public class AlertFixtures {

    @Value("${datasources.default.url}")
    String databaseUrl;

    public String openAlert(UUID tenantId, String engagementId, String waveId) {
        UUID id = UUID.randomUUID();
        try (Connection connection = DriverManager.getConnection(databaseUrl, "kakehashi_app", "kakehashi_app")) {
            try (PreparedStatement set = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
                set.setString(1, tenantId.toString());
                set.execute();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO alert (tenant_id, id, engagement_id, wave_id, rule, sign, side, severity, value, threshold)
                    VALUES (?, ?, ?::uuid, ?::uuid, 'SIGN_ABOVE_THRESHOLD', ?, 'JAPAN', 'HIGH', 70, 60)
                    """)) {
                insert.setObject(1, tenantId);
                insert.setObject(2, id);
                insert.setString(3, engagementId);
                insert.setString(4, waveId);
                insert.setString(5, "EXCLUSION-" + id); // unique per (wave, rule, sign, side)
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id.toString();
    }
}
