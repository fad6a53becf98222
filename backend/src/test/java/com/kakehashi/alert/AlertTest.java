package com.kakehashi.alert;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.kakehashi.participant.Side;
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

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts against real PostgreSQL and a real SMTP server (GreenMail): each rule on waves with known
 * indices, closed through the wave service. The scheduler is off: tests send the alert mail themselves.
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
    AlertMail mail;
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

    private static List<Map<String, String>> ofSign(List<Map<String, String>> alerts) {
        return alerts.stream().filter(a -> SIGN.equals(a.get("sign"))).toList();
    }

    private static double value(Map<String, String> alert) {
        return Double.parseDouble(alert.get("value"));
    }

    // ---- rules ----

    @Test
    void signAboveThresholdRaisesAnAlertForThatSideOnly() throws Exception {
        AlertWorld.World w = worlds.create("Above", 3);
        UUID wave = w.wave();
        w.respond(wave, Side.JAPAN, 5, 5, 5, 2, 2); // 70
        w.respond(wave, Side.HQ, 2, 2, 2, 2, 2); // 25
        w.close(wave);

        List<Map<String, String>> japan = ofSign(w.alerts("SIGN_ABOVE_THRESHOLD", "JAPAN"));
        assertThat(japan).hasSize(1);
        assertThat(value(japan.getFirst())).isCloseTo(70.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(japan.getFirst().get("threshold")).isEqualTo("60");
        assertThat(japan.getFirst().get("wave_id")).isEqualTo(wave.toString());
        assertThat(japan.getFirst().get("status")).isEqualTo("OPEN");
        assertThat(w.alerts("SIGN_ABOVE_THRESHOLD", "HQ")).isEmpty();
    }

    @Test
    void signAtTheThresholdRaisesNothing() throws Exception {
        AlertWorld.World w = worlds.create("AtThreshold", 3);
        UUID wave = w.wave();
        w.respond(wave, Side.JAPAN, 4, 4, 4, 4, 1); // 60, not above 60
        w.close(wave);

        assertThat(w.alerts("SIGN_ABOVE_THRESHOLD", "JAPAN")).isEmpty();
    }

    @Test
    void signWorseningByFivePointsInEachOfThreeWavesRaisesAnAlert() throws Exception {
        AlertWorld.World w = worlds.create("Worsening", 3);
        int[][] levels = {{1, 2, 2, 2, 4}, {2, 2, 2, 2, 4}, {1, 2, 2, 4, 4}, {2, 2, 2, 4, 4}}; // 30, 35, 40, 45
        for (int i = 0; i < levels.length; i++) {
            UUID wave = w.wave();
            w.respond(wave, Side.JAPAN, levels[i]);
            w.close(wave);
            if (i == 2) {
                assertThat(w.alerts("SIGN_WORSENING", "JAPAN")).as("two rises are not three").isEmpty();
            }
        }

        List<Map<String, String>> alerts = ofSign(w.alerts("SIGN_WORSENING", "JAPAN"));
        assertThat(alerts).hasSize(1);
        assertThat(value(alerts.getFirst())).isCloseTo(45.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(alerts.getFirst().get("history")).isEqualTo("{30,35,40}");
    }

    @Test
    void signWorseningThatStallsOnceRaisesNothing() throws Exception {
        AlertWorld.World w = worlds.create("Stalls", 3);
        int[][] levels = {{1, 2, 2, 2, 4}, {2, 2, 2, 2, 4}, {1, 2, 2, 4, 4}, {1, 2, 2, 4, 4}}; // 30, 35, 40, 40
        for (int[] level : levels) {
            UUID wave = w.wave();
            w.respond(wave, Side.JAPAN, level);
            w.close(wave);
        }

        assertThat(w.alerts("SIGN_WORSENING", "JAPAN")).isEmpty();
    }

    @Test
    void perceptionGapWideningTwiceToFifteenRaisesAnAlert() throws Exception {
        AlertWorld.World w = worlds.create("Gap", 3);
        int[][] japan = {{1, 2, 2, 2, 4}, {2, 2, 2, 2, 4}, {2, 2, 2, 4, 4}}; // 30, 35, 45 against HQ's 25
        for (int[] level : japan) {
            UUID wave = w.wave();
            w.respond(wave, Side.JAPAN, level);
            w.respond(wave, Side.HQ, 2, 2, 2, 2, 2);
            w.close(wave);
        }

        List<Map<String, String>> alerts = ofSign(w.alerts("GAP_WIDENING", null));
        assertThat(alerts).hasSize(1);
        assertThat(value(alerts.getFirst())).isCloseTo(20.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(alerts.getFirst().get("history")).isEqualTo("{5,10}");
    }

    @Test
    void perceptionGapThatNarrowsRaisesNothing() throws Exception {
        AlertWorld.World w = worlds.create("GapNarrows", 3);
        int[][] japan = {{1, 2, 2, 2, 4}, {2, 2, 2, 4, 4}, {1, 2, 2, 4, 4}}; // gaps 5, 20, 15
        for (int[] level : japan) {
            UUID wave = w.wave();
            w.respond(wave, Side.JAPAN, level);
            w.respond(wave, Side.HQ, 2, 2, 2, 2, 2);
            w.close(wave);
        }

        assertThat(w.alerts("GAP_WIDENING", null)).isEmpty();
    }

    @Test
    void responseRateDroppingFifteenPointsRaisesAnAlert() throws Exception {
        AlertWorld.World w = worlds.create("Silent", 3);
        UUID first = w.wave();
        w.invite(first, Side.JAPAN, 10);
        w.respond(first, Side.JAPAN, 2, 2, 2, 2, 2, 2, 2, 2); // 80 %
        w.close(first);
        UUID second = w.wave();
        w.invite(second, Side.JAPAN, 10);
        w.respond(second, Side.JAPAN, 2, 2, 2, 2, 2, 2); // 60 %
        w.close(second);

        List<Map<String, String>> alerts = w.alerts("RESPONSE_RATE_DROP", "JAPAN");
        assertThat(alerts).hasSize(1);
        assertThat(value(alerts.getFirst())).isCloseTo(60.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(alerts.getFirst().get("history")).isEqualTo("{80}");
    }

    @Test
    void responseRateDroppingTenPointsRaisesNothing() throws Exception {
        AlertWorld.World w = worlds.create("Quieter", 3);
        UUID first = w.wave();
        w.invite(first, Side.JAPAN, 10);
        w.respond(first, Side.JAPAN, 2, 2, 2, 2, 2, 2, 2, 2); // 80 %
        w.close(first);
        UUID second = w.wave();
        w.invite(second, Side.JAPAN, 10);
        w.respond(second, Side.JAPAN, 2, 2, 2, 2, 2, 2, 2); // 70 %
        w.close(second);

        assertThat(w.alerts("RESPONSE_RATE_DROP", "JAPAN")).isEmpty();
    }

    @Test
    void neutralShareAboveFortyPercentRaisesAnAlert() throws Exception {
        AlertWorld.World w = worlds.create("Neutral", 3);
        UUID wave = w.wave();
        w.respond(wave, Side.JAPAN, 3, 3, 3, 2, 2); // 60 % neutral
        w.close(wave);

        List<Map<String, String>> alerts = w.alerts("NEUTRAL_SHARE_HIGH", "JAPAN");
        assertThat(alerts).hasSize(1);
        assertThat(value(alerts.getFirst())).isCloseTo(60.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void neutralShareOfFortyPercentRaisesNothing() throws Exception {
        AlertWorld.World w = worlds.create("SomeNeutral", 3);
        UUID wave = w.wave();
        w.respond(wave, Side.JAPAN, 3, 3, 2, 2, 2); // 40 %
        w.close(wave);

        assertThat(w.alerts("NEUTRAL_SHARE_HIGH", "JAPAN")).isEmpty();
    }

    /** Japan's values are hidden (4 < k = 5): no alert may reveal them, however extreme they are. */
    @Test
    void suppressedValuesRaiseNoAlert() throws Exception {
        AlertWorld.World w = worlds.create("Suppressed", 5);
        int[][] japan = {{1, 1, 1, 1}, {2, 2, 2, 2}, {4, 4, 4, 4}, {5, 5, 5, 5}, {3, 3, 3, 3}}; // 0, 25, 75, 100, all neutral
        for (int[] level : japan) {
            UUID wave = w.wave();
            w.invite(wave, Side.JAPAN, 4);
            w.respond(wave, Side.JAPAN, level);
            w.respond(wave, Side.HQ, 2, 2, 2, 2, 2);
            w.close(wave);
        }

        assertThat(w.alerts().stream().filter(a -> !"HQ".equals(a.get("side")))).isEmpty();
    }

    @Test
    void evaluatingAWaveTwiceRaisesEachAlertOnce() throws Exception {
        AlertWorld.World w = worlds.create("Twice", 3);
        UUID wave = w.wave();
        w.respond(wave, Side.JAPAN, 5, 5, 5, 5, 5);
        w.close(wave);
        List<Map<String, String>> before = w.alerts();
        List<Map<String, String>> mails = worlds.rows(w.id(), "SELECT * FROM alert_mail_outbox");
        assertThat(before).isNotEmpty();
        assertThat(mails).hasSize(before.size());

        List<UUID> again = TenantContext.callAs(w.id(), () -> evaluation.evaluate(wave));

        assertThat(again).isEmpty();
        assertThat(w.alerts()).hasSameSizeAs(before);
        assertThat(worlds.rows(w.id(), "SELECT * FROM alert_mail_outbox")).hasSameSizeAs(mails);
    }

    // ---- mail ----

    @Test
    void theEngagementsConsultantsGetABilingualMail() throws Exception {
        AlertWorld.World w = worlds.create("Mail", 3);
        UUID wave = w.wave();
        w.respond(wave, Side.JAPAN, 5, 5, 5, 2, 2);
        w.close(wave);
        int alerts = w.alerts().size();

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
        assertThat(text).contains("The risk index of EXCLUSION for JAPAN is 70.0 (threshold 60.0).");
        assertThat(text).contains("JAPAN の EXCLUSION のリスク指数は 70.0 です");
        assertThat(text.indexOf("The risk index")).isLessThan(text.indexOf("リスク指数"));
        assertThat(exclusion.getHeader("Message-ID")[0]).endsWith("@mail.test.example>");
        assertThat(worlds.rows(w.id(), "SELECT status FROM alert_mail_outbox")).allMatch(r -> r.get("status").equals("SENT"));

        int total = SMTP.getReceivedMessages().length;
        mail.dispatchDue();
        assertThat(SMTP.getReceivedMessages()).hasSize(total);
    }

    // ---- API ----

    private String token(com.kakehashi.identity.UserView user) {
        return api.login(user.email(), Fixtures.PASSWORD);
    }

    private String anAlert(AlertWorld.World w) throws Exception {
        UUID wave = w.wave();
        w.respond(wave, Side.JAPAN, 5, 5, 5, 5, 2);
        w.close(wave);
        return w.alerts("SIGN_ABOVE_THRESHOLD", "JAPAN").getFirst().get("id");
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
        assertThat(notes.getFirst().get("createdAt")).isNotNull();

        Api.Reply resolved = api.post(base + "/" + id + "/resolve", Map.of(), consultant);
        assertThat(resolved.field("status")).isEqualTo("RESOLVED");
        assertThat(api.post(base + "/" + id + "/resolve", Map.of(), consultant).status()).isEqualTo(409);
        assertThat(api.get(base + "?status=OPEN", consultant).list()).extracting(a -> a.get("id")).doesNotContain(id);
        assertThat(api.get(base + "?status=RESOLVED", consultant).list()).extracting(a -> a.get("id")).contains(id);
        assertThat(api.get(base + "/" + id, consultant).field("status")).isEqualTo("RESOLVED");

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
        assertThat(api.post("/api/v1/tenants/" + mine.id() + "/alerts/" + id + "/resolve", Map.of(), consultant).status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/tenants/" + theirs.id() + "/alerts", consultant).status()).isEqualTo(404);
    }

    @Test
    void settingsDefaultUntilChangedAndTheChangeApplies() throws Exception {
        AlertWorld.World w = worlds.create("Settings", 3);
        String base = "/api/v1/tenants/" + w.id() + "/alert-settings";
        String consultant = token(w.consultant);
        assertThat(api.get(base, consultant).map()).containsEntry("riskThreshold", 60.0).containsEntry("worseningWaves", 3)
                .containsEntry("gapThreshold", 15.0).containsEntry("responseRateDrop", 15.0)
                .containsEntry("neutralSharePercent", 40.0);

        AlertSettings stricter = new AlertSettings(80.0, 3, 5.0, 2, 15.0, 15.0, 40.0);
        assertThat(api.put(base, stricter, consultant).status()).isEqualTo(200);
        assertThat(api.get(base, consultant).map()).containsEntry("riskThreshold", 80.0);

        UUID wave = w.wave();
        w.respond(wave, Side.JAPAN, 5, 5, 5, 2, 2); // 70: above the default, not above 80
        w.close(wave);
        assertThat(w.alerts("SIGN_ABOVE_THRESHOLD", "JAPAN")).isEmpty();
        assertThat(worlds.rows(w.id(), "SELECT action FROM audit_event WHERE action = 'alert-settings.updated'")).hasSize(1);
    }

    @Test
    void settingsOutOfRangeAreRejectedNamingTheField() throws Exception {
        AlertWorld.World w = worlds.create("BadSettings", 3);
        String base = "/api/v1/tenants/" + w.id() + "/alert-settings";
        String consultant = token(w.consultant);
        Map<String, Object> valid = Map.of("riskThreshold", 60, "worseningWaves", 3, "worseningStep", 5, "gapWaves", 2,
                "gapThreshold", 15, "responseRateDrop", 15, "neutralSharePercent", 40);
        for (Map.Entry<String, Object> bad : List.of(Map.entry("riskThreshold", (Object) 150), Map.entry("worseningWaves", (Object) 0),
                Map.entry("worseningStep", (Object) 0), Map.entry("gapWaves", (Object) 11), Map.entry("gapThreshold", (Object) (-1)),
                Map.entry("responseRateDrop", (Object) 101), Map.entry("neutralSharePercent", (Object) 100.5))) {
            Map<String, Object> body = new java.util.HashMap<>(valid);
            body.put(bad.getKey(), bad.getValue());
            Api.Reply reply = api.put(base, body, consultant);
            assertThat(reply.status()).as(bad.toString()).isEqualTo(400);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> errors = (List<Map<String, Object>>) reply.map().get("errors");
            assertThat(errors).as(reply.body()).extracting(e -> e.get("field")).contains(bad.getKey());
        }
        assertThat(api.get(base, consultant).map()).containsEntry("riskThreshold", 60.0);
    }
}
