package com.kakehashi.action;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/** The recurring db-scheduler task {@code action-overdue}: one execution at a time cluster-wide. */
@Factory
class ActionOverdueTask {

    static final String NAME = "action-overdue";

    @Singleton
    RecurringTask<Void> actionOverdue(ActionOverdue overdue,
                                      @Value("${kakehashi.actions.overdue-interval:1h}") Duration interval) {
        return Tasks.recurring(NAME, FixedDelay.of(interval)).execute((instance, context) -> overdue.run());
    }
}
