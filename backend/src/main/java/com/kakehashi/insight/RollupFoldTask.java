package com.kakehashi.insight;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The recurring db-scheduler task {@code insight-fold}: one sweep at a time cluster-wide folds
 * whatever a replica's own {@link RollupFolder} left queued (it stopped, or a fold failed).
 */
@Factory
class RollupFoldTask {

    static final String NAME = "insight-fold";

    @Singleton
    RecurringTask<Void> insightFold(RollupFolder folder,
                                    @Value("${kakehashi.insight.fold-sweep-interval:30s}") Duration interval) {
        return Tasks.recurring(NAME, FixedDelay.of(interval)).execute((instance, context) -> folder.sweep());
    }
}
