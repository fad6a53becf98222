package com.kakehashi.lifecycle;

import com.github.kagkarlsson.scheduler.task.Task;
import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention on the real database, run directly (the recurring task calls the same method): one
 * tenant with a wave closed 26 months ago, one closed 40 days ago and one closed 5 days ago, all
 * answered with comments through the respondent page. Defaults: links 30 days, comments 24
 * months, audit 730 days.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@Property(name = "kakehashi.retention.enabled", value = "true")
@Property(name = "kakehashi.respond.requests-per-minute", value = "100000")
@Property(name = "kakehashi.insight.fold-delay", value = "10ms")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetentionTest {

    /** Twelve Japan comments, enough for the careful-wording figure (threshold max(10, k)). */
    private static final List<String> COMMENTS = List.of(
            "来期までの導入は正直難しいと思います。", "本社の提案については社内で検討させていただきます。",
            "新しい報告ラインには不安があります。", "うまくいくかもしれませんが、様子を見たいです。",
            "このスケジュールではちょっと厳しいです。", "一度持ち帰らせていただき、チームで話し合います。",
            "We are somewhat concerned about the timeline.", "It might be difficult to finish this by March.",
            "本社との定例会議は役に立っている。", "この目標は難しくないと思います。",
            "Regular calls with HQ work well for us.", "決定事項の共有が早くなって助かっている。");

    @Inject
    LifecycleWorld worlds;
    @Inject
    Retention retention;
    @Inject
    List<Task<?>> tasks;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    Api api;
    LifecycleWorld.World world;
    LifecycleWorld.World bystander;
    UUID old;
    UUID month;
    UUID recent;
    Map<String, Object> oldInsightBefore;
    RetentionRun run;

    @BeforeAll
    void threeClosedWavesWithCommentsThenRetention() throws Exception {
        api = new Api(server.getURL(), json);
        world = worlds.create("Retention");
        bystander = worlds.create("Bystander");
        old = answeredWave(world, LocalDate.of(2024, 9, 2), Duration.ofDays(26 * 31));
        month = answeredWave(world, LocalDate.of(2026, 10, 5), Duration.ofDays(40));
        recent = answeredWave(world, LocalDate.of(2026, 11, 23), Duration.ofDays(5));
        answeredWave(bystander, LocalDate.of(2024, 9, 2), Duration.ofDays(26 * 31));
        oldInsightBefore = insight(old);
        run = TenantContext.callAs(world.id(), () -> retention.applyAt(Instant.now()));
    }

    private UUID answeredWave(LifecycleWorld.World w, LocalDate date, Duration closedAgo) throws Exception {
        UUID wave = w.wave(date);
        for (int i = 0; i < COMMENTS.size(); i++) {
            w.respond(wave, Side.JAPAN, i % 2 == 0 ? Level.STAFF : Level.MIDDLE_MANAGER, null, 2 + i % 3, COMMENTS.get(i));
        }
        for (int i = 0; i < 6; i++) {
            w.respond(wave, Side.HQ, Level.STAFF, null, 2 + i % 3, "HQ note " + i);
        }
        w.close(wave, closedAgo);
        return wave;
    }

    private Map<String, Object> insight(UUID wave) {
        Api.Reply reply = api.get("/api/v1/tenants/" + world.id() + "/insights/waves/" + wave,
                api.login(world.executive.email(), Fixtures.PASSWORD));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.map();
    }

    @Test
    @Order(1)
    void tokenLinksOfWavesClosedLongerThanThirtyDaysAreDeletedAndNewerOnesStay() throws Exception {
        String tokens = "SELECT count(*) FROM invitation_token t JOIN invitation i ON i.id = t.invitation_id WHERE i.wave_id = ?";
        assertThat(world.count(tokens, old)).isZero();
        assertThat(world.count(tokens, month)).isZero();
        assertThat(world.count(tokens, recent)).isEqualTo(18);
        assertThat(world.count("SELECT count(*) FROM invitation WHERE wave_id = ?", old)).as("the invitations stay").isEqualTo(18);
        assertThat(run.tokenLinks()).isEqualTo(36);
    }

    @Test
    @Order(2)
    void commentsOlderThanTwentyFourMonthsAreDeletedWhileAnswersAndAggregatesStay() throws Exception {
        assertThat(world.count("SELECT count(*) FROM response WHERE wave_id = ? AND comment IS NOT NULL", old)).isZero();
        assertThat(world.count("SELECT count(*) FROM response WHERE wave_id = ? AND comment IS NOT NULL", month)).isEqualTo(18);
        assertThat(world.count("SELECT count(*) FROM response WHERE wave_id = ?", old)).isEqualTo(18);
        assertThat(world.count("SELECT count(*) FROM response_answer a JOIN response r ON r.id = a.response_id WHERE r.wave_id = ?", old))
                .isPositive();
        assertThat(run.comments()).isEqualTo(18);

        Map<String, Object> after = insight(old);
        for (String figure : List.of("scores", "dimensions", "gaps", "reliability")) {
            assertThat(after.get(figure)).as(figure).isEqualTo(oldInsightBefore.get(figure));
        }
        assertThat(withoutWording(after.get("silence"))).isEqualTo(withoutWording(oldInsightBefore.get("silence")));
    }

    @Test
    @Order(3)
    void carefulWordingOfAWavePastCommentRetentionIsNoLongerAvailable() {
        assertThat(((Number) wording(oldInsightBefore, "JAPAN").get("comments")).intValue()).isEqualTo(12);
        Map<String, Object> after = wording(insight(old), "JAPAN");
        assertThat(after).doesNotContainKeys("comments", "share", "withMarker");
        assertThat(after.toString()).contains("NO_COMMENTS");
        assertThat(((Number) wording(insight(month), "JAPAN").get("comments")).intValue()).as("a younger wave keeps its figure")
                .isEqualTo(12);
    }

    @Test
    @Order(4)
    void theRunIsAuditedWithCountsOnlyAndAnotherTenantIsUntouched() throws Exception {
        assertThat(world.count("SELECT count(*) FROM audit_event WHERE action = 'retention.applied' AND detail = ?",
                "tokenLinks=36 comments=18 auditEntries=0")).isEqualTo(1);
        assertThat(bystander.count("SELECT count(*) FROM response WHERE comment IS NOT NULL")).isEqualTo(18);
        assertThat(bystander.count("SELECT count(*) FROM invitation_token")).isEqualTo(18);
    }

    @Test
    @Order(5)
    void aSecondRunTheSameDayFindsNothingAndRecordsNothing() throws Exception {
        RetentionRun again = TenantContext.callAs(world.id(), () -> retention.applyAt(Instant.now()));
        assertThat(again.total()).isZero();
        assertThat(world.count("SELECT count(*) FROM audit_event WHERE action = 'retention.applied'")).isEqualTo(1);
    }

    @Test
    @Order(6)
    void auditEntriesPastThePolicyGoAndALongerPolicyKeepsThem() throws Exception {
        assertThat(api.patch("/api/v1/tenants/" + bystander.id(), Map.of("auditRetentionDays", 36500),
                api.login(bystander.consultant.email(), Fixtures.PASSWORD)).status()).isEqualTo(200);
        long before = world.count("SELECT count(*) FROM audit_event");
        Instant later = Instant.now().plus(Duration.ofDays(731));
        RetentionRun purge = TenantContext.callAs(world.id(), () -> retention.applyAt(later));
        assertThat(purge.auditEntries()).isEqualTo(before);
        assertThat(world.count("SELECT count(*) FROM audit_event")).as("only this run's own entry").isEqualTo(1);
        long kept = bystander.count("SELECT count(*) FROM audit_event");
        assertThat(TenantContext.callAs(bystander.id(), () -> retention.applyAt(later)).auditEntries()).isZero();
        assertThat(bystander.count("SELECT count(*) FROM audit_event WHERE action <> 'retention.applied'")).isEqualTo(kept);
    }

    @Test
    @Order(7)
    void theRecurringTaskIsRegisteredUnderItsName() {
        // Its body is Retention.run(): applyAt(now) in each tenant, as above. Not run here: over the
        // shared test database it would thin out other test classes' old waves.
        assertThat(tasks).extracting(Task::getName).contains("retention");
    }

    @Test
    void retentionSettingsAreEditedThroughTheTenantApiAndBadValuesNameTheirField() {
        String token = api.login(world.consultant.email(), Fixtures.PASSWORD);
        String path = "/api/v1/tenants/" + world.id();
        Map<String, Object> shown = api.get(path, token).map();
        assertThat(shown.get("tokenLinkRetentionDays")).hasToString("30");
        assertThat(shown.get("commentRetentionMonths")).hasToString("24");
        assertThat(shown.get("auditRetentionDays")).hasToString("730");
        Api.Reply changed = api.patch(path, Map.of("tokenLinkRetentionDays", 14, "commentRetentionMonths", 36), token);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.map().get("tokenLinkRetentionDays")).hasToString("14");
        assertThat(changed.map().get("commentRetentionMonths")).hasToString("36");
        api.patch(path, Map.of("tokenLinkRetentionDays", 30, "commentRetentionMonths", 24), token);
        for (Map.Entry<String, Object> bad : Map.<String, Object>of("tokenLinkRetentionDays", 0, "commentRetentionMonths", 121,
                "auditRetentionDays", 30).entrySet()) {
            Api.Reply reply = api.patch(path, Map.of(bad.getKey(), bad.getValue()), token);
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body()).contains(bad.getKey());
        }
    }

    @SuppressWarnings("unchecked")
    private static Object withoutWording(Object silence) {
        return ((List<Map<String, Object>>) silence).stream().map(s -> {
            Map<String, Object> copy = new HashMap<>(s);
            copy.remove("carefulWording");
            return copy;
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> wording(Map<String, Object> insight, String side) {
        return ((List<Map<String, Object>>) insight.get("silence")).stream().filter(s -> side.equals(s.get("side")))
                .map(s -> (Map<String, Object>) s.get("carefulWording")).findFirst().orElseThrow();
    }
}
