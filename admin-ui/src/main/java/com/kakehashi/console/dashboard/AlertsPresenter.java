package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.AlertRecords.Alert;
import com.kakehashi.console.api.AlertRecords.Status;
import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tenant's open (and acknowledged, not yet resolved) alerts, most urgent first. Acting on an alert is for
 * the consultancy (operators and consultants), as the backend allows; executives read.
 */
public final class AlertsPresenter {

    /** Rules whose value is a rate or share: shown as a percentage, the others as index points. */
    private static final Set<String> PERCENT_RULES = Set.of("RESPONSE_RATE_DROP", "NEUTRAL_SHARE_HIGH");
    static final int NOTE_MAX = 4000;

    public record NoteItem(String author, String text, OffsetDateTime createdAt) {
    }

    /**
     * An alert ready to show: the {@code …Key}s are message keys (null where the alert has no sign or side),
     * values are already formatted.
     */
    public record AlertItem(UUID id, String ruleKey, String sign, String signKey, String sideKey, LocalDate occurrenceDate,
                            String severity, String severityKey, String value, String threshold, String statusKey,
                            List<NoteItem> notes, boolean canAcknowledge, boolean canResolve, boolean canAnnotate) {
    }

    public interface View {
        /** @param alertingSigns the warning signs with an unresolved alert, to mark on their charts */
        void showAlerts(List<AlertItem> alerts, Set<String> alertingSigns);

        void showNoteProblem(UUID alertId, String messageKey);

        void showProblem(ApiProblem problem);
    }

    private final KakehashiApi api;
    private final UUID tenantId;
    private final View view;
    private final boolean canAct;
    private final Map<UUID, Alert> open = new LinkedHashMap<>();

    public AlertsPresenter(KakehashiApi api, CurrentUser user, UUID tenantId, View view) {
        this.api = api;
        this.tenantId = tenantId;
        this.view = view;
        this.canAct = user.role().isConsultancyStaff();
    }

    public void load() {
        act(() -> {
            open.clear();
            api.alerts(tenantId).stream().filter(a -> a.status() != Status.RESOLVED).forEach(a -> open.put(a.id(), a));
            return null;
        });
    }

    public void acknowledge(UUID alertId) {
        if (canAct && open.containsKey(alertId)) {
            act(() -> open.put(alertId, api.acknowledgeAlert(tenantId, alertId)));
        }
    }

    public void resolve(UUID alertId) {
        if (canAct && open.containsKey(alertId)) {
            act(() -> {
                api.resolveAlert(tenantId, alertId);
                return open.remove(alertId);
            });
        }
    }

    public void addNote(UUID alertId, String text) {
        if (!canAct || !open.containsKey(alertId)) {
            return;
        }
        String note = text == null ? "" : text.strip();
        if (note.isEmpty()) {
            view.showNoteProblem(alertId, "dashboard.alert.noteRequired");
        } else if (note.length() > NOTE_MAX) {
            view.showNoteProblem(alertId, "dashboard.alert.noteTooLong");
        } else {
            act(() -> open.put(alertId, api.annotateAlert(tenantId, alertId, note)));
        }
    }

    private void act(Supplier<?> call) {
        try {
            call.get();
            show();
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    private void show() {
        List<AlertItem> items = new ArrayList<>();
        Set<String> signs = new LinkedHashSet<>();
        open.values().stream()
                .sorted(Comparator.comparing((Alert a) -> !"HIGH".equals(a.severity()))
                        .thenComparing(a -> a.status() != Status.OPEN)
                        .thenComparing(Alert::occurrenceDate, Comparator.nullsLast(Comparator.reverseOrder())))
                .forEach(a -> {
                    items.add(item(a));
                    if (a.sign() != null) {
                        signs.add(a.sign());
                    }
                });
        view.showAlerts(List.copyOf(items), Set.copyOf(signs));
    }

    private AlertItem item(Alert a) {
        return new AlertItem(a.id(), "dashboard.alert.rule." + a.rule(), a.sign(),
                a.sign() == null ? null : "instrument.sign." + a.sign(),
                a.side() == null ? null : "dashboard.side." + a.side().name(), a.occurrenceDate(), a.severity(),
                "dashboard.alert.severity." + a.severity(), format(a.rule(), a.value()), format(a.rule(), a.threshold()),
                "dashboard.alert.status." + a.status(),
                a.notes().stream().map(n -> new NoteItem(n.author(), n.text(), n.createdAt())).toList(),
                canAct && a.status() == Status.OPEN, canAct, canAct);
    }

    static String format(String rule, double value) {
        return PERCENT_RULES.contains(rule) ? String.format(Locale.ROOT, "%.0f%%", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
