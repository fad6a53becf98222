package com.kakehashi.console.register;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.FakeKakehashiApi;
import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.api.RegisterRecords.Area;
import com.kakehashi.console.api.RegisterRecords.Classification;
import com.kakehashi.console.api.RegisterRecords.Decision;
import com.kakehashi.console.api.RegisterRecords.Health;
import com.kakehashi.console.api.RegisterRecords.Item;
import com.kakehashi.console.api.RegisterRecords.State;
import com.kakehashi.console.api.RegisterRecords.Version;
import com.kakehashi.console.api.Side;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegisterPresenterTest {

    private final List<String> fieldErrors = new ArrayList<>();
    private List<RegisterPresenter.Section> sections = List.of();
    private Boolean canDelete;
    private boolean closed;

    private final RegisterPresenter.View view = new RegisterPresenter.View() {
        @Override
        public void showRegister(List<RegisterPresenter.Section> shown, Health health, boolean delete) {
            sections = shown;
            canDelete = delete;
        }

        @Override
        public void showFieldError(String field, String messageKey) {
            fieldErrors.add(field + ":" + messageKey);
        }

        @Override
        public void showProblem(ApiProblem problem) {
            throw new AssertionError(problem);
        }

        @Override
        public void closeForms() {
            closed = true;
        }
    };

    private static Item item(String title, State state, Classification classification, int version) {
        var v = new Version(version, classification, "why", "Kenji Mori", Instant.parse("2026-10-01T00:00:00Z"), null, null,
                state == State.AGREED, List.of());
        return new Item(UUID.randomUUID(), title, Area.PRICING, List.of("RISK_LENS"), state, v, null, null, null, List.of(v));
    }

    @Test
    void disagreementsComeFirstThenEachClassificationWithPendingBeforeAgreed() {
        FakeKakehashiApi api = Fixtures.apiFor(Fixtures.executiveOf(Fixtures.NORTHWIND), Fixtures.NORTHWIND);
        api.registerItems.addAll(List.of(
                item("Discount policy", State.DISAGREED, Classification.NON_NEGOTIABLE, 1),
                item("Sales targets", State.DISAGREED, Classification.ADAPTABLE, 1),
                item("Reporting", State.PENDING, Classification.ADAPTABLE, 2),
                item("Brand", State.AGREED, Classification.NON_NEGOTIABLE, 1),
                item("Yen prices", State.AGREED, Classification.ADAPTABLE, 1),
                item("Hiring", State.AGREED, Classification.LOCAL, 1)));
        api.registerItems.add(3, item("Launch dates", State.AGREED, Classification.ADAPTABLE, 1));

        new RegisterPresenter(api, api.me, Fixtures.NORTHWIND.id(), view).load();

        assertEquals(4, sections.size());
        assertTrue(sections.getFirst().disagreements());
        assertEquals(List.of("Discount policy", "Sales targets"), sections.getFirst().items().stream().map(Item::title).toList());
        assertEquals(Classification.NON_NEGOTIABLE, sections.get(1).classification());
        assertEquals(List.of("Brand"), sections.get(1).items().stream().map(Item::title).toList());
        assertEquals(List.of("Reporting", "Launch dates", "Yen prices"), sections.get(2).items().stream().map(Item::title).toList());
        assertEquals(Classification.LOCAL, sections.get(3).classification());
        assertFalse(canDelete, "executives do not delete");
    }

    @Test
    void aDisagreementWithoutACommentIsStoppedBeforeItIsSent() {
        FakeKakehashiApi api = Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND);
        Item discount = item("Discount policy", State.PENDING, Classification.NON_NEGOTIABLE, 3);
        api.registerItems.add(discount);
        var presenter = new RegisterPresenter(api, api.me, Fixtures.NORTHWIND.id(), view);

        presenter.recordWord(discount, Side.JAPAN, Decision.DISAGREE, "  ", "佐藤 健");
        presenter.recordWord(discount, null, Decision.AGREE, null, null);

        assertEquals(List.of("comment:register.comment.required", "side:register.required"), fieldErrors);
        assertTrue(api.calls.stream().noneMatch(c -> c.startsWith("recordRegisterWord")));
        assertFalse(closed);
    }

    @Test
    void aWordIsRecordedOnTheVersionTheUserSawAndAChangeIsBasedOnIt() {
        FakeKakehashiApi api = Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND);
        Item reporting = item("Reporting", State.PENDING, Classification.ADAPTABLE, 2);
        api.registerItems.add(reporting);
        var presenter = new RegisterPresenter(api, api.me, Fixtures.NORTHWIND.id(), view);

        presenter.recordWord(reporting, Side.JAPAN, Decision.DISAGREE, " Monthly is too rare. ", " 鈴木 美咲 ");
        presenter.proposeVersion(reporting, Classification.LOCAL, "Japan decides.");

        assertTrue(api.calls.contains("recordRegisterWord " + reporting.id() + " JAPAN DISAGREE v2 Monthly is too rare. 鈴木 美咲"));
        assertTrue(api.calls.contains("proposeRegisterVersion " + reporting.id() + " LOCAL basedOn 2"));
        assertTrue(closed);
        assertTrue(canDelete);
    }
}
