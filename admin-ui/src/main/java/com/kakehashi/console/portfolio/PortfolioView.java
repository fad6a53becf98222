package com.kakehashi.console.portfolio;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.portfolio.PortfolioPresenter.Card;
import com.kakehashi.console.portfolio.PortfolioPresenter.Cell;
import com.kakehashi.console.portfolio.PortfolioPresenter.SignRow;
import com.kakehashi.console.shell.ConsoleSession;
import com.kakehashi.console.shell.Formats;
import com.kakehashi.console.shell.MainLayout;
import com.kakehashi.console.shell.Problems;
import com.kakehashi.console.shell.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Cards of the user's tenants, most in need of attention first; a card opens the tenant's dashboard. */
@Route(value = Routes.PORTFOLIO, layout = MainLayout.class)
public class PortfolioView extends VerticalLayout implements PortfolioPresenter.View, HasDynamicTitle {

    private final Div cards = new Div();
    private final Paragraph empty = new Paragraph();
    private final PortfolioPresenter presenter;

    public PortfolioView() {
        var session = ConsoleSession.require();
        var presenter = new PortfolioPresenter(session.api(), this);
        setId("portfolio");
        cards.setId("portfolio-cards");
        cards.addClassName("portfolio-cards");
        empty.setId("portfolio-empty");
        empty.setVisible(false);
        add(new H2(getTranslation("portfolio.title")), new Paragraph(getTranslation("portfolio.help")), empty, cards);
        this.presenter = presenter;
        presenter.load();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("portfolio.title");
    }

    @Override
    public void showCards(List<Card> list) {
        empty.setVisible(false);
        cards.removeAll();
        list.forEach(card -> cards.add(card(card)));
    }

    @Override
    public void showEmpty() {
        cards.removeAll();
        empty.setText(getTranslation("portfolio.empty"));
        empty.setVisible(true);
    }

    @Override
    public void showProblem(ApiProblem problem) {
        Problems.notify(problem);
    }

    @Override
    public void openDashboard(UUID tenantId) {
        // navigate(String) refuses a query string: the tab goes as query parameters.
        var dashboard = Routes.tenantDashboard(tenantId);
        UI.getCurrent().navigate(dashboard.getPath(), dashboard.getQueryParameters());
    }

    /** For the card's link (a plain href, so it also opens in a new browser tab). */
    private static String dashboardUrl(UUID tenantId) {
        return Routes.tenantDashboard(tenantId).getPathWithQueryParameters();
    }

    private Div card(Card card) {
        var box = new Div();
        box.setId("portfolio-card-" + card.tenantId());
        box.addClassName("portfolio-card");
        if (card.attention() > 0) {
            box.addClassName("portfolio-card-attention");
        }
        var title = new Anchor(dashboardUrl(card.tenantId()), card.name());
        title.addClassName("portfolio-card-title");
        var heading = new H3(title);
        var attention = new Span(getTranslation("portfolio.attention", card.attention()));
        attention.addClassName("portfolio-attention");
        // Why in words, weightiest first: an executive reads the sentence, not a score.
        var reasons = new UnorderedList();
        reasons.addClassName("portfolio-reasons");
        card.why().forEach(why -> {
            var line = new ListItem(ReasonText.sentence(why, this::getTranslation));
            line.addClassName("portfolio-reason");
            line.getElement().setAttribute("data-reason", why.code());
            reasons.add(line);
        });
        var facts = new Div();
        facts.addClassName("portfolio-facts");
        facts.add(fact("portfolio-wave", getTranslation("portfolio.latestWave"),
                card.latestWave() == null ? getTranslation("portfolio.noWave") : Formats.date(card.latestWave(), getLocale())));
        facts.add(fact("portfolio-rate", getTranslation("portfolio.responseRate"),
                card.responseRatePercent() == null ? "–" : card.responseRatePercent() + "%"));
        facts.add(fact("portfolio-alerts", getTranslation("portfolio.openAlerts"),
                card.openHigh() > 0 ? getTranslation("portfolio.openAlertsHigh", card.openAlerts(), card.openHigh())
                        : Integer.toString(card.openAlerts())));
        facts.add(fact("portfolio-gap", getTranslation("portfolio.widestGap"), card.widestGap() == null ? "–"
                : getTranslation("instrument.sign." + card.widestGapSign()) + " " + signed(card.widestGap())));
        box.add(heading, attention);
        if (!card.why().isEmpty()) {
            box.add(reasons);
        }
        box.add(facts);
        if (!card.signs().isEmpty()) {
            box.add(signs(card));
        }
        box.addClickListener(e -> presenter.select(card.tenantId()));
        return box;
    }

    private static Div fact(String className, String label, String value) {
        var line = new Div(new Span(label + ": "), new Span(value));
        line.addClassName(className);
        return line;
    }

    private Div signs(Card card) {
        var table = new Div();
        table.addClassName("portfolio-signs");
        table.getElement().setAttribute("role", "table");
        table.add(head(""), head(getTranslation("dashboard.side.HQ")), head(getTranslation("dashboard.side.JAPAN")));
        for (SignRow row : card.signs()) {
            var sign = new Span(getTranslation("instrument.sign." + row.sign()));
            sign.addClassName("portfolio-sign");
            sign.getElement().setAttribute("role", "rowheader");
            table.add(sign, cell(row.hq(), card.anonymityThreshold()), cell(row.japan(), card.anonymityThreshold()));
        }
        return table;
    }

    private static Span head(String text) {
        var head = new Span(text);
        head.addClassName("portfolio-head");
        head.getElement().setAttribute("role", "columnheader");
        return head;
    }

    private Span cell(Cell cell, int k) {
        var value = new Span();
        value.addClassName("portfolio-value");
        value.getElement().setAttribute("role", "cell");
        if (cell.value() == null) {
            value.setText(getTranslation("dashboard.suppressedShort." + cell.hiddenCode(), k));
            value.getElement().setAttribute("title", getTranslation("dashboard.suppressed." + cell.hiddenCode(), k));
            value.addClassName("portfolio-hidden");
        } else {
            value.setText(String.format(Locale.ROOT, "%.0f", cell.value()) + " ");
        }
        var arrow = new Span();
        arrow.addClassName("portfolio-arrow");
        String label;
        if (cell.arrow() == null) {
            arrow.setText("·");
            label = getTranslation("portfolio.noTrend." + cell.noTrendCode());
        } else {
            arrow.setText(cell.arrow().symbol);
            arrow.addClassName("portfolio-arrow-" + cell.arrow().name().toLowerCase(Locale.ROOT));
            label = getTranslation(cell.arrowKey(),
                    String.format(Locale.ROOT, "%.0f", cell.previous()));
        }
        arrow.getElement().setAttribute("aria-label", label);
        arrow.getElement().setAttribute("title", label);
        arrow.getElement().setAttribute("role", "img");
        value.add(arrow);
        return value;
    }

    private static String signed(double gap) {
        return (gap > 0 ? "+" : "") + String.format(Locale.ROOT, "%.0f", gap);
    }
}
