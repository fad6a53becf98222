package com.kakehashi.console.schedule;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.InstrumentVersionChoice;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.api.QuestionnaireItem;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The tenant's published instrument versions and, for the chosen one, its questions with the
 * English and Japanese wordings side by side: what respondents on each side actually read.
 */
public final class InstrumentPresenter {

    public interface View {
        void showVersions(List<InstrumentVersionChoice> versions, InstrumentVersionChoice selected);

        void showItems(List<QuestionnaireItem> items);

        void showProblem(ApiProblem problem);
    }

    private final KakehashiApi api;
    private final UUID tenantId;
    private final View view;

    public InstrumentPresenter(KakehashiApi api, UUID tenantId, View view) {
        this.api = api;
        this.tenantId = tenantId;
        this.view = view;
    }

    /** Lists the versions, newest first, and shows the newest one's items. */
    public void load() {
        try {
            var versions = api.publishedInstrumentVersions(tenantId).stream()
                    .sorted(Comparator.comparing(InstrumentVersionChoice::instrumentName)
                            .thenComparing(InstrumentVersionChoice::versionNumber, Comparator.reverseOrder()))
                    .toList();
            var first = versions.isEmpty() ? null : versions.getFirst();
            view.showVersions(versions, first);
            view.showItems(first == null ? List.of() : api.instrumentItems(tenantId, first));
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    public void select(InstrumentVersionChoice version) {
        if (version == null) {
            view.showItems(List.of());
            return;
        }
        try {
            view.showItems(api.instrumentItems(tenantId, version));
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }
}
