package com.kakehashi.portfolio;

import com.kakehashi.alert.AlertWorld;
import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.MembershipService;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The portfolio through the API, on three tenants with known indices (see {@link AlertWorld}: five
 * respondents of level x give 5 Σx − 25):
 * <ul>
 * <li>Hot (k 3): JAPAN 25 → 87.5 on every sign, HQ 25 → 25 (twelve each): alerts, high risk, worsening;</li>
 * <li>Calm (k 3): JAPAN 50 → 12.5, HQ 25 → 25: better, beyond noise, and nothing to look at;</li>
 * <li>Hidden (k 5): one wave, JAPAN 2 responses (below k), 7 of 20 invited answered.</li>
 * </ul>
 * One consultant is assigned to Hot and Calm only.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioTest {

    @Inject
    AlertWorld worlds;
    @Inject
    Fixtures fixtures;
    @Inject
    MembershipService memberships;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    Api api;
    AlertWorld.World hot;
    AlertWorld.World calm;
    AlertWorld.World hidden;
    UserView consultant;

    @BeforeAll
    void threeTenants() throws Exception {
        api = new Api(server.getURL(), json);
        hot = worlds.create("Hot", 3);
        wave(hot, AlertWorld.levels(12, 2), AlertWorld.levels(12, 2), 12);
        wave(hot, AlertWorld.levels(6, 5, 6, 4), AlertWorld.levels(12, 2), 12);
        calm = worlds.create("Calm", 3);
        wave(calm, AlertWorld.levels(6, 4, 6, 2), AlertWorld.levels(12, 2), 12);
        wave(calm, AlertWorld.levels(6, 1, 6, 2), AlertWorld.levels(12, 2), 12);
        hidden = worlds.create("Hidden", 5);
        wave(hidden, new int[]{5, 5}, new int[]{2, 2, 2, 2, 2}, 10);

        consultant = fixtures.user(Role.CONSULTANT);
        for (AlertWorld.World w : List.of(hot, calm)) {
            Caller operator = w.operator;
            TenantContext.runAs(w.id(), () -> memberships.assign(operator, consultant.id()));
        }
    }

    private static void wave(AlertWorld.World w, int[] japan, int[] hq, int invitedPerSide) throws Exception {
        UUID wave = w.wave();
        w.invite(wave, Side.JAPAN, invitedPerSide);
        w.invite(wave, Side.HQ, invitedPerSide);
        w.respond(wave, Side.JAPAN, japan);
        w.respond(wave, Side.HQ, hq);
        w.close(wave);
    }

    @Test
    void consultantSeesTheAssignedTenantsOnlyMostInNeedOfAttentionFirst() {
        List<Map<String, Object>> portfolio = portfolio(consultant);

        assertThat(portfolio).extracting(t -> t.get("tenantId")).containsExactly(hot.id().toString(), calm.id().toString());
        assertThat(score(portfolio.get(0))).isGreaterThan(score(portfolio.get(1)));
        assertThat(reasonCodes(portfolio.get(0))).contains("OPEN_ALERTS", "HIGH_RISK", "WORSENING");
        assertThat(score(portfolio.get(1))).isZero();
    }

    @Test
    void executiveSeesOnlyTheirOwnTenant() {
        Api.Reply reply = api.get("/api/v1/portfolio", api.login(calm.executive.email(), Fixtures.PASSWORD));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.list()).extracting(t -> t.get("tenantId")).containsExactly(calm.id().toString());
        assertThat(reply.body()).doesNotContain(hot.id().toString(), hot.tenant.name(), hidden.id().toString(),
                hidden.tenant.name());
    }

    @Test
    void operatorSeesEveryTenantSortedByAttentionLowResponseRateAboveNothing() {
        List<String> ids = portfolio(fixtures.operator()).stream().map(t -> t.get("tenantId").toString())
                .filter(id -> List.of(hot.id().toString(), calm.id().toString(), hidden.id().toString()).contains(id)).toList();

        assertThat(ids).containsExactly(hot.id().toString(), hidden.id().toString(), calm.id().toString());
    }

    @Test
    void latestRiskPerSignAndSideComesWithATrendArrowAgainstThePreviousClosedWave() {
        Map<String, Object> hotSummary = of(portfolio(consultant), hot);
        Map<String, Object> calmSummary = of(portfolio(consultant), calm);

        Map<String, Object> japanHot = sign(hotSummary, "EXCLUSION", "JAPAN");
        assertThat((Double) japanHot.get("value")).isCloseTo(87.5, within(1e-9));
        assertThat((Double) japanHot.get("previous")).isCloseTo(25.0, within(1e-9));
        assertThat(japanHot.get("trend")).isEqualTo("UP");
        assertThat(japanHot.get("trendReason")).isEqualTo("BEYOND_NOISE");
        assertThat((Double) japanHot.get("change")).isCloseTo(62.5, within(1e-9));
        assertThat(sign(hotSummary, "EXCLUSION", "HQ").get("trend")).isEqualTo("FLAT");
        assertThat(sign(calmSummary, "EXCLUSION", "JAPAN").get("trend")).isEqualTo("DOWN");
        assertThat(signs(hotSummary)).hasSize(2 * 9).allMatch(s -> s.get("trend") != null);

        @SuppressWarnings("unchecked")
        Map<String, Object> gap = (Map<String, Object>) hotSummary.get("widestGap");
        assertThat((Double) gap.get("gap")).isCloseTo(62.5, within(1e-9));
        @SuppressWarnings("unchecked")
        Map<String, Object> wave = (Map<String, Object>) hotSummary.get("latestWave");
        assertThat(((Number) wave.get("responseRate")).doubleValue()).isEqualTo(1.0);
        assertThat(wave.get("previousOccurrenceDate")).isNotNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> alerts = (Map<String, Object>) hotSummary.get("openAlerts");
        assertThat(((Number) alerts.get("high")).intValue()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void suppressedValuesAreAbsentWithTheReasonAndHaveNoTrend() {
        Map<String, Object> summary = of(portfolio(fixtures.operator()), hidden);

        for (Map<String, Object> japan : signs(summary).stream().filter(s -> "JAPAN".equals(s.get("side"))).toList()) {
            assertThat(japan).doesNotContainKeys("value", "trend", "previous");
            assertThat(code(japan, "suppressedReason")).isEqualTo("BELOW_K");
            assertThat(code(japan, "trendUnavailable")).isEqualTo("LATEST_HIDDEN");
        }
        for (Map<String, Object> hq : signs(summary).stream().filter(s -> "HQ".equals(s.get("side"))).toList()) {
            assertThat(hq).doesNotContainKey("trend");
            assertThat(code(hq, "trendUnavailable")).isIn("NO_PREVIOUS_WAVE", "LATEST_HIDDEN");
        }
        assertThat(summary).doesNotContainKey("widestGap");
        @SuppressWarnings("unchecked")
        Map<String, Object> wave = (Map<String, Object>) summary.get("latestWave");
        assertThat(((Number) wave.get("responseRate")).doubleValue()).isCloseTo(7.0 / 20, within(1e-9));
        assertThat(reasonCodes(summary)).containsExactly("LOW_RESPONSE_RATE");
    }

    @Test
    void aTenantWithoutAClosedWaveIsListedWithItsReason() throws Exception {
        AlertWorld.World fresh = worlds.create("Fresh", 3);
        Map<String, Object> summary = of(portfolio(fresh.executive), fresh);

        assertThat(summary).doesNotContainKeys("latestWave", "widestGap");
        assertThat(signs(summary)).isEmpty();
        assertThat(reasonCodes(summary)).containsExactly("NO_CLOSED_WAVE");
    }

    @Test
    void withoutATokenThePortfolioIsRefused() {
        assertThat(api.get("/api/v1/portfolio", null).status()).isEqualTo(401);
    }

    // ---- helpers ----

    private List<Map<String, Object>> portfolio(UserView user) {
        Api.Reply reply = api.get("/api/v1/portfolio", api.login(user.email(), Fixtures.PASSWORD));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.list();
    }

    private static Map<String, Object> of(List<Map<String, Object>> portfolio, AlertWorld.World w) {
        return portfolio.stream().filter(t -> w.id().toString().equals(t.get("tenantId"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> signs(Map<String, Object> summary) {
        return (List<Map<String, Object>>) summary.get("signs");
    }

    private static Map<String, Object> sign(Map<String, Object> summary, String sign, String side) {
        return signs(summary).stream().filter(s -> sign.equals(s.get("sign")) && side.equals(s.get("side"))).findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static String code(Map<String, Object> value, String field) {
        Map<String, Object> reason = (Map<String, Object>) value.get(field);
        return reason == null ? null : Objects.toString(reason.get("code"));
    }

    @SuppressWarnings("unchecked")
    private static int score(Map<String, Object> summary) {
        return ((Number) ((Map<String, Object>) summary.get("attention")).get("score")).intValue();
    }

    @SuppressWarnings("unchecked")
    private static List<String> reasonCodes(Map<String, Object> summary) {
        Map<String, Object> attention = (Map<String, Object>) summary.get("attention");
        return ((List<Map<String, Object>>) attention.get("reasons")).stream().map(r -> r.get("code").toString()).toList();
    }
}
