package com.kakehashi.alert;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.LocalSmtp;
import com.kakehashi.tenancy.TenantContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Alert conditions against real PostgreSQL and a real SMTP server (GreenMail): waves with known
 * indices (see {@link AlertWorld}: a respondent of level x scores 25 (x − 1) on every sign) closed
 * through the wave service. The scheduler is off: tests send the alert mail themselves. Groups have
 * at least the default minimum n (10) unless a test is about it.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@Property(name = "kakehashi.mail.from", value = "Kakehashi <no-reply@mail.test.example>")
@Property(name = "kakehashi.mail.smtp.tls", value = "false")
@Property(name = "kakehashi.mail.smtp.timeout", value = "5s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertTest implements TestPropertyProvider {

    private static final int SMTP_PORT = LocalSmtp.freePort();
    private static final String SIGN = "EXCLUSION";

    @RegisterExtension
    static final GreenMailExtension SMTP = LocalSmtp.on(SMTP_PORT);

    @Inject
    AlertWorld worlds;
    @Inject
    AlertEvaluation evaluation;
    @Inject
    com.kakehashi.mail.MailDispatcher mail;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    Api api;

    @Override
    public Map<String, String> getProperties() {
        return LocalSmtp.settings(SMTP_PORT);
    }

    @BeforeAll
    void client() {
        api = new Api(server.getURL(), json);
    }

    private static UUID wave(AlertWorld.World w, int[] japan, int[] hq) throws SQLException {
        UUID wave = w.wave();
        w.respond(wave, Side.JAPAN, japan);
        if (hq.length > 0) {
            w.respond(wave, Side.HQ, hq);
        }
        w.close(wave);
        return wave;
    }

    /** Japan rising: 2i+1 of 12 at level 4, the rest at 2 (29, 38, 46, 54, 63, 71). */
    private static int[] rising(int i) {
        return AlertWorld.levels(2 * i + 1, 4, 11 - 2 * i, 2);
    }

    private static final int[] HQ_CALM = AlertWorld.levels(6, 1, 6, 2); // 12.5

    private List<Map<String, String>> evaluations(AlertWorld.World w, UUID wave, String rule, String side) throws SQLException {
        return worlds.rows(w.id(), """
                SELECT * FROM alert_evaluation WHERE wave_id = ? AND rule = ? AND (sign = ? OR sign IS NULL)
                  AND side IS NOT DISTINCT FROM ?
                """, wave, rule, SIGN, side);
    }

    private List<Map<String, String>> observations(AlertWorld.World w, String alertId) throws SQLException {
        return worlds.rows(w.id(), """
                SELECT o.* FROM alert_observation o JOIN wave x ON x.id = o.wave_id WHERE o.alert_id = ?::uuid
                ORDER BY x.occurrence_date
                """, alertId);
    }

    private static List<Map<String, String>> ofSign(List<Map<String, String>> alerts) {
        return alerts.stream().filter(a -> SIGN.equals(a.get("sign"))).toList();
    }

    // ---- rules beyond noise ----

    @Test
    void aValueWhoseIntervalLiesAboveTheThresholdFiresAndOneThatReachesItDoesNot() throws Exception {
        AlertWorld.World w = worlds.create("Above", 3);
        UUID high = wave(w, AlertWorld.levels(6, 5, 6, 4), HQ_CALM); // 87.5 ± 8
        assertThat(ofSign(w.alerts("SIGN_ABOVE_THRESHOLD", "JAPAN"))).singleElement()
                .satisfies(a -> assertThat(a.get("opened_wave_id")).isEqualTo(high.toString()));
        assertThat(w.alerts("SIGN_ABOVE_THRESHOLD", "HQ")).isEmpty();

        AlertWorld.World near = worlds.create("NearThreshold", 3);
        UUID wave = wave(near, AlertWorld.levels(6, 4, 6, 2), HQ_CALM); // 50: below
        assertThat(near.alerts("SIGN_ABOVE_THRESHOLD", "JAPAN")).isEmpty();
        UUID closeCall = wave(near, AlertWorld.levels(6, 5, 6, 2), HQ_CALM); // 62.5, interval reaches down to about 43
        assertThat(near.alerts("SIGN_ABOVE_THRESHOLD", "JAPAN")).isEmpty();
        assertThat(evaluations(near, closeCall, "SIGN_ABOVE_THRESHOLD", "JAPAN")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("outcome", "CLEAR").containsEntry("reason", "INTERVAL_REACHES_THRESHOLD"));
        assertThat(evaluations(near, wave, "SIGN_ABOVE_THRESHOLD", "JAPAN")).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("reason", "NOT_ABOVE_THRESHOLD"));
    }

    @Test
    void belowTheMinimumNNothingFiresAndTheReasonIsRecorded() throws Exception {
        AlertWorld.World w = worlds.create("FewPeople", 3);
        UUID wave = wave(w, AlertWorld.levels(9, 5), HQ_CALM); // 100 from nine people: extreme, but fewer than ten

        assertThat(w.alerts().stream().filter(a -> "JAPAN".equals(a.get("side")))).isEmpty();
        assertThat(evaluations(w, wave, "SIGN_ABOVE_THRESHOLD", "JAPAN")).singleElement().satisfies(e -> assertThat(e)
                .containsEntry("outcome", "NOT_TESTED").containsEntry("reason", "BELOW_MINIMUM_N").containsEntry("value", null));
        String consultant = api.login(w.consultant.email(), Fixtures.PASSWORD);
        List<Map<String, Object>> viaApi = api.get("/api/v1/tenants/" + w.id() + "/waves/" + wave + "/alert-evaluations",
                consultant).list();
        assertThat(viaApi).anySatisfy(e -> assertThat(e).containsEntry("rule", "SIGN_ABOVE_THRESHOLD")
                .containsEntry("sign", SIGN).containsEntry("side", "JAPAN").containsEntry("outcome", "NOT_TESTED")
                .containsEntry("reason", "BELOW_MINIMUM_N").doesNotContainKey("value"));
    }

    @Test
    void aRiseOverTheWindowFiresAsATrendWithItsHistory() throws Exception {
        AlertWorld.World w = worlds.create("Worsening", 3);
        List<UUID> waves = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waves.add(wave(w, rising(i), HQ_CALM));
            if (i < 5) {
                assertThat(ofSign(w.alerts("SIGN_WORSENING", "JAPAN"))).as("fewer than six waves").isEmpty();
            }
        }

        Map<String, String> alert = ofSign(w.alerts("SIGN_WORSENING", "JAPAN")).getFirst();
        assertThat(Double.parseDouble(alert.get("value"))).isCloseTo(70.8, org.assertj.core.data.Offset.offset(0.1));
        List<Map<String, String>> history = observations(w, alert.get("id"));
        assertThat(history).extracting(o -> o.get("wave_id")).containsExactlyElementsOf(waves.stream().map(UUID::toString).toList());
        assertThat(history).extracting(o -> o.get("outcome")).containsExactly("CONTEXT", "CONTEXT", "CONTEXT", "CONTEXT",
                "CONTEXT", "FIRED");
        assertThat(Double.parseDouble(history.getLast().get("effect"))).isGreaterThan(8);

        Map<String, Object> view = api.get("/api/v1/tenants/" + w.id() + "/alerts/" + alert.get("id"),
                api.login(w.consultant.email(), Fixtures.PASSWORD)).map();
        assertThat(view.get("summaryEn").toString()).startsWith("Japan's Exclusion index has risen from 29 to 71 since")
                .contains("beyond noise, p");
        assertThat(view.get("summaryJa").toString()).startsWith("日本の「初期議論からの除外」指数が").contains("29 から 71 に上昇");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> points = (List<Map<String, Object>>) view.get("history");
        assertThat(points).hasSize(6).last().satisfies(p -> assertThat(p).containsEntry("fired", true)
                .containsKeys("waveId", "occurrenceDate", "value", "low", "high"));
    }

    @Test
    void oneNoisyStepDoesNotMakeATrend() throws Exception {
        AlertWorld.World w = worlds.create("OneStep", 3);
        for (int i = 0; i < 5; i++) {
            wave(w, AlertWorld.levels(3, 4, 9, 2), HQ_CALM); // 37.5
        }
        UUID last = wave(w, AlertWorld.levels(6, 4, 6, 2), HQ_CALM); // 50: a 12.5-point step

        assertThat(w.alerts("SIGN_WORSENING", "JAPAN")).isEmpty();
        assertThat(evaluations(w, last, "SIGN_WORSENING", "JAPAN").getFirst().get("reason"))
                .isIn("BELOW_MINIMUM_EFFECT", "WITHIN_NOISE", "WITHIN_NOISE_AFTER_CORRECTION");
    }

    @Test
    void aGapThatWidensBeyondNoiseAndNowLiesBeyondTheThresholdFires() throws Exception {
        AlertWorld.World w = worlds.create("Gap", 3);
        for (int i = 0; i < 6; i++) {
            wave(w, rising(i), HQ_CALM); // gap 17 → 58
        }

        List<Map<String, String>> alerts = ofSign(w.alerts("GAP_WIDENING", null));
        assertThat(alerts).singleElement().satisfies(a -> assertThat(Double.parseDouble(a.get("value")))
                .isCloseTo(58.3, org.assertj.core.data.Offset.offset(0.1)));
    }

    @Test
    void aSteadilyHighGapDoesNotFireAsWidening() throws Exception {
        AlertWorld.World w = worlds.create("SteadyGap", 3);
        UUID last = null;
        for (int i = 0; i < 6; i++) {
            last = wave(w, i % 2 == 0 ? AlertWorld.levels(7, 4, 5, 2) : AlertWorld.levels(8, 4, 4, 2), HQ_CALM); // gap 42 / 46, no widening
        }

        assertThat(w.alerts("GAP_WIDENING", null)).isEmpty();
        assertThat(evaluations(w, last, "GAP_WIDENING", null).getFirst().get("reason"))
                .isIn("NOT_WIDENING", "BELOW_MINIMUM_EFFECT", "WITHIN_NOISE");
    }

    private static UUID rateWave(AlertWorld.World w, int invited, int answered) throws SQLException {
        UUID wave = w.wave();
        w.invite(wave, Side.JAPAN, invited);
        w.respond(wave, Side.JAPAN, AlertWorld.levels(answered, 2));
        w.close(wave);
        return wave;
    }

    @Test
    void aSideThatStaysQuietForTwoWavesFiresButOneQuietWaveDoesNot() throws Exception {
        AlertWorld.World w = worlds.create("Silent", 3);
        for (int i = 0; i < 5; i++) {
            rateWave(w, 40, 34); // 85 %
        }
        UUID away = rateWave(w, 40, 16); // 40 %: one quiet wave (a holiday) is not going silent
        assertThat(w.alerts("RESPONSE_RATE_DROP", "JAPAN")).isEmpty();
        assertThat(evaluations(w, away, "RESPONSE_RATE_DROP", "JAPAN").getFirst()).containsEntry("reason", "NOT_HELD_TWO_WAVES");
        rateWave(w, 40, 16); // quiet again: now it is a state

        assertThat(w.alerts("RESPONSE_RATE_DROP", "JAPAN")).singleElement()
                .satisfies(a -> assertThat(Double.parseDouble(a.get("value"))).isCloseTo(40.0, org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void aResponseRateDropWithinTheNoiseOfASmallSideDoesNotFire() throws Exception {
        AlertWorld.World small = worlds.create("Quieter", 3);
        for (int i = 0; i < 4; i++) {
            rateWave(small, 20, 16); // 80 %
        }
        rateWave(small, 20, 12);
        UUID last = rateWave(small, 20, 12); // 60 % twice: 20 points, but p ≈ 0.17 with twenty invited

        assertThat(small.alerts("RESPONSE_RATE_DROP", "JAPAN")).isEmpty();
        assertThat(evaluations(small, last, "RESPONSE_RATE_DROP", "JAPAN").getFirst()).containsEntry("reason", "WITHIN_NOISE");
    }

    /** Japan at the size the demo and real clients have: 24 invited, 2–3 points fewer answering each wave. */
    @Test
    void aSlowDriftIntoSilenceFiresOverHalfAYearThoughNoSingleStepIsBeyondNoise() throws Exception {
        AlertWorld.World w = worlds.create("Drift", 3);
        int[] answered = {21, 21, 20, 19, 19, 18, 17, 16, 16, 15, 14, 14}; // 88 % → 58 %
        UUID last = null;
        for (int i = 0; i < answered.length; i++) {
            last = rateWave(w, 24, answered[i]);
            if (i > 0) {
                double stepP = com.kakehashi.stats.Significance.proportionDifference(answered[i - 1], 24, answered[i], 24).p();
                assertThat(stepP).as("step into wave %d", i + 1).isGreaterThan(0.5);
            }
        }

        assertThat(w.alerts("RESPONSE_RATE_DROP", "JAPAN")).singleElement()
                .satisfies(a -> assertThat(Double.parseDouble(a.get("value"))).isCloseTo(58.3, org.assertj.core.data.Offset.offset(0.1)));
        assertThat(evaluations(w, last, "RESPONSE_RATE_DROP", "JAPAN").getFirst()).containsEntry("outcome", "FIRED");
    }

    @Test
    void aSteadyRateWithWavesAwayDoesNotFireAndAnAwayWaveIsLeftOutOfTheTrend() throws Exception {
        AlertWorld.World w = worlds.create("Steady", 5);
        int[] answered = {2, 20, 21, 19, 20, 2, 21, 20, 19, 21, 20, 20}; // two holidays: 2 of 24 answer, below k
        UUID away = null;
        UUID last = null;
        for (int i = 0; i < answered.length; i++) {
            last = rateWave(w, 24, answered[i]);
            away = i == 5 ? last : away;
        }

        assertThat(w.alerts("RESPONSE_RATE_DROP", "JAPAN")).isEmpty();
        assertThat(evaluations(w, away, "RESPONSE_RATE_DROP", "JAPAN").getFirst()).containsEntry("reason", "AWAY_THIS_WAVE");
        Map<String, String> latest = evaluations(w, last, "RESPONSE_RATE_DROP", "JAPAN").getFirst();
        assertThat(latest.get("outcome")).isEqualTo("CLEAR");
        assertThat(Math.abs(Double.parseDouble(latest.get("effect")))).as("the trend of the waves answered, holidays left out")
                .isLessThan(5);
    }

    @Test
    void aSideAwayTwoWavesRunningHasGoneSilent() throws Exception {
        AlertWorld.World w = worlds.create("Gone", 5);
        for (int i = 0; i < 5; i++) {
            rateWave(w, 24, 20);
        }
        UUID first = rateWave(w, 24, 2);
        assertThat(evaluations(w, first, "RESPONSE_RATE_DROP", "JAPAN").getFirst()).containsEntry("reason", "AWAY_THIS_WAVE");
        rateWave(w, 24, 3);

        assertThat(w.alerts("RESPONSE_RATE_DROP", "JAPAN")).singleElement()
                .satisfies(a -> assertThat(Double.parseDouble(a.get("value"))).isCloseTo(12.5, org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void aNeutralShareWhoseIntervalLiesAboveTheThresholdFires() throws Exception {
        AlertWorld.World w = worlds.create("Neutral", 3);
        wave(w, AlertWorld.levels(10, 3, 2, 2), HQ_CALM); // 83 % neutral, Wilson from about 55 %
        assertThat(w.alerts("NEUTRAL_SHARE_HIGH", "JAPAN")).hasSize(1);

        AlertWorld.World some = worlds.create("SomeNeutral", 3);
        wave(some, AlertWorld.levels(6, 3, 6, 2), HQ_CALM); // 50 %: interval reaches below 40 %
        assertThat(some.alerts("NEUTRAL_SHARE_HIGH", "JAPAN")).isEmpty();
    }

    /** Japan's values are hidden (4 < k = 5): no alert or evaluation may carry them, however extreme they are. */
    @Test
    void suppressedValuesRaiseNoAlertAndTheirEvaluationsCarryNoNumbers() throws Exception {
        AlertWorld.World w = worlds.create("Suppressed", 5);
        int[][] japan = {{1, 1, 1, 1}, {2, 2, 2, 2}, {4, 4, 4, 4}, {5, 5, 5, 5}, {5, 5, 5, 5}, {3, 3, 3, 3}};
        for (int[] level : japan) {
            UUID wave = w.wave();
            w.invite(wave, Side.JAPAN, 4);
            w.respond(wave, Side.JAPAN, level);
            w.respond(wave, Side.HQ, HQ_CALM);
            w.close(wave);
        }

        assertThat(w.alerts().stream().filter(a -> !"HQ".equals(a.get("side")))).isEmpty();
        List<Map<String, String>> japanTests = worlds.rows(w.id(),
                "SELECT * FROM alert_evaluation WHERE side = 'JAPAN' AND rule <> 'RESPONSE_RATE_DROP' OR side IS NULL");
        assertThat(japanTests).isNotEmpty().allSatisfy(e -> {
            assertThat(e.get("outcome")).isEqualTo("NOT_TESTED");
            assertThat(e.get("reason")).isEqualTo("HIDDEN");
            assertThat(Arrays.asList(e.get("value"), e.get("low"), e.get("high"), e.get("effect"), e.get("p"))).containsOnlyNulls();
        });
    }

    // ---- conditions ----

    @Test
    void aConditionOpensOnceIsUpdatedByLaterWavesAndClosesItselfAfterTwoClearWaves() throws Exception {
        AlertWorld.World w = worlds.create("Lifecycle", 3);
        UUID opened = wave(w, AlertWorld.levels(6, 5, 6, 4), HQ_CALM); // 87.5: fires
        wave(w, AlertWorld.levels(12, 5), HQ_CALM); // 100: still firing (sd 0)
        List<Map<String, String>> afterTwo = ofSign(w.alerts("SIGN_ABOVE_THRESHOLD", "JAPAN"));
        assertThat(afterTwo).singleElement().satisfies(a -> assertThat(a).containsEntry("status", "OPEN"));
        String id = afterTwo.getFirst().get("id");
        UUID clear1 = wave(w, AlertWorld.levels(6, 2, 6, 1), HQ_CALM); // 12.5: clear
        assertThat(ofSign(w.alerts("SIGN_ABOVE_THRESHOLD", "JAPAN")).getFirst()).containsEntry("status", "OPEN")
                .containsEntry("clear_waves", "1");
        UUID clear2 = wave(w, AlertWorld.levels(6, 2, 6, 1), HQ_CALM);

        Map<String, String> closed = ofSign(w.alerts("SIGN_ABOVE_THRESHOLD", "JAPAN")).getFirst();
        assertThat(closed).containsEntry("id", id).containsEntry("status", "RESOLVED").containsEntry("resolved_reason", "AUTO")
                .containsEntry("clear_waves", "2").containsEntry("wave_id", clear2.toString())
                .containsEntry("opened_wave_id", opened.toString());
        assertThat(observations(w, id)).extracting(o -> o.get("outcome")).containsExactly("FIRED", "FIRED", "CLEAR", "CLEAR");
        assertThat(observations(w, id).get(2)).containsEntry("wave_id", clear1.toString());
        assertThat(worlds.rows(w.id(), "SELECT * FROM mail_outbox WHERE kind = 'ALERT' AND alert_id = ?::uuid", id))
                .as("mail when it opens, not on every wave").hasSize(1);

        wave(w, AlertWorld.levels(6, 5, 6, 4), HQ_CALM); // fires again: a new condition
        List<Map<String, String>> all = ofSign(w.alerts("SIGN_ABOVE_THRESHOLD", "JAPAN"));
        assertThat(all).hasSize(2);
        assertThat(all).filteredOn(a -> !a.get("id").equals(id)).singleElement().satisfies(a -> assertThat(a)
                .containsEntry("status", "OPEN"));
        String summary = api.get("/api/v1/tenants/" + w.id() + "/alerts/" + id, api.login(w.consultant.email(), Fixtures.PASSWORD))
                .field("summaryEn");
        assertThat(summary).startsWith("Japan's Exclusion index was 100").contains("Within noise again since");
    }

    @Test
    void theDatabaseAllowsOneOpenAlertPerConditionEver() throws Exception {
        AlertWorld.World w = worlds.create("OneOpen", 3);
        wave(w, AlertWorld.levels(6, 5, 6, 4), HQ_CALM);
        Map<String, String> open = ofSign(w.alerts("SIGN_ABOVE_THRESHOLD", "JAPAN")).getFirst();

        assertThatThrownBy(() -> worlds.sql(w.id(), """
                INSERT INTO alert (tenant_id, id, engagement_id, wave_id, opened_wave_id, rule, sign, side, severity, value,
                                   threshold, status)
                VALUES (?, ?, ?::uuid, ?::uuid, ?::uuid, 'SIGN_ABOVE_THRESHOLD', ?, 'JAPAN', 'HIGH', 80, 60, 'ACKNOWLEDGED')
                """, w.id(), UUID.randomUUID(), open.get("engagement_id"), open.get("wave_id"), open.get("wave_id"), SIGN))
                .isInstanceOf(SQLException.class).hasMessageContaining("alert_one_open");
        worlds.sql(w.id(), """
                INSERT INTO alert (tenant_id, id, engagement_id, wave_id, opened_wave_id, rule, sign, side, severity, value,
                                   threshold, status, resolved_reason)
                VALUES (?, ?, ?::uuid, ?::uuid, ?::uuid, 'SIGN_ABOVE_THRESHOLD', ?, 'JAPAN', 'HIGH', 80, 60, 'RESOLVED', 'PERSON')
                """, w.id(), UUID.randomUUID(), open.get("engagement_id"), open.get("wave_id"), open.get("wave_id"), SIGN);
    }

    @Test
    void evaluatingAWaveTwiceChangesNothing() throws Exception {
        AlertWorld.World w = worlds.create("Twice", 3);
        wave(w, AlertWorld.levels(6, 5, 6, 4), HQ_CALM);
        UUID second = wave(w, AlertWorld.levels(6, 5, 6, 4), HQ_CALM);
        List<Map<String, String>> before = w.alerts();
        List<Map<String, String>> observations = worlds.rows(w.id(), "SELECT * FROM alert_observation ORDER BY alert_id, wave_id");
        List<Map<String, String>> mails = worlds.rows(w.id(), "SELECT * FROM mail_outbox WHERE kind = 'ALERT'");
        assertThat(before).isNotEmpty();

        List<UUID> again = TenantContext.callAs(w.id(), () -> evaluation.evaluate(second));

        assertThat(again).isEmpty();
        assertThat(w.alerts()).extracting(a -> a.get("id") + a.get("status") + a.get("clear_waves") + a.get("wave_id"))
                .containsExactlyElementsOf(before.stream().map(a -> a.get("id") + a.get("status") + a.get("clear_waves")
                        + a.get("wave_id")).toList());
        assertThat(worlds.rows(w.id(), "SELECT * FROM alert_observation ORDER BY alert_id, wave_id")).hasSameSizeAs(observations);
        assertThat(worlds.rows(w.id(), "SELECT * FROM mail_outbox WHERE kind = 'ALERT'")).hasSameSizeAs(mails);
    }

    @Test
    void aWaveWaitsWhileAnEarlierClosedWaveIsNotEvaluated() throws Exception {
        AlertWorld.World w = worlds.create("InOrder", 3);
        UUID first = wave(w, AlertWorld.levels(6, 5, 6, 4), HQ_CALM);
        worlds.sql(w.id(), "DELETE FROM mail_outbox WHERE kind = 'ALERT'");
        worlds.sql(w.id(), "DELETE FROM alert");
        worlds.sql(w.id(), "DELETE FROM alert_evaluation");
        worlds.sql(w.id(), "UPDATE alert_wave SET evaluated_at = NULL WHERE wave_id = ?", first);
        UUID second = wave(w, AlertWorld.levels(12, 5), HQ_CALM);

        assertThat(w.alerts()).as("the second wave waits for the first").isEmpty();
        assertThat(worlds.rows(w.id(), "SELECT evaluated_at FROM alert_wave WHERE wave_id = ?", second).getFirst()
                .get("evaluated_at")).isNull();

        TenantContext.callAs(w.id(), () -> evaluation.evaluate(first));
        TenantContext.callAs(w.id(), () -> evaluation.evaluate(second));
        Map<String, String> alert = ofSign(w.alerts("SIGN_ABOVE_THRESHOLD", "JAPAN")).getFirst();
        assertThat(alert).containsEntry("opened_wave_id", first.toString()).containsEntry("wave_id", second.toString());
    }

    // ---- mail ----

    @Test
    void theEngagementsConsultantsGetOneBilingualMailWhenAConditionOpens() throws Exception {
        AlertWorld.World w = worlds.create("Mail", 3);
        wave(w, AlertWorld.levels(6, 5, 6, 4), HQ_CALM);
        int alerts = w.alerts().size();
        wave(w, AlertWorld.levels(6, 5, 6, 4), HQ_CALM); // still firing: no new mail

        mail.dispatchDue();

        List<MimeMessage> received = Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(w.consultant.email());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(received).hasSize(alerts);
        MimeMessage exclusion = received.stream().filter(m -> {
            try {
                return m.getSubject().contains("Warning sign above threshold (EXCLUSION JAPAN)");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        String text = (String) exclusion.getContent();
        assertThat(text).contains("Japan's Exclusion index is 88 (95% interval 79–96), above the threshold of 60 since");
        assertThat(text).contains("日本の「初期議論からの除外」指数は 88（95%区間 79–96）");
        assertThat(text.indexOf("Japan's Exclusion")).isLessThan(text.indexOf("日本の"));
        assertThat(exclusion.getHeader("Message-ID")[0]).endsWith("@mail.test.example>");
        assertThat(worlds.rows(w.id(), "SELECT status FROM mail_outbox WHERE kind = 'ALERT'")).allMatch(r -> r.get("status").equals("SENT"));

        int total = SMTP.getReceivedMessages().length;
        mail.dispatchDue();
        assertThat(SMTP.getReceivedMessages()).hasSize(total);
    }

    // ---- API ----

    private String token(com.kakehashi.identity.UserView user) {
        return api.login(user.email(), Fixtures.PASSWORD);
    }

    private String anAlert(AlertWorld.World w) throws Exception {
        wave(w, AlertWorld.levels(6, 5, 6, 4), HQ_CALM);
        return ofSign(w.alerts("SIGN_ABOVE_THRESHOLD", "JAPAN")).getFirst().get("id");
    }

    @Test
    void consultantsAcknowledgeAnnotateAndResolveAndEveryStepIsAudited() throws Exception {
        AlertWorld.World w = worlds.create("Flow", 3);
        String id = anAlert(w);
        String base = "/api/v1/tenants/" + w.id() + "/alerts";
        String consultant = token(w.consultant);

        assertThat(api.get(base + "?status=OPEN", consultant).list()).extracting(a -> a.get("id")).contains(id);
        Api.Reply acknowledged = api.post(base + "/" + id + "/acknowledge", Map.of(), consultant);
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.field("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.field("acknowledgedBy")).isEqualTo(w.consultant.id().toString());
        assertThat(api.post(base + "/" + id + "/acknowledge", Map.of(), consultant).status()).isEqualTo(409);

        Api.Reply noted = api.post(base + "/" + id + "/notes", Map.of("text", "Talked to the Japan country head."), consultant);
        assertThat(noted.status()).isEqualTo(201);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> notes = (List<Map<String, Object>>) noted.map().get("notes");
        assertThat(notes).hasSize(1);
        assertThat(notes.getFirst().get("text")).isEqualTo("Talked to the Japan country head.");
        assertThat(notes.getFirst().get("author")).isEqualTo(w.consultant.email());

        Api.Reply resolved = api.post(base + "/" + id + "/resolve", Map.of(), consultant);
        assertThat(resolved.field("status")).isEqualTo("RESOLVED");
        assertThat(resolved.field("resolvedReason")).isEqualTo("PERSON");
        assertThat(api.post(base + "/" + id + "/resolve", Map.of(), consultant).status()).isEqualTo(409);
        assertThat(api.get(base + "?status=OPEN", consultant).list()).extracting(a -> a.get("id")).doesNotContain(id);
        assertThat(api.get(base + "?status=RESOLVED", consultant).list()).extracting(a -> a.get("id")).contains(id);
        List<Map<String, Object>> tests = api.get(base + "/" + id + "/evaluations", consultant).list();
        assertThat(tests).singleElement().satisfies(e -> assertThat(e).containsEntry("outcome", "FIRED")
                .containsEntry("reason", "BEYOND_NOISE").containsKeys("p", "pAdjusted", "effect").containsEntry("alertId", id));

        assertThat(worlds.rows(w.id(), "SELECT action FROM audit_event WHERE object_id = ?::uuid ORDER BY occurred_at", id))
                .extracting(r -> r.get("action"))
                .containsExactly("alert.raised", "alert.acknowledged", "alert.annotated", "alert.resolved");
    }

    @Test
    void executivesReadAlertsButCannotAct() throws Exception {
        AlertWorld.World w = worlds.create("Executive", 3);
        String id = anAlert(w);
        String base = "/api/v1/tenants/" + w.id();
        String executive = token(w.executive);

        assertThat(api.get(base + "/alerts", executive).status()).isEqualTo(200);
        assertThat(api.get(base + "/alerts/" + id, executive).status()).isEqualTo(200);
        assertThat(api.get(base + "/alerts/" + id + "/evaluations", executive).status()).isEqualTo(200);
        assertThat(api.get(base + "/alert-settings", executive).status()).isEqualTo(200);
        assertThat(api.post(base + "/alerts/" + id + "/acknowledge", Map.of(), executive).status()).isEqualTo(403);
        assertThat(api.post(base + "/alerts/" + id + "/resolve", Map.of(), executive).status()).isEqualTo(403);
        assertThat(api.post(base + "/alerts/" + id + "/notes", Map.of("text", "mine"), executive).status()).isEqualTo(403);
        assertThat(api.put(base + "/alert-settings", AlertSettings.DEFAULTS, executive).status()).isEqualTo(403);
        assertThat(api.get(base + "/alerts/" + id, executive).field("status")).isEqualTo("OPEN");
    }

    @Test
    void anotherTenantsAlertIsNotFound() throws Exception {
        AlertWorld.World mine = worlds.create("Mine", 3);
        AlertWorld.World theirs = worlds.create("Theirs", 3);
        String id = anAlert(theirs);
        String consultant = token(mine.consultant);

        assertThat(api.get("/api/v1/tenants/" + mine.id() + "/alerts/" + id, consultant).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/tenants/" + mine.id() + "/alerts/" + id + "/evaluations", consultant).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/tenants/" + mine.id() + "/alerts/" + id + "/resolve", Map.of(), consultant).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/tenants/" + theirs.id() + "/alerts", consultant).status()).isEqualTo(404);
    }

    @Test
    void settingsDefaultUntilChangedAndTheChangeApplies() throws Exception {
        AlertWorld.World w = worlds.create("Settings", 3);
        String base = "/api/v1/tenants/" + w.id() + "/alert-settings";
        String consultant = token(w.consultant);
        assertThat(api.get(base, consultant).map()).containsEntry("riskThreshold", 60.0).containsEntry("worseningWaves", 5)
                .containsEntry("gapThreshold", 15.0).containsEntry("responseRateDrop", 15.0)
                .containsEntry("neutralSharePercent", 40.0).containsEntry("alpha", 0.05).containsEntry("minimumEffect", 8.0)
                .containsEntry("minimumN", 10).containsEntry("clearWaves", 2).containsEntry("correction", "BENJAMINI_HOCHBERG");

        AlertSettings stricter = new AlertSettings(95.0, 5, 5, 15.0, 15.0, 40.0, 0.01, 8.0, 10, 3,
                AlertSettings.Correction.HOLM);
        assertThat(api.put(base, stricter, consultant).status()).isEqualTo(200);
        assertThat(api.get(base, consultant).map()).containsEntry("riskThreshold", 95.0).containsEntry("correction", "HOLM")
                .containsEntry("clearWaves", 3);

        wave(w, AlertWorld.levels(6, 5, 6, 4), HQ_CALM); // 87.5: above the default, not above 95
        assertThat(w.alerts("SIGN_ABOVE_THRESHOLD", "JAPAN")).isEmpty();
        assertThat(worlds.rows(w.id(), "SELECT action FROM audit_event WHERE action = 'alert-settings.updated'")).hasSize(1);
    }

    @Test
    void settingsOutOfRangeAreRejectedNamingTheField() throws Exception {
        AlertWorld.World w = worlds.create("BadSettings", 3);
        String base = "/api/v1/tenants/" + w.id() + "/alert-settings";
        String consultant = token(w.consultant);
        Map<String, Object> valid = new HashMap<>(Map.ofEntries(Map.entry("riskThreshold", 60), Map.entry("worseningWaves", 5),
                Map.entry("gapWaves", 5), Map.entry("gapThreshold", 15), Map.entry("responseRateDrop", 15),
                Map.entry("neutralSharePercent", 40), Map.entry("alpha", 0.05), Map.entry("minimumEffect", 8),
                Map.entry("minimumN", 10), Map.entry("clearWaves", 2), Map.entry("correction", "HOLM")));
        assertThat(api.put(base, valid, consultant).status()).isEqualTo(200);
        for (Map.Entry<String, Object> bad : List.of(Map.entry("riskThreshold", (Object) 150), Map.entry("worseningWaves", (Object) 1),
                Map.entry("gapWaves", (Object) 13), Map.entry("gapThreshold", (Object) (-1)),
                Map.entry("responseRateDrop", (Object) 101), Map.entry("neutralSharePercent", (Object) 100),
                Map.entry("alpha", (Object) 0.5), Map.entry("alpha", (Object) 0), Map.entry("minimumEffect", (Object) (-2)),
                Map.entry("minimumN", (Object) 1), Map.entry("clearWaves", (Object) 0), Map.entry("correction", (Object) "BONFERRONI"))) {
            Map<String, Object> body = new HashMap<>(valid);
            body.put(bad.getKey(), bad.getValue());
            Api.Reply reply = api.put(base, body, consultant);
            assertThat(reply.status()).as(bad.toString()).isEqualTo(400);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> errors = (List<Map<String, Object>>) reply.map().get("errors");
            assertThat(errors).as(reply.body()).extracting(e -> e.get("field").toString())
                    .anySatisfy(f -> assertThat(f).endsWith(bad.getKey()));
        }
        assertThat(api.get(base, consultant).map()).containsEntry("correction", "HOLM").containsEntry("riskThreshold", 60.0);
    }
}
