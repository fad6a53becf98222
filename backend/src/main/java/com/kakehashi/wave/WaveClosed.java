package com.kakehashi.wave;

import java.util.UUID;

/** Published inside the transaction that closes a wave (early or on time); listeners finalise its results. */
public record WaveClosed(UUID tenantId, UUID waveId) {
}
