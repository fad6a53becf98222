package com.kakehashi.alert;

import com.kakehashi.engagement.EngagementDetails;
import com.kakehashi.engagement.EngagementService;
import com.kakehashi.engagement.EngagementStatus;
import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.support.Fixtures;
import com.kakehashi.survey.InstrumentItemView;
import com.kakehashi.survey.InstrumentService;
import com.kakehashi.survey.InstrumentVersionView;
import com.kakehashi.survey.InstrumentView;
import com.kakehashi.survey.NewInstrument;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.NewTenant;
import com.kakehashi.tenant.TenantService;
import com.kakehashi.tenant.TenantView;
import com.kakehashi.wave.WaveService;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A tenant with an engagement (one assigned consultant), a published default instrument and a
 * schedule. Waves get raw responses (rows as the respondent page stores them) and are then closed
 * through {@link WaveService#close}, so the real close path runs: the insight listener rebuilds the
 * rollups from the raw responses, then the alert listener evaluates.
 * <p>
 * A respondent is given a risk level x (1–5) and answers every item of their side so that the
 * item's value after reverse keying is x: the sign indices are then exactly 25 (x − 1), and a group's
 * index is the mean of its respondents' (with 5 respondents: 5 Σx − 25). Only x = 3 gives neutral answers.
 */
@Singleton
public class AlertWorld {


    @Inject
    Fixtures fixtures;
    @Inject
    TenantService tenants;
    @Inject
    EngagementService engagements;
    @Inject
    InstrumentService instruments;
    @Inject
    WaveService waves;
    @Inject
    com.kakehashi.support.AppRoleSql appSql;

    public final class World {
        public final TenantView tenant;
        public final UUID engagementId;
        final UUID scheduleId;
        final InstrumentVersionView version;
        public final UserView consultant;
        public final UserView executive;
        public final Caller operator;
        private LocalDate next = LocalDate.of(2026, 1, 5);

        World(TenantView tenant, UUID engagementId, UUID scheduleId, InstrumentVersionView version, UserView consultant,
              UserView executive, Caller operator) {
            this.tenant = tenant;
            this.engagementId = engagementId;
            this.scheduleId = scheduleId;
            this.version = version;
            this.consultant = consultant;
            this.executive = executive;
            this.operator = operator;
        }

        public UUID id() {
            return tenant.id();
        }

        /** An open wave, a fortnight after the previous one. */
        public UUID wave() throws SQLException {
            UUID waveId = UUID.randomUUID();
            Instant opens = Instant.now().minus(Duration.ofHours(1));
            sql(id(), """
                    INSERT INTO wave (tenant_id, id, schedule_id, instrument_version_id, occurrence_date, kind, status, opens_at, closes_at)
                    VALUES (?, ?, ?, ?, ?, 'SCHEDULED', 'OPEN', ?, ?)
                    """, id(), waveId, scheduleId, version.id(), next, Timestamp.from(opens), Timestamp.from(opens.plus(Duration.ofDays(7))));
            next = next.plusWeeks(2);
            return waveId;
        }

        /** One response per level in {@code levels}, as stored by the respondent page. */
        public void respond(UUID waveId, Side side, int... levels) throws SQLException {
            for (int x : levels) {
                UUID responseId = UUID.randomUUID();
                sql(id(), """
                        INSERT INTO response (tenant_id, id, wave_id, side, level, language, delay_bucket)
                        VALUES (?, ?, ?, ?, 'STAFF', 'en', 'UNDER_1D')
                        """, id(), responseId, waveId, side.name());
                // One statement per response: each statement is a connection of its own.
                List<InstrumentItemView> asked = items(side);
                List<Object> values = new java.util.ArrayList<>();
                for (InstrumentItemView item : asked) {
                    values.addAll(List.of(id(), responseId, item.code(), (short) (item.reverseKeyed() ? 6 - x : x)));
                }
                sql(id(), "INSERT INTO response_answer (tenant_id, response_id, item_code, value) VALUES "
                        + String.join(", ", java.util.Collections.nCopies(asked.size(), "(?, ?, ?, ?)")), values.toArray());
            }
        }

        /** Invitations (who was asked); answers are separate, as in the real tables. */
        public void invite(UUID waveId, Side side, int count) throws SQLException {
            List<Object> values = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                values.addAll(java.util.Arrays.asList(id(), UUID.randomUUID(), waveId, side.name(),
                        Timestamp.from(Instant.now().minus(Duration.ofMinutes(30)))));
            }
            if (count > 0) {
                sql(id(), "INSERT INTO invitation (tenant_id, id, wave_id, participant_id, side, level, language, time_zone, send_at) VALUES "
                        + String.join(", ", java.util.Collections.nCopies(count, "(?, ?, ?, NULL, ?, 'STAFF', 'en', 'Asia/Tokyo', ?)")),
                        values.toArray());
            }
        }

        /** Closes through the wave service, as the console and the wave-closer do. */
        public void close(UUID waveId) {
            TenantContext.runAs(id(), () -> waves.close(operator, waveId));
        }

        List<InstrumentItemView> items(Side side) {
            return version.items().stream().filter(i -> side == Side.JAPAN ? i.audience().asksJapan() : i.audience().asksHq()).toList();
        }

        public List<Map<String, String>> alerts() throws SQLException {
            return rows(id(), "SELECT * FROM alert ORDER BY created_at, id");
        }

        List<Map<String, String>> alerts(String rule, String side) throws SQLException {
            return alerts().stream().filter(a -> a.get("rule").equals(rule) && java.util.Objects.equals(a.get("side"), side)).toList();
        }
    }

    /** {@code count} respondents of each given level, e.g. {@code levels(6, 5, 6, 4)}: six at 5, six at 4. */
    public static int[] levels(int... countAndLevel) {
        java.util.List<Integer> all = new java.util.ArrayList<>();
        for (int i = 0; i < countAndLevel.length; i += 2) {
            for (int j = 0; j < countAndLevel[i]; j++) {
                all.add(countAndLevel[i + 1]);
            }
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    public World create(String prefix, int k) throws SQLException {
        UserView operatorUser = fixtures.operator();
        Caller operator = new Caller(operatorUser.id(), operatorUser.email(), Role.OPERATOR);
        TenantView tenant = tenants.create(operator, new NewTenant(prefix + " " + UUID.randomUUID(), "DE", "Europe/Berlin",
                prefix + " KK", k));
        UserView consultant = fixtures.memberOf(tenant, Role.CONSULTANT);
        UserView executive = fixtures.memberOf(tenant, Role.EXECUTIVE);
        UUID engagementId = TenantContext.callAs(tenant.id(), () -> engagements.create(operator, new EngagementDetails(
                "Alerts " + UUID.randomUUID(), null, LocalDate.of(2026, 1, 1), null, EngagementStatus.ACTIVE,
                List.of(consultant.id())))).id();
        InstrumentVersionView version = TenantContext.callAs(tenant.id(), () -> {
            InstrumentView created = instruments.create(operator, new NewInstrument("Pulse", true));
            UUID draft = created.versions().getFirst().id();
            instruments.publish(operator, created.id(), draft);
            return instruments.publishedVersion(draft).orElseThrow();
        });
        UUID scheduleId = UUID.randomUUID();
        sql(tenant.id(), """
                INSERT INTO pulse_schedule (tenant_id, id, engagement_id, instrument_version_id, name, cadence,
                                            japan_send_time, hq_send_time, days_open, start_date)
                VALUES (?, ?, ?, ?, 'Fortnightly pulse', 'BIWEEKLY', ?, ?, 7, ?)
                """, tenant.id(), scheduleId, engagementId, version.id(), LocalTime.of(9, 0), LocalTime.of(9, 0),
                LocalDate.of(2099, 1, 1));
        return new World(tenant, engagementId, scheduleId, version, consultant, executive, operator);
    }

    public void sql(UUID tenant, String sql, Object... parameters) throws SQLException {
        appSql.update(tenant, sql, parameters);
    }

    public List<Map<String, String>> rows(UUID tenant, String sql, Object... parameters) throws SQLException {
        return appSql.rows(tenant, sql, parameters);
    }
}
