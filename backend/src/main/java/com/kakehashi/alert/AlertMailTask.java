package com.kakehashi.alert;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/** The recurring db-scheduler task {@code alert-mail}: one execution at a time cluster-wide. */
@Factory
class AlertMailTask {

    static final String NAME = "alert-mail";

    @Singleton
    RecurringTask<Void> alertMail(AlertMail mail, @Value("${kakehashi.alerts.mail-interval:10s}") Duration interval) {
        return Tasks.recurring(NAME, FixedDelay.of(interval)).execute((instance, context) -> mail.dispatchDue());
    }
}
