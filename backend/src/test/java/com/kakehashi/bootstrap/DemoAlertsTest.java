package com.kakehashi.bootstrap;

import com.kakehashi.alert.AlertService;
import com.kakehashi.alert.AlertSettings;
import com.kakehashi.alert.AlertStatus;
import com.kakehashi.alert.AlertView;
import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.insight.InsightService;
import com.kakehashi.insight.InsightViews.WaveInsight;
import com.kakehashi.portfolio.PortfolioService;
import com.kakehashi.portfolio.PortfolioViews.SignRisk;
import com.kakehashi.portfolio.PortfolioViews.Trend;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.TestClock;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.TenantView;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The measured outcome of the alert method on the demo (docs/measurement.md): both demo tenants'
 * two years built as the demo builds them, with the default alert settings, then their alert
 * conditions and the portfolio's arrows over every pair of consecutive waves. Prints what it
 * measures: {@code ./mvnw -B -pl backend test -Dtest=DemoAlertsTest}.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoAlertsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Inject
    DemoTenant demoTenant;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;
    @Inject
    AlertService alerts;
    @Inject
    InsightService insight;
    @Inject
    com.kakehashi.objective.ObjectiveService objectives;

    TenantView northwind;
    TenantView contoso;
    DemoTenant.Seeded northwindSeed;

    @BeforeAll
    void seedBothDemoTenants() {
        clock.set(NOW);
        UserView operator = fixtures.operator();
        Caller system = new Caller(operator.id(), operator.email(), Role.OPERATOR);
        UserView consultant = fixtures.user(Role.CONSULTANT);
        northwind = fixtures.tenant("Northwind");
        contoso = fixtures.tenant("Contoso");
        northwindSeed = demoTenant.seed(system, northwind, List.of(consultant), "northwind", "Alignment", null,
                DemoStory.northwind());
        demoTenant.seed(system, contoso, List.of(consultant), "contoso", "Check-in", null, DemoStory.contoso());
    }

    @AfterAll
    void realTimeAgain() {
        clock.reset();
    }

    private List<AlertView> all(TenantView tenant) {
        return TenantContext.callAs(tenant.id(), () -> alerts.list(null));
    }

    private static boolean open(AlertView a) {
        return a.status() != AlertStatus.RESOLVED;
    }

    private static String describe(AlertView a) {
        String history = a.history().stream().map(h -> h.value() == null ? "·" : (h.fired() ? "*" : "") + Math.round(h.value()))
                .collect(Collectors.joining(" "));
        return String.format(Locale.ROOT, "  %-20s %-15s %-5s %-6s %-12s opened %s, latest %s%s, value %.1f%n    %s%n    %s%n    history: %s",
                a.rule(), Objects.toString(a.sign(), "-"), Objects.toString(a.side(), "-"), a.severity(), a.status()
                        + (a.resolvedReason() == null ? "" : "/" + a.resolvedReason()), a.openedOn(), a.occurrenceDate(),
                a.status() == AlertStatus.RESOLVED ? "" : " (" + a.clearWaves() + " clear)", a.value(), a.summaryEn(),
                a.summaryJa(), history);
    }

    private static void print(String title, List<AlertView> list) {
        System.out.println(title + " (" + list.size() + "):");
        list.stream().sorted(java.util.Comparator.comparing(AlertView::openedOn)).forEach(a -> System.out.println(describe(a)));
    }

    @Test
    void contosoEndsWithAtMostTwoOpenAlertsAboutItsEpisodeOrItsCurrentData() {
        List<AlertView> conditions = all(contoso);
        List<AlertView> open = conditions.stream().filter(DemoAlertsTest::open).toList();
        print("Contoso open alerts", open);
        print("Contoso all alert conditions", conditions);

        assertThat(open).hasSizeLessThanOrEqualTo(2);
        assertThat(open).allSatisfy(a -> assertThat("RISK_LENS".equals(a.sign())
                || ChronoUnit.WEEKS.between(a.openedOn(), TODAY) <= 8).as(describe(a)).isTrue());
    }

    @Test
    void northwindHasTheFewAlertsThatTellItsStoryEachWithItsHistory() {
        List<AlertView> conditions = all(northwind);
        print("Northwind open alerts", conditions.stream().filter(DemoAlertsTest::open).toList());
        print("Northwind all alert conditions", conditions);

        assertThat(conditions).as("a few, not dozens").hasSizeLessThanOrEqualTo(16);
        assertThat(conditions).anySatisfy(a -> assertThat(Objects.toString(a.sign()) + " " + a.side()).isEqualTo("EXCLUSION JAPAN"));
        assertThat(conditions).anySatisfy(a -> assertThat(Objects.toString(a.sign()) + " " + a.side()).isEqualTo("SILENT_DISSENT JAPAN"));
        assertThat(conditions).anySatisfy(a -> assertThat(a.rule().name()).isEqualTo("GAP_WIDENING"));
        assertThat(conditions).as("Japan going quiet").anySatisfy(a -> {
            assertThat(a.rule().name() + " " + a.side()).isEqualTo("RESPONSE_RATE_DROP JAPAN");
            assertThat(a.openedOn()).isAfter(TODAY.minusWeeks(DemoStory.RESTRUCTURING_WEEKS_AGO));
        });
        assertThat(conditions.stream().filter(a -> a.sign() == null && a.side() != null)).as("no other side goes quiet")
                .allSatisfy(a -> assertThat(a.side().name()).isEqualTo("JAPAN"));
        assertThat(conditions.stream().filter(a -> Set.of("EXCLUSION", "SILENT_DISSENT").contains(Objects.toString(a.sign()))
                        || a.rule().name().equals("RESPONSE_RATE_DROP")))
                .allSatisfy(a -> assertThat(a.history()).hasSizeGreaterThan(1));
    }

    /** The article's trade-off on Northwind's own decisions: consulted early, slower to approve, quicker to execute. */
    @Test
    void northwindsDecisionsShowThatEarlyConsultationSlowsApprovalButSpeedsExecution() {
        com.kakehashi.objective.DecisionCycleTimes times = TenantContext.callAs(northwind.id(),
                () -> objectives.cycleTimes(northwindSeed.engagementId()));
        var early = times.consultedBeforeProposal();
        var late = times.notConsultedBeforeProposal();
        System.out.printf(Locale.ROOT, "Northwind decisions: consulted early n=%d, approval %.1f days, execution start %.1f days after; "
                        + "not consulted n=%d, approval %.1f days, execution start %.1f days after%n", early.decisions(),
                early.proposalToApproval().medianDays(), early.approvalToExecutionStart().medianDays(), late.decisions(),
                late.proposalToApproval().medianDays(), late.approvalToExecutionStart().medianDays());
        assertThat(early.proposalToApproval().enough()).isTrue();
        assertThat(late.proposalToApproval().enough()).isTrue();
        assertThat(early.proposalToApproval().medianDays()).isGreaterThan(late.proposalToApproval().medianDays());
        assertThat(early.approvalToExecutionStart().medianDays()).isLessThan(late.approvalToExecutionStart().medianDays());
        assertThat(early.proposalToExecutionStart().medianDays()).isLessThan(late.proposalToExecutionStart().medianDays());
    }

    /**
     * The story in Japan's own words, as the wave insight and the trend chart show it: Northwind's Japan
     * writes enough comments for its careful-wording share to be shown on most closed waves; the share
     * rises after the restructuring with EXCLUSION and SILENT_DISSENT, is highest before the engagement
     * and eases after it, and the alert reads that rise. Contoso's Japan writes too little to be shown.
     */
    @Test
    void northwindJapansCarefulWordingIsShownRisesWithExclusionAndEasesAfterTheEngagement() {
        InsightService.Filter filter = new InsightService.Filter(northwindSeed.engagementId(), Set.of(), Set.of(), Set.of(), null, null);
        List<WaveInsight> waves = TenantContext.callAs(northwind.id(), () -> insight.waves(filter));
        LocalDate fall = TODAY.minusWeeks(DemoStory.RESTRUCTURING_WEEKS_AGO);
        LocalDate turn = TODAY.minusWeeks(DemoStory.NORTHWIND_ENGAGEMENT_WEEKS_AGO);
        // The strain is fully built up from about 16 waves after the restructuring until the engagement;
        // the easing shows from about 12 waves after the engagement.
        LocalDate peakFrom = turn.minusWeeks(16);
        LocalDate easedFrom = turn.plusWeeks(14);
        double[] sum = new double[3];
        int[] n = new int[3];
        int closed = 0;
        int shown = 0;
        System.out.println("Northwind Japan careful wording, wave by wave (comments, share %, or why hidden):");
        for (WaveInsight wave : waves) {
            if ("OPEN".equals(wave.status())) {
                continue;
            }
            closed++;
            var japan = wave.silence().stream().filter(s -> s.side() == com.kakehashi.vocabulary.Side.JAPAN).findFirst().orElseThrow();
            var w = japan.carefulWording();
            System.out.printf(Locale.ROOT, "  %s %s%n", wave.occurrenceDate(), w.share() == null ? "hidden: " + w.suppressedReason().code()
                    : String.format(Locale.ROOT, "%3d %5.1f", w.comments(), 100 * w.share()));
            if (w.share() == null) {
                continue;
            }
            shown++;
            LocalDate on = wave.occurrenceDate();
            int period = on.isBefore(fall) ? 0 : !on.isBefore(peakFrom) && on.isBefore(turn) ? 1 : !on.isBefore(easedFrom) ? 2 : -1;
            if (period >= 0) {
                sum[period] += w.share();
                n[period]++;
            }
        }
        double before = sum[0] / n[0];
        double peak = sum[1] / n[1];
        double eased = sum[2] / n[2];
        System.out.printf(Locale.ROOT, "Northwind Japan careful wording shown on %d of %d closed waves; mean share before the "
                + "restructuring %.0f%% (%d waves), before the engagement %.0f%% (%d), after it %.0f%% (%d)%n", shown, closed,
                100 * before, n[0], 100 * peak, n[1], 100 * eased, n[2]);
        List<AlertView> rising = all(northwind).stream().filter(a -> a.rule().name().equals("CAREFUL_WORDING_RISING")).toList();
        print("Northwind careful-wording conditions", rising);

        assertThat(shown).as("shown on most closed waves").isGreaterThan(closed * 3 / 4);
        assertThat(java.util.Arrays.stream(n).min().orElseThrow()).as("waves in each period").isGreaterThanOrEqualTo(4);
        assertThat(peak).as("rises with EXCLUSION and SILENT_DISSENT").isGreaterThan(before + 0.25);
        assertThat(eased).as("eases after the engagement").isLessThan(peak - 0.2);
        assertThat(rising).as("the alert reads the rise").anySatisfy(a -> {
            assertThat(a.side()).isEqualTo(com.kakehashi.vocabulary.Side.JAPAN);
            assertThat(a.openedOn()).isAfter(fall).isBefore(turn);
        });
        assertThat(rising).allSatisfy(a -> assertThat(a.side()).isEqualTo(com.kakehashi.vocabulary.Side.JAPAN));

        // The chart's data: the trend's Japan series carries the same values, and HQ's stays calm.
        var trends = TenantContext.callAs(northwind.id(), () -> insight.trends(filter, false));
        var japanSeries = trends.carefulWording().stream().filter(s -> s.side() == com.kakehashi.vocabulary.Side.JAPAN).findFirst().orElseThrow();
        assertThat(japanSeries.points().stream().filter(p -> p.share() != null).count()).isEqualTo(shown);
        var hqSeries = trends.carefulWording().stream().filter(s -> s.side() == com.kakehashi.vocabulary.Side.HQ).findFirst().orElseThrow();
        assertThat(hqSeries.points().stream().filter(p -> p.share() != null).mapToDouble(p -> p.share()).average().orElseThrow())
                .as("HQ sees agreement as before").isLessThan(before + 0.1);
        assertThat(all(contoso)).noneSatisfy(a -> assertThat(a.rule().name()).isEqualTo("CAREFUL_WORDING_RISING"));
    }

    /** Japan's response rate and the going-quiet test of every Northwind wave, oldest first. */
    private void printJapansQuietTests(List<WaveInsight> waves) {
        System.out.println("Northwind, Japan going quiet, wave by wave (rate %, outcome/reason, decline, p, adjusted p):");
        for (WaveInsight wave : waves) {
            TenantContext.callAs(northwind.id(), () -> alerts.evaluationsOfWave(wave.waveId())).stream()
                    .filter(e -> e.rule().name().equals("RESPONSE_RATE_DROP") && "JAPAN".equals(Objects.toString(e.side())))
                    .forEach(e -> System.out.printf(Locale.ROOT, "  %s %5s %-9s %-28s %6s %8s %8s%n", e.occurrenceDate(),
                            e.value() == null ? "" : String.format(Locale.ROOT, "%.0f", e.value()), e.outcome(), e.reason(),
                            e.effect() == null ? "" : String.format(Locale.ROOT, "%.1f", e.effect()),
                            e.p() == null ? "" : String.format(Locale.ROOT, "%.4f", e.p()),
                            e.pAdjusted() == null ? "" : String.format(Locale.ROOT, "%.4f", e.pAdjusted())));
        }
    }

    @Test
    void printsHowManyOfNorthwindsConsecutiveWaveChangesGetAnArrow() {
        List<WaveInsight> waves = TenantContext.callAs(northwind.id(), () -> insight.waves(new InsightService.Filter(
                northwindSeed.engagementId(), Set.of(), Set.of(), Set.of(), null, null)));
        printJapansQuietTests(waves);
        AlertSettings settings = TenantContext.callAs(northwind.id(), alerts::settings);
        int changes = 0;
        int arrows = 0;
        int up = 0;
        for (int i = 1; i < waves.size(); i++) {
            for (SignRisk r : PortfolioService.signRisks(waves.get(i), waves.get(i - 1), settings)) {
                if (r.trend() != null) {
                    changes++;
                    if (r.trend() != Trend.FLAT) {
                        arrows++;
                        up += r.trend() == Trend.UP ? 1 : 0;
                    }
                }
            }
        }
        System.out.printf("Northwind: %d of %d consecutive-wave sign changes (both values shown) get a portfolio arrow "
                + "(%d up, %d down); the rest are FLAT, within noise%n", arrows, changes, up, arrows - up);
        assertThat(changes).isPositive();
        assertThat(arrows).isLessThan(changes / 4);
    }
}
