package com.kakehashi.console.engagement;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.api.EngagementDraft;
import com.kakehashi.console.api.EngagementStatus;
import com.kakehashi.console.api.FakeKakehashiApi;
import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.api.Member;
import com.kakehashi.console.api.Role;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.kakehashi.console.api.Fixtures.CONTOSO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngagementPresenterTest {

    private final Member kenji = new Member(UUID.randomUUID(), "kenji@k.example", "Kenji", Role.CONSULTANT);
    private final Member exec = new Member(UUID.randomUUID(), "ceo@contoso.example", "CEO", Role.EXECUTIVE);

    @Test
    void consultantsEditEngagementsAndPickConsultantsAmongTheTenantsMembers() {
        var api = Fixtures.apiFor(Fixtures.consultant(), CONTOSO);
        api.members.put(CONTOSO.id(), new ArrayList<>(List.of(kenji, exec)));
        var view = new RecordingView();
        var presenter = new EngagementPresenter(api, api.me, CONTOSO.id(), view);
        presenter.load();
        presenter.startCreate();

        assertTrue(view.editable);
        assertEquals(List.of(kenji), view.formChoices, "executives are not offered as consultants");

        var draft = new EngagementDraft("Alignment 2027", "Close the perception gap", LocalDate.of(2027, 1, 1),
                LocalDate.of(2027, 12, 31), EngagementStatus.PLANNED, List.of(kenji.userId()));
        presenter.save(null, draft);

        assertTrue(view.formClosed);
        assertEquals(Map.of(kenji.userId(), "Kenji"), view.names);
        assertEquals("Alignment 2027", view.engagements.getFirst().name());
    }

    @Test
    void executivesReadEngagementsWithoutEditingOrSeeingMembers() {
        var api = Fixtures.apiFor(Fixtures.executiveOf(CONTOSO), CONTOSO);
        api.createEngagement(CONTOSO.id(), EngagementDraft.empty());
        api.calls.clear();
        var view = new RecordingView();
        var presenter = new EngagementPresenter(api, api.me, CONTOSO.id(), view);
        presenter.load();
        presenter.startCreate();
        presenter.startEdit(view.engagements.getFirst());

        assertFalse(view.editable);
        assertTrue(view.names.isEmpty());
        assertNull(view.formChoices, "no form opens for an executive");
        assertEquals(List.of("engagements"), api.calls, "members are never requested for an executive");
    }

    @Test
    void refusesAnEndDateBeforeTheStartWithoutCallingTheBackend() {
        var api = Fixtures.apiFor(Fixtures.consultant(), CONTOSO);
        var view = new RecordingView();
        var presenter = new EngagementPresenter(api, api.me, CONTOSO.id(), view);
        presenter.save(null, new EngagementDraft("X", "", LocalDate.of(2027, 5, 1), LocalDate.of(2027, 4, 1),
                EngagementStatus.ACTIVE, List.of()));

        assertTrue(view.endBeforeStart);
        assertFalse(api.calls.stream().anyMatch(c -> c.startsWith("createEngagement")));
    }

    @Test
    void deletesTheEngagementAndReloads() {
        var api = Fixtures.apiFor(Fixtures.consultant(), CONTOSO);
        var e = api.createEngagement(CONTOSO.id(), EngagementDraft.empty());
        var view = new RecordingView();
        new EngagementPresenter(api, api.me, CONTOSO.id(), view).delete(e);

        assertTrue(view.engagements.isEmpty());
    }

    private static final class RecordingView implements EngagementPresenter.View {
        List<Engagement> engagements;
        Map<UUID, String> names;
        boolean editable;
        List<Member> formChoices;
        boolean formClosed;
        boolean endBeforeStart;

        @Override
        public void showEngagements(List<Engagement> engagements, Map<UUID, String> names, boolean editable) {
            this.engagements = engagements;
            this.names = names;
            this.editable = editable;
        }

        @Override
        public void openForm(Engagement existing, EngagementDraft draft, List<Member> consultants) {
            formChoices = consultants;
        }

        @Override
        public void closeForm() {
            formClosed = true;
        }

        @Override
        public void showFormProblem(ApiProblem problem) {
            throw new AssertionError(problem.toString());
        }

        @Override
        public void showEndBeforeStart() {
            endBeforeStart = true;
        }

        @Override
        public void showProblem(ApiProblem problem) {
            throw new AssertionError(problem.toString());
        }
    }
}
