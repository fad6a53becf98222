package com.kakehashi.alert;

import com.github.kagkarlsson.scheduler.task.Task;
import com.kakehashi.vocabulary.Side;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wave can close without its alerts (the evaluation in the close transaction failed and rolled back
 * to its savepoint). Simulated by removing what the evaluation wrote, then running the catch-up
 * task's work by hand; the scheduler itself is off.
 */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "kakehashi.scheduler.enabled", value = "false")
class AlertReevaluationTest {

    @Inject
    AlertWorld worlds;
    @Inject
    AlertReevaluation reevaluation;
    @Inject
    ApplicationContext context;

    @Test
    void closingAWaveMarksItsAlertsAsEvaluated() throws Exception {
        AlertWorld.World w = worlds.create("Marked", 3);
        UUID wave = w.wave();
        w.respond(wave, Side.JAPAN, AlertWorld.levels(6, 5, 6, 4));

        assertThat(marker(w, wave)).isNull();
        w.close(wave);

        assertThat(marker(w, wave)).isNotNull();
    }

    @Test
    void aClosedWaveWithoutItsAlertsGetsThemExactlyOnceWithOneMailPerConsultant() throws Exception {
        AlertWorld.World w = worlds.create("Reevaluate", 3);
        UUID wave = w.wave();
        w.respond(wave, Side.JAPAN, AlertWorld.levels(6, 5, 6, 4)); // 70 on every sign: above the threshold of 60
        w.respond(wave, Side.HQ, AlertWorld.levels(12, 2));
        w.close(wave);
        List<String> expected = keys(w.alerts());
        assertThat(expected).isNotEmpty();

        // What a failed evaluation leaves: the wave closed, no alerts, no mails, no marker.
        worlds.sql(w.id(), "DELETE FROM mail_outbox WHERE kind = 'ALERT'");
        worlds.sql(w.id(), "DELETE FROM alert");
        worlds.sql(w.id(), "UPDATE alert_wave SET evaluated_at = NULL WHERE wave_id = ?", wave);
        assertThat(w.alerts()).isEmpty();

        reevaluation.run();

        assertThat(keys(w.alerts())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(mails(w)).hasSize(expected.size())
                .allMatch(m -> m.get("email").equals(w.consultant.email()) && m.get("status").equals("PENDING"));
        assertThat(marker(w, wave)).isNotNull();

        // Marked now: the next run leaves the wave alone, and even forcing it again raises and mails nothing twice.
        reevaluation.run();
        worlds.sql(w.id(), "UPDATE alert_wave SET evaluated_at = NULL WHERE wave_id = ?", wave);
        reevaluation.run();
        assertThat(keys(w.alerts())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(mails(w)).hasSize(expected.size());
    }

    @Test
    void openWavesAreNotEvaluatedByTheCatchUp() throws Exception {
        AlertWorld.World w = worlds.create("StillOpen", 3);
        UUID wave = w.wave();
        w.respond(wave, Side.JAPAN, AlertWorld.levels(6, 5, 6, 4));

        reevaluation.run();

        assertThat(w.alerts()).isEmpty();
        assertThat(marker(w, wave)).isNull();
    }

    @Test
    void theCatchUpIsARecurringSchedulerTask() {
        assertThat(context.getBeansOfType(Task.class)).extracting(Task::getName).contains(AlertReevaluationTask.NAME);
    }

    /** When the wave's rules ran to the end; null while they have not (or alert has not seen the wave close). */
    private String marker(AlertWorld.World w, UUID wave) throws Exception {
        return worlds.rows(w.id(), "SELECT evaluated_at FROM alert_wave WHERE wave_id = ?", wave).stream()
                .map(row -> row.get("evaluated_at")).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private List<Map<String, String>> mails(AlertWorld.World w) throws Exception {
        return worlds.rows(w.id(), "SELECT * FROM mail_outbox WHERE kind = 'ALERT'");
    }

    private static List<String> keys(List<Map<String, String>> alerts) {
        return alerts.stream().map(a -> a.get("rule") + "/" + a.get("sign") + "/" + a.get("side") + "/" + a.get("wave_id")).toList();
    }
}
