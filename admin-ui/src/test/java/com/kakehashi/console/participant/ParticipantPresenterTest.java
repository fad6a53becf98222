package com.kakehashi.console.participant;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.FakeKakehashiApi;
import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.api.ImportReport;
import com.kakehashi.console.api.Level;
import com.kakehashi.console.api.PageResult;
import com.kakehashi.console.api.Participant;
import com.kakehashi.console.api.ParticipantDraft;
import com.kakehashi.console.api.ParticipantFilter;
import com.kakehashi.console.api.Side;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import static com.kakehashi.console.api.Fixtures.NORTHWIND;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParticipantPresenterTest {

    private final FakeKakehashiApi api = Fixtures.apiFor(Fixtures.consultant(), NORTHWIND);
    private final RecordingView view = new RecordingView();
    private final ParticipantPresenter presenter = new ParticipantPresenter(api, NORTHWIND.id(), view);

    @Test
    void sendsTheChosenFiltersAndStartsFromTheFirstPage() {
        api.participantTotal = 120;
        presenter.filter(ParticipantFilter.none());
        presenter.next();
        assertEquals(1, api.lastPage);

        var filter = new ParticipantFilter(Side.JAPAN, Level.MIDDLE_MANAGER, true, "営業");
        presenter.filter(filter);

        assertEquals(filter, api.lastFilter);
        assertEquals(0, api.lastPage, "a new filter resets paging");
    }

    @Test
    void pagesForwardOnlyWhileThereAreMorePages() {
        api.participantTotal = 120;
        presenter.filter(ParticipantFilter.none());
        presenter.next();
        presenter.next();
        presenter.next();

        assertEquals(2, api.lastPage, "120 participants at 50 per page make 3 pages");
        assertEquals(3, view.page.pageCount());
        assertFalse(view.page.hasNext());
    }

    @Test
    void createsAParticipantFromTheFormAndShowsItInTheList() {
        presenter.filter(ParticipantFilter.none());
        presenter.startCreate();
        assertNull(view.formFor);

        presenter.save(null, Fixtures.japanStaff("hanako@northwind.example"));

        assertTrue(view.formClosed);
        assertEquals(List.of("hanako@northwind.example"),
                view.page.items().stream().map(Participant::email).toList());
    }

    @Test
    void editsTheParticipantTheFormWasOpenedFor() {
        var existing = api.createParticipant(NORTHWIND.id(), Fixtures.japanStaff("taro@northwind.example"));
        presenter.startEdit(existing);
        assertSame(existing, view.formFor);
        assertEquals(existing.toDraft(), view.formDraft);

        var changed = new ParticipantDraft(existing.email(), "山田 太郎", Side.JAPAN, Level.MIDDLE_MANAGER, "ja",
                "Asia/Tokyo", "経営企画部");
        presenter.save(existing, changed);

        assertEquals(Level.MIDDLE_MANAGER, api.participants.get(existing.id()).level());
        assertTrue(api.calls.contains("updateParticipant " + existing.id()));
    }

    @Test
    void keepsTheFormOpenAndShowsTheFieldErrorWhenTheBackendRefuses() {
        api.refuseNext(Fixtures.validationProblem("create.details.email", "must be a well-formed email address"));
        presenter.save(null, Fixtures.japanStaff("not-an-email"));

        assertFalse(view.formClosed);
        assertEquals("email", view.formProblem.errors().getFirst().property());
    }

    @Test
    void deactivationKeepsTheParticipantButMarksItInactive() {
        var p = api.createParticipant(NORTHWIND.id(), Fixtures.japanStaff("jiro@northwind.example"));
        presenter.deactivate(p);

        assertFalse(view.page.items().getFirst().active());
    }

    @Test
    void erasureRemovesTheParticipantFromTheList() {
        var p = api.createParticipant(NORTHWIND.id(), Fixtures.japanStaff("saburo@northwind.example"));
        presenter.erase(p);

        assertTrue(view.page.items().isEmpty());
    }

    @Test
    void sendsTheUploadedBytesUnchangedAndShowsTheReportThenTheFirstPage() {
        var shiftJis = "email,displayName,side,level,language\nhanako@n.example,山田花子,JAPAN,STAFF,ja\n"
                .getBytes(Charset.forName("Shift_JIS"));
        api.importReport = new ImportReport(1, 0, 0, 1, List.of(new ImportReport.ImportLineError(3, "side", "unknown side")));
        presenter.filter(ParticipantFilter.none());
        presenter.importCsv(shiftJis);

        assertArrayEquals(shiftJis, api.lastImport);
        assertEquals(api.importReport, view.report);
        assertEquals(List.of("participants page=0", "import", "participants page=0"), api.calls);
    }

    @Test
    void refusesAnEmptyUploadWithoutCallingTheBackend() {
        presenter.importCsv(new byte[0]);

        assertTrue(view.emptyImport);
        assertFalse(api.calls.contains("import"));
    }

    @Test
    void showsAnImportTheBackendRefusedAsAProblem() {
        api.refuseNext(new ApiProblem(null, "Unsupported Media Type", 415, "Not a CSV file", List.of()));
        presenter.importCsv(new byte[] {1, 2, 3});

        assertEquals(415, view.problems.getFirst().status());
        assertNull(view.report);
    }

    private static final class RecordingView implements ParticipantPresenter.View {
        PageResult<Participant> page;
        Participant formFor;
        ParticipantDraft formDraft;
        boolean formClosed;
        ApiProblem formProblem;
        ImportReport report;
        boolean emptyImport;
        final List<ApiProblem> problems = new ArrayList<>();

        @Override
        public void showPage(PageResult<Participant> page) {
            this.page = page;
        }

        @Override
        public void openForm(Participant existing, ParticipantDraft draft) {
            formFor = existing;
            formDraft = draft;
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
        public void showImportReport(ImportReport report) {
            this.report = report;
        }

        @Override
        public void showSaved(ParticipantDraft draft) {
        }

        @Override
        public void showEmptyImport() {
            emptyImport = true;
        }

        @Override
        public void showProblem(ApiProblem problem) {
            problems.add(problem);
        }
    }
}
