package com.kakehashi.objective;

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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SuppressWarnings("unchecked")
@MicronautTest(environments = "test", transactional = false)
class DecisionCycleTimesTest {

    private static final LocalDate PROPOSED = LocalDate.parse("2027-01-01");

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    Fixtures fixtures;

    Api api;
    TenantView tenant;
    String consultant;
    String engagementId;

    @BeforeEach
    void engagementWithAConsultant() {
        api = new Api(server.getURL(), json);
        tenant = fixtures.tenant("Cycle times");
        consultant = api.login(fixtures.memberOf(tenant, Role.CONSULTANT).email(), Fixtures.PASSWORD);
        engagementId = engagement("Launch");
    }

    private String engagement(String name) {
        return api.post(base() + "/engagements", Map.of("name", name, "startDate", "2026-01-01", "status", "ACTIVE"),
                consultant).field("id");
    }

    private String base() {
        return "/api/v1/tenants/" + tenant.id();
    }

    /** A decision proposed on 1 January 2027; the other stages as day offsets from the proposal, or null. */
    private Map<String, Object> decision(String engagement, Integer consulted, Integer approved, Integer executed) {
        Map<String, Object> d = new HashMap<>();
        d.put("engagementId", engagement);
        d.put("title", "Decision");
        d.put("proposedOn", PROPOSED.toString());
        d.put("consultedOn", consulted == null ? null : PROPOSED.plusDays(consulted).toString());
        d.put("approvedOn", approved == null ? null : PROPOSED.plusDays(approved).toString());
        d.put("executionStartedOn", executed == null ? null : PROPOSED.plusDays(approved + executed).toString());
        d.put("japanConsulted", consulted != null && approved != null && consulted < approved);
        return d;
    }

