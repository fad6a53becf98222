package com.kakehashi.lifecycle;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/** The recurring db-scheduler task {@code retention}: one execution at a time cluster-wide, daily by default. */
@Factory
class RetentionTask {

    static final String NAME = "retention";

    /** Off only in tests (application-test.yml): their scheduler must not thin out other test classes' old waves. */
    @Singleton
    @Requires(property = "kakehashi.retention.enabled", notEquals = "false")
    RecurringTask<Void> retention(Retention retention,
                                  @Value("${kakehashi.retention.interval:24h}") Duration interval) {
        return Tasks.recurring(NAME, FixedDelay.of(interval)).execute((instance, context) -> retention.run());
    }
}
