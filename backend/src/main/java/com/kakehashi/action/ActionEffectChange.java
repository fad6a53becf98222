package com.kakehashi.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An estimate in risk-index points (negative: less risk, better) with its 95% interval, two-sided p
 * and Welch–Satterthwaite degrees of freedom. The interval, p and degrees of freedom are absent when
 * the estimate could not be tested.
 */
@Serdeable
public record ActionEffectChange(double estimate, @Nullable Double low, @Nullable Double high, @Nullable Double p,
                                 @Nullable Double degreesOfFreedom) {
}
