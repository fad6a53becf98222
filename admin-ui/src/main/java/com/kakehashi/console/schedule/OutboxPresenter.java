package com.kakehashi.console.schedule;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.OutboxEntry;
import com.kakehashi.console.api.ProblemException;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The tenant's outgoing mail, newest first, optionally filtered by status; failures are counted for the view. */
public final class OutboxPresenter {

    public static final List<String> STATUSES = List.of("PENDING", "SENT", "FAILED", "CANCELLED");

    public interface View {
        void showEntries(List<OutboxEntry> entries, long failed);

        void showProblem(ApiProblem problem);
    }

    private final KakehashiApi api;
    private final UUID tenantId;
    private final boolean allowed;
    private final View view;
    private String status;

    public OutboxPresenter(KakehashiApi api, CurrentUser user, UUID tenantId, View view) {
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
            var entries = api.outbox(tenantId, status).stream()
                    .sorted(Comparator.comparing(OutboxEntry::sendAfter, Comparator.nullsLast(Comparator.reverseOrder())))
                    .toList();
            view.showEntries(entries, entries.stream().filter(OutboxEntry::failed).count());
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    /** @param status one of {@link #STATUSES}, or null for every mail */
    public void filter(String status) {
        this.status = status != null && STATUSES.contains(status) ? status : null;
        load();
    }
}
