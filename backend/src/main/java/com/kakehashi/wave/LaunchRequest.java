package com.kakehashi.wave;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

/**
 * Launching a wave by hand. {@code reason} is required (non-blank) only while another wave of the
 * same schedule is open: people would get two surveys at once, so the consultant says why. It is
 * kept in the audit log with the launch.
 */
@Serdeable
public record LaunchRequest(@Nullable @Size(max = REASON_MAX) String reason) {

    public static final int REASON_MAX = 500;
}
