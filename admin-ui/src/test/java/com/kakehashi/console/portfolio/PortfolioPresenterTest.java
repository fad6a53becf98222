package com.kakehashi.console.portfolio;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.FakeKakehashiApi;
import com.kakehashi.console.api.Fixtures;
import com.kakehashi.console.api.PortfolioRecords.Reason;
import com.kakehashi.console.api.PortfolioRecords.SideRate;
import com.kakehashi.console.api.PortfolioRecords.SignRisk;
import com.kakehashi.console.api.PortfolioRecords.TenantSummary;
import com.kakehashi.console.api.PortfolioRecords.Trend;
import com.kakehashi.console.api.Side;
import com.kakehashi.console.api.Tenant;
import com.kakehashi.console.portfolio.PortfolioPresenter.Arrow;
import com.kakehashi.console.portfolio.PortfolioPresenter.Card;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortfolioPresenterTest {

    private final RecordingView view = new RecordingView();

    private static TenantSummary calm(Tenant tenant) {
        return new TenantSummary(tenant.id(), tenant.name(), 5, LocalDate.of(2026, 11, 2), 0.82,
                List.of(new SideRate(Side.HQ, 24, 20, 0.83), new SideRate(Side.JAPAN, 24, 19, 0.79)),
                List.of(new SignRisk("EXCLUSION", Side.HQ, 30.0, null, null, 31.0, Trend.FLAT, null, null),
                        new SignRisk("EXCLUSION", Side.JAPAN, 35.0, null, null, 45.0, Trend.DOWN, null, null)),
                "EXCLUSION", 5.0, 0, 0, 0, List.of());
    }

    private static TenantSummary hot(Tenant tenant) {
        return new TenantSummary(tenant.id(), tenant.name(), 5, LocalDate.of(2026, 11, 9), 0.4,
                List.of(new SideRate(Side.HQ, 24, 12, 0.5), new SideRate(Side.JAPAN, 24, 7, 0.29)),
                List.of(new SignRisk("SILENT_DISSENT", Side.HQ, 40.0, null, null, 38.0, Trend.FLAT, null, null),
                        new SignRisk("SILENT_DISSENT", Side.JAPAN, 72.5, null, null, 55.0, Trend.UP, null, null),
                        new SignRisk("EXCLUSION", Side.HQ, 35.0, null, null, null, null, "PREVIOUS_HIDDEN",
                                "previous value hidden: suppressed: fewer than k responses"),
                        new SignRisk("EXCLUSION", Side.JAPAN, null, "BELOW_K", "suppressed: fewer than k responses", null,
                                null, "LATEST_HIDDEN", "latest value hidden: suppressed: fewer than k responses")),
                "SILENT_DISSENT", 32.5, 3, 2, 75,
                List.of(new Reason("OPEN_ALERTS", "3 open alerts, 2 high", 50), new Reason("WORSENING", "1 worse", 5),
                        new Reason("LOW_RESPONSE_RATE", "response rate 40%", 10)));
    }

    private FakeKakehashiApi consultantApi() {
        var api = Fixtures.apiFor(Fixtures.consultant(), Fixtures.NORTHWIND, Fixtures.CONTOSO);
        api.portfolio.put(Fixtures.CONTOSO.id(), calm(Fixtures.CONTOSO));
        api.portfolio.put(Fixtures.NORTHWIND.id(), hot(Fixtures.NORTHWIND));
        return api;
    }

    @Test
    void cardsComeMostInNeedOfAttentionFirst() {
        new PortfolioPresenter(consultantApi(), view).load();

        assertEquals(List.of("Northwind Industries", "Contoso Medical"), view.cards.stream().map(Card::name).toList());
        Card northwind = view.cards.getFirst();
        assertEquals(75, northwind.attention());
        assertEquals(List.of("OPEN_ALERTS", "WORSENING", "LOW_RESPONSE_RATE"), northwind.reasonCodes());
        assertEquals(40, northwind.responseRatePercent());
        assertEquals(3, northwind.openAlerts());
        assertEquals(2, northwind.openHigh());
    }

    @Test
    void eachSignHasItsHqAndJapanValueWithAnArrowAgainstThePreviousWave() {
        new PortfolioPresenter(consultantApi(), view).load();

        var northwind = view.cards.getFirst();
        var dissent = northwind.signs().getFirst();
        assertEquals("SILENT_DISSENT", dissent.sign());
        assertEquals(Arrow.FLAT, dissent.hq().arrow());
        assertEquals(Arrow.UP, dissent.japan().arrow());
        assertEquals("↑", dissent.japan().arrow().symbol);
        assertEquals(55.0, dissent.japan().previous());
        var contosoExclusion = view.cards.get(1).signs().getFirst();
        assertEquals(Arrow.DOWN, contosoExclusion.japan().arrow());
        assertEquals("↓", contosoExclusion.japan().arrow().symbol);
    }

    @Test
    void aHiddenValueStaysNullWithItsReasonAndHasNoArrow() {
        new PortfolioPresenter(consultantApi(), view).load();

        var exclusion = view.cards.getFirst().signs().get(1);
        assertEquals("EXCLUSION", exclusion.sign());
        assertNull(exclusion.japan().value());
        assertEquals("BELOW_K", exclusion.japan().hiddenCode());
        assertNull(exclusion.japan().arrow());
        assertEquals("LATEST_HIDDEN", exclusion.japan().noTrendCode());
        assertEquals(35.0, exclusion.hq().value());
        assertNull(exclusion.hq().arrow());
        assertEquals("PREVIOUS_HIDDEN", exclusion.hq().noTrendCode());
    }

    @Test
    void anExecutiveSeesOnlyTheirOwnTenant() {
        var api = Fixtures.apiFor(Fixtures.executiveOf(Fixtures.CONTOSO), Fixtures.CONTOSO);
        api.portfolio.put(Fixtures.NORTHWIND.id(), hot(Fixtures.NORTHWIND));
        api.portfolio.put(Fixtures.CONTOSO.id(), calm(Fixtures.CONTOSO));

        new PortfolioPresenter(api, view).load();

        assertEquals(List.of(Fixtures.CONTOSO.id()), view.cards.stream().map(Card::tenantId).toList());
    }

    @Test
    void selectingACardOpensThatTenantsDashboardAndAnUnknownIdNothing() {
        var presenter = new PortfolioPresenter(consultantApi(), view);
        presenter.load();

        presenter.select(Fixtures.CONTOSO.id());
        presenter.select(UUID.randomUUID());

        assertEquals(List.of(Fixtures.CONTOSO.id()), view.opened);
    }

    @Test
    void noTenantsShowsTheEmptyState() {
        new PortfolioPresenter(Fixtures.apiFor(Fixtures.consultant()), view).load();

        assertTrue(view.empty);
        assertTrue(view.cards.isEmpty());
    }

    @Test
    void aRefusalIsShownAsAProblem() {
        var api = consultantApi().refuseNext(ApiProblem.of(503, "Service unavailable"));

        new PortfolioPresenter(api, view).load();

        assertEquals(503, view.problem.status());
        assertTrue(view.cards.isEmpty());
    }

    private static final class RecordingView implements PortfolioPresenter.View {
        List<Card> cards = List.of();
        boolean empty;
        ApiProblem problem;
        final List<UUID> opened = new ArrayList<>();

        @Override
        public void showCards(List<Card> cards) {
            this.cards = cards;
        }

        @Override
        public void showEmpty() {
            empty = true;
        }

        @Override
        public void showProblem(ApiProblem problem) {
            this.problem = problem;
        }

        @Override
        public void openDashboard(UUID tenantId) {
            opened.add(tenantId);
        }
    }
}
