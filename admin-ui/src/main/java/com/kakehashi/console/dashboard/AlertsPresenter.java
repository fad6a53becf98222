package com.kakehashi.console.dashboard;

import com.kakehashi.console.api.AlertRecords.Alert;
import com.kakehashi.console.api.AlertRecords.HistoryPoint;
import com.kakehashi.console.api.AlertRecords.Status;
import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ProblemException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tenant's unresolved alert conditions as a short list, most urgent first: one row per condition with its
 * sentence, since when, its latest value and a sparkline of its history. A row opens to its detail, where
 * acknowledging, resolving and notes live; acting is for the consultancy (operators and consultants), as the
 * backend allows; executives read.
 * <p>
 * Below them, the conditions that were open at some time in the dashboard's period and have closed since, newest
 * first: once a client recovers every alert is resolved, and without these the list would say nothing of the
 * story the dashboard's charts tell. They are read only.
 */
public final class AlertsPresenter {

    /** Rules whose value is a rate or share: shown as a percentage, the others as index points. */
    private static final Set<String> PERCENT_RULES = Set.of("RESPONSE_RATE_DROP", "NEUTRAL_SHARE_HIGH", "CAREFUL_WORDING_RISING");
    static final int NOTE_MAX = 4000;
    /** Rows shown before "show all": the list is read at a glance, not scrolled. */
    static final int SHORT_LIST = 6;
    /** Resolved rows shown before "show all": history, so fewer than the open ones. */
    static final int RESOLVED_SHORT_LIST = 5;

    public record NoteItem(String author, String text, OffsetDateTime createdAt) {
    }

    /** One wave of the condition: the value formatted, null when hidden. */
    public record HistoryItem(LocalDate occurrenceDate, Double value, String formatted, boolean fired, String outcomeKey) {
    }

    /**
     * An alert condition ready to show: the {@code …Key}s are message keys (null where the alert has no sign or
     * side), values are already formatted. {@code summaryEn}/{@code summaryJa} is the backend's sentence (null:
     * the view says the rule instead); {@code expanded}: the row shows its detail. {@code closedOn} and
     * {@code closedByKey} (closed by itself or by a person) only on a resolved condition, null on an open one.
     */
    public record AlertItem(UUID id, String ruleKey, String sign, String signKey, String sideKey, LocalDate occurrenceDate,
                            String severity, String severityKey, String value, String threshold, String statusKey,
                            List<NoteItem> notes, boolean canAcknowledge, boolean canResolve, boolean canAnnotate,
                            String summaryEn, String summaryJa, LocalDate since, List<HistoryItem> history,
                            int clearWaves, boolean expanded, LocalDate closedOn, String closedByKey,
                            boolean canCreateAction) {

        /** The sentence in the user's language, or null when the backend gave none. */
        public String summary(Locale locale) {
            return locale != null && "ja".equals(locale.getLanguage()) ? summaryJa : summaryEn;
        }

        /** The values the sparkline draws, oldest first; null where the wave's value is hidden. */
        public List<Double> sparkline() {
            return history.stream().map(HistoryItem::value).toList();
        }

        public boolean hasActions() {
            return canAcknowledge || canResolve || canAnnotate;
        }
    }

    public interface View {
        /**
         * @param alerts        the rows to show (the short list, or all after {@link #showAll()})
         * @param alertingSigns the warning signs with an unresolved alert, to mark on their charts
         */
        void showAlerts(List<AlertItem> alerts, Set<String> alertingSigns);

        /**
         * The conditions open at some time in the period and resolved since, newest first (the short list, or all
         * after {@link #showAllResolved()}); {@code hidden}: how many more there are.
         */
        default void showResolved(List<AlertItem> resolved, int hidden) {
        }

        /** How many unresolved conditions exist beyond the rows shown (0: none hidden). */
        default void showHidden(int hidden) {
        }

        /** Whether to offer the tenant's alert parameters (the consultancy's business). */
        default void offerSettings(boolean offered) {
        }

