package com.kakehashi.lifecycle;

import com.kakehashi.engagement.EngagementDetails;
import com.kakehashi.engagement.EngagementService;
import com.kakehashi.engagement.EngagementStatus;
import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.invitation.InvitationTokens;
import com.kakehashi.support.AppRoleSql;
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
import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.wave.WaveService;
import io.micronaut.context.annotation.Value;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Tenants with waves answered through the real respondent page (the rollup folder adds each answer
 * before {@link World#respond} returns), for the data-lifecycle tests. Schedule, wave, invitation
 * and token rows are plain SQL as the app role, as in insight's InsightWorld.
 */
@Singleton
class LifecycleWorld {

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
    AppRoleSql appSql;
    @Inject
    WaveService waveService;
    @Value("${datasources.default.url}")
    String databaseUrl;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final class World {
        final TenantView tenant;
        final UUID scheduleId;
        final InstrumentVersionView version;
        final UserView consultant;
        final UserView executive;
        final Caller operator;

        World(TenantView tenant, UUID scheduleId, InstrumentVersionView version, UserView consultant, UserView executive,
              Caller operator) {
            this.tenant = tenant;
            this.scheduleId = scheduleId;
            this.version = version;
            this.consultant = consultant;
            this.executive = executive;
            this.operator = operator;
        }

        UUID id() {
            return tenant.id();
        }

        UUID wave(LocalDate occurrence) throws SQLException {
            UUID waveId = UUID.randomUUID();
            Instant opens = Instant.now().minus(Duration.ofHours(1));
            appSql.update(id(), """
                    INSERT INTO wave (tenant_id, id, schedule_id, instrument_version_id, occurrence_date, kind, status, opens_at, closes_at)
                    VALUES (?, ?, ?, ?, ?, 'SCHEDULED', 'OPEN', ?, ?)
                    """, id(), waveId, scheduleId, version.id(), occurrence, Timestamp.from(opens),
                    Timestamp.from(opens.plus(Duration.ofDays(7))));
            return waveId;
        }

        /** Closes the wave as an operator would (its rollups are rebuilt), then dates the close back. */
        void close(UUID waveId, Duration ago) throws SQLException {
            TenantContext.runAs(id(), () -> waveService.close(operator, waveId));
            appSql.update(id(), "UPDATE wave SET closed_at = ? WHERE id = ?", Timestamp.from(Instant.now().minus(ago)), waveId);
        }

        /** Invites one person (or nobody in particular) and answers through the respondent page. */
        void respond(UUID waveId, Side side, Level level, @Nullable UUID participantId, int value, @Nullable String comment)
                throws Exception {
            String token = invitation(waveId, side, level, participantId);
            Map<String, String> form = new LinkedHashMap<>();
            form.put("lang", "en");
            for (InstrumentItemView item : version.items()) {
                if (side == Side.JAPAN ? item.audience().asksJapan() : item.audience().asksHq()) {
                    form.put("q_" + item.code(), String.valueOf(value));
                }
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
            if (reply.statusCode() != 200) {
                throw new IllegalStateException("answer not stored: " + reply.statusCode() + " " + reply.body());
            }
            awaitFolded();
        }

        void awaitFolded() throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!appSql.rows(id(), "SELECT count(*) AS queued FROM insight_pending").getFirst().get("queued").equals("0")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("responses still queued for the rollups after 20 s");
                }
                Thread.sleep(5);
            }
        }

        long count(String sql, Object... parameters) throws SQLException {
            return Long.parseLong(appSql.rows(id(), sql, parameters).getFirst().values().iterator().next());
        }

        private String invitation(UUID waveId, Side side, Level level, @Nullable UUID participantId) throws SQLException {
            UUID invitationId = UUID.randomUUID();
            appSql.update(id(), """
                    INSERT INTO invitation (tenant_id, id, wave_id, participant_id, side, level, language, time_zone, send_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'en', 'Asia/Tokyo', ?)
                    """, id(), invitationId, waveId, participantId, side.name(), level.name(),
                    Timestamp.from(Instant.now().minus(Duration.ofMinutes(30))));
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            appSql.update(id(), "INSERT INTO invitation_token (token_hash, tenant_id, invitation_id, expires_at) VALUES (?, ?, ?, ?)",
                    InvitationTokens.hash(token), id(), invitationId, Timestamp.from(Instant.now().plus(Duration.ofDays(8))));
            return token;
        }
    }

    World create(String prefix) throws SQLException {
        UserView operatorUser = fixtures.operator();
        Caller operator = new Caller(operatorUser.id(), operatorUser.email(), Role.OPERATOR);
        TenantView tenant = tenants.create(operator, new NewTenant(prefix + " " + UUID.randomUUID(), "DE", "Europe/Berlin",
                prefix + " KK", 5));
        UUID engagementId = TenantContext.callAs(tenant.id(), () -> engagements.create(operator, new EngagementDetails(
                "Lifecycle " + UUID.randomUUID(), null, LocalDate.of(2026, 1, 1), null, EngagementStatus.ACTIVE, null))).id();
        InstrumentVersionView version = TenantContext.callAs(tenant.id(), () -> {
            InstrumentView created = instruments.create(operator, new NewInstrument("Pulse", true));
            UUID draft = created.versions().getFirst().id();
            instruments.publish(operator, created.id(), draft);
            return instruments.publishedVersion(draft).orElseThrow();
        });
        UUID scheduleId = UUID.randomUUID();
        appSql.update(tenant.id(), """
                INSERT INTO pulse_schedule (tenant_id, id, engagement_id, instrument_version_id, name, cadence,
                                            japan_send_time, hq_send_time, days_open, start_date)
                VALUES (?, ?, ?, ?, 'Fortnightly pulse', 'BIWEEKLY', ?, ?, 7, ?)
                """, tenant.id(), scheduleId, engagementId, version.id(), LocalTime.of(9, 0), LocalTime.of(9, 0),
                LocalDate.of(2099, 1, 1));
        UserView consultant = fixtures.memberOf(tenant, Role.CONSULTANT);
        UserView executive = fixtures.memberOf(tenant, Role.EXECUTIVE);
        return new World(tenant, scheduleId, version, consultant, executive, operator);
    }

    /** The database superuser: sees every tenant's rows (RLS does not apply), for catalog-wide checks. */
    Connection admin() throws SQLException {
        return DriverManager.getConnection(databaseUrl, System.getenv().getOrDefault("KAKEHASHI_DB_ADMIN_USER", "postgres"),
                System.getenv().getOrDefault("KAKEHASHI_DB_ADMIN_PASSWORD", ""));
    }
}
