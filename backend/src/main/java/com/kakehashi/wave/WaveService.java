package com.kakehashi.wave;

import com.kakehashi.audit.AuditLog;
import com.kakehashi.identity.Caller;
import com.kakehashi.invitation.InvitationCount;
import com.kakehashi.invitation.InvitationService;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.schedule.ScheduleService;
import com.kakehashi.schedule.ScheduleView;
import com.kakehashi.schedule.SendPlan;
import com.kakehashi.web.ConflictException;
import com.kakehashi.web.InvalidInputException;
import com.kakehashi.web.NotFoundException;
import com.kakehashi.tenancy.TenantContext;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Waves of the tenant in context: created from schedule occurrences or launched by hand, and closed. */
@Singleton
public class WaveService {

    private static final Logger LOG = LoggerFactory.getLogger(WaveService.class);

    private final WaveRepository waves;
    private final InvitationService invitations;
    private final ScheduleService schedules;
    private final JdbcOperations jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final ApplicationEventPublisher<WaveOpened> opened;
    private final ApplicationEventPublisher<WaveClosed> closed;

    WaveService(WaveRepository waves, InvitationService invitations, ScheduleService schedules, JdbcOperations jdbc,
                AuditLog audit, Clock clock, ApplicationEventPublisher<WaveOpened> opened,
                ApplicationEventPublisher<WaveClosed> closed) {
        this.waves = waves;
        this.invitations = invitations;
        this.schedules = schedules;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        this.opened = opened;
        this.closed = closed;
    }

    @Transactional
    public List<WaveView> list() {
        List<Wave> all = waves.listOrderByOpensAtDesc();
        Map<UUID, List<SideStats>> stats = stats(all.stream().map(Wave::id).toList());
        return all.stream().map(w -> WaveView.of(w, stats.getOrDefault(w.id(), List.of()))).toList();
    }

    @Transactional
    public WaveView get(UUID id) {
        Wave wave = waves.findById(id).orElseThrow(() -> new NotFoundException("wave"));
        return WaveView.of(wave, stats(List.of(id)).getOrDefault(id, List.of()));
    }

    /** The windows of the given waves of the tenant in context; unknown ids are left out. */
    @Transactional
    public Map<UUID, WaveWindow> windows(Collection<UUID> ids) {
        Map<UUID, WaveWindow> found = new HashMap<>();
        if (!ids.isEmpty()) {
            waves.findByIdIn(ids).forEach(w -> found.put(w.id(), new WaveWindow(w.id(), w.scheduleId(),
                    w.instrumentVersionId(), w.status(), w.opensAt(), w.closesAt())));
        }
        return found;
    }

    /**
     * The waves that happened (not SKIPPED) of one engagement, or of all when {@code engagementId} is
     * null, between two occurrence dates (either may be null), oldest first.
     */
    @Transactional
    public List<WaveSummary> summaries(@Nullable UUID engagementId, @Nullable LocalDate from, @Nullable LocalDate to) {
        UUID[] scheduleIds = engagementId == null ? null
                : schedules.list().stream().filter(s -> s.engagementId().equals(engagementId)).map(ScheduleView::id)
                        .toArray(UUID[]::new);
        return jdbc.prepareStatement("""
                SELECT id, occurrence_date, status, opens_at, closes_at FROM wave
                WHERE status <> 'SKIPPED'
                  AND (?::uuid[] IS NULL OR schedule_id = ANY (?::uuid[]))
                  AND (?::date IS NULL OR occurrence_date >= ?::date)
                  AND (?::date IS NULL OR occurrence_date <= ?::date)
                ORDER BY occurrence_date, opens_at, id
                """, ps -> {
            java.sql.Array ids = scheduleIds == null ? null : ps.getConnection().createArrayOf("uuid", scheduleIds);
            ps.setArray(1, ids);
            ps.setArray(2, ids);
            ps.setObject(3, from);
            ps.setObject(4, from);
            ps.setObject(5, to);
            ps.setObject(6, to);
            return summaries(ps);
        });
    }

