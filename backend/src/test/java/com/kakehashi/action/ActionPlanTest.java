package com.kakehashi.action;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.kakehashi.alert.AlertFixtures;
import com.kakehashi.alert.AlertWorld;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.mail.MailDispatcher;
import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.LocalSmtp;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Action plans against real PostgreSQL and a real SMTP server (GreenMail), through the API as the
 * console calls it. The tenant has a consultant assigned to the engagement and two client
 * executives; the Japan owner is usually a named person without an account. The scheduler is off:
 * tests run the overdue task and the mail worker themselves.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
@Property(name = "kakehashi.mail.from", value = "Kakehashi <no-reply@mail.test.example>")
@Property(name = "kakehashi.mail.smtp.tls", value = "false")
@Property(name = "kakehashi.mail.smtp.timeout", value = "5s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActionPlanTest implements TestPropertyProvider {

    private static final int SMTP_PORT = LocalSmtp.freePort();

    @RegisterExtension
    static final GreenMailExtension SMTP = LocalSmtp.on(SMTP_PORT);

    @Inject
    AlertWorld worlds;
    @Inject
    AlertFixtures alertFixtures;
    @Inject
    Fixtures fixtures;
    @Inject
    MailDispatcher mail;
    @Inject
    ActionOverdue overdueTask;
    @Inject
    com.kakehashi.support.TestClock clock;
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;

    Api api;
    AlertWorld.World world;
    UserView secondExecutive;
    String consultant;
    String executive;
    String otherExecutive;
    String operator;

    @Override
    public Map<String, String> getProperties() {
        return LocalSmtp.settings(SMTP_PORT);
    }

    @BeforeAll
    void aTenantWithAConsultantAndTwoExecutives() throws SQLException {
        api = new Api(server.getURL(), json);
        world = worlds.create("Actions", 3);
        secondExecutive = fixtures.memberOf(world.tenant, Role.EXECUTIVE);
        consultant = api.login(world.consultant.email(), Fixtures.PASSWORD);
        executive = api.login(world.executive.email(), Fixtures.PASSWORD);
        otherExecutive = api.login(secondExecutive.email(), Fixtures.PASSWORD);
        operator = api.login(fixtures.operator().email(), Fixtures.PASSWORD);
    }

    private String base() {
        return "/api/v1/tenants/" + world.id() + "/actions";
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** HQ: the tenant's executive (a console user); Japan: a named person writing in Japanese. */
    private Map<String, Object> action(String japanEmail) {
        Map<String, Object> body = new HashMap<>();
        body.put("engagementId", world.engagementId.toString());
        body.put("title", "Pre-brief Japan leadership before global strategy meetings");
        body.put("description", "Monthly, one week ahead.\nIn Japanese, with the deck.");
        body.put("language", "en");
        body.put("signs", List.of("EXCLUSION", "CONSENSUS_PACE"));
        body.put("startOn", today().plusDays(1).toString());
        body.put("dueOn", today().plusDays(90).toString());
        body.put("hqOwner", Map.of("userId", world.executive.id().toString()));
        body.put("japanOwner", Map.of("name", "佐藤 健", "email", japanEmail, "language", "ja"));
        return body;
    }

    private static String japanEmail() {
        return "sato-" + UUID.randomUUID() + "@northwind.example.jp";
    }

    private Api.Reply create(Map<String, Object> body, String token) {
        return api.post(base(), body, token);
    }

    private String created(Map<String, Object> body) {
        Api.Reply reply = create(body, consultant);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.field("id");
    }

    private Api.Reply agree(String id, String side, String token) {
        return api.post(base() + "/" + id + "/agreements", Map.of("side", side), token);
    }

    private String agreed(Map<String, Object> body) {
        String id = created(body);
        assertThat(agree(id, "HQ", executive).status()).isEqualTo(200);
        assertThat(agree(id, "JAPAN", consultant).field("status")).isEqualTo("AGREED");
        return id;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> owner(Api.Reply reply, String side) {
        return (Map<String, Object>) reply.map().get(side);
    }

    private List<String> audit(String actionId) throws SQLException {
        return worlds.rows(world.id(), "SELECT action FROM audit_event WHERE object_id = ?::uuid ORDER BY occurred_at, id", actionId)
                .stream().map(r -> r.get("action")).toList();
    }

    private static void assertProblem(Api.Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).as(reply.body()).contains("\"field\":\"" + field + "\"");
    }

    // ---- lifecycle ----

    @Test
    void actionIsAgreedOnlyWhenBothOwnersHaveAgreedEachRecordedWithWhoAndWhen() throws SQLException {
        String id = created(action(japanEmail()));

        Api.Reply hqAgreed = agree(id, "HQ", executive);
        Api.Reply tooEarly = api.post(base() + "/" + id + "/start", null, consultant);
        Api.Reply bothAgreed = agree(id, "JAPAN", consultant);

        assertThat(hqAgreed.status()).as(hqAgreed.body()).isEqualTo(200);
        assertThat(hqAgreed.field("status")).isEqualTo("PROPOSED");
        assertThat(owner(hqAgreed, "hqOwner")).containsEntry("agreedBy", world.executive.id().toString())
                .containsEntry("recordedOnBehalf", false).containsKey("agreedAt");
        assertThat(owner(hqAgreed, "japanOwner")).doesNotContainKey("agreedAt");
        assertProblem(tooEarly, 409, "status");
        assertThat(bothAgreed.field("status")).isEqualTo("AGREED");
        assertThat(owner(bothAgreed, "hqOwner")).containsEntry("agreedAt", owner(hqAgreed, "hqOwner").get("agreedAt"));
        assertThat(owner(bothAgreed, "japanOwner")).containsEntry("agreedBy", world.consultant.id().toString())
                .containsEntry("recordedOnBehalf", true).containsEntry("name", "佐藤 健").containsKey("agreedAt");
        assertThat(audit(id)).containsExactly("action.created", "action.agreement-recorded", "action.agreement-recorded",
                "action.agreed");
        assertThat(worlds.rows(world.id(), "SELECT detail FROM audit_event WHERE object_id = ?::uuid AND action = 'action.agreement-recorded'"
                + " ORDER BY occurred_at", id)).extracting(r -> r.get("detail")).containsExactly("HQ", "JAPAN");
    }

    @Test
    void oneSideCannotAgreeTwiceNorForAnActionThatIsNoLongerProposed() {
        String id = created(action(japanEmail()));
        agree(id, "HQ", executive);

        Api.Reply twice = agree(id, "HQ", consultant);
        agree(id, "JAPAN", consultant);
        Api.Reply afterAgreement = agree(id, "JAPAN", consultant);
        Api.Reply regional = agree(id, "REGIONAL", consultant);

        assertProblem(twice, 409, "side");
        assertProblem(afterAgreement, 409, "status");
        assertProblem(regional, 400, "side");
    }

    @Test
    void startedAndDoneRecordTheirDatesAndEveryIllegalTransitionIsAConflictNamingStatus() throws SQLException {
        String id = agreed(action(japanEmail()));

        Api.Reply doneBeforeStart = api.post(base() + "/" + id + "/done", null, consultant);
        Api.Reply started = api.post(base() + "/" + id + "/start", null, consultant);
        Api.Reply startedTwice = api.post(base() + "/" + id + "/start", null, consultant);
        Api.Reply done = api.post(base() + "/" + id + "/done", null, consultant);
        Api.Reply droppedAfterDone = api.post(base() + "/" + id + "/drop", Map.of("reason", "Too late"), consultant);
        Api.Reply editedAfterDone = api.put(base() + "/" + id, action(japanEmail()), consultant);

        assertProblem(doneBeforeStart, 409, "status");
        assertThat(started.field("status")).isEqualTo("IN_PROGRESS");
        assertThat(started.field("startedOn")).isEqualTo(today().toString());
        assertProblem(startedTwice, 409, "status");
        assertThat(done.field("status")).isEqualTo("DONE");
        assertThat(done.field("doneOn")).isEqualTo(today().toString());
        assertThat(done.map()).containsEntry("overdue", false);
        assertProblem(droppedAfterDone, 409, "status");
        assertProblem(editedAfterDone, 409, "status");
        assertThat(audit(id)).endsWith("action.agreed", "action.started", "action.done");
    }

    @Test
    void droppingNeedsAReasonWhichIsKeptAndEndsTheAction() throws SQLException {
        String id = created(action(japanEmail()));

        Api.Reply withoutReason = api.post(base() + "/" + id + "/drop", Map.of(), consultant);
        Api.Reply blankReason = api.post(base() + "/" + id + "/drop", Map.of("reason", "   "), consultant);
        Api.Reply dropped = api.post(base() + "/" + id + "/drop", Map.of("reason", "Japan leadership changed; replanned."), consultant);
        Api.Reply agreeAfterDrop = agree(id, "HQ", executive);
        Api.Reply dropAgain = api.post(base() + "/" + id + "/drop", Map.of("reason", "again"), consultant);

        assertProblem(withoutReason, 400, "reason");
        assertProblem(blankReason, 400, "reason");
        assertThat(dropped.field("status")).isEqualTo("DROPPED");
        assertThat(dropped.field("dropReason")).isEqualTo("Japan leadership changed; replanned.");
        assertThat(dropped.field("droppedOn")).isEqualTo(today().toString());
        assertProblem(agreeAfterDrop, 409, "status");
        assertProblem(dropAgain, 409, "status");
        assertThat(audit(id)).containsExactly("action.created", "action.dropped");
        assertThat(worlds.rows(world.id(), "SELECT detail FROM audit_event WHERE object_id = ?::uuid AND action = 'action.dropped'", id)
                .getFirst().get("detail")).isEqualTo("Japan leadership changed; replanned.");
    }

    @Test
    void newOwnersOrSignsAfterAgreementWithdrawTheAgreementsAndSaySoWhileOtherEditsKeepThem() throws SQLException {
        String id = agreed(action(japanEmail()));
        Map<String, Object> retitled = action((String) owner(api.get(base() + "/" + id, consultant), "japanOwner").get("email"));
        retitled.put("title", "Pre-brief Japan leadership two weeks ahead");

        Api.Reply kept = api.put(base() + "/" + id, retitled, consultant);
        Map<String, Object> moreSigns = new HashMap<>(retitled);
        moreSigns.put("signs", List.of("EXCLUSION", "CONSENSUS_PACE", "SILENT_DISSENT"));
        Api.Reply reset = api.put(base() + "/" + id, moreSigns, consultant);

        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.map()).containsEntry("agreementsReset", false);
        @SuppressWarnings("unchecked")
        Map<String, Object> keptAction = (Map<String, Object>) kept.map().get("action");
        assertThat(keptAction).containsEntry("status", "AGREED").containsEntry("title", "Pre-brief Japan leadership two weeks ahead");
        assertThat(reset.map()).containsEntry("agreementsReset", true);
        assertThat((String) reset.map().get("message")).contains("must agree again");
        Api.Reply after = api.get(base() + "/" + id, consultant);
        assertThat(after.field("status")).isEqualTo("PROPOSED");
        assertThat(owner(after, "hqOwner")).doesNotContainKey("agreedAt");
        assertThat(owner(after, "japanOwner")).doesNotContainKey("agreedAt");
        assertThat(audit(id)).endsWith("action.updated", "action.updated", "action.agreements-reset");
    }

    @Test
    void anActionInProgressKeepsItsOwnersSignsAndStart() {
        String id = agreed(action(japanEmail()));
        api.post(base() + "/" + id + "/start", null, consultant);
        Map<String, Object> newOwner = action(japanEmail());

        Api.Reply refused = api.put(base() + "/" + id, newOwner, consultant);

        assertProblem(refused, 409, "status");
    }

    // ---- who may do what ----

    @Test
    void executiveProposesCommentsAndAgreesOnlyForTheSideTheyOwn() throws SQLException {
        Api.Reply proposed = create(action(japanEmail()), otherExecutive);
        String id = proposed.field("id");

        Api.Reply notTheirSide = agree(id, "HQ", otherExecutive);
        Api.Reply namedSide = agree(id, "JAPAN", otherExecutive);
        Api.Reply ownSide = agree(id, "HQ", executive);
        Api.Reply comment = api.post(base() + "/" + id + "/comments", Map.of("text", "来週の経営会議で確認します。", "language", "ja"),
                otherExecutive);
        Api.Reply edit = api.put(base() + "/" + id, action(japanEmail()), executive);
        Api.Reply drop = api.post(base() + "/" + id + "/drop", Map.of("reason", "no"), executive);
        Api.Reply comments = api.get(base() + "/" + id + "/comments", executive);

        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        assertThat(proposed.headers().get("location")).endsWith("/actions/" + id);
        assertThat(proposed.field("createdBy")).isEqualTo(secondExecutive.id().toString());
        assertProblem(notTheirSide, 403, "side");
        assertProblem(namedSide, 403, "side");
        assertThat(ownSide.status()).as(ownSide.body()).isEqualTo(200);
        assertThat(comment.status()).as(comment.body()).isEqualTo(201);
        assertThat(edit.status()).isEqualTo(403);
        assertThat(drop.status()).isEqualTo(403);
        assertThat(audit(id)).contains("action.created", "action.agreement-recorded", "action.commented");
        assertThat(comments.list()).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("text", "来週の経営会議で確認します。").containsEntry("language", "ja")
                .containsEntry("authorId", secondExecutive.id().toString()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theEffectOfAnActionNotStartedYetIsTooEarlyForEveryTargetedSignAndSideAndABadBaselineIsRefused() {
        String id = created(action(japanEmail()));
        Api.Reply effect = api.get(base() + "/" + id + "/effect", executive);
        assertThat(effect.status()).as(effect.body()).isEqualTo(200);
        assertThat(effect.map().get("startedOn")).isEqualTo(today().plusDays(1).toString());
        assertThat(effect.map().get("beforeWaves")).isEqualTo(4);
        List<Map<String, Object>> estimates = (List<Map<String, Object>>) effect.map().get("effects");
        assertThat(estimates).extracting(e -> e.get("sign") + "/" + e.get("side"))
                .containsExactlyInAnyOrder("EXCLUSION/HQ", "EXCLUSION/JAPAN", "CONSENSUS_PACE/HQ", "CONSENSUS_PACE/JAPAN");
        assertThat(estimates).allSatisfy(e -> {
            assertThat(e.get("verdict")).isEqualTo("TOO_EARLY");
            assertThat(e.get("reason")).isEqualTo("FEW_WAVES_AFTER");
            assertThat((String) e.get("summaryJa")).isNotBlank();
        });

        assertProblem(api.get(base() + "/" + id + "/effect?beforeWaves=1", consultant), 400, "beforeWaves");
        assertThat(api.get(base() + "/" + UUID.randomUUID() + "/effect", consultant).status()).isEqualTo(404);
    }

    @Test
    void listIsOrderedByStatusThenDueDateMarksOverdueAndFilters() {
        Map<String, Object> late = action(japanEmail());
        late.put("startOn", "2026-01-05");
        late.put("dueOn", today().minusDays(1).toString());
        String lateId = created(late);
        Map<String, Object> soon = action(japanEmail());
        soon.put("dueOn", today().plusDays(10).toString());
        String soonId = created(soon);
        String agreedId = agreed(action(japanEmail()));

        List<Map<String, Object>> proposed = api.get(base() + "?status=PROPOSED&engagementId=" + world.engagementId, executive).list();
        List<Map<String, Object>> all = api.get(base(), executive).list();

        assertThat(proposed).extracting(a -> a.get("status")).containsOnly("PROPOSED");
        List<Object> ids = proposed.stream().map(a -> a.get("id")).toList();
        assertThat(ids.indexOf(lateId)).isLessThan(ids.indexOf(soonId));
        assertThat(proposed).filteredOn(a -> a.get("id").equals(lateId)).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("overdue", true));
        assertThat(proposed).filteredOn(a -> a.get("id").equals(soonId)).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("overdue", false));
        List<Object> statuses = all.stream().map(a -> a.get("status")).toList();
        assertThat(statuses.lastIndexOf("PROPOSED")).isLessThan(statuses.indexOf("AGREED"));
        assertThat(all).extracting(a -> a.get("id")).contains(agreedId);
    }

    // ---- from an alert ----

    @Test
    void creatingFromAnAlertLinksItAndAcknowledgesIt() throws SQLException {
        String alertId = alertFixtures.openAlert(world.id(), world.engagementId.toString(), world.wave().toString());
        Map<String, Object> body = action(japanEmail());
        body.put("alertId", alertId);

        Api.Reply created = create(body, consultant);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.field("alertId")).isEqualTo(alertId);
        Api.Reply alert = api.get("/api/v1/tenants/" + world.id() + "/alerts/" + alertId, consultant);
        assertThat(alert.field("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(alert.field("acknowledgedBy")).isEqualTo(world.consultant.id().toString());
        assertThat(worlds.rows(world.id(), "SELECT action FROM audit_event WHERE object_id = ?::uuid", alertId))
                .extracting(r -> r.get("action")).contains("alert.acknowledged");
    }

    @Test
    void anAlertAlreadyResolvedStaysResolvedAndAnUnknownOrForeignAlertIsRefused() throws SQLException {
        String alertId = alertFixtures.openAlert(world.id(), world.engagementId.toString(), world.wave().toString());
        api.post("/api/v1/tenants/" + world.id() + "/alerts/" + alertId + "/resolve", null, consultant);
        Map<String, Object> answering = action(japanEmail());
        answering.put("alertId", alertId);
        AlertWorld.World foreign = worlds.create("ForeignAlert", 3);
        String foreignAlert = alertFixtures.openAlert(foreign.id(), foreign.engagementId.toString(), foreign.wave().toString());
        Map<String, Object> unknown = action(japanEmail());
        unknown.put("alertId", UUID.randomUUID().toString());
        Map<String, Object> others = action(japanEmail());
        others.put("alertId", foreignAlert);

        Api.Reply linked = create(answering, consultant);
        Api.Reply unknownReply = create(unknown, consultant);
        Api.Reply foreignReply = create(others, consultant);

        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/tenants/" + world.id() + "/alerts/" + alertId, consultant).field("status")).isEqualTo("RESOLVED");
        assertProblem(unknownReply, 400, "alertId");
        assertProblem(foreignReply, 400, "alertId");
        assertThat(foreignReply.body()).doesNotContain(foreign.tenant.name());
        assertThat(worlds.rows(foreign.id(), "SELECT status FROM alert WHERE id = ?::uuid", foreignAlert).getFirst())
                .containsEntry("status", "OPEN");
    }

    // ---- bad input ----

    @Test
    void badInputIsRefusedNamingTheFieldAndCreatesNothing() throws SQLException {
        long before = worlds.rows(world.id(), "SELECT count(*) AS n FROM action").stream().mapToLong(r -> Long.parseLong(r.get("n"))).sum();
        Map<String, Map<String, Object>> cases = new java.util.LinkedHashMap<>();
        Map<String, Object> b;
        b = action(japanEmail()); b.put("signs", List.of()); cases.put("signs", b);
        b = action(japanEmail()); b.put("signs", List.of("BAD_VIBES")); cases.put("signs ", b);
        b = action(japanEmail()); b.put("dueOn", today().toString()); b.put("startOn", today().plusDays(3).toString()); cases.put("dueOn", b);
        b = action(japanEmail()); b.put("engagementId", UUID.randomUUID().toString()); cases.put("engagementId", b);
        b = action(japanEmail()); b.put("hqOwner", Map.of("userId", UUID.randomUUID().toString())); cases.put("hqOwner.userId", b);
        b = action(japanEmail()); b.put("hqOwner", Map.of("userId", world.executive.id().toString(), "name", "Both")); cases.put("hqOwner.userId ", b);
        b = action(japanEmail()); b.put("japanOwner", Map.of("name", "佐藤 健", "email", "not-an-email", "language", "ja")); cases.put("japanOwner.email", b);
        b = action(japanEmail()); b.put("japanOwner", Map.of("name", "佐藤 健", "email", japanEmail())); cases.put("japanOwner.language", b);
        b = action(japanEmail()); b.put("japanOwner", Map.of("userId", world.executive.id().toString())); cases.put("japanOwner", b);
        b = action(japanEmail()); b.put("japanOwner", Map.of("name", "Exec", "email", world.executive.email(), "language", "en")); cases.put("japanOwner ", b);
        b = action(japanEmail()); b.put("language", "fr"); cases.put("language", b);
        b = action(japanEmail()); b.remove("hqOwner"); cases.put("hqOwner", b);
        b = action(japanEmail()); b.put("title", " "); cases.put("title", b);

        for (var c : cases.entrySet()) {
            Api.Reply reply = create(c.getValue(), consultant);
            assertThat(reply.status()).as("%s: %s", c.getKey(), reply.body()).isEqualTo(400);
            assertThat(reply.body()).as(c.getKey()).contains("\"field\":\"" + c.getKey().strip() + "\"");
        }
        assertProblem(api.post(base() + "/" + created(action(japanEmail())) + "/comments", Map.of("text", " ", "language", "ja"), consultant),
                400, "text");
        assertProblem(api.get(base() + "?status=LATE", consultant), 400, "status");
        assertThat(api.get(base() + "/" + UUID.randomUUID(), consultant).status()).isEqualTo(404);
        long after = worlds.rows(world.id(), "SELECT count(*) AS n FROM action").stream().mapToLong(r -> Long.parseLong(r.get("n"))).sum();
        assertThat(after).isEqualTo(before + 1);
    }

    // ---- mail ----

    private List<MimeMessage> to(String address) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(address);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String text(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theProposalReachesBothOwnersEachInTheirLanguageAndNotTheConsultants() {
        String japan = japanEmail();
        Map<String, Object> body = action(japan);
        body.put("hqOwner", Map.of("name", "Anna Schmidt", "email", "anna-" + UUID.randomUUID() + "@northwind.example", "language", "en"));
        body.put("japanOwner", Map.of("userId", secondExecutive.id().toString()));
        body.put("hqOwner", Map.of("name", "Anna Schmidt", "email", "anna-" + UUID.randomUUID() + "@northwind.example", "language", "en"));
        String hq = (String) ((Map<?, ?>) body.get("hqOwner")).get("email");
        Map<String, Object> japaneseOwner = action(japan);
        created(body);
        created(japaneseOwner);
        int consultantMailsBefore = to(world.consultant.email()).size();

        mail.dispatchDue();

        MimeMessage english = to(hq).stream().filter(m -> subject(m).contains("action proposed")).findFirst().orElseThrow();
        assertThat(subject(english)).doesNotContain("ご提案");
        assertThat(text(english)).contains("An action has been proposed with you as one of its two owners",
                "Targets: Exclusion, Consensus pace", "HQ owner: Anna Schmidt").doesNotContain("担当者");
        MimeMessage japanese = to(japan).stream().filter(m -> subject(m).contains("施策のご提案")).findFirst().orElseThrow();
        assertThat(subject(japanese)).doesNotContain("action proposed");
        assertThat(text(japanese)).contains("あなたを担当者の一人とする施策が提案されました", "対象となる兆候：初期議論からの除外、合意形成のペース",
                "日本側担当者：佐藤 健").doesNotContain("An action has been proposed");
        MimeMessage bilingual = to(secondExecutive.email()).stream().filter(m -> subject(m).contains("action proposed")).findFirst()
                .orElseThrow();
        assertThat(subject(bilingual)).contains("施策のご提案");
        String both = text(bilingual);
        assertThat(both.indexOf("An action has been proposed")).isGreaterThanOrEqualTo(0)
                .isLessThan(both.indexOf("あなたを担当者の一人とする"));
        assertThat(to(world.consultant.email())).hasSize(consultantMailsBefore);
    }

    @Test
    void agreementAndCompletionAreMailedToTheOwnersAndTheEngagementsConsultants() throws SQLException {
        String japan = japanEmail();
        String id = agreed(action(japan));
        api.post(base() + "/" + id + "/start", null, consultant);
        api.post(base() + "/" + id + "/done", null, consultant);

        mail.dispatchDue();

        assertThat(to(japan)).extracting(ActionPlanTest::subject).anyMatch(s -> s.contains("施策合意のお知らせ"))
                .anyMatch(s -> s.contains("施策完了のお知らせ"));
        assertThat(worlds.rows(world.id(), """
                SELECT email, action_event, status FROM mail_outbox WHERE action_id = ?::uuid AND action_event IN ('AGREED', 'DONE')
                """, id)).extracting(r -> r.get("email") + " " + r.get("action_event") + " " + r.get("status"))
                .containsExactlyInAnyOrder(japan + " AGREED SENT", japan + " DONE SENT",
                        world.executive.email() + " AGREED SENT", world.executive.email() + " DONE SENT",
                        world.consultant.email() + " AGREED SENT", world.consultant.email() + " DONE SENT");
    }

    @Test
    void theOverdueNoticeIsMailedExactlyOnceEvenWhenTheTaskRunsTwice() throws SQLException {
        String japan = japanEmail();
        Map<String, Object> late = action(japan);
        late.put("startOn", "2026-01-05");
        late.put("dueOn", today().minusDays(2).toString());
        String id = agreed(late);

        overdueTask.run();
        overdueTask.run();
        mail.dispatchDue();
        overdueTask.run();
        mail.dispatchDue();

        assertThat(worlds.rows(world.id(), "SELECT email, status FROM mail_outbox WHERE action_id = ?::uuid AND action_event = 'OVERDUE'", id))
                .extracting(r -> r.get("email") + " " + r.get("status"))
                .containsExactlyInAnyOrder(japan + " SENT", world.executive.email() + " SENT", world.consultant.email() + " SENT");
        List<MimeMessage> japanese = to(japan).stream().filter(m -> subject(m).contains("期限超過")).toList();
        assertThat(japanese).singleElement().satisfies(m -> assertThat(text(m))
                .contains("本施策は期限（", "を過ぎましたが、まだ完了していません（現在の状態：合意済み・未着手）"));
        assertThat(to(world.executive.email()).stream().filter(m -> subject(m).contains("action overdue")
                && text(m).contains(id.substring(0, 0) + "Pre-brief"))).isNotEmpty();
        assertThat(audit(id).stream().filter("action.overdue"::equals)).hasSize(1);
    }

    @Test
    void overdueIsJudgedByTheApplicationClockAndANoticeForAnActionClosedMeanwhileIsCancelled() throws SQLException {
        String japan = japanEmail();
        Map<String, Object> body = action(japan);
        body.put("dueOn", today().plusDays(10).toString());
        String id = agreed(body);
        String closedJapan = japanEmail();
        Map<String, Object> closedBody = action(closedJapan);
        closedBody.put("dueOn", today().plusDays(10).toString());
        String closedMeanwhile = agreed(closedBody);

        overdueTask.run();
        List<Map<String, String>> beforeDue = worlds.rows(world.id(),
                "SELECT 1 FROM mail_outbox WHERE action_id IN (?::uuid, ?::uuid) AND action_event = 'OVERDUE'", id, closedMeanwhile);
        try {
            clock.set(java.time.Instant.now().plus(java.time.Duration.ofDays(11)));
            overdueTask.run();
            dropBehindTheApi(closedMeanwhile);
            mail.dispatchDue();
        } finally {
            clock.reset();
        }

        assertThat(beforeDue).isEmpty();
        assertThat(worlds.rows(world.id(), "SELECT status FROM mail_outbox WHERE action_id = ?::uuid AND action_event = 'OVERDUE'", id))
                .hasSize(3).allSatisfy(r -> assertThat(r).containsEntry("status", "SENT"));
        assertThat(worlds.rows(world.id(), "SELECT status, last_error FROM mail_outbox WHERE action_id = ?::uuid AND action_event = 'OVERDUE'",
                closedMeanwhile)).hasSize(3).allSatisfy(r -> assertThat(r).containsEntry("status", "CANCELLED")
                .containsEntry("last_error", "action dropped"));
        assertThat(to(closedJapan).stream().filter(m -> subject(m).contains("期限超過"))).isEmpty();
        assertThat(to(japan).stream().filter(m -> subject(m).contains("期限超過"))).hasSize(1);
    }

    /** Dropped between queueing and sending; in SQL because the tokens have expired on the clock moved ahead. */
    private void dropBehindTheApi(String id) throws SQLException {
        worlds.sql(world.id(), "UPDATE action SET status = 'DROPPED', drop_reason = 'Replanned', dropped_on = ? WHERE id = ?::uuid",
                today(), id);
    }

    @Test
    void ownersAgreeingAtTheSameMomentStillMakeTheActionAgreedExactlyOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = created(action(japanEmail()));
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
                var hq = pool.submit(() -> {
                    start.await();
                    return agree(id, "HQ", executive).status();
                });
                var japan = pool.submit(() -> {
                    start.await();
                    return agree(id, "JAPAN", consultant).status();
                });
                start.countDown();
                assertThat(hq.get()).isEqualTo(200);
                assertThat(japan.get()).isEqualTo(200);
            }

            assertThat(api.get(base() + "/" + id, consultant).field("status")).isEqualTo("AGREED");
            assertThat(audit(id).stream().filter("action.agreed"::equals)).hasSize(1);
        }
    }
}
