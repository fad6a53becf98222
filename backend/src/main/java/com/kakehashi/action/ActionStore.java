package com.kakehashi.action;

import com.kakehashi.jdbc.ParameterBinder;
import com.kakehashi.jdbc.RowReader;
import com.kakehashi.jdbc.Sql;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.WarningSign;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * action, action_owner and action_comment in plain SQL for the tenant in context (Row Level Security
 * applies; new rows take their tenant from {@code current_tenant_id()}). Every date and instant comes
 * in as a parameter from the application's clock.
 */
@Singleton
class ActionStore {

    /** An action row as stored. */
    record Row(UUID id, UUID engagementId, @Nullable UUID alertId, String title, @Nullable String description,
               String language, List<WarningSign> signs, LocalDate startOn, LocalDate dueOn, ActionStatus status,
               @Nullable String dropReason, @Nullable LocalDate startedOn, @Nullable LocalDate doneOn,
               @Nullable LocalDate droppedOn, UUID createdBy, Instant createdAt, Instant updatedAt) {
    }

    /** One side's owner as stored: a user, or a named person. */
    record Owner(Side side, @Nullable UUID userId, @Nullable String name, @Nullable String email, @Nullable String language,
                 @Nullable Instant agreedAt, @Nullable UUID agreedBy) {

        boolean samePerson(@Nullable Owner other) {
            if (other == null) {
                return false;
            }
            return userId != null ? userId.equals(other.userId)
                    : other.userId == null && email.equalsIgnoreCase(other.email) && name.equals(other.name) && language.equals(other.language);
        }
    }

    private static final String COLUMNS = """
            id, engagement_id, alert_id, title, description, language, signs, start_on, due_on, status, drop_reason,
            started_on, done_on, dropped_on, created_by, created_at, updated_at""";

    private final JdbcOperations jdbc;

    ActionStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Row row) {
        update("""
                INSERT INTO action (tenant_id, id, engagement_id, alert_id, title, description, language, signs, start_on,
                                    due_on, status, created_by, created_at, updated_at)
                VALUES (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, row.id());
            ps.setObject(2, row.engagementId());
            ps.setObject(3, row.alertId());
            ps.setString(4, row.title());
            ps.setString(5, row.description());
            ps.setString(6, row.language());
            ps.setArray(7, signs(ps.getConnection(), row.signs()));
            ps.setObject(8, row.startOn());
            ps.setObject(9, row.dueOn());
            ps.setString(10, row.status().name());
            ps.setObject(11, row.createdBy());
            ps.setTimestamp(12, Timestamp.from(row.createdAt()));
            ps.setTimestamp(13, Timestamp.from(row.updatedAt()));
        });
    }

    void updateContent(UUID id, String title, @Nullable String description, String language, List<WarningSign> signs,
                       LocalDate startOn, LocalDate dueOn, ActionStatus status, Instant at) {
        update("""
                UPDATE action SET title = ?, description = ?, language = ?, signs = ?, start_on = ?, due_on = ?, status = ?,
                                  updated_at = ?
                WHERE id = ?""", ps -> {
            ps.setString(1, title);
            ps.setString(2, description);
            ps.setString(3, language);
            ps.setArray(4, signs(ps.getConnection(), signs));
            ps.setObject(5, startOn);
            ps.setObject(6, dueOn);
            ps.setString(7, status.name());
            ps.setTimestamp(8, Timestamp.from(at));
            ps.setObject(9, id);
        });
    }

    void transition(UUID id, ActionStatus status, @Nullable LocalDate startedOn, @Nullable LocalDate doneOn,
                    @Nullable LocalDate droppedOn, @Nullable String dropReason, Instant at) {
        update("""
                UPDATE action SET status = ?, started_on = ?, done_on = ?, dropped_on = ?, drop_reason = ?, updated_at = ?
                WHERE id = ?""", ps -> {
            ps.setString(1, status.name());
            ps.setObject(2, startedOn);
            ps.setObject(3, doneOn);
            ps.setObject(4, droppedOn);
            ps.setString(5, dropReason);
            ps.setTimestamp(6, Timestamp.from(at));
            ps.setObject(7, id);
        });
    }

    /** @param lock FOR UPDATE: a change reads the row it changes, so two agreements cannot both miss each other */
    Optional<Row> find(UUID id, boolean lock) {
        List<Row> found = query("SELECT " + COLUMNS + " FROM action WHERE id = ?" + (lock ? " FOR UPDATE" : ""),
                ps -> ps.setObject(1, id), ActionStore::row);
        return found.stream().findFirst();
    }

    List<Row> list(@Nullable UUID engagementId, @Nullable ActionStatus status) {
        return query("SELECT " + COLUMNS + """
                 FROM action
                WHERE (?::uuid IS NULL OR engagement_id = ?::uuid) AND (?::text IS NULL OR status = ?::text)
                ORDER BY due_on, created_at, id""", ps -> {
            ps.setObject(1, engagementId);
            ps.setObject(2, engagementId);
            ps.setString(3, status == null ? null : status.name());
            ps.setString(4, status == null ? null : status.name());
        }, ActionStore::row);
    }

    /** Open actions (not DONE or DROPPED) due before {@code today}. */
    List<Row> overdue(LocalDate today) {
        return query("SELECT " + COLUMNS + """
                 FROM action
                WHERE status IN ('PROPOSED', 'AGREED', 'IN_PROGRESS') AND due_on < ?
                ORDER BY due_on, id""", ps -> ps.setObject(1, today), ActionStore::row);
    }

    Map<UUID, Map<Side, Owner>> owners(Collection<UUID> actionIds) {
        Map<UUID, Map<Side, Owner>> owners = new HashMap<>();
        if (actionIds.isEmpty()) {
            return owners;
        }
        jdbc.prepareStatement("""
                SELECT action_id, side, user_id, name, email, language, agreed_at, agreed_by
                FROM action_owner WHERE action_id = ANY (?)""", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", actionIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Side side = Side.valueOf(rs.getString(2));
                    owners.computeIfAbsent(rs.getObject(1, UUID.class), id -> new EnumMap<>(Side.class))
                            .put(side, new Owner(side, rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5),
                                    rs.getString(6), instant(rs.getTimestamp(7)), rs.getObject(8, UUID.class)));
                }
            }
            return null;
        });
        return owners;
    }

    /** The side's owner, without an agreement (a new owner has agreed to nothing yet). */
    void putOwner(UUID actionId, Owner owner) {
        update("""
                INSERT INTO action_owner (tenant_id, action_id, side, user_id, name, email, language)
                VALUES (current_tenant_id(), ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, action_id, side) DO UPDATE
                SET user_id = EXCLUDED.user_id, name = EXCLUDED.name, email = EXCLUDED.email, language = EXCLUDED.language,
                    agreed_at = NULL, agreed_by = NULL""", ps -> {
            ps.setObject(1, actionId);
            ps.setString(2, owner.side().name());
            ps.setObject(3, owner.userId());
            ps.setString(4, owner.name());
            ps.setString(5, owner.email());
            ps.setString(6, owner.language());
        });
    }

    void clearAgreements(UUID actionId) {
        update("UPDATE action_owner SET agreed_at = NULL, agreed_by = NULL WHERE action_id = ?", ps -> ps.setObject(1, actionId));
    }

    void agree(UUID actionId, Side side, Instant at, UUID by) {
        update("UPDATE action_owner SET agreed_at = ?, agreed_by = ? WHERE action_id = ? AND side = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setObject(2, by);
            ps.setObject(3, actionId);
            ps.setString(4, side.name());
        });
    }

    List<ActionCommentView> comments(UUID actionId) {
        return query("""
                SELECT id, action_id, author_id, author_email, text, language, created_at FROM action_comment
                WHERE action_id = ? ORDER BY created_at, id""", ps -> ps.setObject(1, actionId), rs ->
                new ActionCommentView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()));
    }

    void addComment(ActionCommentView comment) {
        update("""
                INSERT INTO action_comment (tenant_id, id, action_id, author_id, author_email, text, language, created_at)
                VALUES (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?)""", ps -> {
            ps.setObject(1, comment.id());
            ps.setObject(2, comment.actionId());
            ps.setObject(3, comment.authorId());
            ps.setString(4, comment.authorEmail());
            ps.setString(5, comment.text());
            ps.setString(6, comment.language());
            ps.setTimestamp(7, Timestamp.from(comment.createdAt()));
        });
    }

    private static Row row(ResultSet rs) throws SQLException {
        Array signs = rs.getArray(7);
        List<WarningSign> parsed = Arrays.stream((String[]) signs.getArray()).map(WarningSign::valueOf).toList();
        return new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getString(4),
                rs.getString(5), rs.getString(6), parsed, rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                ActionStatus.valueOf(rs.getString(10)), rs.getString(11), rs.getObject(12, LocalDate.class), rs.getObject(13, LocalDate.class),
                rs.getObject(14, LocalDate.class), rs.getObject(15, UUID.class), rs.getTimestamp(16).toInstant(),
                rs.getTimestamp(17).toInstant());
    }

    private static Array signs(java.sql.Connection connection, List<WarningSign> signs) throws SQLException {
        return connection.createArrayOf("text", signs.stream().map(Enum::name).toArray());
    }

    private static Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private <T> List<T> query(String sql, ParameterBinder binder, RowReader<T> reader) {
        return Sql.list(jdbc, sql, binder, reader);
    }

    private int update(String sql, ParameterBinder binder) {
        return Sql.update(jdbc, sql, binder);
    }
}