    /**
     * The newest closed waves, newest first, of the engagement that holds the tenant's newest closed
     * wave: a trend compares like with like, not two engagements' questionnaires.
     */
    @Transactional
    public List<WaveSummary> latestClosed(int limit) {
        Optional<UUID> newestSchedule = jdbc.prepareStatement("""
                SELECT schedule_id FROM wave WHERE status = 'CLOSED' ORDER BY occurrence_date DESC, opens_at DESC, id DESC LIMIT 1
                """, ps -> {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.<UUID>empty();
            }
        });
        if (newestSchedule.isEmpty()) {
            return List.of();
        }
        UUID engagementId = schedules.get(newestSchedule.get()).engagementId();
        UUID[] scheduleIds = schedules.list().stream().filter(s -> s.engagementId().equals(engagementId))
                .map(ScheduleView::id).toArray(UUID[]::new);
        return jdbc.prepareStatement("""
                SELECT id, occurrence_date, status, opens_at, closes_at FROM wave
                WHERE status = 'CLOSED' AND schedule_id = ANY (?)
                ORDER BY occurrence_date DESC, opens_at DESC, id DESC
                LIMIT ?
                """, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", scheduleIds));
            ps.setInt(2, limit);
            return summaries(ps);
        });
    }

    /** The ids of the waves closed before {@code before}, for the retention task. */
    @Transactional
    public List<UUID> closedBefore(Instant before) {
        return waves.findByClosedAtLessThan(before).stream().map(Wave::id).toList();
    }

    @Transactional
    public Optional<WaveSummary> summary(UUID waveId) {
        return waves.findById(waveId).map(w -> new WaveSummary(w.id(), w.occurrenceDate(), w.status(), w.opensAt(), w.closesAt()));
    }

    private static List<WaveSummary> summaries(java.sql.PreparedStatement ps) throws java.sql.SQLException {
        List<WaveSummary> result = new java.util.ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(new WaveSummary(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        WaveStatus.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()));
            }
        }
        return result;
    }

    /** What {@link #launchNow} would do now: how many people it invites and which wave is still open. */
    @Transactional
    public LaunchPreview launchPreview(UUID scheduleId) {
        ScheduleView schedule = schedules.get(scheduleId);
        Map<Side, Long> audience = invitations.audience(schedule.audienceSides(), schedule.audienceLevels());
        List<LaunchPreview.SideCount> sides = audience.entrySet().stream()
                .map(e -> new LaunchPreview.SideCount(e.getKey(), e.getValue())).toList();
        return new LaunchPreview(audience.values().stream().mapToLong(Long::longValue).sum(), sides,
                openWave(scheduleId, clock.instant()).map(LaunchPreview.OpenWave::of).orElse(null));
    }

    /** {@link #launchNow(Caller, UUID, String)} without a reason: refused while a wave of the schedule is open. */
    @Transactional
    public WaveView launchNow(Caller caller, UUID scheduleId) {
        return launchNow(caller, scheduleId, null);
    }

    /**
     * A consultant sends the schedule's instrument now, outside the cadence; open for the schedule's
     * days. While another wave of the schedule is open, its people would get a second survey at
     * once: that needs a reason, which the audit log keeps. Launches of one schedule are serialised,
     * so two consultants pressing the button together cannot both pass the check.
     *
     * @throws ConflictException naming the open wave and its close time, when there is one and no reason
     */
    @Transactional
    public WaveView launchNow(Caller caller, UUID scheduleId, String reason) {
        String why = reason == null ? null : reason.strip();
        if (why != null && why.isEmpty()) {
            throw new InvalidInputException("reason", "must not be blank");
        }
        ScheduleView schedule = schedules.get(scheduleId);
        lockLaunches(scheduleId);
        Instant now = clock.instant();
        Optional<Wave> open = openWave(scheduleId, now);
        if (open.isPresent() && why == null) {
            throw new ConflictException("reason", "Wave " + open.get().id() + " of this schedule is open until "
                    + open.get().closesAt() + "; give a reason to open a second one beside it.");
        }
        Map<Side, Instant> sendAt = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            sendAt.put(side, now);
        }
        Wave wave = insert(schedule, new SendPlan(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC), sendAt, now,
                now.plus(Duration.ofDays(schedule.daysOpen()))), WaveKind.MANUAL, WaveStatus.OPEN).orElseThrow();
        populate(wave, schedule, sendAt);
        audit.record(caller, "wave.launched", "wave", wave.id(), why);
        return get(wave.id());
    }

    /** Closing early: links stop working and pending mails are not sent; the results so far stay. */
    @Transactional
    public WaveView close(Caller caller, UUID waveId) {
        Wave wave = waves.findById(waveId).orElseThrow(() -> new NotFoundException("wave"));
        if (wave.status() != WaveStatus.OPEN) {
            throw new ConflictException("status", "Only an open wave can be closed.");
        }
        closeNow(wave.id(), clock.instant());
        audit.record(caller, "wave.closed", "wave", waveId);
        return get(waveId);
    }

    /**
     * Materialises one scheduled occurrence: a wave with its invitations and mails if its window is
     * still open, a SKIPPED record if the window passed while nothing ran (downtime). Idempotent:
     * a second call for the same occurrence finds the wave and does nothing.
     *
     * @return true if a wave (open or skipped) was recorded by this call
     */
    @Transactional
    public boolean materialise(ScheduleView schedule, SendPlan plan) {
        return materialise(schedule, plan, clock.instant()).isPresent();
    }

    /**
     * {@link #materialise(ScheduleView, SendPlan)} as the engine would have run it at {@code now}.
     * The demo's history replays past occurrences through it (at each one's opening), so its waves
     * get their invitations and outbox rows from the same statements as live ones.
     *
     * @return the wave recorded by this call (open or skipped), empty if the occurrence already had one
     */
    @Transactional
    public Optional<UUID> materialise(ScheduleView schedule, SendPlan plan, Instant now) {
        boolean missed = !now.isBefore(plan.closesAt());
        Optional<Wave> created = insert(schedule, plan, WaveKind.SCHEDULED, missed ? WaveStatus.SKIPPED : WaveStatus.OPEN);
        if (created.isEmpty()) {
            return Optional.empty();
        }
        if (missed) {
            LOG.info("Occurrence {} of schedule {} was missed; recorded as skipped", plan.occurrenceDate(), schedule.id());
        } else {
            // The cadence is the schedule's standing reason: a scheduled occurrence opens even beside
            // a wave of the same schedule that is still open (a manual one, or the previous
            // occurrence whose other side sends later), and says so in the audit log.
            openWaveOtherThan(schedule.id(), created.get().id(), now).ifPresent(other ->
                    audit.record(null, "wave.opened-beside-open", "wave", created.get().id(),
                            "Scheduled occurrence " + plan.occurrenceDate() + " opened while wave " + other.id()
                                    + " was open until " + other.closesAt()));
            populate(created.get(), schedule, plan.sendAt());
        }
        return Optional.of(created.get().id());
    }

    /** Waves whose time is up become CLOSED (listeners cancel their pending mails, see {@link WaveClosed}). */
    @Transactional
    public int closeExpired() {
        return closeExpired(clock.instant());
    }

    /** {@link #closeExpired()} as the engine's closer would have run it at {@code now} (demo history). */
    @Transactional
    public int closeExpired(Instant now) {
        List<UUID> expired = jdbc.prepareStatement(
                "SELECT id FROM wave WHERE status = 'OPEN' AND closes_at <= ?", ps -> {
                    ps.setTimestamp(1, Timestamp.from(now));
                    List<UUID> ids = new java.util.ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getObject(1, UUID.class));
                        }
                    }
                    return ids;
                });
        expired.forEach(id -> closeNow(id, null));
        return expired.size();
    }

    private void closeNow(UUID waveId, Instant early) {
        int updated = jdbc.prepareStatement("""
                UPDATE wave SET status = 'CLOSED', closed_at = COALESCE(?, closes_at), closes_at = LEAST(closes_at, COALESCE(?, closes_at))
                WHERE id = ? AND status = 'OPEN'
                """, ps -> {
            Timestamp at = early == null ? null : Timestamp.from(early);
            ps.setTimestamp(1, at);
            ps.setTimestamp(2, at);
            ps.setObject(3, waveId);
            return ps.executeUpdate();
        });
        if (updated > 0) {
            closed.publishEvent(closedEvent(waveId));
        }
    }

    private WaveClosed closedEvent(UUID waveId) {
        Wave wave = waves.findById(waveId).orElseThrow();
        return new WaveClosed(TenantContext.require(), waveId, schedules.get(wave.scheduleId()).engagementId(),
                wave.occurrenceDate(), wave.closesAt(), wave.closedAt());
    }

    private Optional<Wave> openWave(UUID scheduleId, Instant now) {
        return openWaveOtherThan(scheduleId, null, now);
    }

    /** The open wave of the schedule that closes last, leaving out {@code except} (may be null). */
    private Optional<Wave> openWaveOtherThan(UUID scheduleId, UUID except, Instant now) {
        return waves.findByScheduleIdAndStatusAndClosesAtAfterOrderByClosesAtDesc(scheduleId, WaveStatus.OPEN, now)
                .stream().filter(w -> !w.id().equals(except)).findFirst();
    }

    /** Held until the transaction ends; keyed by schedule, so other schedules' launches do not wait. */
    private void lockLaunches(UUID scheduleId) {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", ps -> {
            ps.setString(1, "wave-launch:" + scheduleId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    private Optional<Wave> insert(ScheduleView schedule, SendPlan plan, WaveKind kind, WaveStatus status) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.prepareStatement("""
                INSERT INTO wave (tenant_id, id, schedule_id, instrument_version_id, occurrence_date, kind, status, opens_at, closes_at, closed_at)
                VALUES (current_tenant_id(), ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (tenant_id, schedule_id, occurrence_date) WHERE kind = 'SCHEDULED' DO NOTHING
                """, ps -> {
            ps.setObject(1, id);
            ps.setObject(2, schedule.id());
            ps.setObject(3, schedule.instrumentVersionId());
            ps.setObject(4, plan.occurrenceDate());
            ps.setString(5, kind.name());
            ps.setString(6, status.name());
            ps.setTimestamp(7, Timestamp.from(plan.opensAt()));
            ps.setTimestamp(8, Timestamp.from(plan.closesAt()));
            ps.setTimestamp(9, status == WaveStatus.SKIPPED ? Timestamp.from(plan.closesAt()) : null);
            return ps.executeUpdate();
        });
        return inserted == 0 ? Optional.empty() : waves.findById(id);
    }

    private Map<UUID, List<SideStats>> stats(List<UUID> waveIds) {
        Map<UUID, Map<Side, SideStats>> bySide = new HashMap<>();
        for (InvitationCount count : invitations.counts(waveIds)) {
            bySide.computeIfAbsent(count.waveId(), k -> new EnumMap<>(Side.class))
                    .put(count.side(), SideStats.of(count.side(), count.invited(), count.responded()));
        }
        Map<UUID, List<SideStats>> result = new HashMap<>();
        bySide.forEach((wave, sides) -> result.put(wave, new ArrayList<>(sides.values())));
        return result;
    }

    private void populate(Wave wave, ScheduleView schedule, Map<Side, Instant> sendAt) {
        int invited = invitations.invite(wave.id(), schedule.audienceSides(), schedule.audienceLevels(), sendAt, wave.opensAt());
        opened.publishEvent(new WaveOpened(TenantContext.require(), wave.id(), schedule.reminderOffsetDays(), wave.closesAt(), invited));
        LOG.info("Wave {} of schedule {} opened with {} invitations", wave.id(), schedule.id(), invited);
    }
}
