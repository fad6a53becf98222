package com.kakehashi.console.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The console's view of the portfolio: one summary per tenant the user may see. A hidden value is null
 * with the code and message of why; a missing trend likewise.
 */
public final class PortfolioRecords {

    private PortfolioRecords() {
    }

    public enum Trend { UP, DOWN, FLAT }

    /**
     * @param suppressedCode BELOW_K, COMPLEMENTARY, NO_RESPONSES or null when shown
     * @param trendReason    why the arrow is what it is: BEYOND_NOISE (UP/DOWN), WITHIN_NOISE, BELOW_MINIMUM_EFFECT or
     *                       BELOW_MINIMUM_N (FLAT); null where no trend was tested
     * @param change         latest − previous where tested; {@code p} its adjusted p-value
     */
    public record SignRisk(String sign, Side side, Double value, String suppressedCode, String suppressedMessage,
                           Double previous, Trend trend, String trendUnavailableCode, String trendUnavailableMessage,
                           Double change, Double p, String trendReason) {

        public SignRisk(String sign, Side side, Double value, String suppressedCode, String suppressedMessage,
                        Double previous, Trend trend, String trendUnavailableCode, String trendUnavailableMessage) {
            this(sign, side, value, suppressedCode, suppressedMessage, previous, trend, trendUnavailableCode,
                    trendUnavailableMessage, null, null, null);
        }
    }

    public record SideRate(Side side, long invited, long responses, Double responseRate) {
    }

    /**
     * @param code    OPEN_ALERTS, HIGH_RISK, WORSENING, LOW_RESPONSE_RATE, NO_CLOSED_WAVE, OPEN_DISAGREEMENTS or OVERDUE_ACTIONS
     * @param numbers the figures behind the reason by name (e.g. count, threshold), empty when the backend sent none
     */
    public record Reason(String code, String message, int points, Map<String, Double> numbers) {
        public Reason {
            numbers = numbers == null ? Map.of() : Map.copyOf(numbers);
        }

        public Reason(String code, String message, int points) {
            this(code, message, points, Map.of());
        }
    }

    /**
     * @param latestWaveDate null when the tenant has no closed wave yet
     * @param widestGap      JAPAN − HQ of the sign in {@code widestGapSign}, null when no gap is shown
     */
    public record TenantSummary(UUID tenantId, String name, int anonymityThreshold, LocalDate latestWaveDate,
                                Double responseRate, List<SideRate> sides, List<SignRisk> signs, String widestGapSign,
                                Double widestGap, int openAlerts, int openHigh, int attentionScore, List<Reason> reasons) {
        public TenantSummary {
            sides = List.copyOf(sides);
            signs = List.copyOf(signs);
            reasons = List.copyOf(reasons);
        }
    }
}
