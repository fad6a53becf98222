package com.kakehashi.wave;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Published inside the transaction that opens a wave, after its invitations are written: listeners
 * queue the wave's mails, which then commit with the wave or not at all.
 */
public record WaveOpened(UUID tenantId, UUID waveId, List<Integer> reminderOffsetDays, Instant closesAt, int invitations) {
}
