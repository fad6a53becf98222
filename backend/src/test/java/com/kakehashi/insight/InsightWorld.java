package com.kakehashi.insight;

import com.kakehashi.engagement.EngagementDetails;
import com.kakehashi.engagement.EngagementService;
import com.kakehashi.engagement.EngagementStatus;
import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.invitation.InvitationTokens;
import com.kakehashi.support.Fixtures;
import com.kakehashi.survey.InstrumentItemView;
import com.kakehashi.survey.InstrumentService;
import com.kakehashi.survey.InstrumentVersionView;
import com.kakehashi.survey.InstrumentView;
import com.kakehashi.survey.NewInstrument;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.NewTenant;
import com.kakehashi.tenant.TenantService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tenants with waves that people answer through the real respondent page (the response is queued
 * and the background folder adds it to the rollups; {@link World#respond} waits for that, as a
 * dashboard reader a moment later would). Schedule, wave, invitation and token rows are plain SQL as the app role.
 */
@Singleton
class InsightWorld {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Fixtures fixtures;
    @Inject
    TenantService tenants;
    @Inject
    EngagementService engagements;
    @Inject
    InstrumentService instruments;
    @Inject
    EmbeddedServer server;
    @Inject
    com.kakehashi.support.AppRoleSql appSql;
    @Inject
    com.kakehashi.wave.WaveService waveService;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final class World {
        final UUID tenant;
        final UUID engagementId;
        final UUID scheduleId;
        final InstrumentVersionView version;
        final UserView executive;

        World(UUID tenant, UUID engagementId, UUID scheduleId, InstrumentVersionView version, UserView executive) {
            this.tenant = tenant;
            this.engagementId = engagementId;
            this.scheduleId = scheduleId;
            this.version = version;
            this.executive = executive;
        }

        UUID wave(LocalDate occurrence) throws SQLException {
            UUID waveId = UUID.randomUUID();
            Instant opens = Instant.now().minus(Duration.ofHours(1));
            sql(tenant, """
                    INSERT INTO wave (tenant_id, id, schedule_id, instrument_version_id, occurrence_date, kind, status, opens_at, closes_at)
                    VALUES (?, ?, ?, ?, ?, 'SCHEDULED', 'OPEN', ?, ?)
                    """, tenant, waveId, scheduleId, version.id(), occurrence, Timestamp.from(opens),
                    Timestamp.from(opens.plus(Duration.ofDays(7))));
            return waveId;
        }

        /** Closes the wave as an operator would (its rollups are rebuilt): its results may now be read. */
        void close(UUID waveId) {
            UserView operator = fixtures.operator();
            TenantContext.runAs(tenant, () -> waveService.close(new Caller(operator.id(), operator.email(), Role.OPERATOR), waveId));
        }

        /**
         * A closed wave of comments: Japan's from staff and middle managers in turn, HQ's from staff,
         * and three HQ executives who answer without one.
         */
        UUID closedWaveWithComments(LocalDate occurrence, List<String> japan, List<String> hq) throws Exception {
            UUID waveId = wave(occurrence);
            for (int i = 0; i < japan.size(); i++) {
                respond(waveId, Side.JAPAN, i % 2 == 0 ? Level.STAFF : Level.MIDDLE_MANAGER, Map.of(), japan.get(i));
            }
            for (String comment : hq) {
                respond(waveId, Side.HQ, Level.STAFF, Map.of(), comment);
            }
            for (int i = 0; i < 3; i++) {
                respond(waveId, Side.HQ, Level.EXECUTIVE, Map.of(), null);
            }
            close(waveId);
            return waveId;
        }

        /** Marks the wave closed without rebuilding its rollups, to read what the incremental folds produced. */
        void markClosed(UUID waveId) throws SQLException {
            sql(tenant, "UPDATE wave SET status = 'CLOSED', closed_at = now() WHERE id = ?", waveId);
        }

        /** An invitation nobody answers. */
        void invite(UUID waveId, Side side, Level level) throws SQLException {
            invitation(waveId, side, level);
        }

        /** Invites one person and answers through the respondent page: 3 for items not given. */
        void respond(UUID waveId, Side side, Level level, Map<String, Integer> answers, @Nullable String comment)
                throws Exception {
            String token = invitation(waveId, side, level);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("lang", "en");
            for (InstrumentItemView item : items(side)) {
                form.put("q_" + item.code(), String.valueOf(answers.getOrDefault(item.code(), 3)));
            }
            if (comment != null) {
                form.put("comment", comment);
            }
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(server.getURI().resolve("/s/" + token))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (reply.statusCode() != 200 || !rows(tenant, "SELECT responded FROM invitation WHERE id IN "
                    + "(SELECT invitation_id FROM invitation_token WHERE token_hash = ?)", InvitationTokens.hash(token))
                    .getFirst().get("responded").equals("t")) {
                throw new IllegalStateException("answer not stored: " + reply.statusCode() + " " + reply.body());
            }
            awaitFolded();
        }

        /** Waits until the background folder has emptied this tenant's queue of unfolded responses. */
        void awaitFolded() throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!rows(tenant, "SELECT count(*) AS queued FROM insight_pending").getFirst().get("queued").equals("0")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("responses still queued for the rollups after 20 s");
                }
                Thread.sleep(5);
            }
        }

        List<InstrumentItemView> items(Side side) {
            return version.items().stream().filter(i -> side == Side.JAPAN ? i.audience().asksJapan() : i.audience().asksHq()).toList();
        }

        private String invitation(UUID waveId, Side side, Level level) throws SQLException {
            UUID invitationId = UUID.randomUUID();
            sql(tenant, """
                    INSERT INTO invitation (tenant_id, id, wave_id, participant_id, side, level, language, time_zone, send_at)
                    VALUES (?, ?, ?, NULL, ?, ?, 'en', 'Asia/Tokyo', ?)
                    """, tenant, invitationId, waveId, side.name(), level.name(), Timestamp.from(Instant.now().minus(Duration.ofMinutes(30))));
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            sql(tenant, "INSERT INTO invitation_token (token_hash, tenant_id, invitation_id, expires_at) VALUES (?, ?, ?, ?)",
                    InvitationTokens.hash(token), tenant, invitationId, Timestamp.from(Instant.now().plus(Duration.ofDays(8))));
            return token;
        }
    }

    World create(String prefix, int k) throws SQLException {
        UserView operator = fixtures.operator();
        Caller caller = new Caller(operator.id(), operator.email(), Role.OPERATOR);
        UUID tenant = tenants.create(caller, new NewTenant(prefix + " " + UUID.randomUUID(), "DE", "Europe/Berlin",
                prefix + " KK", k)).id();
        UUID engagementId = TenantContext.callAs(tenant, () -> engagements.create(caller, new EngagementDetails(
                "Insight " + UUID.randomUUID(), null, LocalDate.of(2026, 1, 1), null, EngagementStatus.ACTIVE, null))).id();
        InstrumentVersionView version = TenantContext.callAs(tenant, () -> {
            InstrumentView created = instruments.create(caller, new NewInstrument("Pulse", true));
            UUID draft = created.versions().getFirst().id();
            instruments.publish(caller, created.id(), draft);
            return instruments.publishedVersion(draft).orElseThrow();
        });
        UUID scheduleId = UUID.randomUUID();
        sql(tenant, """
                INSERT INTO pulse_schedule (tenant_id, id, engagement_id, instrument_version_id, name, cadence,
                                            japan_send_time, hq_send_time, days_open, start_date)
                VALUES (?, ?, ?, ?, 'Fortnightly pulse', 'BIWEEKLY', ?, ?, 7, ?)
                """, tenant, scheduleId, engagementId, version.id(), LocalTime.of(9, 0), LocalTime.of(9, 0),
                LocalDate.of(2099, 1, 1));
        UserView executive = fixtures.memberOf(tenants.visibleTo(caller).stream().filter(t -> t.id().equals(tenant))
                .findFirst().orElseThrow(), Role.EXECUTIVE);
        return new World(tenant, engagementId, scheduleId, version, executive);
    }

    void sql(UUID tenant, String sql, Object... parameters) throws SQLException {
        appSql.update(tenant, sql, parameters);
    }

    interface Statements {
        void run(java.sql.Connection connection) throws SQLException;
    }

    /** Statements as the app role in one transaction, so the background fold never sees them half done. */
    void inOneTransaction(UUID tenant, Statements statements) throws SQLException {
        try (java.sql.Connection connection = appSql.connection(tenant)) {
            connection.setAutoCommit(false);
            statements.run(connection);
            connection.commit();
        }
    }

    List<Map<String, String>> rows(UUID tenant, String sql, Object... parameters) throws SQLException {
        return appSql.rows(tenant, sql, parameters);
    }
}
