package com.kakehashi.wave;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A wave as other features read it: when it was, and whether it is done. */
public record WaveSummary(UUID id, LocalDate occurrenceDate, WaveStatus status, Instant opensAt, Instant closesAt) {
}
