package com.kakehashi.console.api;

import com.kakehashi.console.client.model.AccountUserView;
import com.kakehashi.console.client.model.CsvImportReport;
import com.kakehashi.console.client.model.EngagementView;
import com.kakehashi.console.client.model.MeView;
import com.kakehashi.console.client.model.MemberView;
import com.kakehashi.console.client.model.PageViewAuditEntry;
import com.kakehashi.console.client.model.PageViewParticipantView;
import com.kakehashi.console.client.model.ParticipantView;
import com.kakehashi.console.client.model.TenantView;

import com.kakehashi.console.client.model.ScheduleView;
import com.kakehashi.console.client.model.WaveView;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Objects;
import java.util.UUID;

/** Generated API models to the console's own records, so nothing past this package sees generated types. */
final class ModelMapper {

    private ModelMapper() {
    }

    static CurrentUser currentUser(MeView me) {
        return new CurrentUser(me.getId(), me.getEmail(), me.getDisplayName(), role(me.getRole()),
                me.getTenants().stream().map(t -> new TenantRef(t.getId(), t.getName(),
                        !Boolean.FALSE.equals(t.getParticipantAdmin()))).toList());
    }

    static Tenant tenant(TenantView t) {
        return new Tenant(t.getId(), t.getName(), t.getHqCountry(), t.getHqTimeZone(), t.getJapanSubsidiaryName(),
                t.getAnonymityThreshold(), t.getCommentThreshold(), t.getCreatedAt());
    }

    static RetentionSettings retention(TenantView t) {
        return new RetentionSettings(t.getTokenLinkRetentionDays(), t.getCommentRetentionMonths(), t.getAuditRetentionDays());
    }

    static User user(AccountUserView u) {
        return new User(u.getId(), u.getEmail(), u.getDisplayName(), role(u.getRole()), u.getTenantIds());
    }

    static Member member(MemberView m) {
        return new Member(m.getUserId(), m.getEmail(), m.getDisplayName(), role(m.getRole()),
                Boolean.TRUE.equals(m.getParticipantAdmin()));
    }

    static Participant participant(ParticipantView p) {
        return new Participant(p.getId(), p.getEmail(), p.getDisplayName(), Side.valueOf(p.getSide().getValue()),
                Level.valueOf(p.getLevel().getValue()), p.getLanguage(), p.getTimeZone(), p.getDepartment(),
                Boolean.TRUE.equals(p.getActive()), p.getCreatedAt(), p.getUpdatedAt());
    }

    static PageResult<Participant> participantPage(PageViewParticipantView page) {
        return new PageResult<>(page.getItems().stream().map(ModelMapper::participant).toList(), page.getPage(),
                page.getSize(), page.getTotal());
    }

    static PageResult<AuditEntry> auditPage(PageViewAuditEntry page) {
        return new PageResult<>(page.getItems().stream().map(a -> new AuditEntry(string(a.getId()), a.getAt(),
                a.getActorEmail(), a.getAction(), a.getObjectType(), string(a.getObjectId()), a.getDetail())).toList(),
                page.getPage(), page.getSize(), page.getTotal());
    }

    static ImportReport importReport(CsvImportReport r) {
        return new ImportReport(r.getCreated(), r.getUpdated(), Objects.requireNonNullElse(r.getUnchanged(), 0),
                r.getRejected(), r.getErrors().stream()
                .map(e -> new ImportReport.ImportLineError(e.getLine(), e.getField(), e.getReason())).toList());
    }

    static Engagement engagement(EngagementView e) {
        return new Engagement(e.getId(), e.getName(), e.getGoals(), e.getStartDate(), e.getEndDate(),
                EngagementStatus.valueOf(e.getStatus().getValue()), e.getConsultantIds());
    }

    static TimelineRecords.Event timelineEvent(com.kakehashi.console.client.model.TimelineEventView e) {
        return new TimelineRecords.Event(e.getId(), e.getEngagementId(), e.getOccurredOn(),
                TimelineRecords.Kind.valueOf(e.getKind().getValue()), e.getLabelEn(), e.getLabelJa(),
                Boolean.TRUE.equals(e.getDerived()));
    }

    static Schedule schedule(ScheduleView s) {
        return new Schedule(s.getId(), s.getName(), s.getSurveyTitleEn(), s.getSurveyTitleJa(), s.getEngagementId(), s.getInstrumentVersionId(),
                s.getAudienceSides().stream().map(x -> Side.valueOf(x.getValue())).toList(),
                s.getAudienceLevels().stream().map(x -> Level.valueOf(x.getValue())).toList(),
                Cadence.valueOf(s.getCadence().getValue()), time(s.getJapanSendTime()), time(s.getHqSendTime()),
                s.getHqTimeZone(), s.getDaysOpen(), s.getReminderOffsetDays(), s.getStartDate(), s.getEndDate(),
                Boolean.TRUE.equals(s.getPaused()), s.getNextOpensAt());
    }

    static Wave wave(WaveView w) {
        var sides = new EnumMap<Side, Double>(Side.class);
        w.getSides().forEach(st -> sides.put(Side.valueOf(st.getSide().getValue()), st.getResponseRate()));
        return new Wave(w.getId(), w.getScheduleId(), w.getOccurrenceDate(), WaveKind.valueOf(w.getKind().getValue()),
                WaveStatus.valueOf(w.getStatus().getValue()), w.getOpensAt(), w.getClosesAt(), w.getInvited(),
                w.getResponded(), w.getResponseRate(), sides);
    }

    static LaunchPreview launchPreview(com.kakehashi.console.client.model.LaunchPreview p) {
        var bySide = new EnumMap<Side, Long>(Side.class);
        p.getSides().forEach(s -> bySide.put(Side.valueOf(s.getSide().getValue()), s.getInvitees()));
        var open = p.getOpenWave() == null ? null
                : new LaunchPreview.OpenWave(p.getOpenWave().getId(), p.getOpenWave().getClosesAt());
        return new LaunchPreview(p.getInvitees(), bySide, open);
    }

    static OutboxEntry outboxEntry(com.kakehashi.console.client.model.OutboxEntry o) {
        return new OutboxEntry(o.getId(), o.getWaveId(), o.getKind(), o.getStatus(), o.getSendAfter(),
                Objects.requireNonNullElse(o.getAttempts(), 0), o.getLastError(), o.getSentAt());
    }

    /** The API writes send times as partial-time strings ("09:00:00"). */
    static LocalTime time(String value) {
        return value == null || value.isBlank() ? null : LocalTime.parse(value);
    }

    static String time(LocalTime value) {
        return value == null ? null : value.format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    }

    static Role role(com.kakehashi.console.client.model.Role role) {
        return Role.valueOf(role.getValue());
    }

    static com.kakehashi.console.client.model.Role role(Role role) {
        return role == null ? null : com.kakehashi.console.client.model.Role.fromValue(role.name());
    }

    static com.kakehashi.console.client.model.Side side(Side side) {
        return side == null ? null : com.kakehashi.console.client.model.Side.fromValue(side.name());
    }

    static com.kakehashi.console.client.model.Level level(Level level) {
        return level == null ? null : com.kakehashi.console.client.model.Level.fromValue(level.name());
    }

    static com.kakehashi.console.client.model.EngagementStatus status(EngagementStatus status) {
        return status == null ? null : com.kakehashi.console.client.model.EngagementStatus.fromValue(status.name());
    }

    private static String string(UUID id) {
        return id == null ? null : id.toString();
    }
}
