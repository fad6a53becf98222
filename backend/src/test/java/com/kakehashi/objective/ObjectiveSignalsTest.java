package com.kakehashi.objective;

import com.kakehashi.identity.Role;
import com.kakehashi.support.Api;
import com.kakehashi.support.Fixtures;
import com.kakehashi.support.TestClock;
import com.kakehashi.tenant.TenantView;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@MicronautTest(environments = "test", transactional = false)
class ObjectiveSignalsTest {

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;

    Api api;
    TenantView tenant;
    String consultant;
    String engagementId;

    @BeforeEach
    void engagementWithAConsultant() {
        // Before logging in: the token's lifetime is read from the same clock.
        clock.set(Instant.parse("2027-03-01T12:00:00Z"));
        api = new Api(server.getURL(), json);
        tenant = fixtures.tenant("Objective");
        consultant = api.login(fixtures.memberOf(tenant, Role.CONSULTANT).email(), Fixtures.PASSWORD);
        engagementId = api.post(base() + "/engagements", Map.of("name", "Launch", "startDate", "2027-01-01",
                "status", "ACTIVE"), consultant).field("id");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private String base() {
        return "/api/v1/tenants/" + tenant.id();
    }

    private static Map<String, Object> milestone(String name, String planned, String actual) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("plannedOn", planned);
        m.put("actualOn", actual);
        return m;
    }

    private Map<String, Object> decision(String proposed, String approved, boolean consulted) {
        Map<String, Object> d = new HashMap<>();
        d.put("engagementId", engagementId);
        d.put("title", "Pricing change " + proposed);
        d.put("proposedOn", proposed);
        d.put("approvedOn", approved);
        d.put("japanConsulted", consulted);
        return d;
    }

    @Test
    void slippageCountsReachedAndOverdueMilestonesAndConsultationRateCountsApprovedDecisions() {
        Api.Reply initiative = api.post(base() + "/initiatives", Map.of("engagementId", engagementId,
                "title", "Direct sales channel", "announcedOn", "2026-12-01", "milestones", List.of(
                        milestone("Pilot", "2027-01-10", "2027-01-20"),       // 10 days late
                        milestone("Partner briefing", "2027-02-01", "2027-01-30"), // 2 days early
                        milestone("Rollout", "2027-02-20", null),            // overdue: 9 days on 1 March
                        milestone("Review", "2027-06-01", null))), consultant);  // not due yet
        api.post(base() + "/decisions", decision("2027-01-05", "2027-01-15", true), consultant);
        api.post(base() + "/decisions", decision("2027-01-06", "2027-01-07", false), consultant);
        api.post(base() + "/decisions", decision("2027-02-10", null, false), consultant);

        Map<String, Object> signals = api.get(base() + "/objective-signals?engagementId=" + engagementId, consultant).map();

        assertThat(initiative.status()).isEqualTo(201);
        assertThat(initiative.map().get("slippageDays")).isEqualTo(10);
        assertThat(signals).containsEntry("initiatives", 1).containsEntry("milestones", 4)
                .containsEntry("lateMilestones", 2).containsEntry("maxSlippageDays", 10)
                .containsEntry("approvedDecisions", 2).containsEntry("consultedBeforeApproval", 1);
        assertThat(((Number) signals.get("meanSlippageDays")).doubleValue()).isCloseTo((10 - 2 + 9) / 3.0, within(1e-9));
        assertThat(((Number) signals.get("earlyConsultationRate")).doubleValue()).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void withoutApprovedDecisionsTheConsultationRateIsAbsentNotZero() {
        api.post(base() + "/decisions", decision("2027-02-10", null, false), consultant);

        Map<String, Object> signals = api.get(base() + "/objective-signals", consultant).map();

        assertThat(signals).containsEntry("approvedDecisions", 0).doesNotContainKey("earlyConsultationRate");
    }

    @Test
    void approvalBeforeProposalAndAForeignEngagementAreRefusedOnTheirFields() {
        Api.Reply early = api.post(base() + "/decisions", decision("2027-02-10", "2027-02-01", true), consultant);
        Map<String, Object> foreign = decision("2027-02-10", null, false);
        foreign.put("engagementId", java.util.UUID.randomUUID().toString());
        Api.Reply unknown = api.post(base() + "/decisions", foreign, consultant);

        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body()).contains("\"field\":\"approvedOn\"");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"field\":\"engagementId\"");
        assertThat(api.get(base() + "/decisions", consultant).list()).isEmpty();
    }

    @Test
    void executiveReadsTheSignalsButCannotRecordDecisions() {
        String executive = api.login(fixtures.memberOf(tenant, Role.EXECUTIVE).email(), Fixtures.PASSWORD);

        assertThat(api.get(base() + "/objective-signals", executive).status()).isEqualTo(200);
        assertThat(api.post(base() + "/decisions", decision("2027-02-10", null, false), executive).status()).isEqualTo(403);
    }
}
