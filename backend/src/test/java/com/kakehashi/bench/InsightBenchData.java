package com.kakehashi.bench;

import com.kakehashi.engagement.EngagementDetails;
import com.kakehashi.engagement.EngagementService;
import com.kakehashi.engagement.EngagementStatus;
import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.insight.InsightRollups;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.PulseFixtures;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.TenantView;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A tenant with two years of closed fortnightly waves, written with set-based SQL as the app role
 * inside the tenant (the real tables, constraints and Row Level Security), then rolled up per wave
 * by {@link InsightRollups#recompute}, the code a wave close runs. Generating the ~70,000 responses
 * per tenant through the respondent page would take hours; what the trend endpoint reads is the same.
 */
@Singleton
class InsightBenchData {

    /** One generated tenant: its consultant, engagement and waves (oldest first). */
    record Tenant(UUID id, UserView consultant, UUID engagementId, List<UUID> waves) {
    }

    /** 60 % JAPAN, 40 % HQ; 5 % executives, 25 % middle managers, the rest staff. */
    private static final String PARTICIPANTS = """
            INSERT INTO participant (tenant_id, id, email, display_name, side, level, language, time_zone)
            SELECT current_tenant_id(), gen_random_uuid(), 'p' || g || '@bench.example', 'Bench ' || g,
                   CASE WHEN g % 5 < 3 THEN 'JAPAN' ELSE 'HQ' END,
                   CASE WHEN g % 20 = 0 THEN 'EXECUTIVE' WHEN g % 4 = 1 THEN 'MIDDLE_MANAGER' ELSE 'STAFF' END,
                   CASE WHEN g % 5 < 3 THEN 'ja' ELSE 'en' END,
                   CASE WHEN g % 5 < 3 THEN 'Asia/Tokyo' ELSE 'Europe/Berlin' END
            FROM generate_series(1, ?) g""";

    private static final String SCHEDULE = """
            INSERT INTO pulse_schedule (tenant_id, id, engagement_id, instrument_version_id, name, cadence,
                                        japan_send_time, hq_send_time, days_open, start_date)
            VALUES (current_tenant_id(), ?, ?, ?, 'Fortnightly pulse', 'BIWEEKLY', '09:00', '09:00', 7, ?::date)""";

    private static final String WAVES = """
            INSERT INTO wave (tenant_id, id, schedule_id, instrument_version_id, occurrence_date, kind, status,
                              opens_at, closes_at, closed_at)
            SELECT current_tenant_id(), gen_random_uuid(), ?, ?, d, 'SCHEDULED', 'CLOSED',
                   (d + time '09:00') AT TIME ZONE 'Asia/Tokyo', (d + 7 + time '09:00') AT TIME ZONE 'Asia/Tokyo',
                   (d + 7 + time '09:00') AT TIME ZONE 'Asia/Tokyo'
            FROM (SELECT ?::date + 14 * g AS d FROM generate_series(0, ? - 1) g) w""";

    /** Response rate 57–81 %: a slow swing over the two years, HQ a little lower than Japan. */
    private static final String INVITATIONS = """
            INSERT INTO invitation (tenant_id, id, wave_id, participant_id, side, level, language, time_zone, send_at, responded)
            SELECT current_tenant_id(), gen_random_uuid(), w.id, p.id, p.side, p.level, p.language, p.time_zone, w.opens_at,
                   random() < 0.71 + 0.07 * sin((w.occurrence_date - ?::date) / 70.0)
                                   + CASE WHEN p.side = 'HQ' THEN -0.03 ELSE 0.03 END
            FROM wave w CROSS JOIN participant p
            WHERE w.schedule_id = ?""";

    /** Anonymous responses of the invitations that answered; 8 % leave a comment. */
    private static final String RESPONSES = """
            INSERT INTO response (tenant_id, id, wave_id, side, level, language, delay_bucket, comment)
            SELECT current_tenant_id(), gen_random_uuid(), i.wave_id, i.side, i.level, i.language,
                   (ARRAY['UNDER_1H', 'UNDER_1D', 'UNDER_3D', 'LATER'])[1 + floor(random() * random() * 4)::int],
                   CASE WHEN random() < 0.08 THEN 'bench comment ' || floor(random() * 1000) END
            FROM invitation i JOIN wave w ON w.id = i.wave_id
            WHERE i.responded AND w.schedule_id = ?""";

    /**
     * Every item the respondent's side is asked. A per-sign risk swings over the two years (Japan
     * sees more of it than HQ), plus noise of about ±1 point; reverse-keyed items are answered the
     * other way round, so the signal survives reverse keying.
     */
    private static final String ANSWERS = """
            INSERT INTO response_answer (tenant_id, response_id, item_code, value)
            SELECT current_tenant_id(), r.id, it.code,
                   greatest(1, least(5, round(3 + CASE WHEN it.reverse_keyed THEN -1 ELSE 1 END
                       * (0.9 * sin((w.occurrence_date - ?::date) / 84.0 + length(it.sign))
                          + CASE WHEN r.side = 'JAPAN' THEN 0.4 ELSE -0.3 END)
                       + (random() + random() + random() - 1.5) * 1.2)))::smallint
            FROM response r
            JOIN wave w ON w.id = r.wave_id
            JOIN instrument_item it ON it.version_id = w.instrument_version_id AND it.audience IN ('BOTH', r.side)
            WHERE w.schedule_id = ?""";

    private final Fixtures fixtures;
    private final PulseFixtures pulse;
    private final EngagementService engagements;
    private final InsightRollups rollups;

    InsightBenchData(Fixtures fixtures, PulseFixtures pulse, EngagementService engagements, InsightRollups rollups) {
        this.fixtures = fixtures;
        this.pulse = pulse;
        this.engagements = engagements;
        this.rollups = rollups;
    }

    /** Creates and fills one tenant; {@code start} is the first wave's occurrence. */
    Tenant create(String url, String name, int participants, int waves, LocalDate start) throws SQLException {
        TenantView tenant = fixtures.tenant(name);
        UserView user = fixtures.memberOf(tenant, Role.CONSULTANT);
        Caller consultant = new Caller(user.id(), user.email(), Role.CONSULTANT);
        UUID version = pulse.surveyReady(tenant.id(), consultant, 0, 0);
        UUID engagement = TenantContext.callAs(tenant.id(), () -> engagements.create(consultant, new EngagementDetails(
                "HQ–Japan alignment", null, start.minusDays(30), null, EngagementStatus.ACTIVE, List.of())).id());
        UUID schedule = UUID.randomUUID();
        List<UUID> waveIds = new ArrayList<>();
        try (Connection app = Bench.app(url, tenant.id())) {
            app.setAutoCommit(false);
            try (Statement seed = app.createStatement()) {
                seed.execute("SELECT setseed(0.20261123)");
            }
            update(app, PARTICIPANTS, participants);
            update(app, SCHEDULE, schedule, engagement, version, start);
            update(app, WAVES, schedule, version, start, waves);
            update(app, INVITATIONS, start, schedule);
            update(app, RESPONSES, schedule);
            update(app, ANSWERS, start, schedule);
            try (PreparedStatement select = app.prepareStatement(
                    "SELECT id FROM wave WHERE schedule_id = ? ORDER BY occurrence_date")) {
                select.setObject(1, schedule);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        waveIds.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            app.commit();
        }
        // Fresh tables have no statistics. Autovacuum never analyzes a table of fewer than 50 rows, such as
        // one tenant's 21 instrument items; without statistics the rebuild's item-pair statement joins the
        // wave's answers with themselves in a nested loop (minutes per wave of 1,400 responses).
        try (Connection owner = Bench.owner(url); Statement statement = owner.createStatement()) {
            statement.execute("ANALYZE instrument_version, instrument_item, participant, wave, invitation, response, response_answer");
        }
        // What closing each wave does (InsightRollups#onWaveClosed), one wave at a time.
        for (UUID wave : waveIds) {
            TenantContext.runAs(tenant.id(), () -> rollups.recompute(wave));
        }
        return new Tenant(tenant.id(), user, engagement, List.copyOf(waveIds));
    }

    /** What autovacuum would have done by the time anyone reads two years of data. */
    static void vacuumAnalyze(String url) throws SQLException {
        try (Connection owner = Bench.owner(url); Statement statement = owner.createStatement()) {
            statement.execute("VACUUM (ANALYZE) participant, wave, invitation, response, response_answer, insight_sign_rollup, "
                    + "insight_item_rollup, insight_item_pair_rollup, insight_silence_rollup");
        }
    }

    private static void update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
