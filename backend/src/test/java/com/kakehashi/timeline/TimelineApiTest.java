package com.kakehashi.timeline;

import com.kakehashi.identity.Role;
import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.kakehashi.tenant.TenantView;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(environments = "test", transactional = false)
class TimelineApiTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;

    Api api;
    TenantView tenant;
    String consultant;
    String executive;
    String engagementId;

    @BeforeEach
    void anEngagementThatStartedInMarch() {
        api = new Api(server.getURL(), json);
        tenant = fixtures.tenant("Timeline");
        consultant = api.login(fixtures.memberOf(tenant, Role.CONSULTANT).email(), Fixtures.PASSWORD);
        executive = api.login(fixtures.memberOf(tenant, Role.EXECUTIVE).email(), Fixtures.PASSWORD);
        engagementId = api.post("/api/v1/tenants/" + tenant.id() + "/engagements",
                Map.of("name", "Alignment", "startDate", "2026-03-02", "status", "ACTIVE"), consultant).field("id");
    }

    private String events() {
        return "/api/v1/tenants/" + tenant.id() + "/engagements/" + engagementId + "/events";
    }

    private static Map<String, Object> event(String occurredOn, String kind, String labelEn, String labelJa) {
        Map<String, Object> body = new HashMap<>();
        body.put("occurredOn", occurredOn);
        body.put("kind", kind);
        body.put("labelEn", labelEn);
        body.put("labelJa", labelJa);
        return body;
    }

    @Test
    void executiveReadsRecordedEventsAndTheDerivedEngagementStartOldestFirst() {
        Api.Reply created = api.post(events(), event("2025-09-01", "ORGANISATION_CHANGE", "HQ restructuring", "本社の組織再編"), consultant);
        api.post(events(), event("2026-05-11", "LEADERSHIP_CHANGE", null, "日本法人の新社長"), consultant);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().get("location")).endsWith("/events/" + created.field("id"));
        List<Map<String, Object>> listed = api.get(events(), executive).list();
        assertThat(listed).extracting(e -> e.get("occurredOn")).containsExactly("2025-09-01", "2026-03-02", "2026-05-11");
        assertThat(listed).extracting(e -> e.get("kind"))
                .containsExactly("ORGANISATION_CHANGE", "ENGAGEMENT_START", "LEADERSHIP_CHANGE");
        assertThat(listed.get(1)).containsEntry("derived", true).doesNotContainKey("id");
        assertThat(listed.get(2)).containsEntry("labelJa", "日本法人の新社長").doesNotContainKey("labelEn");
    }

    @Test
    void eventWithoutAnyLabelIsRefusedNamingTheLabel() {
        Api.Reply reply = api.post(events(), event("2026-01-10", "OTHER", "  ", null), consultant);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body()).contains("\"field\":\"labelEn\"");
        assertThat(api.get(events(), consultant).list()).hasSize(1);
    }

    @Test
    void labelLongerThan120CharactersIsRefused() {
        Api.Reply reply = api.post(events(), event("2026-01-10", "OTHER", null, "組".repeat(121)), consultant);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("labelJa");
    }

    @Test
    void labelWithABidiOverrideIsRefused() {
        Api.Reply reply = api.post(events(), event("2026-01-10", "OTHER", "Reorg \u202Egnp.exe", null), consultant);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("labelEn");
    }

    @Test
    void eventsBefore2000OrMoreThanAYearAheadAreRefused() {
        String tooLate = LocalDate.now().plusYears(1).plusDays(2).toString();
        for (String date : List.of("1999-12-31", tooLate)) {
            Api.Reply reply = api.post(events(), event(date, "MILESTONE", "Go-live", null), consultant);

            assertThat(reply.status()).as(date).isEqualTo(400);
            assertThat(reply.body()).as(date).contains("\"field\":\"occurredOn\"");
        }
        assertThat(api.post(events(), event(LocalDate.now().plusMonths(11).toString(), "MILESTONE", "Go-live", null), consultant)
                .status()).isEqualTo(201);
    }

    @Test
    void theEngagementStartCannotBeRecordedByHand() {
        Api.Reply reply = api.post(events(), event("2026-01-10", "ENGAGEMENT_START", "Start", null), consultant);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("\"field\":\"kind\"");
    }

    @Test
    void consultantDeletesAnEventOnceThenItIsUnknownAndBothAreAudited() {
        String id = api.post(events(), event("2026-04-01", "MILESTONE", "Workshop", "ワークショップ"), consultant).field("id");

        assertThat(api.delete(events() + "/" + id, consultant).status()).isEqualTo(204);
        Api.Reply again = api.delete(events() + "/" + id, consultant);

        assertThat(again.status()).isEqualTo(404);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(api.get(events(), consultant).list()).extracting(e -> e.get("kind")).containsExactly("ENGAGEMENT_START");
        assertThat(api.get("/api/v1/tenants/" + tenant.id() + "/audit", consultant).body())
                .contains("timeline-event.created", "timeline-event.deleted", id);
    }

    @Test
    void executiveCannotRecordOrDeleteEvents() {
        String id = api.post(events(), event("2026-04-01", "MILESTONE", "Workshop", null), consultant).field("id");

        assertThat(api.post(events(), event("2026-04-02", "OTHER", "Mine", null), executive).status()).isEqualTo(403);
        assertThat(api.delete(events() + "/" + id, executive).status()).isEqualTo(403);
        assertThat(api.get(events(), executive).list()).hasSize(2);
    }

    @Test
    void eventsOfAnUnknownEngagementAreNotFound() {
        engagementId = java.util.UUID.randomUUID().toString();

        assertThat(api.get(events(), consultant).status()).isEqualTo(404);
        assertThat(api.post(events(), event("2026-04-01", "OTHER", "x", null), consultant).status()).isEqualTo(404);
    }

    @Test
    void deletingTheEngagementRemovesItsEvents() {
        api.post(events(), event("2026-04-01", "OTHER", "x", null), consultant);

        assertThat(api.delete("/api/v1/tenants/" + tenant.id() + "/engagements/" + engagementId, consultant).status()).isEqualTo(204);
        assertThat(api.get(events(), consultant).status()).isEqualTo(404);
    }
}
