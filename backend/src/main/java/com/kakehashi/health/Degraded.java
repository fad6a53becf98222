package com.kakehashi.health;

import io.micronaut.health.HealthStatus;

/**
 * The status of a part that is unwell but must not take the replica out of service: the outbox has a
 * backlog, SMTP does not answer, the scheduler has not polled lately. Micronaut's readiness
 * (/health/readiness) is every indicator that is not a liveness one, and any DOWN there takes the
 * replica out of the Service; a stuck mail relay must not take the API and the respondent pages
 * down with it. So these report DEGRADED: not operational-false (HTTP 200 on /health and
 * readiness), ranked above UP so /health shows it, and alerted on from the metrics
 * (infra/monitoring/kakehashi.rules.yml). Only the database (Micronaut's JDBC indicator) makes
 * readiness DOWN.
 */
public final class Degraded {

    /** No operational flag: Micronaut answers 200 for it, and ranks it above UP (and below DOWN) in the overall status. */
    public static final HealthStatus STATUS = new HealthStatus("DEGRADED", "works, but a part needs attention", null, 1);

    private Degraded() {
    }
}
