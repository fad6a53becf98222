package com.kakehashi.action;

import com.kakehashi.engagement.EngagementDetails;
import com.kakehashi.engagement.EngagementService;
import com.kakehashi.engagement.EngagementStatus;
import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
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
import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.WarningSign;
import com.kakehashi.wave.WaveService;
import jakarta.inject.Singleton;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A tenant with an engagement, the published default instrument and a fortnightly schedule; waves
 * get raw responses (rows as the respondent page stores them) and are closed through
 * {@link WaveService#close}, so the real close path rebuilds the rollups the insight API reads.
 * <p>
 * A respondent is a pair (t, o): every item of the targeted sign is answered so that its value after
 * reverse keying is t, every item of every other sign so that it is o. The respondent's index is then
 * exactly 25 (t − 1) on the targeted sign and 25 (o − 1) on each other sign, so a wave's indices can
 * be computed by hand.
 */
@Singleton
class ActionEffectWorld {

    private final Fixtures fixtures;
    private final TenantService tenants;
    private final EngagementService engagements;
    private final InstrumentService instruments;
    private final WaveService waves;
    private final AppRoleSql sql;

    ActionEffectWorld(Fixtures fixtures, TenantService tenants, EngagementService engagements, InstrumentService instruments,
                      WaveService waves, AppRoleSql sql) {
        this.fixtures = fixtures;
        this.tenants = tenants;
        this.engagements = engagements;
        this.instruments = instruments;
        this.waves = waves;
        this.sql = sql;
    }

    final class World {
        final TenantView tenant;
        final UUID engagementId;
        private final UUID scheduleId;
        private final InstrumentVersionView version;
        private final Caller operator;

        World(TenantView tenant, UUID engagementId, UUID scheduleId, InstrumentVersionView version, Caller operator) {
            this.tenant = tenant;
            this.engagementId = engagementId;
            this.scheduleId = scheduleId;
            this.version = version;
            this.operator = operator;
        }

        UUID id() {
            return tenant.id();
        }

        /** An open wave on the given day. */
        UUID wave(LocalDate occurrence) throws SQLException {
            UUID waveId = UUID.randomUUID();
            Instant opens = Instant.now().minus(Duration.ofHours(1));
            sql.update(id(), """
                    INSERT INTO wave (tenant_id, id, schedule_id, instrument_version_id, occurrence_date, kind, status, opens_at, closes_at)
                    VALUES (?, ?, ?, ?, ?, 'SCHEDULED', 'OPEN', ?, ?)
                    """, id(), waveId, scheduleId, version.id(), occurrence, Timestamp.from(opens),
                    Timestamp.from(opens.plus(Duration.ofDays(7))));
            return waveId;
        }

        /** One response per index of {@code t}: targeted sign at level t[i], every other sign at o[i]. */
        void respond(UUID waveId, Side side, WarningSign targeted, int[] t, int[] o) throws SQLException {
            if (t.length != o.length) {
                throw new IllegalArgumentException("one t and one o per respondent");
            }
            List<InstrumentItemView> asked = version.items().stream()
                    .filter(i -> side == Side.JAPAN ? i.audience().asksJapan() : i.audience().asksHq()).toList();
            for (int r = 0; r < t.length; r++) {
                UUID responseId = UUID.randomUUID();
                sql.update(id(), """
                        INSERT INTO response (tenant_id, id, wave_id, side, level, language, delay_bucket)
                        VALUES (?, ?, ?, ?, 'STAFF', 'en', 'UNDER_1D')
                        """, id(), responseId, waveId, side.name());
                List<Object> values = new ArrayList<>();
                for (InstrumentItemView item : asked) {
                    int x = item.sign() == targeted ? t[r] : o[r];
                    values.addAll(List.of(id(), responseId, item.code(), (short) (item.reverseKeyed() ? 6 - x : x)));
                }
                sql.update(id(), "INSERT INTO response_answer (tenant_id, response_id, item_code, value) VALUES "
                        + String.join(", ", Collections.nCopies(asked.size(), "(?, ?, ?, ?)")), values.toArray());
            }
        }

        /** Closes through the wave service, as the console and the wave-closer do. */
        void close(UUID waveId) {
            TenantContext.runAs(id(), () -> waves.close(operator, waveId));
        }
    }

    World create(String prefix, int k) throws SQLException {
        UserView operatorUser = fixtures.operator();
        Caller operator = new Caller(operatorUser.id(), operatorUser.email(), Role.OPERATOR);
        TenantView tenant = tenants.create(operator, new NewTenant(prefix + " " + UUID.randomUUID(), "DE", "Europe/Berlin",
                prefix + " KK", k));
        UserView consultant = fixtures.memberOf(tenant, Role.CONSULTANT);
        UUID engagementId = TenantContext.callAs(tenant.id(), () -> engagements.create(operator, new EngagementDetails(
                "Effects " + UUID.randomUUID(), null, LocalDate.of(2026, 1, 1), null, EngagementStatus.ACTIVE,
                List.of(consultant.id())))).id();
        InstrumentVersionView version = TenantContext.callAs(tenant.id(), () -> {
            InstrumentView created = instruments.create(operator, new NewInstrument("Pulse", true));
            UUID draft = created.versions().getFirst().id();
            instruments.publish(operator, created.id(), draft);
            return instruments.publishedVersion(draft).orElseThrow();
        });
        UUID scheduleId = UUID.randomUUID();
        sql.update(tenant.id(), """
                INSERT INTO pulse_schedule (tenant_id, id, engagement_id, instrument_version_id, name, cadence,
                                            japan_send_time, hq_send_time, days_open, start_date)
                VALUES (?, ?, ?, ?, 'Fortnightly pulse', 'BIWEEKLY', ?, ?, 7, ?)
                """, tenant.id(), scheduleId, engagementId, version.id(), LocalTime.of(9, 0), LocalTime.of(9, 0),
                LocalDate.of(2099, 1, 1));
        return new World(tenant, engagementId, scheduleId, version, operator);
    }
}
