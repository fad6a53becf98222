package com.kakehashi.insight;

import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.kakehashi.survey.InstrumentItemView;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.WarningSign;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * GET …/insights/drivers on stored responses (written through insight's own write path,
 * {@link AnonymousResponses#record}, as the respondent page hands them over): Japan's alignment is
 * made to follow EXCLUSION, then the endpoint must find it, add up, refuse small samples and never let
 * a group below k into the sample, so that no pair of requests isolates it.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
@Property(name = "kakehashi.insight.fold-delay", value = "10ms")
@Property(name = "kakehashi.insights.drivers.resamples", value = "200")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriversTest {

    private static final LocalDate FIRST = LocalDate.of(2027, 4, 5);

    @Inject
    InsightWorld worlds;
    @Inject
    AnonymousResponses responses;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    Api api;
    InsightWorld.World world;
    UUID firstWave;
    String token;

    @BeforeAll
    void threeWavesOfTwentyJapanRespondentsAndOneOfFour() throws Exception {
        api = new Api(server.getURL(), json);
        world = worlds.create("Drivers", 5);
        token = api.login(world.executive.email(), Fixtures.PASSWORD);
        Random random = new Random(20261205);
        for (int w = 0; w < 4; w++) {
            UUID wave = world.wave(FIRST.plusWeeks(2L * w));
            if (w == 0) {
                firstWave = wave;
            }
            // The fourth wave: four Japan respondents (below k = 5), answering wildly against the pattern.
            int japan = w < 3 ? 20 : 4;
            for (int i = 0; i < japan; i++) {
                respond(wave, Side.JAPAN, random, w == 3);
            }
            for (int i = 0; i < 6; i++) {
                respond(wave, Side.HQ, random, false);
            }
            world.close(wave);
        }
        // An open wave's answers never count: each new one would be the difference of two requests.
        UUID open = world.wave(FIRST.plusWeeks(8));
        for (int i = 0; i < 10; i++) {
            respond(open, Side.JAPAN, random, true);
        }
    }

    /**
     * A respondent with a risk per sign; alignment follows EXCLUSION (weight 0.8) and TRUST_EROSION (0.2),
     * or, for the contrary group, the opposite of EXCLUSION.
     */
    private void respond(UUID wave, Side side, Random random, boolean contrary) {
        Map<WarningSign, Double> risk = new HashMap<>();
        for (WarningSign sign : WarningSign.values()) {
            risk.put(sign, 15 + random.nextDouble() * 70);
        }
        double alignment = contrary ? risk.get(WarningSign.EXCLUSION)
                : 100 - 0.8 * risk.get(WarningSign.EXCLUSION) - 0.2 * risk.get(WarningSign.TRUST_EROSION) + random.nextGaussian() * 5;
        Map<String, Integer> answers = new HashMap<>();
        for (InstrumentItemView item : world.items(side)) {
            double latent = item.outcome() ? alignment : risk.get(item.sign());
            int value = (int) Math.max(1, Math.min(5, Math.round(1 + 4 * latent / 100 + random.nextGaussian() * 0.3)));
            answers.put(item.code(), item.reverseKeyed() ? 6 - value : value);
        }
        TenantContext.runAs(world.tenant, () -> responses.record(new AnonymousResponse(wave, side, Level.STAFF, "en",
                DelayBucket.UNDER_1D, answers, null)));
    }

    private DriverViews.Drivers drivers(String query) {
        Api.Reply reply = api.get("/api/v1/tenants/" + world.tenant + "/insights/drivers" + query, token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.read(Argument.of(DriverViews.Drivers.class));
    }

    private static DriverViews.SideDrivers side(DriverViews.Drivers drivers, Side side) {
        return drivers.sides().stream().filter(s -> s.side() == side).findFirst().orElseThrow();
    }

    @Test
    void japansAlignmentIsExplainedMostlyByExclusionAndTheSharesAddUpToRSquared() {
        DriverViews.Drivers all = drivers("");
        DriverViews.SideDrivers japan = side(all, Side.JAPAN);

        assertThat(all.k()).isEqualTo(5);
        assertThat(all.minimumN()).isEqualTo(30);
        assertThat(japan.refusedReason()).isNull();
        assertThat(japan.n()).isEqualTo(60);
        assertThat(japan.waves()).isEqualTo(3);
        assertThat(japan.wavesBelowK()).isEqualTo(1);
        assertThat(japan.incomplete()).isZero();
        assertThat(japan.drivers()).hasSize(9);
        assertThat(japan.drivers().getFirst().sign()).isEqualTo(WarningSign.EXCLUSION);
        assertThat(japan.drivers().getFirst().shareOfR2()).isGreaterThan(0.6);
        assertThat(japan.drivers().getFirst().coefficient()).isNegative();
        assertThat(japan.rSquared()).isGreaterThan(0.6);
        assertThat(japan.drivers().stream().mapToDouble(DriverViews.Driver::share).sum())
                .isCloseTo(japan.rSquared(), within(1e-12));
        assertThat(japan.drivers()).allSatisfy(d -> {
            assertThat(d.ci().low()).isLessThanOrEqualTo(d.ci().high());
            assertThat(d.share()).isGreaterThanOrEqualTo(0);
        });
        assertThat(japan.rSquaredCi().low()).isLessThanOrEqualTo(japan.rSquared());
        assertThat(japan.rSquaredCi().high()).isGreaterThanOrEqualTo(japan.rSquared());
        // The same data, the same answer: the bootstrap is seeded, so repeating a request averages nothing away.
        assertThat(drivers("")).isEqualTo(all);
    }

    @Test
    void aSideBelowTheMinimumNIsRefusedAndSaysSo() {
        // HQ: 6 per wave × 4 waves = 24 < 30.
        DriverViews.SideDrivers hq = side(drivers(""), Side.HQ);
        assertThat(hq.refusedReason()).isEqualTo("BELOW_MINIMUM_N");
        assertThat(hq.refusedMessage()).contains("fewer than 30");
        assertThat(hq.n()).isEqualTo(24);
        assertThat(hq.rSquared()).isNull();
        assertThat(hq.rSquaredCi()).isNull();
        assertThat(hq.outcomeMean()).isNull();
        assertThat(hq.drivers()).isEmpty();

        // Japan in one wave: 20 < 30.
        DriverViews.SideDrivers oneWave = side(drivers("?side=JAPAN&from=" + FIRST + "&to=" + FIRST), Side.JAPAN);
        assertThat(oneWave.refusedReason()).isEqualTo("BELOW_MINIMUM_N");
        assertThat(oneWave.n()).isEqualTo(20);
        assertThat(oneWave.drivers()).isEmpty();
    }

    @Test
    void aWaveBelowKNeverEntersSoShiftingThePeriodOverItRecoversNothingAboutItsRespondents() {
        // Requests differ only by the fourth wave (four contrary Japan respondents, below k): same rows, same numbers.
        DriverViews.SideDrivers withIt = side(drivers("?side=JAPAN&from=" + FIRST + "&to=" + FIRST.plusWeeks(6)), Side.JAPAN);
        DriverViews.SideDrivers without = side(drivers("?side=JAPAN&from=" + FIRST + "&to=" + FIRST.plusWeeks(4)), Side.JAPAN);
        assertThat(withIt.wavesBelowK()).isEqualTo(1);
        assertThat(without.wavesBelowK()).isZero();
        assertThat(withIt.n()).isEqualTo(without.n());
        assertThat(withIt.rSquared()).isEqualTo(without.rSquared());
        assertThat(withIt.rSquaredCi()).isEqualTo(without.rSquaredCi());
        assertThat(withIt.drivers()).isEqualTo(without.drivers());
        assertThat(withIt.outcomeMean()).isEqualTo(without.outcomeMean());
        // Shifting by a wave of at least k moves the sample by at least k responses, never by one person.
        DriverViews.SideDrivers later = side(drivers("?side=JAPAN&from=" + FIRST.plusWeeks(2)), Side.JAPAN);
        assertThat(without.n() - later.n()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void onlyTheRequestedSideIsAnsweredAndAPeriodWithoutWavesHasNoOutcome() {
        DriverViews.Drivers japanOnly = drivers("?side=JAPAN");
        assertThat(japanOnly.sides()).extracting(DriverViews.SideDrivers::side).containsExactly(Side.JAPAN);
        assertThat(drivers("").sides()).extracting(DriverViews.SideDrivers::side).containsExactly(Side.HQ, Side.JAPAN);

        DriverViews.Drivers none = drivers("?from=2030-01-01");
        assertThat(none.sides()).allSatisfy(s -> {
            assertThat(s.refusedReason()).isEqualTo("NO_OUTCOME");
            assertThat(s.drivers()).isEmpty();
        });
    }

    @Test
    void theOutcomeItemsFeedNoScoreOrGap() {
        Api.Reply wave = api.get("/api/v1/tenants/" + world.tenant + "/insights/waves/" + firstWave, token);
        assertThat(wave.status()).isEqualTo(200);
        assertThat(wave.body()).contains("EXCLUSION_1").doesNotContain("OUTCOME");
    }

    @Test
    void anotherEngagementsFilterFindsNothing() {
        DriverViews.Drivers other = drivers("?engagementId=" + UUID.randomUUID());
        assertThat(other.sides()).allSatisfy(s -> assertThat(s.n()).isZero());
        assertThat(List.of(side(drivers("?engagementId=" + world.engagementId), Side.JAPAN).n())).containsExactly(60);
    }
}
