package com.kakehashi.support;

import com.kakehashi.engagement.EngagementDetails;
import com.kakehashi.engagement.EngagementService;
import com.kakehashi.engagement.EngagementStatus;
import com.kakehashi.identity.Caller;
import com.kakehashi.vocabulary.Level;
import com.kakehashi.participant.ParticipantDetails;
import com.kakehashi.participant.ParticipantService;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.schedule.Cadence;
import com.kakehashi.schedule.ScheduleDetails;
import com.kakehashi.schedule.ScheduleService;
import com.kakehashi.schedule.ScheduleView;
import com.kakehashi.survey.InstrumentService;
import com.kakehashi.survey.InstrumentView;
import com.kakehashi.survey.NewInstrument;
import com.kakehashi.tenancy.TenantContext;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A tenant ready to survey: people on both sides, an engagement and a published instrument. */
@Singleton
public class PulseFixtures {

    private final ParticipantService participants;
    private final EngagementService engagements;
    private final InstrumentService instruments;
    private final ScheduleService schedules;

    PulseFixtures(ParticipantService participants, EngagementService engagements, InstrumentService instruments,
                  ScheduleService schedules) {
        this.participants = participants;
        this.engagements = engagements;
        this.instruments = instruments;
        this.schedules = schedules;
    }

    /** @return the published instrument version id */
    public UUID surveyReady(UUID tenantId, Caller caller, int japan, int hq) {
        return TenantContext.callAs(tenantId, () -> {
            for (int i = 0; i < japan; i++) {
                participants.create(caller, new ParticipantDetails("jp" + i + "-" + UUID.randomUUID() + "@example.jp",
                        "日本 " + i, Side.JAPAN, Level.STAFF, "ja", null, null));
            }
            for (int i = 0; i < hq; i++) {
                participants.create(caller, new ParticipantDetails("hq" + i + "-" + UUID.randomUUID() + "@example.com",
                        "HQ " + i, Side.HQ, Level.MIDDLE_MANAGER, "en", null, null));
            }
            InstrumentView instrument = instruments.create(caller, new NewInstrument("Pulse", true));
            UUID draft = instrument.versions().getFirst().id();
            instruments.publish(caller, instrument.id(), draft);
            return draft;
        });
    }

    public ScheduleView weeklySchedule(UUID tenantId, Caller caller, UUID versionId, LocalDate start, List<Integer> reminders) {
        return TenantContext.callAs(tenantId, () -> {
            UUID engagement = engagements.create(caller, new EngagementDetails("Pulse engagement", null, start.minusDays(30),
                    null, EngagementStatus.ACTIVE, List.of())).id();
            return schedules.create(caller, new ScheduleDetails("Weekly pulse", "Pulse survey", "パルスサーベイ", engagement, versionId, Set.of(), Set.of(),
                    Cadence.WEEKLY, LocalTime.of(9, 0), LocalTime.of(9, 0), 5, reminders, start, null));
        });
    }
}
