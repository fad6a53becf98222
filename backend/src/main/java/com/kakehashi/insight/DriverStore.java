package com.kakehashi.insight;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The key-driver analysis' read of raw answers (insight owns them): every answer of the given waves
 * and sides, grouped by response. A response carries no participant, so each response is one row;
 * the caller has checked that the waves are closed. Callers hold the transaction.
 */
@Singleton
class DriverStore {

    record Answer(UUID responseId, UUID waveId, String side, String itemCode, int value) {
    }

    private final JdbcOperations jdbc;

    DriverStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<Answer> answers(List<UUID> waves, List<String> sides) {
        if (waves.isEmpty() || sides.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement("""
                SELECT r.id, r.wave_id, r.side, a.item_code, a.value
                FROM response r JOIN response_answer a ON a.response_id = r.id
                WHERE r.wave_id = ANY (?) AND r.side = ANY (?)
                ORDER BY r.id
                """, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", waves.toArray()));
            ps.setArray(2, ps.getConnection().createArrayOf("text", sides.toArray()));
            List<Answer> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Answer(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getInt(5)));
                }
            }
            return rows;
        });
    }
}
