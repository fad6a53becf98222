package com.kakehashi.respond;

import com.kakehashi.invitation.InvitationTokens;
import com.kakehashi.engagement.EngagementDetails;
import com.kakehashi.engagement.EngagementService;
import com.kakehashi.engagement.EngagementStatus;
import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.vocabulary.Level;
import com.kakehashi.participant.ParticipantDetails;
import com.kakehashi.participant.ParticipantService;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.support.Fixtures;
import com.kakehashi.survey.InstrumentItemView;
import com.kakehashi.survey.InstrumentService;
import com.kakehashi.survey.InstrumentVersionView;
import com.kakehashi.survey.InstrumentView;
import com.kakehashi.survey.NewInstrument;
import com.kakehashi.tenancy.TenantContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The respondent page against real PostgreSQL through real HTTP. Tenant, people, engagement and
 * instrument come from the services; schedule, wave, invitation and token rows are written with
 * plain SQL as the app role (the wave feature is built alongside).
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "micronaut.server.port", value = "-1")
@Property(name = "endpoints.all.port", value = "-1")
@Property(name = "kakehashi.respond.requests-per-minute", value = "100000")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RespondentPageTest {

    private static final String APP_ROLE = "kakehashi_app";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    ParticipantService participants;
    @Inject
    EngagementService engagements;
    @Inject
    InstrumentService instruments;

    @Value("${datasources.default.url}")
    String databaseUrl;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    UUID tenant;
    Caller caller;
    UUID scheduleId;
    InstrumentVersionView version;

    record Link(String token, UUID invitationId, UUID participantId, UUID waveId) {
    }

    @BeforeAll
    void tenantWithEngagementScheduleAndPublishedInstrument() throws SQLException {
        tenant = fixtures.tenant("Respond").id();
        UserView operator = fixtures.operator();
        caller = new Caller(operator.id(), operator.email(), Role.OPERATOR);
        UUID engagementId = TenantContext.callAs(tenant, () -> engagements.create(caller, new EngagementDetails(
                "Go-to-market 2026", null, LocalDate.of(2026, 1, 1), null, EngagementStatus.ACTIVE, null))).id();
        version = TenantContext.callAs(tenant, () -> {
            InstrumentView created = instruments.create(caller, new NewInstrument("Pulse", true));
            UUID draft = created.versions().getFirst().id();
            instruments.publish(caller, created.id(), draft);
            return instruments.publishedVersion(draft).orElseThrow();
        });
        scheduleId = UUID.randomUUID();
        sql("""
                INSERT INTO pulse_schedule (tenant_id, id, engagement_id, instrument_version_id, name, cadence,
                                            japan_send_time, hq_send_time, days_open, start_date,
                                            survey_title_en, survey_title_ja)
                VALUES (?, ?, ?, ?, 'Fortnightly pulse', 'BIWEEKLY', ?, ?, 7, ?, 'Team pulse', 'チームの声')
                """, tenant, scheduleId, engagementId, version.id(), LocalTime.of(9, 0), LocalTime.of(9, 0),
                LocalDate.of(2026, 1, 1));
    }

    // ---- rendering ----

    @Test
    void japanInvitationShowsTheJapanWordingInJapanese() throws Exception {
        Link link = invite(Side.JAPAN, "ja", "OPEN", Instant.now().plus(Duration.ofDays(5)));

        HttpResponse<String> page = get("/s/" + link.token());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        String html = page.body();
        assertThat(html).contains("<html lang=\"ja\"");
        assertThat(html).contains("本社の戦略の議論に、意思決定の前の段階から参加できている。")   // Japan wording, ja
                .contains("会議では本社の決定に同意しながらも")                                // Japan-only item
                .contains("全くそう思わない", "どちらともいえない", "強くそう思う")
                .contains("回答期間", "（JST）まで")
                .doesNotContain("本社は、意思決定の前の段階から日本法人を戦略の議論に加えている。") // HQ wording
                .doesNotContain("Strongly disagree");
        assertThat(count(html, "<fieldset")).isEqualTo(itemsFor(Side.JAPAN).size());
        assertThat(count(html, "<legend")).isEqualTo(itemsFor(Side.JAPAN).size());
        for (InstrumentItemView item : itemsFor(Side.JAPAN)) {
            for (int v = 1; v <= 5; v++) {
                assertThat(html).contains("id=\"" + item.code() + "-" + v + "\"").contains("for=\"" + item.code() + "-" + v + "\"");
            }
        }
        assertThat(html).contains("href=\"?lang=en\"").doesNotContain("<script");
    }

    @Test
    void hqInvitationShowsTheHqWordingInEnglish() throws Exception {
        Link link = invite(Side.HQ, "en", "OPEN", Instant.now().plus(Duration.ofDays(5)));

        String html = get("/s/" + link.token()).body();

        assertThat(html).contains("<html lang=\"en\"")
                .contains("We involve Japan in strategic discussions before decisions are made.")
                .contains("Strongly disagree", "Neither agree nor disagree", "Open until")
                .doesNotContain("In meetings I sometimes go along")   // Japan-only item
                .doesNotContain("We take part in HQ")                 // Japan wording
                .contains("href=\"?lang=ja\"");
        assertThat(count(html, "<fieldset")).isEqualTo(itemsFor(Side.HQ).size());
    }

    @Test
    void regionalStaffGetTheHqWording() throws Exception {
        Link link = invite(Side.REGIONAL, "en", "OPEN", Instant.now().plus(Duration.ofDays(5)));

        String html = get("/s/" + link.token()).body();

        assertThat(html).contains("We involve Japan in strategic discussions before decisions are made.")
                .doesNotContain("In meetings I sometimes go along");
    }

    @Test
    void languageSwitchShowsTheSameSideInTheOtherLanguage() throws Exception {
        Link link = invite(Side.JAPAN, "ja", "OPEN", Instant.now().plus(Duration.ofDays(5)));

        String english = get("/s/" + link.token() + "?lang=en").body();
        String backToJapanese = get("/s/" + link.token() + "?lang=ja").body();

        assertThat(english).contains("<html lang=\"en\"")
                .contains("In meetings I sometimes go along with HQ decisions while having serious doubts.")
                .contains("Strongly agree")
                .contains("href=\"?lang=ja\"")
                .contains("name=\"lang\" value=\"en\"");
        assertThat(backToJapanese).contains("<html lang=\"ja\"").contains("会議では本社の決定に同意しながらも");
    }

    @Test
    void openingTheLinkChangesNothingInTheDatabase() throws Exception {
        Link link = invite(Side.JAPAN, "ja", "OPEN", Instant.now().plus(Duration.ofDays(5)));
        List<String> before = databaseState(link);

        for (String query : List.of("", "?lang=en", "?lang=ja")) {
            assertThat(get("/s/" + link.token() + query).statusCode()).isEqualTo(200);
        }

        assertThat(databaseState(link)).isEqualTo(before);
    }

    @Test
    void everyRespondentResponseCarriesTheSecurityHeaders() throws Exception {
        Link link = invite(Side.JAPAN, "ja", "OPEN", Instant.now().plus(Duration.ofDays(5)));
        List<HttpResponse<String>> responses = List.of(
                get("/s/" + link.token()),
                get("/s/" + unknownToken()),
                post("/s/" + link.token(), Map.of("lang", "ja")),
                get("/s/assets/respond.css"));

        for (HttpResponse<String> response : responses) {
            var headers = response.headers();
            assertThat(headers.firstValue("Referrer-Policy")).as(response.uri().toString()).contains("same-origin");
            assertThat(headers.firstValue("Cache-Control")).contains("no-store");
            assertThat(headers.firstValue("X-Content-Type-Options")).contains("nosniff");
            String csp = headers.firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).contains("default-src 'none'", "style-src 'self'", "form-action 'self'",
                    "frame-ancestors 'none'", "base-uri 'none'").doesNotContain("unsafe");
        }
        HttpResponse<String> css = responses.getLast();
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
    }

    // ---- submitting ----

    @Test
    void submittingStoresOneResponseThatCannotBeJoinedBackToTheParticipant() throws Exception {
        Link link = invite(Side.JAPAN, "ja", "OPEN", Instant.now().plus(Duration.ofDays(5)));
        Map<String, String> form = completeForm(Side.JAPAN);
        form.put("comment", "根回しの時間が足りません。\r\n来期の計画で改善を希望します。");
        form.put("unexpected", "ignored");

        HttpResponse<String> reply = post("/s/" + link.token(), form);

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).contains("ご回答ありがとうございました");
        assertThat(columns("response")).containsExactlyInAnyOrder("tenant_id", "id", "wave_id", "side", "level",
                "language", "delay_bucket", "comment");
        assertThat(columns("response_answer")).containsExactlyInAnyOrder("tenant_id", "response_id", "item_code", "value");
        List<Map<String, String>> rows = rows("SELECT * FROM response WHERE wave_id = ?", link.waveId());
        assertThat(rows).hasSize(1);
        Map<String, String> response = rows.getFirst();
        assertThat(response.values()).doesNotContain(link.invitationId().toString(), link.participantId().toString());
        assertThat(response).containsEntry("side", "JAPAN").containsEntry("level", "STAFF")
                .containsEntry("language", "ja").containsEntry("delay_bucket", "UNDER_1H")
                .containsEntry("comment", "根回しの時間が足りません。\n来期の計画で改善を希望します。");
        Map<String, String> stored = rows("SELECT item_code, value FROM response_answer WHERE response_id = ?::uuid",
                response.get("id")).stream().collect(Collectors.toMap(r -> r.get("item_code"), r -> r.get("value")));
        Map<String, String> expected = new HashMap<>(form);
        expected.keySet().removeIf(k -> !k.startsWith("q_"));
        assertThat(stored).isEqualTo(expected.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().substring(2), Map.Entry::getValue)));
        assertThat(rows("SELECT responded FROM invitation WHERE id = ?", link.invitationId()).getFirst())
                .containsEntry("responded", "t");
    }

    @Test
    void secondSubmissionIsAnsweredAlreadyReceivedAndCountsNothing() throws Exception {
        Link link = invite(Side.HQ, "en", "OPEN", Instant.now().plus(Duration.ofDays(5)));
        assertThat(post("/s/" + link.token(), completeForm(Side.HQ)).statusCode()).isEqualTo(200);

        HttpResponse<String> again = post("/s/" + link.token(), completeForm(Side.HQ));
        HttpResponse<String> visit = get("/s/" + link.token());

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("We have already received your answers");
        assertThat(visit.body()).contains("We have already received your answers").doesNotContain("<form");
        assertThat(responseCount(link.waveId())).isEqualTo(1);
    }

    @Test
    void delayIsStoredOnlyAsACoarseBucket() throws Exception {
        Link link = invite(Side.HQ, "en", "OPEN", Instant.now().plus(Duration.ofDays(5)),
                Instant.now().minus(Duration.ofHours(30)));

        post("/s/" + link.token(), completeForm(Side.HQ));

        assertThat(rows("SELECT delay_bucket FROM response WHERE wave_id = ?", link.waveId()).getFirst())
                .containsEntry("delay_bucket", "UNDER_3D");
    }

    static final String MISSING = "missing";

    @ParameterizedTest(name = "answer {0}")
    @ValueSource(strings = {MISSING, "", "0", "6", "abc", "3.5", "-1"})
    void badAnswerGetsAMessageAtItsItemAndKeepsTheOtherAnswers(String bad) throws Exception {
        Link link = invite(Side.JAPAN, "ja", "OPEN", Instant.now().plus(Duration.ofDays(5)));
        List<InstrumentItemView> items = itemsFor(Side.JAPAN);
        String badCode = items.get(3).code();
        Map<String, String> form = completeForm(Side.JAPAN);
        if (bad.equals(MISSING)) {
            form.remove("q_" + badCode);
        } else {
            form.put("q_" + badCode, bad);
        }
        form.put("comment", "そのまま残るコメント");

        HttpResponse<String> reply = post("/s/" + link.token(), form);

        assertThat(reply.statusCode()).isEqualTo(422);
        String html = reply.body();
        String expectedMessage = bad.equals(MISSING) || bad.isEmpty() ? "この項目の回答を選んでください。"
                : "選択肢にない回答です。1〜5の中からお選びください。";
        assertThat(errorAt(html, badCode)).isEqualTo(expectedMessage);
        assertThat(html).contains("入力内容をご確認ください").contains("href=\"#q-" + badCode + "\"");
        assertThat(count(html, "class=\"field-error\"")).isEqualTo(1);
        assertOtherAnswersKept(html, form, badCode);
        assertThat(html).contains(">そのまま残るコメント</textarea>");
        assertThat(responseCount(link.waveId())).isZero();
        assertThat(rows("SELECT responded FROM invitation WHERE id = ?", link.invitationId()).getFirst())
                .containsEntry("responded", "f");
    }

    @Test
    void tooLongCommentGetsAMessageAndKeepsEveryAnswer() throws Exception {
        Link link = invite(Side.HQ, "en", "OPEN", Instant.now().plus(Duration.ofDays(5)));
        Map<String, String> form = completeForm(Side.HQ);
        form.put("comment", "あ".repeat(2001));

        HttpResponse<String> reply = post("/s/" + link.token(), form);

        assertThat(reply.statusCode()).isEqualTo(422);
        assertThat(reply.body()).contains("Please shorten your comment to 2,000 characters or fewer (it has 2001).")
                .contains("id=\"comment-error\"").contains("href=\"#comment\"");
        assertOtherAnswersKept(reply.body(), form, null);
        assertThat(responseCount(link.waveId())).isZero();
    }

    @Test
    void commentOfExactly2000CharactersIsAccepted() throws Exception {
        Link link = invite(Side.HQ, "en", "OPEN", Instant.now().plus(Duration.ofDays(5)));
        Map<String, String> form = completeForm(Side.HQ);
        form.put("comment", "line\r\n" + "x".repeat(1995));

        assertThat(post("/s/" + link.token(), form).statusCode()).isEqualTo(200);
        assertThat(responseCount(link.waveId())).isEqualTo(1);
    }

    @Test
    void severalBadAnswersEachGetTheirMessageInThePageLanguage() throws Exception {
        Link link = invite(Side.JAPAN, "ja", "OPEN", Instant.now().plus(Duration.ofDays(5)));
        List<InstrumentItemView> items = itemsFor(Side.JAPAN);
        Map<String, String> form = completeForm(Side.JAPAN);
        form.remove("q_" + items.get(0).code());
        form.put("q_" + items.get(5).code(), "9");
        form.put("lang", "en");

        HttpResponse<String> reply = post("/s/" + link.token(), form);

        assertThat(reply.body()).contains("<html lang=\"en\"");
        assertThat(errorAt(reply.body(), items.get(0).code())).isEqualTo("Please choose an answer for this statement.");
        assertThat(errorAt(reply.body(), items.get(5).code()))
                .isEqualTo("This answer is not one of the five options. Please choose one from 1 to 5.");
        assertThat(count(reply.body(), "class=\"field-error\"")).isEqualTo(2);
    }

    @Test
    void fiftyConcurrentSubmissionsOfOneTokenStoreExactlyOneResponse() throws Exception {
        Link link = invite(Side.JAPAN, "ja", "OPEN", Instant.now().plus(Duration.ofDays(5)));
        Map<String, String> form = completeForm(Side.JAPAN);
        List<Future<HttpResponse<String>>> replies = new ArrayList<>();

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                replies.add(threads.submit(() -> post("/s/" + link.token(), form)));
            }
        }

        int thanks = 0;
        int already = 0;
        for (Future<HttpResponse<String>> reply : replies) {
            HttpResponse<String> response = reply.get();
            assertThat(response.statusCode()).isEqualTo(200);
            if (response.body().contains("ご回答ありがとうございました")) {
                thanks++;
            } else if (response.body().contains("回答はすでに受け付けています")) {
                already++;
            }
        }
        assertThat(thanks).isEqualTo(1);
        assertThat(already).isEqualTo(49);
        assertThat(responseCount(link.waveId())).isEqualTo(1);
        assertThat(rows("SELECT count(*) AS n FROM response_answer a JOIN response r ON r.id = a.response_id WHERE r.wave_id = ?",
                link.waveId()).getFirst()).containsEntry("n", String.valueOf(itemsFor(Side.JAPAN).size()));
    }

    // ---- unavailable ----

    @Test
    void unknownClosedAndExpiredTokensGetTheSameStatusAndIdenticalPage() throws Exception {
        Link closed = invite(Side.JAPAN, "ja", "CLOSED", Instant.now().plus(Duration.ofDays(5)));
        Link pastClosingTime = invite(Side.HQ, "en", "OPEN", Instant.now().minus(Duration.ofMinutes(1)));
        Link expiredToken = invite(Side.HQ, "en", "OPEN", Instant.now().plus(Duration.ofDays(5)));
        sql("UPDATE invitation_token SET expires_at = now() - interval '1 minute' WHERE token_hash = ?",
                InvitationTokens.hash(expiredToken.token()));

        HttpResponse<String> unknown = get("/s/" + unknownToken());
        List<HttpResponse<String>> others = List.of(get("/s/" + closed.token()), get("/s/" + pastClosingTime.token()),
                get("/s/" + expiredToken.token()), get("/s/" + "x".repeat(1000)),
                post("/s/" + closed.token(), completeForm(Side.JAPAN)), post("/s/" + unknownToken(), completeForm(Side.JAPAN)));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("このアンケートは現在ご利用いただけません", "This survey is not available");
        for (HttpResponse<String> other : others) {
            assertThat(other.statusCode()).as(other.uri().toString()).isEqualTo(404);
            assertThat(other.body()).isEqualTo(unknown.body());
            assertThat(other.headers().firstValue("Content-Type")).isEqualTo(unknown.headers().firstValue("Content-Type"));
        }
        assertThat(responseCount(closed.waveId())).isZero();
    }


    // ---- title and deadline ----

    @Test
    void pageShowsTheScheduleSurveyTitleInThePageLanguageAndNeverTheEngagementName() throws Exception {
        Link link = invite(Side.JAPAN, "ja", "OPEN", Instant.now().plus(Duration.ofDays(5)));

        String japanese = get("/s/" + link.token()).body();
        String english = get("/s/" + link.token() + "?lang=en").body();

        assertThat(japanese).contains("<h1>チームの声</h1>", "<title>チームの声</title>").doesNotContain("Go-to-market");
        assertThat(english).contains("<h1>Team pulse</h1>", "<title>Team pulse</title>").doesNotContain("Go-to-market");
    }

    @Test
    void deadlineIsShownToTheMinuteInTheRespondentsZoneWithItsShortName() throws Exception {
        Instant closes = Instant.now().plus(Duration.ofDays(5)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Link japan = invite(Side.JAPAN, "ja", "OPEN", closes);
        Link hq = invite(Side.HQ, "en", "OPEN", closes);

        var tokyo = closes.atZone(java.time.ZoneId.of("Asia/Tokyo"));
        var berlin = closes.atZone(java.time.ZoneId.of("Europe/Berlin"));
        String berlinZone = berlin.getZone().getRules().isDaylightSavings(closes) ? "CEST" : "CET";
        assertThat(get("/s/" + japan.token()).body()).contains("%d月%d日 %d:%02d（JST）まで".formatted(
                tokyo.getMonthValue(), tokyo.getDayOfMonth(), tokyo.getHour(), tokyo.getMinute()));
        assertThat(get("/s/" + hq.token()).body()).contains("%d %s, %02d:%02d %s".formatted(berlin.getDayOfMonth(),
                berlin.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH),
                berlin.getHour(), berlin.getMinute(), berlinZone));
    }

    // ---- where a post may come from ----

    @Test
    void formPostWithOriginNullOnALocalHostIsAccepted() throws Exception {
        Link link = invite(Side.HQ, "en", "OPEN", Instant.now().plus(Duration.ofDays(5)));

        HttpResponse<String> reply = post("/s/" + link.token(), completeForm(Side.HQ), "Origin", "null");

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).contains("Thank you for your answers");
        assertThat(responseCount(link.waveId())).isEqualTo(1);
    }

    @Test
    void formPostFromThisServersOwnOriginIsAccepted() throws Exception {
        Link link = invite(Side.HQ, "en", "OPEN", Instant.now().plus(Duration.ofDays(5)));
        String own = "http://localhost:" + server.getPort();

        HttpResponse<String> reply = post("/s/" + link.token(), completeForm(Side.HQ),
                "Origin", own, "Sec-Fetch-Site", "same-origin");

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(responseCount(link.waveId())).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @org.junit.jupiter.params.provider.CsvSource({
            "Origin, https://attacker.example",
            "Origin, http://localhost:1",
            "Sec-Fetch-Site, cross-site"})
    void formPostThatSaysItComesFromAnotherSiteIsRefusedAndStoresNothing(String header, String value) throws Exception {
        Link link = invite(Side.JAPAN, "ja", "OPEN", Instant.now().plus(Duration.ofDays(5)));
        List<String> before = databaseState(link);

        HttpResponse<String> reply = post("/s/" + link.token(), completeForm(Side.JAPAN), header, value);

        assertThat(reply.statusCode()).isEqualTo(403);
        assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(reply.headers().firstValue("Referrer-Policy")).contains("same-origin");
        assertThat(reply.body()).contains("回答を受け付けられませんでした", "Your answers could not be accepted")
                .doesNotContain(link.token());
        assertThat(databaseState(link)).isEqualTo(before);
    }

    @Test
    void consoleApiKeepsMicronautsGuardAgainstDriveByLocalhostPosts() throws Exception {
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(server.getURI().resolve("/login"))
                        .header("Content-Type", "application/json").header("Origin", "null")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"a@b.example\",\"password\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertThat(reply.statusCode()).isEqualTo(403);
    }

    // ---- bad input ----

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource({
            "NUL, 'before\u0000after'",
            "right-to-left override, 'before\u202Eafter'",
            "left-to-right isolate, 'before\u2066after'",
            "C1 control, 'before\u0085after'",
            "escape, 'before\u001Bafter'"})
    void commentWithControlOrDirectionCharactersIsRefusedCleanedAndKeepsTheAnswers(String what, String comment) throws Exception {
        Link link = invite(Side.HQ, "en", "OPEN", Instant.now().plus(Duration.ofDays(5)));
        Map<String, String> form = completeForm(Side.HQ);
        form.put("comment", comment);

        HttpResponse<String> reply = post("/s/" + link.token(), form);

        assertThat(reply.statusCode()).isEqualTo(422);
        assertThat(reply.body()).contains("invisible control or text-direction characters")
                .contains(">beforeafter</textarea>").contains("href=\"#comment\"");
        assertOtherAnswersKept(reply.body(), form, null);
        assertThat(responseCount(link.waveId())).isZero();
    }

    @Test
    void commentWithALoneSurrogateIsRefusedInThePageLanguage() throws Exception {
        Link link = invite(Side.JAPAN, "ja", "OPEN", Instant.now().plus(Duration.ofDays(5)));
        Map<String, String> form = completeForm(Side.JAPAN);
        // The UTF-8 bytes of U+D800 (not valid UTF-8): what a client sends for a lone surrogate.
        String body = encoded(form) + "&comment=a%ED%A0%80b";

        HttpResponse<String> reply = postRaw("/s/" + link.token(), body);

        assertThat(reply.statusCode()).isEqualTo(422);
        assertThat(reply.body()).contains("表示されない制御文字");
        assertOtherAnswersKept(reply.body(), form, null);
        assertThat(responseCount(link.waveId())).isZero();
    }

    @Test
    void tabsAndLineBreaksInACommentAreKept() throws Exception {
        Link link = invite(Side.HQ, "en", "OPEN", Instant.now().plus(Duration.ofDays(5)));
        Map<String, String> form = completeForm(Side.HQ);
        form.put("comment", "one\ttwo\r\nthree");

        assertThat(post("/s/" + link.token(), form).statusCode()).isEqualTo(200);
        assertThat(rows("SELECT comment FROM response WHERE wave_id = ?", link.waveId()).getFirst())
                .containsEntry("comment", "one\ttwo\nthree");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a=%zz", "comment=%", "lang=ja&comment=%G1", "%zz"})
    void malformedFormBodyAnswers400WithAPageEvenForAnUnknownToken(String body) throws Exception {
        Link link = invite(Side.HQ, "en", "OPEN", Instant.now().plus(Duration.ofDays(5)));
        List<String> before = databaseState(link);

        for (String token : List.of(unknownToken(), link.token())) {
            HttpResponse<String> reply = postRaw("/s/" + token, body);

            assertThat(reply.statusCode()).as(body).isEqualTo(400);
            assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(reply.body()).contains("送信内容を読み取れませんでした", "Your answers could not be read")
                    .doesNotContain("Exception");
        }
        assertThat(databaseState(link)).isEqualTo(before);
    }

    // ---- helpers ----

    private List<InstrumentItemView> itemsFor(Side side) {
        return version.items().stream()
                .filter(i -> side == Side.JAPAN ? i.audience().asksJapan() : i.audience().asksHq())
                .toList();
    }

    /** Every shown item answered, values cycling 1..5. */
    private Map<String, String> completeForm(Side side) {
        Map<String, String> form = new LinkedHashMap<>();
        List<InstrumentItemView> items = itemsFor(side);
        for (int i = 0; i < items.size(); i++) {
            form.put("q_" + items.get(i).code(), String.valueOf(i % 5 + 1));
        }
        return form;
    }

    private static void assertOtherAnswersKept(String html, Map<String, String> form, String badCode) {
        for (Map.Entry<String, String> answer : form.entrySet()) {
            if (!answer.getKey().startsWith("q_")) {
                continue;
            }
            String code = answer.getKey().substring(2);
            for (int v = 1; v <= 5; v++) {
                boolean shouldBeChecked = !code.equals(badCode) && answer.getValue().equals(String.valueOf(v));
                assertThat(isChecked(html, code + "-" + v)).as("%s-%d checked", code, v).isEqualTo(shouldBeChecked);
            }
        }
    }

    private static boolean isChecked(String html, String id) {
        var matcher = Pattern.compile("<input[^>]*id=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        assertThat(matcher.find()).as("radio %s present", id).isTrue();
        return matcher.group().contains("checked");
    }

    private static String errorAt(String html, String code) {
        var matcher = Pattern.compile("<fieldset[^>]*id=\"q-" + Pattern.quote(code)
                + "\"[^>]*aria-describedby=\"err-" + Pattern.quote(code) + "\"[^>]*>.*?<p class=\"field-error\" id=\"err-"
                + Pattern.quote(code) + "\">([^<]*)</p>", Pattern.DOTALL).matcher(html);
        assertThat(matcher.find()).as("error message inside the fieldset of %s", code).isTrue();
        return matcher.group(1);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    private static String unknownToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private Link invite(Side side, String language, String waveStatus, Instant closesAt) throws SQLException {
        return invite(side, language, waveStatus, closesAt, Instant.now().minus(Duration.ofMinutes(5)));
    }

    /** A participant (through the service), a wave of its own, an invitation and a minted token. */
    private Link invite(Side side, String language, String waveStatus, Instant closesAt, Instant sendAt) throws SQLException {
        UUID participantId = TenantContext.callAs(tenant, () -> participants.create(caller, new ParticipantDetails(
                "p-" + UUID.randomUUID() + "@respond.example", "回答 太郎", side, Level.STAFF, language, null, null))).id();
        UUID waveId = UUID.randomUUID();
        UUID invitationId = UUID.randomUUID();
        Instant opensAt = sendAt.minus(Duration.ofMinutes(1));
        sql("""
                INSERT INTO wave (tenant_id, id, schedule_id, instrument_version_id, occurrence_date, kind, status, opens_at, closes_at)
                VALUES (?, ?, ?, ?, ?, 'MANUAL', ?, ?, ?)
                """, tenant, waveId, scheduleId, version.id(), LocalDate.now(), waveStatus, Timestamp.from(opensAt),
                Timestamp.from(closesAt.isBefore(opensAt) ? opensAt : closesAt));
        sql("""
                INSERT INTO invitation (tenant_id, id, wave_id, participant_id, side, level, language, time_zone, send_at)
                VALUES (?, ?, ?, ?, ?, 'STAFF', ?, ?, ?)
                """, tenant, invitationId, waveId, participantId, side.name(), language,
                side == Side.JAPAN ? "Asia/Tokyo" : "Europe/Berlin", Timestamp.from(sendAt));
        String token = unknownToken();
        sql("INSERT INTO invitation_token (token_hash, tenant_id, invitation_id, expires_at) VALUES (?, ?, ?, ?)",
                InvitationTokens.hash(token), tenant, invitationId, Timestamp.from(closesAt.plus(Duration.ofDays(1))));
        return new Link(token, invitationId, participantId, waveId);
    }

    private List<String> databaseState(Link link) throws SQLException {
        List<String> state = new ArrayList<>();
        rows("SELECT * FROM invitation WHERE wave_id = ? ORDER BY id", link.waveId()).forEach(r -> state.add(r.toString()));
        rows("SELECT * FROM invitation_token WHERE invitation_id = ?", link.invitationId()).forEach(r -> state.add(r.toString()));
        rows("SELECT * FROM wave WHERE id = ?", link.waveId()).forEach(r -> state.add(r.toString()));
        rows("SELECT count(*) AS responses FROM response").forEach(r -> state.add(r.toString()));
        rows("SELECT count(*) AS answers FROM response_answer").forEach(r -> state.add(r.toString()));
        rows("SELECT count(*) AS invitations, count(*) FILTER (WHERE responded) AS responded FROM invitation")
                .forEach(r -> state.add(r.toString()));
        return state;
    }

    private long responseCount(UUID waveId) throws SQLException {
        return Long.parseLong(rows("SELECT count(*) AS n FROM response WHERE wave_id = ?", waveId).getFirst().get("n"));
    }

    private List<String> columns(String table) throws SQLException {
        return rows("SELECT column_name FROM information_schema.columns WHERE table_name = ? AND table_schema = current_schema()",
                table).stream().map(r -> r.get("column_name")).toList();
    }

    private Connection connection() throws SQLException {
        Connection connection = DriverManager.getConnection(databaseUrl, APP_ROLE, APP_ROLE);
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
            statement.setString(1, tenant.toString());
            statement.execute();
        }
        return connection;
    }

    private void sql(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            statement.executeUpdate();
        }
    }

    private List<Map<String, String>> rows(String sql, Object... parameters) throws SQLException {
        try (Connection connection = connection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            List<Map<String, String>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                        row.put(rs.getMetaData().getColumnName(c), rs.getString(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.getURI().resolve(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** @param headers extra request headers, name and value in turn */
    private HttpResponse<String> post(String path, Map<String, String> form, String... headers)
            throws IOException, InterruptedException {
        return postRaw(path, encoded(form), headers);
    }

    private static String encoded(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> postRaw(String path, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

}
