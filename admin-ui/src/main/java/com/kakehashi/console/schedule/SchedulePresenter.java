package com.kakehashi.console.schedule;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.api.InstrumentVersionChoice;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.LaunchPreview;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.api.Schedule;
import com.kakehashi.console.api.ScheduleDraft;
import com.kakehashi.console.api.Wave;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A tenant's pulse schedules: consultants and operators set them up, pause and resume them and launch a wave
 * at once. Executives get nothing from here: the tab is not theirs, and the presenter refuses them too.
 */
public final class SchedulePresenter {

    /** Field names as the API's problem+json names them, so local and backend errors land on the same field. */
    public static final String END_DATE = "endDate";
    public static final String REMINDERS = "reminderOffsetDays";
    /** The backend's limit for a launch reason. */
    public static final int REASON_MAX = 500;

    public interface View {
        void showSchedules(List<Schedule> schedules, Map<UUID, String> engagementNames);

        void openForm(Schedule existing, ScheduleDraft draft, List<Engagement> engagements,
                      List<InstrumentVersionChoice> versions);

        void closeForm();

        void showFormProblem(ApiProblem problem);

        /** A mistake found before asking the backend; {@code messageKey} is an i18n key. */
        void showFieldError(String field, String messageKey);

        void showWaveLaunched(Schedule schedule, Wave wave);

        /**
         * Asks before launching: how many people will be invited, and, when a wave of the schedule is still
         * open, a reason for opening another beside it.
         */
        void confirmLaunch(Schedule schedule, LaunchPreview preview);

        /** The reason in the launch dialog is missing or too long; {@code messageKey} is an i18n key. */
        void showReasonError(String messageKey);

        void showProblem(ApiProblem problem);
    }

    private final KakehashiApi api;
    private final UUID tenantId;
    private final boolean allowed;
    private final View view;
    private List<Engagement> engagements = List.of();
    private List<InstrumentVersionChoice> versions = List.of();
    private LaunchPreview preview;

    public SchedulePresenter(KakehashiApi api, CurrentUser user, UUID tenantId, View view) {
        this.api = api;
        this.tenantId = tenantId;
        this.allowed = user.role().isConsultancyStaff();
        this.view = view;
    }

    public void load() {
        if (!allowed) {
            return;
        }
        try {
            engagements = api.engagements(tenantId).stream()
                    .sorted(Comparator.comparing(Engagement::name, String.CASE_INSENSITIVE_ORDER)).toList();
            versions = api.publishedInstrumentVersions(tenantId);
            var names = engagements.stream().collect(Collectors.toMap(Engagement::id, Engagement::name, (a, b) -> a));
            var schedules = api.schedules(tenantId).stream()
                    .sorted(Comparator.comparing(Schedule::name, String.CASE_INSENSITIVE_ORDER)).toList();
            view.showSchedules(schedules, names);
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    public void startCreate() {
        if (!allowed) {
            return;
        }
        var empty = ScheduleDraft.empty();
        // With only one engagement or one published version there is nothing to choose: preselect it.
        var draft = new ScheduleDraft(empty.name(), empty.surveyTitleEn(), empty.surveyTitleJa(),
                engagements.size() == 1 ? engagements.getFirst().id() : null,
                versions.size() == 1 ? versions.getFirst().versionId() : null,
                empty.audienceSides(), empty.audienceLevels(), empty.cadence(), empty.japanSendTime(),
                empty.hqSendTime(), empty.daysOpen(), empty.reminderOffsetDays(), empty.startDate(), empty.endDate());
        view.openForm(null, draft, engagements, versions);
    }

    public void startEdit(Schedule schedule) {
        if (allowed) {
            view.openForm(schedule, schedule.toDraft(), engagements, versions);
        }
    }

    /**
     * Saves the form. Reminder offsets arrive as the text the user typed ("2, 5"); they are parsed here so the
     * user hears about a typo on the field rather than as a backend error.
     */
    public void save(Schedule existing, ScheduleDraft form, String reminderText) {
        if (!allowed) {
            return;
        }
        var reminders = parseReminders(reminderText);
        if (reminders.isEmpty()) {
            view.showFieldError(REMINDERS, "schedule.reminders.invalid");
            return;
        }
        if (form.daysOpen() != null && reminders.get().stream().anyMatch(r -> r >= form.daysOpen())) {
            view.showFieldError(REMINDERS, "schedule.reminders.afterClose");
            return;
        }
        if (form.startDate() != null && form.endDate() != null && form.endDate().isBefore(form.startDate())) {
            view.showFieldError(END_DATE, "schedule.endBeforeStart");
            return;
        }
        var draft = new ScheduleDraft(form.name(), form.surveyTitleEn(), form.surveyTitleJa(), form.engagementId(), form.instrumentVersionId(),
                form.audienceSides(), form.audienceLevels(), form.cadence(), form.japanSendTime(), form.hqSendTime(),
                form.daysOpen(), reminders.get(), form.startDate(), form.endDate());
        try {
            if (existing == null) {
                api.createSchedule(tenantId, draft);
            } else {
                api.updateSchedule(tenantId, existing.id(), draft);
            }
            view.closeForm();
            load();
        } catch (ProblemException e) {
            view.showFormProblem(e.problem());
        }
    }

    public void pause(Schedule schedule) {
        act(() -> api.pauseSchedule(tenantId, schedule.id()));
    }

    public void resume(Schedule schedule) {
        act(() -> api.resumeSchedule(tenantId, schedule.id()));
    }

    public void delete(Schedule schedule) {
        act(() -> api.deleteSchedule(tenantId, schedule.id()));
    }

    /** First step of a launch: ask the backend what it would do, then let the user confirm it. */
    public void startLaunch(Schedule schedule) {
        if (!allowed) {
            return;
        }
        try {
            preview = api.launchPreview(tenantId, schedule.id());
            view.confirmLaunch(schedule, preview);
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    /**
     * Launches after the user confirmed. A reason is required while the preview showed an open wave; if one
     * opened meanwhile (the backend answers 409), the dialog is shown again with the fresh preview.
     */
    public void launchWave(Schedule schedule, String reasonText) {
        if (!allowed) {
            return;
        }
        var reason = reasonText == null || reasonText.isBlank() ? null : reasonText.strip();
        if (preview != null && preview.needsReason() && reason == null) {
            view.showReasonError("schedule.launch.reason.required");
            return;
        }
        if (reason != null && reason.length() > REASON_MAX) {
            view.showReasonError("schedule.launch.reason.tooLong");
            return;
        }
        try {
            var wave = api.launchWave(tenantId, schedule.id(), reason);
            preview = null;
            view.showWaveLaunched(schedule, wave);
            load();
        } catch (ProblemException e) {
            if (e.problem().status() == 409) {
                startLaunch(schedule);
            } else {
                view.showProblem(e.problem());
            }
        }
    }

    private void act(Runnable call) {
        if (!allowed) {
            return;
        }
        try {
            call.run();
            load();
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    /** "3, 5" → [3, 5]; blank → []; anything else than positive whole numbers → empty. Sorted, no repeats. */
    static Optional<List<Integer>> parseReminders(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(List.of());
        }
        var days = new ArrayList<Integer>();
        for (var part : text.split("[,、，\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                var day = Integer.parseInt(part);
                if (day < 1) {
                    return Optional.empty();
                }
                if (!days.contains(day)) {
                    days.add(day);
                }
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        days.sort(Comparator.naturalOrder());
        return Optional.of(List.copyOf(days));
    }

    static String formatReminders(List<Integer> days) {
        return days.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
