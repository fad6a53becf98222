package com.kakehashi.console.portfolio;

import com.kakehashi.console.api.ApiProblem;
import com.kakehashi.console.api.KakehashiApi;
import com.kakehashi.console.api.PortfolioRecords.Reason;
import com.kakehashi.console.api.PortfolioRecords.SignRisk;
import com.kakehashi.console.api.PortfolioRecords.TenantSummary;
import com.kakehashi.console.api.PortfolioRecords.Trend;
import com.kakehashi.console.api.ProblemException;
import com.kakehashi.console.api.Side;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The portfolio: one card per tenant the user may see (the backend scopes the list: an executive gets
 * their own tenant only), most in need of attention first. Opening a card goes to the tenant's dashboard.
 */
public final class PortfolioPresenter {

    public interface View {
        void showCards(List<Card> cards);

        void showEmpty();

        void showProblem(ApiProblem problem);

        void openDashboard(UUID tenantId);
    }

    /** UP is worse (the index measures risk). */
    public enum Arrow {
        UP("↑"), DOWN("↓"), FLAT("→");

        public final String symbol;

        Arrow(String symbol) {
            this.symbol = symbol;
        }
    }

    /**
     * One side of one sign. {@code value} null: {@code hiddenCode} says why. {@code arrow} null:
     * {@code noTrendCode} says why (LATEST_HIDDEN, PREVIOUS_HIDDEN, NO_PREVIOUS_WAVE).
     */
    public record Cell(Double value, String hiddenCode, Arrow arrow, Double previous, String noTrendCode,
                       String trendReason) {
        public Cell(Double value, String hiddenCode, Arrow arrow, Double previous, String noTrendCode) {
            this(value, hiddenCode, arrow, previous, noTrendCode, null);
        }

        /** The message key that says what the arrow means, with the reason a change is not shown as one. */
        public String arrowKey() {
            if (arrow == Arrow.FLAT && trendReason != null && !"BEYOND_NOISE".equals(trendReason)) {
                return "portfolio.trend.FLAT." + trendReason;
            }
            return "portfolio.trend." + arrow.name();
        }
    }

    public record SignRow(String sign, Cell hq, Cell japan) {
    }

    /** A sign's side named in a reason, with its latest value. */
    public record Mention(String sign, Side side, double value) {
    }

    /**
     * One reason as a sentence to say: {@code key} is the message, {@code numbers} its leading arguments and
     * {@code mentions} the signs it names (the last argument, rendered by {@link ReasonText}).
     */
    public record Why(String code, String key, List<Number> numbers, List<Mention> mentions) {
        public Why {
            numbers = List.copyOf(numbers);
            mentions = List.copyOf(mentions);
        }
    }

    /**
     * @param responseRatePercent the last closed wave's, null without a wave or invitations
     * @param reasonCodes         why the card needs attention, weightiest first
     * @param why                 the same reasons in words, in the same order
     */
    public record Card(UUID tenantId, String name, int attention, List<String> reasonCodes, List<Why> why, LocalDate latestWave,
                       Integer responseRatePercent, int openAlerts, int openHigh, String widestGapSign, Double widestGap,
                       int anonymityThreshold, List<SignRow> signs) {
    }

    static final Cell NO_RESPONSES = new Cell(null, "NO_RESPONSES", null, null, "LATEST_HIDDEN");

    private final KakehashiApi api;
    private final View view;
    private List<Card> cards = List.of();

    public PortfolioPresenter(KakehashiApi api, View view) {
        this.api = api;
        this.view = view;
    }

    public void load() {
        try {
            // Stable sort: equal scores keep the backend's order (by name).
            cards = api.portfolio().stream().map(PortfolioPresenter::card)
                    .sorted(Comparator.comparingInt(Card::attention).reversed()).toList();
        } catch (ProblemException e) {
            view.showProblem(e.problem());
            return;
        }
        if (cards.isEmpty()) {
            view.showEmpty();
        } else {
            view.showCards(cards);
        }
    }

    public void select(UUID tenantId) {
        if (cards.stream().anyMatch(c -> c.tenantId().equals(tenantId))) {
            view.openDashboard(tenantId);
        }
    }

    static Card card(TenantSummary s) {
        Integer rate = s.responseRate() == null ? null : (int) Math.round(s.responseRate() * 100);
        return new Card(s.tenantId(), s.name(), s.attentionScore(), s.reasons().stream().map(r -> r.code()).toList(),
                s.reasons().stream().map(r -> why(r, s, rate)).toList(), s.latestWaveDate(), rate, s.openAlerts(), s.openHigh(), s.widestGapSign(), s.widestGap(),
                s.anonymityThreshold(), rows(s.signs()));
    }

