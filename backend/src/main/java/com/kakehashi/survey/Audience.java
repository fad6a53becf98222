package com.kakehashi.survey;

/**
 * Who is asked an item: BOTH = mirrored (an HQ and a Japan wording of the same question, whose
 * difference is the perception gap), or one side only. Regional staff get the HQ wording.
 */
public enum Audience {
    BOTH,
    HQ,
    JAPAN;

    public boolean asksHq() {
        return this != JAPAN;
    }

    public boolean asksJapan() {
        return this != HQ;
    }
}
