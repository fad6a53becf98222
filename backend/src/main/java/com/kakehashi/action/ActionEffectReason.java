package com.kakehashi.action;

/** Why an estimate says less than a full before/after comparison against the untargeted signs. */
public enum ActionEffectReason {
    /** Fewer than the minimum closed waves with a value since the start (verdict TOO_EARLY). */
    FEW_WAVES_AFTER,
    /** Fewer than the minimum closed waves with a value before the start (verdict TOO_EARLY). */
    FEW_WAVES_BEFORE,
    /**
     * Every sign was targeted (or no untargeted sign was shown in every wave used): the verdict rests
     * on the plain before/after difference, so a drift of the whole organisation cannot be ruled out.
     */
    NO_UNTARGETED_SIGNS
}
