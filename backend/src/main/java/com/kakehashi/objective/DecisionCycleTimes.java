package com.kakehashi.objective;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/**
 * How many days decisions take from stage to stage, for decisions where Japan was consulted before the proposal
 * ({@code consultedOn} strictly before {@code proposedOn}) and for the others (no consultation date, or one on or
 * after the proposal). Each interval counts only the decisions that have both of its dates.
 *
 * <p>Median and quartiles use linear interpolation between closest ranks (Hyndman and Fan type 7, as in
 * Excel's PERCENTILE.INC and numpy's default): for sorted days x[0..n-1] and fraction p, h = (n-1)p and the value
 * is x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]). An interval with fewer than
 * {@link #MINIMUM_DECISIONS} decisions reports {@code enough=false}, the reason {@code NOT_ENOUGH_DECISIONS}
 * and n, but no numbers.
 */
@Serdeable
public record DecisionCycleTimes(int minimumDecisions, Group consultedBeforeProposal, Group notConsultedBeforeProposal) {

    public static final int MINIMUM_DECISIONS = 5;
    public static final String NOT_ENOUGH_DECISIONS = "NOT_ENOUGH_DECISIONS";

    static DecisionCycleTimes of(List<DecisionView> decisions) {
        List<DecisionView> early = decisions.stream().filter(DecisionCycleTimes::consultedBeforeProposal).toList();
        List<DecisionView> rest = decisions.stream().filter(d -> !consultedBeforeProposal(d)).toList();
        return new DecisionCycleTimes(MINIMUM_DECISIONS, Group.of(early), Group.of(rest));
    }

    private static boolean consultedBeforeProposal(DecisionView d) {
        return d.consultedOn() != null && d.consultedOn().isBefore(d.proposedOn());
    }

    /** The decisions of one group and the days of its three intervals. */
    @Serdeable
    public record Group(int decisions, Interval proposalToApproval, Interval approvalToExecutionStart,
                        Interval proposalToExecutionStart) {

        static Group of(List<DecisionView> decisions) {
            return new Group(decisions.size(),
                    Interval.of(decisions, DecisionView::proposedOn, DecisionView::approvedOn),
                    Interval.of(decisions, DecisionView::approvedOn, DecisionView::executionStartedOn),
                    Interval.of(decisions, DecisionView::proposedOn, DecisionView::executionStartedOn));
        }
    }

    /**
     * Days of one interval: n decisions have both dates; with enough of them, the median and the 25th and 75th
     * percentiles (type 7, see above); otherwise {@code enough=false}, {@code reason=NOT_ENOUGH_DECISIONS} and no numbers.
     */
    @Serdeable
    public record Interval(int n, boolean enough, @Nullable String reason, @Nullable Double medianDays,
                           @Nullable Double p25Days, @Nullable Double p75Days) {

        static Interval of(List<DecisionView> decisions, Function<DecisionView, LocalDate> from,
                           Function<DecisionView, LocalDate> to) {
            double[] days = decisions.stream().filter(d -> from.apply(d) != null && to.apply(d) != null)
                    .mapToDouble(d -> ChronoUnit.DAYS.between(from.apply(d), to.apply(d))).sorted().toArray();
            if (days.length < MINIMUM_DECISIONS) {
                return new Interval(days.length, false, NOT_ENOUGH_DECISIONS, null, null, null);
            }
            return new Interval(days.length, true, null, percentile(days, 0.5), percentile(days, 0.25),
                    percentile(days, 0.75));
        }
    }

    /** Type 7 percentile of sorted values, p in [0, 1]. */
    static double percentile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int low = (int) Math.floor(h);
        int high = Math.min(low + 1, sorted.length - 1);
        return sorted[low] + (h - low) * (sorted[high] - sorted[low]);
    }
}