        void showNoteProblem(UUID alertId, String messageKey);

        /** The action form, prefilled to answer an alert (its engagement, its sign, linked to it). */
        default void openActionForm(List<com.kakehashi.console.api.Engagement> engagements,
                                    List<com.kakehashi.console.api.ActionRecords.OwnerChoice> owners,
                                    com.kakehashi.console.api.ActionRecords.FormInput input) {
        }

        /** A check of the open action form failed on a field. */
        default void showActionFieldError(String field, String messageKey) {
        }

        default void closeActionForm() {
        }

        void showProblem(ApiProblem problem);
    }

    private final KakehashiApi api;
    private final CurrentUser user;
    private final UUID tenantId;
    private final View view;
    private final boolean canAct;
    private final Map<UUID, Alert> open = new LinkedHashMap<>();
    private final Map<UUID, Alert> closed = new LinkedHashMap<>();
    private final Set<UUID> expanded = new HashSet<>();
    private boolean all;
    private boolean allResolved;
    private boolean loaded;
    /** The dashboard's period; null ends are open. */
    private LocalDate periodStart;
    private LocalDate periodEnd;

    public AlertsPresenter(KakehashiApi api, CurrentUser user, UUID tenantId, View view) {
        this.api = api;
        this.user = user;
        this.tenantId = tenantId;
        this.view = view;
        this.canAct = user.role().isConsultancyStaff();
    }

    /** The presenter of the alert parameters form, for the same tenant and user. */
    public AlertSettingsPresenter settings(AlertSettingsPresenter.View form) {
        return new AlertSettingsPresenter(api, user, tenantId, form);
    }

    public void load() {
        view.offerSettings(canAct);
        act(() -> {
            open.clear();
            closed.clear();
            api.alerts(tenantId).forEach(a -> (a.status() == Status.RESOLVED ? closed : open).put(a.id(), a));
            expanded.removeIf(id -> !open.containsKey(id) && !closed.containsKey(id));
            loaded = true;
            return null;
        });
    }

    /**
     * The dashboard's period (null: no bound at that end): which resolved conditions belong to it. Open ones are
     * shown whatever the period, as they need attention now.
     */
    public void period(LocalDate start, LocalDate end) {
        periodStart = start;
        periodEnd = end;
        if (loaded) {
            show();
        }
    }

    /** Opens a row's detail, or closes it when open. */
    public void toggle(UUID alertId) {
        if (open.containsKey(alertId) || closed.containsKey(alertId)) {
            if (!expanded.remove(alertId)) {
                expanded.add(alertId);
            }
            show();
        }
    }

    public void showAll() {
        all = true;
        show();
    }

    public void showAllResolved() {
        allResolved = true;
        show();
    }

