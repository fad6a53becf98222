package com.kakehashi.console.schedule;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.api.EngagementDraft;
import com.kakehashi.console.api.FakeKakehashiApi;
import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.api.InstrumentVersionChoice;
import com.kakehashi.console.api.Schedule;
import com.kakehashi.console.api.ScheduleDraft;
import com.kakehashi.console.api.Side;
import com.kakehashi.console.api.Wave;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static com.kakehashi.console.api.Fixtures.CONTOSO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchedulePresenterTest {

    private final InstrumentVersionChoice v2 = new InstrumentVersionChoice(UUID.randomUUID(), "Pulse", 2, UUID.randomUUID());

    private FakeKakehashiApi consultantApi() {
        var api = Fixtures.apiFor(Fixtures.consultant(), CONTOSO);
        api.createEngagement(CONTOSO.id(), new EngagementDraft("Alignment", "", null, null, null, List.of()));
        api.publishedVersions.add(v2);
        api.calls.clear();
        return api;
    }

    private ScheduleDraft draft(FakeKakehashiApi api) {
        var e = api.engagements.values().iterator().next();
        var empty = ScheduleDraft.empty();
        return new ScheduleDraft("Fortnightly pulse", "Working together", "協働について", e.id(), v2.versionId(), List.of(Side.JAPAN), List.of(),
                empty.cadence(), empty.japanSendTime(), empty.hqSendTime(), 7, List.of(), LocalDate.of(2027, 1, 4),
                null);
    }

    @Test
    void creatingPreselectsTheOnlyEngagementAndPublishedVersion() {
        var api = consultantApi();
        var view = new RecordingView();
        var presenter = new SchedulePresenter(api, api.me, CONTOSO.id(), view);
        presenter.load();
        presenter.startCreate();

        assertEquals(api.engagements.keySet().iterator().next(), view.formDraft.engagementId());
        assertEquals(v2.versionId(), view.formDraft.instrumentVersionId());
        assertEquals(List.of(v2), view.formVersions);
        assertEquals("Pulse survey", view.formDraft.surveyTitleEn(), "a neutral title to start from, never the engagement");
        assertEquals("パルスサーベイ", view.formDraft.surveyTitleJa());
    }

    @Test
    void savesAScheduleWithTheRemindersParsedFromTheText() {
        var api = consultantApi();
        var view = new RecordingView();
        var presenter = new SchedulePresenter(api, api.me, CONTOSO.id(), view);
        presenter.load();
        presenter.save(null, draft(api), "5, 2");

        assertTrue(view.formClosed);
        var saved = view.schedules.getFirst();
        assertEquals("Fortnightly pulse", saved.name());
        assertEquals("Working together", saved.surveyTitleEn());
        assertEquals("協働について", saved.surveyTitleJa());
        assertEquals(List.of(2, 5), saved.reminderOffsetDays());
        assertEquals("Alignment", view.engagementNames.get(saved.engagementId()));
    }

    @Test
    void refusesRemindersThatAreNotNumbersOrComeAfterTheWaveCloses() {
        var api = consultantApi();
        var view = new RecordingView();
        var presenter = new SchedulePresenter(api, api.me, CONTOSO.id(), view);

        presenter.save(null, draft(api), "two");
        assertEquals(Map.entry(SchedulePresenter.REMINDERS, "schedule.reminders.invalid"), view.fieldError);

        presenter.save(null, draft(api), "3, 7");
        assertEquals(Map.entry(SchedulePresenter.REMINDERS, "schedule.reminders.afterClose"), view.fieldError);
        assertFalse(api.calls.stream().anyMatch(c -> c.startsWith("createSchedule")));
    }

    @Test
    void refusesAnEndDateBeforeTheStart() {
        var api = consultantApi();
        var view = new RecordingView();
        var presenter = new SchedulePresenter(api, api.me, CONTOSO.id(), view);
        var d = draft(api);
        presenter.save(null, new ScheduleDraft(d.name(), d.surveyTitleEn(), d.surveyTitleJa(), d.engagementId(), d.instrumentVersionId(), d.audienceSides(),
                d.audienceLevels(), d.cadence(), d.japanSendTime(), d.hqSendTime(), d.daysOpen(), List.of(),
                LocalDate.of(2027, 5, 1), LocalDate.of(2027, 4, 1)), "");

        assertEquals(Map.entry(SchedulePresenter.END_DATE, "schedule.endBeforeStart"), view.fieldError);
        assertTrue(api.schedules.isEmpty());
    }

    @Test
    void aBackendValidationProblemStaysInTheOpenForm() {
        var api = consultantApi();
        var view = new RecordingView();
        var presenter = new SchedulePresenter(api, api.me, CONTOSO.id(), view);
        var problem = Fixtures.validationProblem("japanSendTime", "must not be null");
        api.refuseNext(problem);
        presenter.save(null, draft(api), "");

        assertEquals(problem, view.formProblem);
        assertFalse(view.formClosed);
    }

    @Test
    void pausesResumesAndLaunchesAWaveAtOnce() {
        var api = consultantApi();
        var view = new RecordingView();
        var presenter = new SchedulePresenter(api, api.me, CONTOSO.id(), view);
        presenter.save(null, draft(api), "2");
        var schedule = view.schedules.getFirst();

        presenter.pause(schedule);
        assertTrue(view.schedules.getFirst().paused());
        assertNull(view.schedules.getFirst().nextOpensAt());

        presenter.resume(view.schedules.getFirst());
        assertFalse(view.schedules.getFirst().paused());

        presenter.startLaunch(schedule);
        presenter.launchWave(schedule, "");
        assertNotNull(view.launched);
        assertEquals(schedule.id(), view.launched.scheduleId());
        assertTrue(api.calls.contains("launchWave " + schedule.id()));
    }

    @Test
    void aRefusedLaunchIsReportedAndNothingElseHappens() {
        var api = consultantApi();
        var view = new RecordingView();
        var presenter = new SchedulePresenter(api, api.me, CONTOSO.id(), view);
        presenter.save(null, draft(api), "");
        api.refuseNext(ApiProblem.of(404, "Schedule was deleted"));
        presenter.launchWave(view.schedules.getFirst(), null);

        assertEquals(404, view.problem.status());
        assertNull(view.launched);
        assertTrue(api.waves.isEmpty());
    }

    @Test
    void executivesNeverReachTheScheduleEndpoints() {
        var api = Fixtures.apiFor(Fixtures.executiveOf(CONTOSO), CONTOSO);
        var view = new RecordingView();
        var presenter = new SchedulePresenter(api, api.me, CONTOSO.id(), view);
        presenter.load();
        presenter.startCreate();
        presenter.startLaunch(FakeKakehashiApi.schedule(UUID.randomUUID(), ScheduleDraft.empty(), false));
        presenter.launchWave(FakeKakehashiApi.schedule(UUID.randomUUID(), ScheduleDraft.empty(), false), "why");

        assertTrue(api.calls.isEmpty());
        assertNull(view.formDraft);
    }

    @Test
    void launchAsksFirstWithTheNumberOfPeopleInvitedPerSide() {
        var api = consultantApi();
        api.createParticipant(CONTOSO.id(), Fixtures.japanStaff("a@example.jp"));
        api.createParticipant(CONTOSO.id(), Fixtures.japanStaff("b@example.jp"));
        api.createParticipant(CONTOSO.id(), new com.kakehashi.console.api.ParticipantDraft("c@example.com", "Chris",
                com.kakehashi.console.api.Side.HQ, com.kakehashi.console.api.Level.STAFF, "en", null, null));
        var view = new RecordingView();
        var presenter = new SchedulePresenter(api, api.me, CONTOSO.id(), view);
        presenter.save(null, draft(api), "");
        var schedule = view.schedules.getFirst();

        presenter.startLaunch(schedule);

        assertEquals(3, view.preview.invitees());
        assertEquals(Map.of(com.kakehashi.console.api.Side.JAPAN, 2L, com.kakehashi.console.api.Side.HQ, 1L), view.preview.bySide());
        assertFalse(view.preview.needsReason());
        assertNull(view.launched, "nothing is sent before the user confirms");
        assertFalse(api.calls.stream().anyMatch(c -> c.startsWith("launchWave")));
    }

    @Test
    void secondLaunchWhileAWaveIsOpenNeedsAReasonAndSendsIt() {
        var api = consultantApi();
        var view = new RecordingView();
        var presenter = new SchedulePresenter(api, api.me, CONTOSO.id(), view);
        presenter.save(null, draft(api), "");
        var schedule = view.schedules.getFirst();
        presenter.startLaunch(schedule);
        presenter.launchWave(schedule, null);
        view.launched = null;

        presenter.startLaunch(schedule);
        assertTrue(view.preview.needsReason());
        presenter.launchWave(schedule, "   ");
        assertEquals("schedule.launch.reason.required", view.reasonError);
        presenter.launchWave(schedule, "x".repeat(501));
        assertEquals("schedule.launch.reason.tooLong", view.reasonError);
        assertNull(view.launched);
        presenter.launchWave(schedule, " Town hall moved up ");

        assertNotNull(view.launched);
        assertTrue(api.calls.contains("launchWave " + schedule.id() + " reason=Town hall moved up"));
    }

    @Test
    void waveOpenedMeanwhileByOthersTurnsTheRefusalIntoTheReasonQuestion() {
        var api = consultantApi();
        var view = new RecordingView();
        var presenter = new SchedulePresenter(api, api.me, CONTOSO.id(), view);
        presenter.save(null, draft(api), "");
        var schedule = view.schedules.getFirst();
        presenter.startLaunch(schedule);
        api.launchWave(CONTOSO.id(), schedule.id(), null); // someone else, after our preview

        presenter.launchWave(schedule, null);

        assertNull(view.launched);
        assertNull(view.problem, "the 409 is not an error to show: the dialog asks for a reason instead");
        assertTrue(view.preview.needsReason());
    }

    @Test
    void reminderTextAcceptsCommasSpacesAndJapanesePunctuation() {
        assertEquals(Optional.of(List.of(2, 5)), SchedulePresenter.parseReminders("5、2"));
        assertEquals(Optional.of(List.of(1, 3)), SchedulePresenter.parseReminders(" 3 , 1, 3 "));
        assertEquals(Optional.of(List.of()), SchedulePresenter.parseReminders("  "));
        assertEquals(Optional.empty(), SchedulePresenter.parseReminders("0"));
        assertEquals(Optional.empty(), SchedulePresenter.parseReminders("2;x"));
    }

    static final class RecordingView implements SchedulePresenter.View {
        List<Schedule> schedules;
        Map<UUID, String> engagementNames;
        ScheduleDraft formDraft;
        List<InstrumentVersionChoice> formVersions;
        List<Engagement> formEngagements;
        boolean formClosed;
        ApiProblem formProblem;
        ApiProblem problem;
        Map.Entry<String, String> fieldError;
        Wave launched;
        com.kakehashi.console.api.LaunchPreview preview;
        String reasonError;

        @Override
        public void confirmLaunch(Schedule schedule, com.kakehashi.console.api.LaunchPreview preview) {
            this.preview = preview;
        }

        @Override
        public void showReasonError(String messageKey) {
            reasonError = messageKey;
        }

        @Override
        public void showSchedules(List<Schedule> schedules, Map<UUID, String> engagementNames) {
            this.schedules = schedules;
            this.engagementNames = engagementNames;
        }

        @Override
        public void openForm(Schedule existing, ScheduleDraft draft, List<Engagement> engagements,
                             List<InstrumentVersionChoice> versions) {
            formDraft = draft;
            formEngagements = engagements;
            formVersions = versions;
        }

        @Override
        public void closeForm() {
            formClosed = true;
        }

        @Override
        public void showFormProblem(ApiProblem problem) {
            formProblem = problem;
        }

        @Override
        public void showFieldError(String field, String messageKey) {
            fieldError = Map.entry(field, messageKey);
        }

        @Override
        public void showWaveLaunched(Schedule schedule, Wave wave) {
            launched = wave;
        }

        @Override
        public void showProblem(ApiProblem problem) {
            this.problem = problem;
        }
    }
}
