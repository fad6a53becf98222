package com.kakehashi.wave;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.Serializable;
import java.time.Duration;

/** The wave engine's db-scheduler tasks; the scheduler collects every Task bean. */
@Factory
class WaveTasks {

    @Singleton
    @Bean
    OneTimeTask<Serializable> occurrenceTask(WaveEngine engine) {
        return Tasks.oneTime(WaveEngine.OCCURRENCE, Serializable.class).execute(engine::runOccurrence);
    }

    @Singleton
    @Bean
    RecurringTask<Void> plannerTask(WaveEngine engine,
                                    @Value("${kakehashi.waves.planner-interval:10m}") Duration interval) {
        return Tasks.recurring("wave-planner", FixedDelay.of(interval)).execute((instance, context) -> engine.planAll());
    }

    @Singleton
    @Bean
    RecurringTask<Void> closerTask(WaveEngine engine,
                                   @Value("${kakehashi.waves.closer-interval:1m}") Duration interval) {
        return Tasks.recurring("wave-closer", FixedDelay.of(interval)).execute((instance, context) -> engine.closeAll());
    }
}
