package com.kakehashi.wave;

import com.kakehashi.vocabulary.Side;
import io.micronaut.serde.annotation.Serdeable;

/** Invited and responded for one side of one wave; the rate is responded / invited (0 when none invited). */
@Serdeable
public record SideStats(Side side, long invited, long responded, double responseRate) {

    static SideStats of(Side side, long invited, long responded) {
        return new SideStats(side, invited, responded, invited == 0 ? 0 : (double) responded / invited);
    }
}
