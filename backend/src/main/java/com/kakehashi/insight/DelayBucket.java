package com.kakehashi.insight;

import java.time.Duration;
import java.time.Instant;

/**
 * The only trace of when someone answered: coarse enough not to single out a person. The respondent
 * page coarsens the delay itself, so no instant of an answer ever reaches the answer store.
 */
public enum DelayBucket {
    UNDER_1H,
    UNDER_1D,
    UNDER_3D,
    LATER;

    public static DelayBucket between(Instant sentAt, Instant answeredAt) {
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