    private void create(String engagement, Integer consulted, Integer approved, Integer executed) {
        Api.Reply reply = api.post(base() + "/decisions", decision(engagement, consulted, approved, executed), consultant);
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    private static Map<String, Object> interval(Map<String, Object> times, String group, String interval) {
        return (Map<String, Object>) ((Map<String, Object>) times.get(group)).get(interval);
    }

    private static void assertNumbers(Map<String, Object> interval, int n, double median, double p25, double p75) {
        assertThat(interval).containsEntry("n", n).containsEntry("enough", true).doesNotContainKey("reason");
        assertThat(((Number) interval.get("medianDays")).doubleValue()).isEqualTo(median);
        assertThat(((Number) interval.get("p25Days")).doubleValue()).isEqualTo(p25);
        assertThat(((Number) interval.get("p75Days")).doubleValue()).isEqualTo(p75);
    }

    @Test
    void mediansAndQuartilesPerGroupAreComputedOverTheDecisionsWithBothDates() {
        // Consulted before the proposal (3 days ahead): approval after 2, 4, 6, 8, 30 days, execution 1, 3, 5, 7, 9 later.
        create(engagementId, -3, 2, 1);
        create(engagementId, -3, 4, 3);
        create(engagementId, -3, 6, 5);
        create(engagementId, -3, 8, 7);
        create(engagementId, -3, 30, 9);
        // Not consulted before the proposal: on the proposal day, after it, or never. Approval after 1, 2, 3, 4, 5, 10
        // days; only four have started execution; one is still waiting for approval.
        create(engagementId, 0, 1, 2);
        create(engagementId, 5, 2, 2);
        create(engagementId, null, 3, 2);
        create(engagementId, null, 4, 2);
        create(engagementId, null, 5, null);
        create(engagementId, null, 10, null);
        create(engagementId, null, null, null);
        // Another engagement's decision, outside the filter.
        create(engagement("Elsewhere"), -1, 100, 100);

        Api.Reply reply = api.get(base() + "/decisions/cycle-times?engagementId=" + engagementId, consultant);
        Map<String, Object> times = reply.map();

        assertThat(reply.status()).isEqualTo(200);
        assertThat(times).containsEntry("minimumDecisions", 5);
        assertThat((Map<String, Object>) times.get("consultedBeforeProposal")).containsEntry("decisions", 5);
        assertThat((Map<String, Object>) times.get("notConsultedBeforeProposal")).containsEntry("decisions", 7);
        // Sorted 2, 4, 6, 8, 30: type 7 ranks h = 4p fall on values.
        assertNumbers(interval(times, "consultedBeforeProposal", "proposalToApproval"), 5, 6, 4, 8);
        assertNumbers(interval(times, "consultedBeforeProposal", "approvalToExecutionStart"), 5, 5, 3, 7);
        // 3, 7, 11, 15, 39
        assertNumbers(interval(times, "consultedBeforeProposal", "proposalToExecutionStart"), 5, 11, 7, 15);
        // Sorted 1, 2, 3, 4, 5, 10: h = 5p, median at h = 2.5 -> 3.5, p25 at h = 1.25 -> 2.25, p75 at 3.75 -> 4.75.
        assertNumbers(interval(times, "notConsultedBeforeProposal", "proposalToApproval"), 6, 3.5, 2.25, 4.75);
        // Four decisions started execution: not enough.
        assertThat(interval(times, "notConsultedBeforeProposal", "approvalToExecutionStart"))
                .containsEntry("n", 4).containsEntry("enough", false).containsEntry("reason", "NOT_ENOUGH_DECISIONS")
                .doesNotContainKeys("medianDays", "p25Days", "p75Days");

        Map<String, Object> all = api.get(base() + "/decisions/cycle-times", consultant).map();
        assertThat((Map<String, Object>) all.get("consultedBeforeProposal")).containsEntry("decisions", 6);
        // Sorted 2, 4, 6, 8, 30, 100: median 7.
        assertThat(((Number) interval(all, "consultedBeforeProposal", "proposalToApproval").get("medianDays")).doubleValue())
                .isEqualTo(7.0);
    }

    @Test
    void fourDecisionsAreNotEnoughForANumber() {
        for (int days = 1; days <= 4; days++) {
            create(engagementId, -1, days, days);
        }

        Map<String, Object> times = api.get(base() + "/decisions/cycle-times", consultant).map();

        for (String name : new String[] {"proposalToApproval", "approvalToExecutionStart", "proposalToExecutionStart"}) {
            assertThat(interval(times, "consultedBeforeProposal", name)).containsEntry("n", 4)
                    .containsEntry("enough", false).containsEntry("reason", "NOT_ENOUGH_DECISIONS")
                    .doesNotContainKeys("medianDays", "p25Days", "p75Days");
            assertThat(interval(times, "notConsultedBeforeProposal", name)).containsEntry("n", 0)
                    .containsEntry("enough", false);
        }
    }

    @Test
    void stagesAreStoredAndReturnedAndABadOrderIsRefusedOnItsField() {
        Api.Reply created = api.post(base() + "/decisions", decision(engagementId, 3, 5, 2), consultant);
        String id = created.field("id");

        Map<String, Object> executionFirst = decision(engagementId, null, 5, null);
        executionFirst.put("executionStartedOn", PROPOSED.plusDays(4).toString());
        Api.Reply beforeApproval = api.put(base() + "/decisions/" + id, executionFirst, consultant);
        Map<String, Object> unapproved = decision(engagementId, null, null, null);
        unapproved.put("executionStartedOn", PROPOSED.minusDays(1).toString());
        Api.Reply beforeProposal = api.post(base() + "/decisions", unapproved, consultant);
        Map<String, Object> notConsulted = decision(engagementId, 1, 5, null);
        notConsulted.put("japanConsulted", false);
        Api.Reply contradicting = api.post(base() + "/decisions", notConsulted, consultant);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.map()).containsEntry("consultedOn", "2027-01-04").containsEntry("approvedOn", "2027-01-06")
                .containsEntry("executionStartedOn", "2027-01-08").containsEntry("japanConsulted", true);
        assertThat(api.get(base() + "/decisions/" + id, consultant).map())
                .containsEntry("consultedOn", "2027-01-04").containsEntry("executionStartedOn", "2027-01-08");
        assertThat(beforeApproval.status()).isEqualTo(400);
        assertThat(beforeApproval.body()).contains("\"field\":\"executionStartedOn\"");
        assertThat(beforeProposal.status()).isEqualTo(400);
        assertThat(beforeProposal.body()).contains("\"field\":\"executionStartedOn\"");
        assertThat(contradicting.status()).isEqualTo(400);
        assertThat(contradicting.body()).contains("\"field\":\"japanConsulted\"");
        assertThat(api.get(base() + "/decisions/" + id, consultant).map()).containsEntry("executionStartedOn", "2027-01-08");
    }
}
