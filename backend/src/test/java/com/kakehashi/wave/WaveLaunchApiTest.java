package com.kakehashi.wave;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.identity.UserView;
import com.kakehashi.vocabulary.Level;
import com.kakehashi.participant.ParticipantDetails;
import com.kakehashi.participant.ParticipantService;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.schedule.ScheduleView;
import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.PulseFixtures;
import com.kakehashi.tenancy.TenantContext;
import com.kakehashi.tenant.TenantView;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Launching a wave by hand through the API: the preview counts who would be invited, and a second
 * open wave on one schedule needs a reason, which the audit log keeps.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
class WaveLaunchApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;
    @Inject
    PulseFixtures pulse;
    @Inject
    ParticipantService participants;

    Api api;
    TenantView tenant;
    String token;
    ScheduleView schedule;

    /** Three active people in Japan, two at HQ, and one deactivated Japan person who must not count. */
    @BeforeEach
    void tenantWithASchedule() {
        api = new Api(server.getURL(), json);
        tenant = fixtures.tenant("Launch");
        UserView user = fixtures.memberOf(tenant, Role.CONSULTANT);
        Caller consultant = new Caller(user.id(), user.email(), Role.CONSULTANT);
        token = api.login(user.email(), Fixtures.PASSWORD);
        UUID version = pulse.surveyReady(tenant.id(), consultant, 3, 2);
        TenantContext.runAs(tenant.id(), () -> {
            UUID gone = participants.create(consultant, new ParticipantDetails("left-" + UUID.randomUUID() + "@example.jp",
                    "退職 済", Side.JAPAN, Level.STAFF, "ja", null, null)).id();
            participants.deactivate(consultant, gone);
        });
        schedule = pulse.weeklySchedule(tenant.id(), consultant, version, LocalDate.now().plusDays(30), List.of());
    }

    private String schedulePath() {
        return "/api/v1/tenants/" + tenant.id() + "/schedules/" + schedule.id();
    }

    private Api.Reply launch(Object body) {
        return body == null
                ? api.send(HttpRequest.POST(schedulePath() + "/waves", ""), token)
                : api.post(schedulePath() + "/waves", body, token);
    }

    @Test
    void previewCountsTheActivePeopleOfTheAudiencePerSideAndNoOpenWave() {
        Api.Reply preview = api.get(schedulePath() + "/launch-preview", token);

        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.map().get("invitees")).isEqualTo(5);
        assertThat(preview.map().get("sides")).asList().containsExactlyInAnyOrder(
                Map.of("side", "JAPAN", "invitees", 3), Map.of("side", "HQ", "invitees", 2));
        assertThat(preview.map().get("openWave")).isNull();
        assertThat(preview.body()).doesNotContain("@example");
    }

    @Test
    void previewInvitesAsManyAsTheLaunchThenInvitesAndNamesTheWaveLeftOpen() {
        long promised = ((Number) api.get(schedulePath() + "/launch-preview", token).map().get("invitees")).longValue();

        Api.Reply first = launch(null);
        Api.Reply after = api.get(schedulePath() + "/launch-preview", token);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(Long.parseLong(first.field("invited"))).isEqualTo(promised);
        @SuppressWarnings("unchecked")
        Map<String, Object> open = (Map<String, Object>) after.map().get("openWave");
        assertThat(open).containsEntry("id", first.field("id")).containsEntry("closesAt", first.field("closesAt"));
    }

    @Test
    void secondLaunchWhileAWaveIsOpenIsRefusedWithA409NamingTheWaveAndItsCloseTime() {
        Api.Reply first = launch(null);

        Api.Reply bare = launch(null);
        Api.Reply emptyBody = launch(Map.of());

        assertThat(bare.status()).isEqualTo(409);
        assertThat(bare.contentType()).startsWith("application/problem+json");
        assertThat(bare.body()).contains(first.field("id"), first.field("closesAt"), "\"field\":\"reason\"");
        assertThat(emptyBody.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/tenants/" + tenant.id() + "/waves", token).list()).hasSize(1);
    }

    @Test
    void secondLaunchWithAReasonOpensASecondWaveAndTheAuditLogKeepsTheReason() {
        launch(null);
        String reason = "Town hall on the reorganisation moved to this week / 説明会が今週に変更";

        Api.Reply second = launch(Map.of("reason", "  " + reason + " "));

        assertThat(second.status()).as(second.body()).isEqualTo(201);
        assertThat(api.get("/api/v1/tenants/" + tenant.id() + "/waves", token).list()).hasSize(2);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> audit = (List<Map<String, Object>>) api.get("/api/v1/tenants/" + tenant.id() + "/audit", token)
                .map().get("items");
        assertThat(audit).filteredOn(e -> second.field("id").equals(e.get("objectId"))).singleElement()
                .satisfies(e -> {
                    assertThat(e.get("action")).isEqualTo("wave.launched");
                    assertThat(e.get("detail")).isEqualTo(reason);
                });
    }

    @Test
    void reasonThatIsBlankTooLongOrNotPlainTextIsRefusedAndNothingOpens() {
        launch(null);

        Api.Reply blank = launch(Map.of("reason", "   "));
        Api.Reply tooLong = launch(Map.of("reason", "x".repeat(501)));
        Api.Reply control = launch(Map.of("reason", "ok\u202Efdp.exe"));
        Api.Reply notText = launch(Map.of("reason", 42));

        for (Api.Reply reply : List.of(blank, tooLong, control, notText)) {
            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.body()).contains("reason");
        }
        assertThat(api.get("/api/v1/tenants/" + tenant.id() + "/waves", token).list()).hasSize(1);
    }

    @Test
    void reasonOfExactlyFiveHundredCharactersIsAccepted() {
        launch(null);

        Api.Reply reply = launch(Map.of("reason", "理".repeat(500)));

        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    @Test
    void closingTheOpenWaveLetsTheNextLaunchGoWithoutAReason() {
        Api.Reply first = launch(null);
        api.post("/api/v1/tenants/" + tenant.id() + "/waves/" + first.field("id") + "/close", "", token);

        Api.Reply preview = api.get(schedulePath() + "/launch-preview", token);
        Api.Reply second = launch(null);

        assertThat(preview.map().get("openWave")).isNull();
        assertThat(second.status()).as(second.body()).isEqualTo(201);
    }
}
