package com.kakehashi.console.action;

import com.kakehashi.console.action.ActionsPresenter.ActionItem;
import com.kakehashi.console.action.ActionsPresenter.EffectItem;
import com.kakehashi.console.api.ActionRecords;
import com.kakehashi.console.api.ActionRecords.Action;
import com.kakehashi.console.api.ActionRecords.Comment;
import com.kakehashi.console.api.ActionRecords.FormInput;
import com.kakehashi.console.api.ActionRecords.Owner;
import com.kakehashi.console.api.ActionRecords.Status;
import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.CurrentUser;
import com.kakehashi.console.api.Engagement;
import com.kakehashi.console.api.EngagementStatus;
import com.kakehashi.console.api.FakeKakehashiApi;
import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.api.Member;
import com.kakehashi.console.api.Role;
import com.kakehashi.console.api.Side;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionsPresenterTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    private final UUID engagement = UUID.randomUUID();
    private final List<ActionItem> shown = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private final List<ApiProblem> problems = new ArrayList<>();
    private List<EffectItem> effect;
    private List<Comment> comments;
    private boolean closed;

    private final ActionsPresenter.View view = new ActionsPresenter.View() {
        @Override
        public void showActions(List<ActionItem> actions, boolean canCreate) {
            shown.clear();
            shown.addAll(actions);
        }

        @Override
        public void showDetail(UUID actionId, List<Comment> c, List<EffectItem> e) {
            comments = c;
            effect = e;
        }

        @Override
        public void showDropProblem(UUID actionId, String messageKey) {
            messages.add("drop:" + messageKey);
        }

        @Override
        public void showCommentProblem(UUID actionId, String messageKey, Object... arguments) {
            messages.add("comment:" + messageKey);
        }

        @Override
        public void showNotice(String text) {
            messages.add("notice:" + text);
        }

        @Override
        public void showProblem(ApiProblem problem) {
            problems.add(problem);
        }
    };

    private final ActionFormPresenter.View formView = new ActionFormPresenter.View() {
        @Override
        public void showFieldError(String field, String messageKey, Object... arguments) {
            messages.add(field + ":" + messageKey);
        }

        @Override
        public void showProblem(ApiProblem problem) {
            problems.add(problem);
        }

        @Override
        public void closeForms() {
            closed = true;
        }
    };

    private static Owner owner(Side side, UUID userId, String name, boolean agreed) {
        return new Owner(side, userId, name, name.toLowerCase().replace(' ', '.') + "@example.com", null,
                agreed ? OffsetDateTime.parse("2026-10-01T09:00:00Z") : null, agreed ? userId : null, false);
    }

    private Action action(String title, Status status, LocalDate due, boolean overdue, Owner hq, Owner japan) {
        return new Action(UUID.randomUUID(), engagement, null, title, null, "en", List.of("EXCLUSION"), TODAY.minusMonths(2),
                due, status, overdue, null, null, null, null, hq, japan, UUID.randomUUID(), OffsetDateTime.now(), OffsetDateTime.now());
    }

    private FakeKakehashiApi api(CurrentUser user) {
        var api = Fixtures.apiFor(user, Fixtures.NORTHWIND);
        api.engagements.put(engagement, new Engagement(engagement, "Alignment 2026", null, TODAY.minusMonths(6), null,
                EngagementStatus.ACTIVE, List.of()));
        return api;
    }

    private ActionsPresenter presenter(FakeKakehashiApi api, CurrentUser user) {
        return new ActionsPresenter(api, user, Fixtures.NORTHWIND.id(), view);
    }

    @Test
    void listsByStatusThenDueDateAndMarksOnlyOpenOverdueActions() {
        var user = Fixtures.consultant();
        var api = api(user);
        UUID hqUser = UUID.randomUUID();
        UUID jpUser = UUID.randomUUID();
        for (Action a : List.of(
                action("done early", Status.DONE, TODAY.minusDays(40), false, owner(Side.HQ, hqUser, "Hq One", true), owner(Side.JAPAN, jpUser, "Jp One", true)),
                action("running late", Status.IN_PROGRESS, TODAY.minusDays(3), true, owner(Side.HQ, hqUser, "Hq One", true), owner(Side.JAPAN, jpUser, "Jp One", true)),
                action("proposed later", Status.PROPOSED, TODAY.plusDays(30), false, owner(Side.HQ, hqUser, "Hq One", false), owner(Side.JAPAN, jpUser, "Jp One", false)),
                action("running", Status.IN_PROGRESS, TODAY.plusDays(10), false, owner(Side.HQ, hqUser, "Hq One", true), owner(Side.JAPAN, jpUser, "Jp One", true)),
                action("dropped", Status.DROPPED, TODAY.minusDays(90), true, owner(Side.HQ, hqUser, "Hq One", false), owner(Side.JAPAN, jpUser, "Jp One", false)),
                action("proposed sooner", Status.PROPOSED, TODAY.plusDays(5), false, owner(Side.HQ, hqUser, "Hq One", false), owner(Side.JAPAN, jpUser, "Jp One", false)),
                action("agreed", Status.AGREED, TODAY.plusDays(1), false, owner(Side.HQ, hqUser, "Hq One", true), owner(Side.JAPAN, jpUser, "Jp One", true)))) {
            api.actions.put(a.id(), a);
        }
        presenter(api, user).load();

        assertEquals(List.of("proposed sooner", "proposed later", "agreed", "running late", "running", "done early", "dropped"),
                shown.stream().map(i -> i.action().title()).toList());
        assertEquals(List.of("running late"), shown.stream().filter(ActionItem::overdue).map(i -> i.action().title()).toList(),
                "a dropped action is never overdue, even if the backend said so before it was dropped");
        assertEquals("action.status.IN_PROGRESS", shown.get(3).statusKey());
        assertEquals("Alignment 2026", shown.getFirst().engagementName());
    }

    @Test
    void consultantsGetEveryButtonTheStatusAllows() {
        var user = Fixtures.consultant();
        var api = api(user);
        UUID hqUser = UUID.randomUUID();
        var proposed = action("p", Status.PROPOSED, TODAY.plusDays(9), false, owner(Side.HQ, hqUser, "Hq", true), owner(Side.JAPAN, null, "Named Jp", false));
        var agreed = action("a", Status.AGREED, TODAY.plusDays(9), false, owner(Side.HQ, hqUser, "Hq", true), owner(Side.JAPAN, null, "Named Jp", true));
        var running = action("r", Status.IN_PROGRESS, TODAY.plusDays(9), false, owner(Side.HQ, hqUser, "Hq", true), owner(Side.JAPAN, null, "Named Jp", true));
        var done = action("d", Status.DONE, TODAY.plusDays(9), false, owner(Side.HQ, hqUser, "Hq", true), owner(Side.JAPAN, null, "Named Jp", true));
        List.of(proposed, agreed, running, done).forEach(a -> api.actions.put(a.id(), a));
        var presenter = presenter(api, user);
        presenter.load();

        ActionItem p = presenter.item(proposed);
        assertFalse(p.canAgreeHq(), "HQ has agreed already");
        assertTrue(p.canAgreeJapan(), "a consultant records the named Japan owner's agreement");
        assertTrue(p.canEdit() && p.canDrop() && p.canComment());
        assertFalse(p.canStart() || p.canDone());
        ActionItem a = presenter.item(agreed);
        assertTrue(a.canStart() && !a.canDone() && !a.canAgreeHq() && !a.canAgreeJapan());
        ActionItem r = presenter.item(running);
        assertTrue(r.canDone() && r.canDrop() && r.canEdit() && !r.canStart());
        ActionItem d = presenter.item(done);
        assertFalse(d.canEdit() || d.canDrop() || d.canDone() || d.canStart());
        assertTrue(d.canComment());
    }

    @Test
    void executivesProposeCommentAndAgreeOnlyForTheSideTheyOwn() {
        var user = Fixtures.executiveOf(Fixtures.NORTHWIND);
        var api = api(user);
        var mine = action("mine", Status.PROPOSED, TODAY.plusDays(9), false, owner(Side.HQ, UUID.randomUUID(), "Hq", false),
                owner(Side.JAPAN, user.id(), "Me", false));
        var running = action("running", Status.IN_PROGRESS, TODAY.plusDays(9), false, owner(Side.HQ, UUID.randomUUID(), "Hq", true),
                owner(Side.JAPAN, user.id(), "Me", true));
        var agreedOne = action("agreed", Status.AGREED, TODAY.plusDays(9), false, owner(Side.HQ, UUID.randomUUID(), "Hq", true),
                owner(Side.JAPAN, user.id(), "Me", true));
        List.of(mine, running, agreedOne).forEach(a -> api.actions.put(a.id(), a));
        var presenter = presenter(api, user);
        presenter.load();

        ActionItem m = presenter.item(mine);
        assertTrue(m.canAgreeJapan(), "their own side");
        assertFalse(m.canAgreeHq(), "not the other side");
        assertFalse(m.canEdit() || m.canStart() || m.canDone() || m.canDrop(), "the backend refuses these to executives");
        assertTrue(m.canComment());
        ActionItem r = presenter.item(running);
        assertFalse(r.canEdit() || r.canDone() || r.canDrop());
        assertFalse(presenter.item(agreedOne).canStart());

        // Refused calls are not even sent.
        presenter.agree(mine.id(), Side.HQ);
        presenter.drop(mine.id(), "no");
        presenter.start(agreedOne.id());
        assertTrue(api.calls.stream().noneMatch(c -> c.startsWith("agreeToAction") || c.startsWith("dropAction")
                || c.startsWith("startAction")), api.calls.toString());
        presenter.agree(mine.id(), Side.JAPAN);
        assertTrue(api.calls.contains("agreeToAction " + mine.id() + " JAPAN"), api.calls.toString());

        // An executive's form offers only themselves as a user owner, and never edits.
        var form = presenter.form(formView);
        var choices = form.choices();
        assertEquals(List.of(user.id()), choices.owners().stream().map(ActionRecords.OwnerChoice::userId).toList());
        assertFalse(api.calls.stream().anyMatch(c -> c.startsWith("members")), "executives may not list members");
        assertNull(form.save(ActionFormPresenter.of(mine)));
    }

    @Test
    void droppingNeedsAReasonAndCommentsNeedText() {
        var user = Fixtures.consultant();
        var api = api(user);
        var running = action("r", Status.IN_PROGRESS, TODAY.plusDays(9), false, owner(Side.HQ, UUID.randomUUID(), "Hq", true),
                owner(Side.JAPAN, UUID.randomUUID(), "Jp", true));
        api.actions.put(running.id(), running);
        var presenter = presenter(api, user);
        presenter.load();

        presenter.drop(running.id(), "   ");
        assertEquals(List.of("drop:action.drop.reasonRequired"), messages);
        assertFalse(api.calls.stream().anyMatch(c -> c.startsWith("dropAction")));
        presenter.drop(running.id(), " budget moved to Q3 ");
        assertTrue(api.calls.contains("dropAction " + running.id() + " budget moved to Q3"), api.calls.toString());
        assertEquals(Status.DROPPED, shown.getFirst().action().status());

        messages.clear();
        presenter.comment(running.id(), "", "en");
        assertEquals(List.of("comment:action.comment.required"), messages);
    }

    @Test
    void anOpenedActionShowsItsCommentsAndItsEffectPerSignAndSide() {
        var user = Fixtures.consultant();
        var api = api(user);
        var running = action("r", Status.IN_PROGRESS, TODAY.plusDays(9), false, owner(Side.HQ, UUID.randomUUID(), "Hq", true),
                owner(Side.JAPAN, UUID.randomUUID(), "Jp", true));
        api.actions.put(running.id(), running);
        api.actionEffects.put(running.id(), new ActionRecords.Effect(TODAY.minusMonths(2), null, List.of(
                new ActionRecords.Estimate("EXCLUSION", Side.JAPAN, "IMPROVED", null, 4, 5, 62.0, 48.0, -12.0, -18.0, -6.0,
                        "Improved by 12 points, 95% CI 6–18", "12ポイント改善"),
                new ActionRecords.Estimate("EXCLUSION", Side.HQ, "NO_CHANGE", null, 4, 5, 40.0, 39.0, -1.0, -5.0, 3.0,
                        "No change beyond noise", "誤差を超える変化なし"))));
        var presenter = presenter(api, user);
        presenter.load();
        presenter.toggle(running.id());
        assertTrue(shown.getFirst().expanded());
        assertEquals(List.of("HQ", "JAPAN"), effect.stream().map(e -> e.side().name()).toList());
        assertEquals("action.verdict.IMPROVED", effect.get(1).verdictKey());
        assertEquals("12ポイント改善", effect.get(1).summary(true));
        assertEquals(List.of(), comments);

        presenter.comment(running.id(), "Pre-briefing held on 3 Dec", "en");
        assertEquals(1, comments.size());

        // An effect the backend cannot give leaves the comments readable.
        api.actionEffects.clear();
        presenter.toggle(running.id());
        presenter.toggle(running.id());
        assertEquals(List.of(), effect);
        assertEquals(1, comments.size());
        assertTrue(problems.isEmpty(), problems.toString());
    }

    @Test
    void theFormChecksWhatItCanAndPutsTheBackendsOwnerProblemsOnTheirFields() {
        var user = Fixtures.consultant();
        var api = api(user);
        UUID hqUser = UUID.randomUUID();
        api.members.put(Fixtures.NORTHWIND.id(), List.of(new Member(hqUser, "anna@hq.example", "Anna", Role.EXECUTIVE)));
        var form = presenter(api, user).form(formView);
        var choices = form.choices();
        assertEquals(List.of(hqUser), choices.owners().stream().map(ActionRecords.OwnerChoice::userId).toList());
        FormInput blank = form.blank(choices, "ja", TODAY);
        assertEquals(engagement, blank.engagementId());
        assertEquals(TODAY.plusDays(ActionFormPresenter.DEFAULT_DAYS), blank.dueOn());

        assertNull(form.save(blank));
        assertEquals(List.of("title:action.form.titleRequired"), messages);
        messages.clear();
        var noOwner = new FormInput(null, engagement, null, "Pre-briefing", "", "en", Set.of("EXCLUSION"), TODAY, TODAY.plusDays(30),
                hqUser, null, null, null, null, "", "", "ja");
        assertNull(form.save(noOwner));
        assertEquals(List.of("japanOwner:action.form.ownerRequired"), messages);
        messages.clear();
        var dueBefore = new FormInput(null, engagement, null, "Pre-briefing", "", "en", Set.of("EXCLUSION"), TODAY, TODAY.minusDays(1),
                hqUser, null, null, null, null, "Kenji Sato", "kenji@jp.example", "ja");
        assertNull(form.save(dueBefore));
        assertEquals(List.of("dueOn:action.form.dueBeforeStart"), messages);

        api.refuseNext(new ApiProblem(null, "Bad Request", 400, null, List.of(
                new ApiProblem.FieldError("create.body.japanOwner.email", "must be an email address"),
                new ApiProblem.FieldError("hqOwner.userId", "must be a member of this tenant"))));
        var good = new FormInput(null, engagement, null, "Pre-briefing", "", "en", Set.of("EXCLUSION", "CONSENSUS_PACE"), TODAY,
                TODAY.plusDays(30), hqUser, null, null, null, null, "Kenji Sato", "kenji@jp.example", "ja");
        assertNull(form.save(good));
        assertEquals(List.of("japanOwnerEmail", "hqOwner"), problems.getFirst().errors().stream()
                .map(ApiProblem.FieldError::property).toList());

        Action saved = form.save(good);
        assertNotNull(saved);
        assertTrue(closed);
        var draft = api.actionDrafts.getLast();
        assertEquals(List.of("CONSENSUS_PACE", "EXCLUSION"), draft.signs());
        assertEquals(hqUser, draft.hqOwner().userId());
        assertEquals("Kenji Sato", draft.japanOwner().name());
        assertEquals("ja", draft.japanOwner().language());
    }
}
