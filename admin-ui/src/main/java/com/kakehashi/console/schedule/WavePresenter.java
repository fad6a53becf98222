package com.kakehashi.console.schedule;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.api.Schedule;
import com.kakehashi.console.api.Wave;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A tenant's waves with live response counts. The view refreshes them by polling; a backend that stops
 * answering is reported once, not every five seconds.
 */
public final class WavePresenter {

    public interface View {
        void showWaves(List<Wave> waves, Map<UUID, String> scheduleNames);

        void showClosed(Wave wave);

        void showProblem(ApiProblem problem);
    }

    private final KakehashiApi api;
    private final UUID tenantId;
    private final boolean allowed;
    private final View view;
    private Map<UUID, String> scheduleNames = Map.of();
    private boolean failing;

    public WavePresenter(KakehashiApi api, CurrentUser user, UUID tenantId, View view) {
        this.api = api;
        this.tenantId = tenantId;
        this.allowed = user.role().isConsultancyStaff();
        this.view = view;
    }

    /** Everything: schedule names and waves. */
    public void load() {
        if (!allowed) {
            return;
        }
        try {
            scheduleNames = api.schedules(tenantId).stream()
                    .collect(Collectors.toMap(Schedule::id, Schedule::name, (a, b) -> a, HashMap::new));
            showWaves();
        } catch (ProblemException e) {
            report(e.problem());
        }
    }

    /** The waves only (the poll): schedule names are loaded again only when a wave names an unknown one. */
    public void refresh() {
        if (!allowed) {
            return;
        }
        try {
            var waves = api.waves(tenantId);
            if (waves.stream().anyMatch(w -> !scheduleNames.containsKey(w.scheduleId()))) {
                load();
                return;
            }
            show(waves);
        } catch (ProblemException e) {
            report(e.problem());
        }
    }

    public void close(Wave wave) {
        if (!allowed || !wave.isOpen()) {
            return;
        }
        try {
            view.showClosed(api.closeWave(tenantId, wave.id()));
            showWaves();
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    private void showWaves() {
        show(api.waves(tenantId));
    }

    private void show(List<Wave> waves) {
        failing = false;
        view.showWaves(waves.stream()
                .sorted(Comparator.comparing(Wave::opensAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList(), Map.copyOf(scheduleNames));
    }

    private void report(ApiProblem problem) {
        if (!failing || problem.isUnauthorized()) {
            view.showProblem(problem);
        }
        failing = true;
    }
}
