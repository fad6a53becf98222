package com.kakehashi.console.tenant;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.api.RetentionSettings;

import java.util.UUID;

/**
 * The tenant's retention settings: shown as the backend has them, saved whole; the backend judges
 * the ranges and names the field it refuses.
 */
public final class RetentionPresenter {

    public interface View {
        void show(RetentionSettings settings);

        void saved();

        /** A field was left empty: nothing was sent. */
        void showMissingValue();

        void showProblem(ApiProblem problem);
    }

    private final KakehashiApi api;
    private final UUID tenantId;
    private final View view;

    public RetentionPresenter(KakehashiApi api, UUID tenantId, View view) {
        this.api = api;
        this.tenantId = tenantId;
        this.view = view;
    }

    public void load() {
        try {
            view.show(api.retention(tenantId));
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    /** @param tokenLinkDays null where a field was left empty: nothing is sent, the user is told */
    public void save(Integer tokenLinkDays, Integer commentMonths, Integer auditDays) {
        if (tokenLinkDays == null || commentMonths == null || auditDays == null) {
            view.showMissingValue();
            return;
        }
        try {
            view.show(api.updateRetention(tenantId, new RetentionSettings(tokenLinkDays, commentMonths, auditDays)));
            view.saved();
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }
}
