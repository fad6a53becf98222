package com.kakehashi.console.participant;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.ImportReport;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.PageResult;
import com.kakehashi.console.api.Participant;
import com.kakehashi.console.api.ParticipantDraft;
import com.kakehashi.console.api.ParticipantFilter;
import com.kakehashi.console.api.ProblemException;

import java.util.UUID;

/** A tenant's participant list: filters, paging, the edit form, deactivation, erasure and CSV import. */
public final class ParticipantPresenter {

    static final int PAGE_SIZE = 50;

    public interface View {
        void showPage(PageResult<Participant> page);

        void openForm(Participant existing, ParticipantDraft draft);

        void closeForm();

        void showFormProblem(ApiProblem problem);

        void showImportReport(ImportReport report);

        void showSaved(ParticipantDraft draft);

        void showEmptyImport();

        void showProblem(ApiProblem problem);
    }

    private final KakehashiApi api;
    private final UUID tenantId;
    private final View view;
    private ParticipantFilter filter = ParticipantFilter.none();
    private int page;
    private PageResult<Participant> current;

    public ParticipantPresenter(KakehashiApi api, UUID tenantId, View view) {
        this.api = api;
        this.tenantId = tenantId;
        this.view = view;
    }

    /** A changed filter starts again from the first page, since the old page number means nothing under it. */
    public void filter(ParticipantFilter filter) {
        this.filter = filter;
        this.page = 0;
        reload();
    }

    public void next() {
        if (current != null && current.hasNext()) {
            page++;
            reload();
        }
    }

    public void previous() {
        if (current != null && current.hasPrevious()) {
            page--;
            reload();
        }
    }

    public void reload() {
        try {
            current = api.participants(tenantId, filter, page, PAGE_SIZE);
            view.showPage(current);
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    public void startCreate() {
        view.openForm(null, ParticipantDraft.empty());
    }

    public void startEdit(Participant participant) {
        view.openForm(participant, participant.toDraft());
    }

    /** Creates when {@code existing} is null, otherwise updates it; the form stays open when the backend refuses. */
    public void save(Participant existing, ParticipantDraft draft) {
        try {
            if (existing == null) {
                api.createParticipant(tenantId, draft);
            } else {
                api.updateParticipant(tenantId, existing.id(), draft);
            }
            view.closeForm();
            view.showSaved(draft);
            reload();
        } catch (ProblemException e) {
            view.showFormProblem(e.problem());
        }
    }

    public void deactivate(Participant participant) {
        change(() -> api.deactivateParticipant(tenantId, participant.id()));
    }

    public void erase(Participant participant) {
        change(() -> api.eraseParticipant(tenantId, participant.id()));
    }

    public void importCsv(byte[] csv) {
        if (csv == null || csv.length == 0) {
            view.showEmptyImport();
            return;
        }
        try {
            view.showImportReport(api.importParticipants(tenantId, csv));
            page = 0;
            reload();
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }

    private void change(Runnable call) {
        try {
            call.run();
            reload();
        } catch (ProblemException e) {
            view.showProblem(e.problem());
        }
    }
}
