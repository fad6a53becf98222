package com.kakehashi.respond;

import java.time.Duration;
import java.time.Instant;

/** The only trace of when someone answered: coarse enough not to single out a person. */
enum DelayBucket {
    UNDER_1H,
    UNDER_1D,
    UNDER_3D,
    LATER;

    static DelayBucket between(Instant sentAt, Instant answeredAt) {
        Duration delay = Duration.between(sentAt, answeredAt);
        if (delay.compareTo(Duration.ofHours(1)) < 0) {
            return UNDER_1H;
        }
        if (delay.compareTo(Duration.ofDays(1)) < 0) {
            return UNDER_1D;
        }
        if (delay.compareTo(Duration.ofDays(3)) < 0) {
            return UNDER_3D;
        }
        return LATER;
    }
}
