package com.kakehashi.action;

/**
 * What the numbers allow about one targeted sign on one side. Higher risk indices are worse, so
 * IMPROVED means the index fell by more than noise (the 95% interval lies below zero).
 */
public enum ActionEffectVerdict {
    /** Fewer than two waves with a value before or after the start: see the estimate's {@code reason}. */
    TOO_EARLY,
    /** The 95% interval of the deciding estimate includes zero. */
    NO_CHANGE,
    /** The deciding estimate's 95% interval lies below zero (less risk). */
    IMPROVED,
    /** The deciding estimate's 95% interval lies above zero (more risk). */
    WORSENED
}
