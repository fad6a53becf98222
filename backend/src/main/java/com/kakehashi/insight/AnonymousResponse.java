package com.kakehashi.insight;

import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import io.micronaut.core.annotation.Nullable;

import java.util.Map;
import java.util.UUID;

/**
 * One validated submission as the respondent page hands it over: nothing that leads back to the
 * invitation or the participant, and no instant, only its delay bucket.
 *
 * @param answers item code → 1..5, every item the respondent's side was asked
 * @param comment stripped, or null when none was asked or given
 */
public record AnonymousResponse(UUID waveId, Side side, Level level, String language, DelayBucket delay,
                                Map<String, Integer> answers, @Nullable String comment) {
}