    /**
     * Opens the action form answering an unresolved alert: anyone who may enter the tenant may propose an action
     * (executives too), and saving it links the alert, which the backend then acknowledges.
     */
    public void createAction(UUID alertId, String language, LocalDate today) {
        Alert alert = open.get(alertId);
        if (alert == null) {
            return;
        }
        try {
            var form = actionForm();
            var choices = form.choices();
            view.openActionForm(choices.engagements(), choices.owners(),
                    form.fromAlert(alertId, alert.engagementId(), alert.sign(), language, today));
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    /** Saves the action form; once saved the alert list is read again (the alert is acknowledged now). */
    public void saveAction(com.kakehashi.console.api.ActionRecords.FormInput input) {
        if (actionForm().save(input) != null) {
            load();
        }
    }

    private com.kakehashi.console.action.ActionFormPresenter actionForm() {
        return new com.kakehashi.console.action.ActionFormPresenter(api, user, tenantId,
                new com.kakehashi.console.action.ActionFormPresenter.View() {
                    @Override
                    public void showFieldError(String field, String messageKey, Object... arguments) {
                        view.showActionFieldError(field, messageKey);
                    }

                    @Override
                    public void showProblem(ApiProblem problem) {
                        view.showProblem(problem);
                    }

                    @Override
                    public void closeForms() {
                        view.closeActionForm();
                    }
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
                Alert done = api.resolveAlert(tenantId, alertId);
                expanded.remove(alertId);
                open.remove(alertId);
                if (done != null && done.status() == Status.RESOLVED) {
                    closed.put(alertId, done);
                }
                return done;
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
        // An expanded row stays shown even beyond the short list, so acting on it never makes it vanish.
        List<AlertItem> shown = all ? items : items.stream()
                .filter(i -> items.indexOf(i) < SHORT_LIST || i.expanded()).toList();
        view.showAlerts(List.copyOf(shown), Set.copyOf(signs));
        view.showHidden(items.size() - shown.size());

        List<AlertItem> earlier = closed.values().stream()
                .filter(this::openInPeriod)
                .sorted(Comparator.comparing(AlertsPresenter::closedOn, Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(AlertsPresenter::openedOn, Comparator.nullsLast(Comparator.reverseOrder())))
                .map(this::item)
                .toList();
        List<AlertItem> earlierShown = allResolved ? earlier : earlier.stream()
                .filter(i -> earlier.indexOf(i) < RESOLVED_SHORT_LIST || i.expanded()).toList();
        view.showResolved(List.copyOf(earlierShown), earlier.size() - earlierShown.size());
    }

    /** Open at some time in the period: it opened before the period ended and closed after it began. */
    private boolean openInPeriod(Alert a) {
        LocalDate opened = openedOn(a);
        LocalDate closedOn = closedOn(a);
        return (periodEnd == null || opened == null || !opened.isAfter(periodEnd))
                && (periodStart == null || closedOn == null || !closedOn.isBefore(periodStart));
    }

    private static LocalDate openedOn(Alert a) {
        return a.openedOn() == null ? a.occurrenceDate() : a.openedOn();
    }

    /**
     * The wave that closed the condition: it closes by itself in the wave that made it clear long enough, and that
     * wave is its latest. A person's resolution is dated by the last wave that updated it too, so the range reads
     * in waves like the rest of the dashboard.
     */
    private static LocalDate closedOn(Alert a) {
        return a.occurrenceDate();
    }

    private AlertItem item(Alert a) {
        List<HistoryItem> history = a.history().stream().map(p -> history(a.rule(), p)).toList();
        boolean live = a.status() != Status.RESOLVED;
        boolean acts = canAct && live;
        return new AlertItem(a.id(), "dashboard.alert.rule." + a.rule(), a.sign(),
                a.sign() == null ? null : "instrument.sign." + a.sign(),
                a.side() == null ? null : "dashboard.side." + a.side().name(), a.occurrenceDate(), a.severity(),
                "dashboard.alert.severity." + a.severity(), format(a.rule(), a.value()), format(a.rule(), a.threshold()),
                "dashboard.alert.status." + a.status(),
                a.notes().stream().map(n -> new NoteItem(n.author(), n.text(), n.createdAt())).toList(),
                acts && a.status() == Status.OPEN, acts, acts, blankToNull(a.summaryEn()), blankToNull(a.summaryJa()),
                openedOn(a), history, a.clearWaves(), expanded.contains(a.id()), live ? null : closedOn(a),
                live ? null : "dashboard.alert.closedBy." + closedBy(a.resolvedReason()), live);
    }

    private static HistoryItem history(String rule, HistoryPoint p) {
        return new HistoryItem(p.occurrenceDate(), p.value(), p.value() == null ? null : format(rule, p.value()), p.fired(),
                p.outcome() == null ? null : "dashboard.alert.outcome." + p.outcome());
    }

    /** AUTO or PERSON; an older backend that does not say gets a plain "closed". */
    private static String closedBy(String reason) {
        return "AUTO".equals(reason) || "PERSON".equals(reason) ? reason : "UNKNOWN";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    static String format(String rule, double value) {
        return PERCENT_RULES.contains(rule) ? String.format(Locale.ROOT, "%.0f%%", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }
}
