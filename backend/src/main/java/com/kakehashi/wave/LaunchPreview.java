package com.kakehashi.wave;

import com.kakehashi.vocabulary.Side;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What launching a wave of a schedule now would do: how many active participants of its audience
 * would be invited (in total and per side; counts only, never who), and the wave of this schedule
 * that is still open, if any. With an open wave the launch needs a reason.
 */
@Serdeable
public record LaunchPreview(long invitees, List<SideCount> sides, @Nullable OpenWave openWave) {

    @Serdeable
    public record SideCount(Side side, long invitees) {
    }

    @Serdeable
    public record OpenWave(UUID id, WaveKind kind, Instant opensAt, Instant closesAt) {

        static OpenWave of(Wave wave) {
            return new OpenWave(wave.id(), wave.kind(), wave.opensAt(), wave.closesAt());
        }
    }
}
