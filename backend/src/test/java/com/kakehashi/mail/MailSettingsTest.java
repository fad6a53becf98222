package com.kakehashi.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailSettingsTest {

    private static MailSettings settings(int batchSize, int workers) {
        return new MailSettings("Kakehashi <no-reply@kakehashi.example>", "http://localhost:8080", 8, batchSize, workers,
                "", 587, "", "", true, Duration.ofSeconds(20));
    }

    @Test
    void workersShareOneBatchSoAReplicaNeverHasMoreThanABatchInFlight() {
        for (int batch : new int[] {1, 5, 49, 50, 51, 200}) {
            for (int workers = 1; workers <= Math.min(batch, 16); workers++) {
                int round = settings(batch, workers).roundSize(workers);
                assertThat(round).as("batch %d, %d workers", batch, workers).isPositive();
                assertThat(round * workers).as("batch %d, %d workers", batch, workers).isLessThanOrEqualTo(batch);
            }
        }
        assertThat(settings(50, 4).roundSize(4)).isEqualTo(12);
        assertThat(settings(50, 4).roundSize(1)).as("a single worker takes the whole batch").isEqualTo(50);
    }

    @Test
    void moreWorkersThanTheBatchIsRefusedAtStartupNamingBothSettings() {
        assertThatThrownBy(() -> settings(3, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kakehashi.mail.workers (4)")
                .hasMessageContaining("kakehashi.mail.batch-size (3)");
    }
}
