package com.kakehashi.alert;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/** The recurring db-scheduler task {@code alert-reevaluation}: one execution at a time cluster-wide. */
@Factory
class AlertReevaluationTask {

    static final String NAME = "alert-reevaluation";

    @Singleton
    RecurringTask<Void> alertReevaluation(AlertReevaluation reevaluation,
                                          @Value("${kakehashi.alerts.reevaluate-interval:5m}") Duration interval) {
        return Tasks.recurring(NAME, FixedDelay.of(interval)).execute((instance, context) -> reevaluation.run());
    }
}
