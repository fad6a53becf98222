package com.kakehashi.mail;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * The recurring db-scheduler task {@code mail-dispatch}: one execution at a time cluster-wide,
 * every {@code kakehashi.mail.dispatch-interval} after the previous one ends.
 */
@Factory
class MailDispatchTask {

    static final String NAME = "mail-dispatch";

    @Singleton
    RecurringTask<Void> mailDispatch(MailDispatcher dispatcher,
                                     @Value("${kakehashi.mail.dispatch-interval:5s}") Duration interval) {
        return Tasks.recurring(NAME, FixedDelay.of(interval))
                .execute((instance, context) -> dispatcher.dispatchDue());
    }
}
