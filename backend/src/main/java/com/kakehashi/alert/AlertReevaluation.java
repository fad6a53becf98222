package com.kakehashi.alert;

import com.kakehashi.tenant.TenantService;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/**
 * Catches up on closed waves whose alert rules never ran to the end (the evaluation at close failed
 * and was rolled back to its savepoint, or the wave closed before the marker existed and had it
 * cleared by hand). Each wave is evaluated in its own transaction in its tenant; evaluation is
 * idempotent, so a crash halfway through a run only means the rest wait for the next run.
 */
@Singleton
public class AlertReevaluation {

    private static final Logger LOG = LoggerFactory.getLogger(AlertReevaluation.class);
    static final int WAVES_PER_TENANT = 100;

    private final TenantService tenants;
    private final UnevaluatedWaves unevaluated;
    private final AlertEvaluation evaluation;
    private final AlertMetrics metrics;

    AlertReevaluation(TenantService tenants, UnevaluatedWaves unevaluated, AlertEvaluation evaluation, AlertMetrics metrics) {
        this.tenants = tenants;
        this.unevaluated = unevaluated;
        this.evaluation = evaluation;
        this.metrics = metrics;
    }

    /** @return the number of waves evaluated in this run */
    public int run() {
        return tenants.forEachTenant("Alert re-evaluation", tenant -> {
            int evaluated = 0;
            for (UUID wave : unevaluated.oldest()) {
                try {
                    List<UUID> raised = evaluation.evaluate(wave);
                    evaluated++;
                    metrics.evaluated("reevaluation", raised);
                    LOG.info("Re-evaluated alerts of wave {}: {} raised", wave, raised.size());
                } catch (RuntimeException e) {
                    metrics.failed("reevaluation");
                    LOG.error("Alert re-evaluation failed for wave {}", wave, e);
                }
            }
            return evaluated;
        });
    }

    /** A bean of its own: @Transactional applies through the bean proxy, never to a call within this class. */
    @Singleton
    static class UnevaluatedWaves {
        private final AlertStore store;

        UnevaluatedWaves(AlertStore store) {
            this.store = store;
        }

        /** The closed waves of the tenant in context whose rules never ran to the end, oldest first. */
        @Transactional(readOnly = true)
        List<UUID> oldest() {
            return store.unevaluatedWaves(WAVES_PER_TENANT);
        }
    }
}
