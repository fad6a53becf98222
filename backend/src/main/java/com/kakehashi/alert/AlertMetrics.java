package com.kakehashi.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

import java.util.List;
import java.util.UUID;

/**
 * {@code kakehashi.alerts.evaluations{trigger, outcome}}: alert-rule evaluations of closed waves,
 * when the wave closed ({@code close}) or in the catch-up task ({@code reevaluation}), done or
 * failed; and {@code kakehashi.alerts.raised}: conditions they opened. No tenant, wave or rule.
 */
// Created at start-up, so every series is in the first scrape (a rate over "none yet" is 0, not absent).
@Context
class AlertMetrics {

    private final Counter raised;
    private final MeterRegistry registry;

    AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
        raised = Counter.builder("kakehashi.alerts.raised").description("Alert conditions opened by evaluations").register(registry);
        for (String trigger : List.of("close", "reevaluation")) {
            evaluations(trigger, "done");
            evaluations(trigger, "failed");
        }
    }

    void evaluated(String trigger, List<UUID> opened) {
        evaluations(trigger, "done").increment();
        raised.increment(opened.size());
    }

    void failed(String trigger) {
        evaluations(trigger, "failed").increment();
    }

    private Counter evaluations(String trigger, String outcome) {
        return Counter.builder("kakehashi.alerts.evaluations").description("Alert-rule evaluations of closed waves")
                .tag("trigger", trigger).tag("outcome", outcome).register(registry);
    }
}
