package com.kakehashi.survey;

/**
 * What an item's answers are for. SIGN items measure a warning sign and feed every score, gap and
 * alert; OUTCOME items ask about alignment itself and are read only by the key-driver analysis, as
 * the outcome the signs are regressed against. An OUTCOME item has no sign.
 */
public enum ItemScale {
    SIGN,
    OUTCOME
}
