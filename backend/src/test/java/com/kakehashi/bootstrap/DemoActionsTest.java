package com.kakehashi.bootstrap;

import com.kakehashi.action.ActionEffect;
import com.kakehashi.action.ActionEffectEstimate;
import com.kakehashi.action.ActionEffectVerdict;
import com.kakehashi.action.ActionService;
import com.kakehashi.action.ActionStatus;
import com.kakehashi.action.ActionView;
import com.kakehashi.action.OwnerView;
import com.kakehashi.alert.AlertService;
import com.kakehashi.alert.AlertView;
import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.TestClock;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.TenantView;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.WarningSign;
import io.micronaut.context.annotation.Property;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Northwind's actions as the demo seeds them (issue 11, "Demo story"), on the demo's own two years of
 * history, and what the effect estimate says about each: printed, and asserted where the story
 * supports a verdict. {@code -Ddemo.now=2026-12-05T12:00:00Z} replays the story on another day (the
 * history's randomness depends on the dates). Run: {@code ./mvnw -B -pl backend test -Dtest=DemoActionsTest}.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoActionsTest {

    private static final Instant NOW = Instant.parse(System.getProperty("demo.now", "2026-11-23T12:00:00Z"));
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

    @Inject
    DemoTenant demoTenant;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;
    @Inject
    ActionService actions;
    @Inject
    AlertService alerts;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> transactions;

    TenantView northwind;
    UserView executive;
    DemoTenant.Seeded seeded;
    Map<String, ActionView> byTitle;
    Map<String, ActionEffect> effects = new LinkedHashMap<>();

    @BeforeAll
    void seedNorthwind() {
        clock.set(NOW);
        UserView operator = fixtures.operator();
        Caller system = new Caller(operator.id(), operator.email(), Role.OPERATOR);
        UserView consultant = fixtures.user(Role.CONSULTANT);
        executive = fixtures.user(Role.EXECUTIVE);
        northwind = fixtures.tenant("Northwind");
        seeded = demoTenant.seed(system, northwind, List.of(consultant, executive), "northwind", "Alignment", null,
                DemoStory.northwind());
        List<ActionView> all = TenantContext.callAs(northwind.id(), () -> actions.list(seeded.engagementId(), null));
        byTitle = all.stream().collect(Collectors.toMap(ActionView::title, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        for (ActionView action : all) {
            effects.put(action.title(), TenantContext.callAs(northwind.id(), () -> actions.effect(action.id(), null)));
        }
        print(all);
    }

    @AfterAll
    void realTimeAgain() {
        clock.reset();
    }

    private void print(List<ActionView> all) {
        System.out.println("Northwind actions on " + TODAY + ":");
        for (ActionView a : all) {
            System.out.printf(Locale.ROOT, "  %-11s%s %s [%s] %s%n    planned %s..%s, started %s, done %s, dropped %s%s%n    HQ %s, Japan %s%s%n",
                    a.status(), a.overdue() ? " OVERDUE" : "", a.title(), a.language(), a.signs(), a.startOn(), a.dueOn(),
                    a.startedOn(), a.doneOn(), a.droppedOn(), a.dropReason() == null ? "" : " (" + a.dropReason() + ")",
                    owner(a.hqOwner()), owner(a.japanOwner()), a.alertId() == null ? "" : ", answers alert " + a.alertId());
            for (ActionEffectEstimate e : effects.get(a.title()).effects()) {
                System.out.printf(Locale.ROOT, "    %-15s %-5s %-9s waves %d/%d, mean %s -> %s, change %s, DiD %s%n      %s%n",
                        e.sign(), e.side(), e.verdict(), e.wavesBefore(), e.wavesAfter(), n(e.before()), n(e.after()),
                        e.change() == null ? "-" : n(e.change().estimate()) + " [" + n(e.change().low()) + ", " + n(e.change().high()) + "]",
                        e.differenceInDifferences() == null ? "-" : n(e.differenceInDifferences().estimate()) + " ["
                                + n(e.differenceInDifferences().low()) + ", " + n(e.differenceInDifferences().high()) + "]",
                        e.summaryEn());
            }
        }
    }

    private static String owner(OwnerView o) {
        return o.name() + " <" + o.email() + ">" + (o.language() == null ? "" : " " + o.language())
                + (o.agreedAt() == null ? " (not agreed)" : " (agreed " + o.agreedAt() + (o.recordedOnBehalf() ? ", recorded on behalf" : "") + ")");
    }

    private static String n(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    private ActionEffectEstimate estimate(String title, WarningSign sign, Side side) {
        return effects.get(title).effects().stream().filter(e -> e.sign() == sign && e.side() == side).findFirst().orElseThrow();
    }

    @Test
    void northwindHasTheStorysActionsWithTheirStatusesAndExactlyOneOverdue() {
        assertThat(byTitle).hasSize(7);
        assertThat(byTitle.get(DemoStory.PRE_BRIEFING).status()).isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(byTitle.get(DemoStory.PRE_BRIEFING).signs()).containsExactly(WarningSign.EXCLUSION, WarningSign.CONSENSUS_PACE);
        assertThat(byTitle.get(DemoStory.PRE_BRIEFING).startedOn())
                .isAfter(TODAY.minusWeeks(DemoStory.NORTHWIND_ENGAGEMENT_WEEKS_AGO));
        assertThat(byTitle.get(DemoStory.CONCERNS_REGISTER).status()).isEqualTo(ActionStatus.DONE);
        assertThat(byTitle.get(DemoStory.CONCERNS_REGISTER).signs()).containsExactly(WarningSign.SILENT_DISSENT);
        assertThat(byTitle.get(DemoStory.CONCERNS_REGISTER).language()).isEqualTo("ja");
        assertThat(byTitle.get(DemoStory.GO_TO_MARKET).status()).isEqualTo(ActionStatus.IN_PROGRESS);
        assertThat(byTitle.get(DemoStory.ROADMAP_CO_CHAIR).status()).isEqualTo(ActionStatus.PROPOSED);
        assertThat(byTitle.get(DemoStory.WEEKLY_REPORT).status()).isEqualTo(ActionStatus.DROPPED);
        assertThat(byTitle.get(DemoStory.WEEKLY_REPORT).dropReason()).isNotBlank();
        assertThat(byTitle.values().stream().filter(a -> a.status() == ActionStatus.DONE)).hasSize(3);
        assertThat(byTitle.values().stream().map(ActionView::language).distinct()).containsExactlyInAnyOrder("en", "ja");

        assertThat(byTitle.values().stream().filter(ActionView::overdue).map(ActionView::title)).containsExactly(DemoStory.GO_TO_MARKET);
        assertThat(byTitle.get(DemoStory.GO_TO_MARKET).dueOn()).isBefore(TODAY);
    }

    @Test
    void everyActionThatWentAheadHasBothOwnersAgreementAndTheProposedOneWaitsForJapan() {
        for (ActionView a : byTitle.values()) {
            assertThat(a.hqOwner().side()).isEqualTo(Side.HQ);
            assertThat(a.japanOwner().side()).isEqualTo(Side.JAPAN);
            if (a.startedOn() != null || a.status() == ActionStatus.AGREED) {
                assertThat(a.hqOwner().agreedAt()).as(a.title()).isNotNull();
                assertThat(a.japanOwner().agreedAt()).as(a.title()).isNotNull();
                Instant later = a.hqOwner().agreedAt().isAfter(a.japanOwner().agreedAt()) ? a.hqOwner().agreedAt() : a.japanOwner().agreedAt();
                assertThat(LocalDate.ofInstant(later, ZoneOffset.UTC)).as(a.title()).isBefore(a.startedOn().plusDays(1));
            }
        }
        ActionView waiting = byTitle.get(DemoStory.ROADMAP_CO_CHAIR);
        assertThat(waiting.hqOwner().agreedAt()).isNotNull();
        assertThat(waiting.japanOwner().agreedAt()).isNull();
        // The demo executive owns the HQ side of the pre-briefing and agreed herself, not through the consultant.
        ActionView preBriefing = byTitle.get(DemoStory.PRE_BRIEFING);
        assertThat(preBriefing.hqOwner().userId()).isEqualTo(executive.id());
        assertThat(preBriefing.hqOwner().recordedOnBehalf()).isFalse();
        assertThat(preBriefing.japanOwner().email()).isEqualTo("sato.1@jp.northwind.example");
    }

    @Test
    void thePreBriefingAnswersJapansExclusionAlertIfTheHistoryRaisedOne() {
        List<AlertView> exclusion = TenantContext.callAs(northwind.id(), () -> alerts.list(null)).stream()
                .filter(a -> "EXCLUSION".equals(a.sign()) && a.side() == Side.JAPAN
                        && a.openedOn().isBefore(TODAY.minusDays(161))).toList();
        ActionView preBriefing = byTitle.get(DemoStory.PRE_BRIEFING);
        if (exclusion.isEmpty()) {
            assertThat(preBriefing.alertId()).isNull();
        } else {
            assertThat(exclusion.stream().map(AlertView::id)).contains(preBriefing.alertId());
        }
        assertThat(byTitle.values().stream().filter(a -> a.alertId() != null)).hasSizeLessThanOrEqualTo(1);
    }

    /** Past events are recorded as sent when they happened, none waits for the dispatcher: the demo mailbox gets no history. */
    @Test
    void noActionNoticeOfThePastIsLeftPendingForTheDemoMailbox() {
        List<String> rows = TenantContext.callAs(northwind.id(), () -> transactions.executeRead(status -> jdbc.prepareStatement(
                "SELECT action_event, status, sent_at FROM mail_outbox WHERE kind = 'ACTION' ORDER BY sent_at", ps -> {
                    List<String> found = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getTimestamp(3));
                        }
                    }
                    return found;
                })));
        System.out.println("Northwind action notices: " + rows.size() + ", e.g. " + rows.subList(0, Math.min(3, rows.size())));
        assertThat(rows).isNotEmpty();
        assertThat(rows).allSatisfy(r -> assertThat(r).contains(" SENT "));
        assertThat(rows).anySatisfy(r -> assertThat(r).startsWith("OVERDUE "));
        assertThat(rows).allSatisfy(r -> assertThat(r).doesNotContain(" null"));
        // The hourly overdue task finds nothing left to tell.
        assertThat(TenantContext.callAs(northwind.id(), () -> actions.noticeOverdue())).isZero();
    }

    /**
     * What the history supports (DemoStory.northwind(): from the engagement's start Japan's EXCLUSION
     * falls by 50 and SILENT_DISSENT by 36 in steps over twelve waves, TRUST_EROSION and EXECUTION_DELAY
     * by 12, the other signs stay): the pre-briefing and the concerns register started early in that
     * recovery and are credited beyond the signs they did not target. Checked on the history of
     * 23 Nov, 5 Dec and 8 Dec 2026 (the randomness differs by day); the other verdicts move with
     * the day and are only printed, except what the story rules out.
     */
    @Test
    void theEffectsAreTheOnesTheHistorySupports() {
        ActionEffectEstimate exclusion = estimate(DemoStory.PRE_BRIEFING, WarningSign.EXCLUSION, Side.JAPAN);
        assertThat(exclusion.verdict()).as(exclusion.summaryEn()).isEqualTo(ActionEffectVerdict.IMPROVED);
        assertThat(exclusion.wavesBefore()).isEqualTo(4);
        ActionEffectEstimate dissent = estimate(DemoStory.CONCERNS_REGISTER, WarningSign.SILENT_DISSENT, Side.JAPAN);
        assertThat(dissent.verdict()).as(dissent.summaryEn()).isEqualTo(ActionEffectVerdict.IMPROVED);
        assertThat(dissent.summaryJa()).contains("改善しました");

        // Consensus pace has no shift in the story: nothing to credit, whatever the noise says.
        ActionEffectEstimate pace = estimate(DemoStory.PRE_BRIEFING, WarningSign.CONSENSUS_PACE, Side.JAPAN);
        assertThat(pace.verdict()).as(pace.summaryEn()).isNotEqualTo(ActionEffectVerdict.IMPROVED);
        // HQ was never the problem: its exclusion hardly moved while Japan's fell. (The verdict is not
        // asserted: with 32 HQ people the difference-in-differences has credited HQ with a small
        // relative improvement the story never put there — see docs/measurement.md, "Effect of an
        // action", limits.)
        ActionEffectEstimate hq = estimate(DemoStory.PRE_BRIEFING, WarningSign.EXCLUSION, Side.HQ);
        assertThat(Math.abs(hq.change().estimate())).as(hq.summaryEn())
                .isLessThan(Math.abs(exclusion.change().estimate()) / 2);
        // Awaiting Japan's agreement, planned to start in two weeks.
        assertThat(effects.get(DemoStory.ROADMAP_CO_CHAIR).effects())
                .allSatisfy(e -> assertThat(e.verdict()).isEqualTo(ActionEffectVerdict.TOO_EARLY));
        // The late go-to-market plan: execution delay hardly moved since it started.
        ActionEffectEstimate late = estimate(DemoStory.GO_TO_MARKET, WarningSign.EXECUTION_DELAY, Side.JAPAN);
        assertThat(late.verdict()).as(late.summaryEn()).isNotEqualTo(ActionEffectVerdict.IMPROVED);
        // The dropped report is measured only up to its drop.
        assertThat(effects.get(DemoStory.WEEKLY_REPORT).endedOn()).isEqualTo(byTitle.get(DemoStory.WEEKLY_REPORT).droppedOn());
    }
}
