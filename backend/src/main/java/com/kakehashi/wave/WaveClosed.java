package com.kakehashi.wave;

import java.util.UUID;

/** Published inside the transaction that closes a wave (early or on time); mail cancels the wave's
 * pending mails, insight finalises its rollups, alert evaluates its rules. Published once per wave:
 * only by the statement that moved it from OPEN to CLOSED. */
public record WaveClosed(UUID tenantId, UUID waveId) {
}
