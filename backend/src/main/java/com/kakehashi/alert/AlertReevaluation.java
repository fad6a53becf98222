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
    private final Pending pending;
    private final AlertEvaluation evaluation;

    AlertReevaluation(TenantService tenants, Pending pending, AlertEvaluation evaluation) {
        this.tenants = tenants;
        this.pending = pending;
        this.evaluation = evaluation;
    }

    /** @return the number of waves evaluated in this run */
    public int run() {
        return tenants.forEachTenant("Alert re-evaluation", tenant -> {
            int evaluated = 0;
            for (UUID wave : pending.waves()) {
                try {
                    List<UUID> raised = evaluation.evaluate(wave);
                    evaluated++;
                    LOG.info("Re-evaluated alerts of wave {}: {} raised", wave, raised.size());
                } catch (RuntimeException e) {
                    LOG.error("Alert re-evaluation failed for wave {}", wave, e);
                }
            }
            return evaluated;
        });
    }

    @Singleton
    static class Pending {
        private final AlertStore store;

        Pending(AlertStore store) {
            this.store = store;
        }

        @Transactional(readOnly = true)
        List<UUID> waves() {
            return store.unevaluatedWaves(WAVES_PER_TENANT);
        }
    }
}
