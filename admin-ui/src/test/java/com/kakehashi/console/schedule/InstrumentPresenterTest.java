package com.kakehashi.console.schedule;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.FakeKakehashiApi;
import com.kakehashi.console.api.InstrumentVersionChoice;
import com.kakehashi.console.api.QuestionnaireItem;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstrumentPresenterTest {

    private final FakeKakehashiApi api = new FakeKakehashiApi(com.kakehashi.console.api.Fixtures.consultant());
    private final UUID tenant = UUID.randomUUID();
    private final List<InstrumentVersionChoice> shownVersions = new ArrayList<>();
    private final List<List<QuestionnaireItem>> shownItems = new ArrayList<>();
    private InstrumentVersionChoice selected;

    private final InstrumentPresenter.View view = new InstrumentPresenter.View() {
        @Override
        public void showVersions(List<InstrumentVersionChoice> versions, InstrumentVersionChoice first) {
            shownVersions.clear();
            shownVersions.addAll(versions);
            selected = first;
        }

        @Override
        public void showItems(List<QuestionnaireItem> items) {
            shownItems.add(items);
        }

        @Override
        public void showProblem(ApiProblem problem) {
            throw new AssertionError(problem);
        }
    };

    private static QuestionnaireItem item(String code) {
        return new QuestionnaireItem(code, "EXCLUSION", "BOTH", true, "We involve Japan early.", "早い段階から日本を加えている。",
                "We take part early.", "早い段階から参加できている。");
    }

    @Test
    void newestVersionIsShownFirstWithBothLanguagesOfItsItems() {
        var v1 = new InstrumentVersionChoice(UUID.randomUUID(), "Pulse", 1, UUID.randomUUID());
        var v2 = new InstrumentVersionChoice(UUID.randomUUID(), "Pulse", 2, v1.instrumentId());
        api.publishedVersions.addAll(List.of(v1, v2));
        api.items.put(v2.versionId(), List.of(item("EXCLUSION_1")));

        new InstrumentPresenter(api, tenant, view).load();

        assertEquals(List.of(v2, v1), shownVersions);
        assertEquals(v2, selected);
        assertEquals("早い段階から参加できている。", shownItems.getLast().getFirst().japanJa());
    }

    @Test
    void choosingAnotherVersionLoadsItsItems() {
        var v1 = new InstrumentVersionChoice(UUID.randomUUID(), "Pulse", 1, UUID.randomUUID());
        api.publishedVersions.add(v1);
        api.items.put(v1.versionId(), List.of(item("EXCLUSION_1"), item("EXCLUSION_2")));
        var presenter = new InstrumentPresenter(api, tenant, view);

        presenter.select(v1);

        assertEquals(2, shownItems.getLast().size());
        assertTrue(api.calls.contains("instrumentItems " + v1.versionId()));
    }

    @Test
    void withoutPublishedVersionsNothingIsSelectedAndNoItemsAreFetched() {
        new InstrumentPresenter(api, tenant, view).load();

        assertNull(selected);
        assertTrue(shownItems.getLast().isEmpty());
        assertTrue(api.calls.stream().noneMatch(c -> c.startsWith("instrumentItems")));
    }
}
