package com.kakehashi.console.tenant;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.AuditEntry;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.PageResult;
import com.kakehashi.console.api.ProblemException;

import java.util.UUID;

/** The tenant's audit trail, newest first as the backend orders it, one page at a time. */
public final class AuditPresenter {

    static final int PAGE_SIZE = 50;

    public interface View {
        void showPage(PageResult<AuditEntry> page);

        void showProblem(ApiProblem problem);
    }

    private final KakehashiApi api;
    private final UUID tenantId;
    private final View view;
    private PageResult<AuditEntry> current;

    public AuditPresenter(KakehashiApi api, UUID tenantId, View view) {
        this.api = api;
        this.tenantId = tenantId;
        this.view = view;
    }

    public void load(int page) {
        try {
            current = api.audit(tenantId, Math.max(0, page), PAGE_SIZE);
            view.showPage(current);
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    public void next() {
        if (current != null && current.hasNext()) {
            load(current.page() + 1);
        }
    }

    public void previous() {
        if (current != null && current.hasPrevious()) {
            load(current.page() - 1);
        }
    }
}