    /**
     * The backend gives each reason its code and figures; the console says it in the user's language and names
     * the signs concerned, from the same card. A figure the backend did not send falls back to the short label.
     */
    static Why why(Reason reason, TenantSummary s, Integer ratePercent) {
        String code = reason.code();
        Map<String, Double> n = reason.numbers();
        return switch (code) {
            case "OPEN_ALERTS" -> new Why(code, "portfolio.why.OPEN_ALERTS", List.of(s.openAlerts(), s.openHigh()), List.of());
            case "HIGH_RISK" -> {
                Double threshold = n.get("threshold");
                if (threshold == null) {
                    yield label(code);
                }
                // The backend counts values whose 95% interval lies above the threshold; those are the highest
                // values above it, so the sentence names that many of them.
                List<Mention> above = mentions(s, r -> r.value() != null && r.value() > threshold);
                int count = n.containsKey("count") ? n.get("count").intValue() : above.size();
                yield new Why(code, "portfolio.why.HIGH_RISK", List.of(count, threshold),
                        above.subList(0, Math.min(count, above.size())));
            }
            case "WORSENING" -> {
                List<Mention> worse = mentions(s, r -> r.value() != null && r.trend() == Trend.UP);
                yield worse.isEmpty() ? label(code) : new Why(code, "portfolio.why.WORSENING", List.of(worse.size()), worse);
            }
            case "LOW_RESPONSE_RATE" -> {
                Double rate = n.containsKey("rate") ? Double.valueOf(Math.round(n.get("rate") * 100))
                        : ratePercent == null ? null : ratePercent.doubleValue();
                yield rate == null ? label(code) : new Why(code, "portfolio.why.LOW_RESPONSE_RATE", List.of(rate.intValue()), List.of());
            }
            case "NO_CLOSED_WAVE" -> new Why(code, "portfolio.why.NO_CLOSED_WAVE", List.of(), List.of());
            case "OPEN_DISAGREEMENTS" -> n.containsKey("open") && n.containsKey("oldestDays")
                    ? new Why(code, "portfolio.why.OPEN_DISAGREEMENTS", List.of(n.get("open").intValue(), n.get("oldestDays").intValue()), List.of())
                    : label(code);
            case "OVERDUE_ACTIONS" -> n.containsKey("count") && n.containsKey("oldestDays")
                    ? new Why(code, "portfolio.why.OVERDUE_ACTIONS", List.of(n.get("count").intValue(), n.get("oldestDays").intValue()), List.of())
                    : label(code);
            default -> label(code);
        };
    }

    private static Why label(String code) {
        return new Why(code, "portfolio.reason." + code, List.of(), List.of());
    }

    /** Highest value first: the worst is named first when the sentence names only a few. */
    private static List<Mention> mentions(TenantSummary s, Predicate<SignRisk> concerned) {
        return s.signs().stream().filter(concerned)
                .sorted(Comparator.comparing(SignRisk::value, Comparator.reverseOrder()))
                .map(r -> new Mention(r.sign(), r.side(), r.value())).toList();
    }

    private static List<SignRow> rows(List<SignRisk> signs) {
        Map<String, Map<Side, Cell>> bySign = new LinkedHashMap<>();
        for (SignRisk risk : signs) {
            bySign.computeIfAbsent(risk.sign(), k -> new LinkedHashMap<>()).put(risk.side(), cell(risk));
        }
        List<SignRow> rows = new ArrayList<>();
        bySign.forEach((sign, sides) -> rows.add(new SignRow(sign, sides.getOrDefault(Side.HQ, NO_RESPONSES),
                sides.getOrDefault(Side.JAPAN, NO_RESPONSES))));
        return rows;
    }

    private static Cell cell(SignRisk risk) {
        Arrow arrow = risk.trend() == null ? null : switch (risk.trend()) {
            case UP -> Arrow.UP;
            case DOWN -> Arrow.DOWN;
            case FLAT -> Arrow.FLAT;
        };
        String hidden = risk.value() == null ? (risk.suppressedCode() == null ? "NO_RESPONSES" : risk.suppressedCode()) : null;
        String noTrend = arrow == null ? (risk.trendUnavailableCode() == null ? "LATEST_HIDDEN" : risk.trendUnavailableCode()) : null;
        return new Cell(risk.value(), hidden, arrow, risk.previous(), noTrend, risk.trendReason());
    }
}
