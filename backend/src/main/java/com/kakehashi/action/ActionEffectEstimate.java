package com.kakehashi.action;

import com.kakehashi.vocabulary.Side;
import com.kakehashi.vocabulary.WarningSign;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The effect on one targeted sign on one side (docs/measurement.md, "Effect of an action").
 *
 * @param wavesBefore            closed waves before the start with a value (hidden ones left out)
 * @param wavesAfter             closed waves since the start with a value
 * @param before                 mean of the before waves' indices (each wave counts once)
 * @param after                  mean of the after waves' indices
 * @param change                 after − before (Welch contrast of the wave groups' respondent-level moments)
 * @param differenceInDifferences change of (targeted − mean of the reference signs) per wave, after vs
 *                               before (Welch's t on the wave-level values); absent with fewer than two
 *                               waves on either side or without reference signs
 * @param referenceSigns         the untargeted signs shown on this side in every wave used
 * @param reason                 why the verdict says less than a full comparison, if it does
 * @param waves                  every closed wave of the window, used or left out (with the reason)
 */
@Serdeable
public record ActionEffectEstimate(WarningSign sign, Side side, ActionEffectVerdict verdict,
                                   @Nullable ActionEffectReason reason, int wavesBefore, int wavesAfter,
                                   @Nullable Double before, @Nullable Double after, @Nullable ActionEffectChange change,
                                   @Nullable ActionEffectChange differenceInDifferences, List<WarningSign> referenceSigns,
                                   List<ActionEffectWave> waves, String summaryEn, String summaryJa) {
}
