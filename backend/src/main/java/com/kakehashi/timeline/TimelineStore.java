package com.kakehashi.timeline;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** timeline_event in plain SQL; Row Level Security scopes it to the tenant in context. */
@Singleton
class TimelineStore {

    private static final String COLUMNS = "id, engagement_id, occurred_on, kind, label_en, label_ja, created_by, created_at";

    private final JdbcOperations jdbc;

    TimelineStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    List<TimelineEventView> of(UUID engagementId) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM timeline_event WHERE engagement_id = ? ORDER BY occurred_on, created_at",
                ps -> {
                    ps.setObject(1, engagementId);
                    List<TimelineEventView> events = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            events.add(row(rs));
                        }
                    }
                    return events;
                });
    }

    TimelineEventView insert(UUID engagementId, NewTimelineEvent event, String labelEn, String labelJa, UUID createdBy) {
        return jdbc.prepareStatement("""
                INSERT INTO timeline_event (tenant_id, id, engagement_id, occurred_on, kind, label_en, label_ja, created_by)
                VALUES (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?) RETURNING\s""" + COLUMNS, ps -> {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, engagementId);
            ps.setObject(3, event.occurredOn());
            ps.setString(4, event.kind().name());
            ps.setString(5, labelEn);
            ps.setString(6, labelJa);
            ps.setObject(7, createdBy);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return row(rs);
            }
        });
    }

    boolean delete(UUID engagementId, UUID eventId) {
        return jdbc.prepareStatement("DELETE FROM timeline_event WHERE engagement_id = ? AND id = ?", ps -> {
            ps.setObject(1, engagementId);
            ps.setObject(2, eventId);
            return ps.executeUpdate() == 1;
        });
    }

    private static TimelineEventView row(ResultSet rs) throws SQLException {
        Timestamp created = rs.getTimestamp(8);
        return new TimelineEventView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getDate(3).toLocalDate(),
                EventKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), false, rs.getObject(7, UUID.class),
                created == null ? null : created.toInstant());
    }
}
