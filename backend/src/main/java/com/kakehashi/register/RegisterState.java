package com.kakehashi.register;

/**
 * Where the current version of an item stands: {@link #DISAGREED} when either side's latest word on
 * it is a disagreement, {@link #AGREED} when both sides' latest word is agreement, else {@link #PENDING}.
 */
public enum RegisterState {
    DISAGREED,
    PENDING,
    AGREED
}
