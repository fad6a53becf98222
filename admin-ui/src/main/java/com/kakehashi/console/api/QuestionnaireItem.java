package com.kakehashi.console.api;

/**
 * One question of an instrument version: which warning sign it measures, who is asked (BOTH, HQ,
 * JAPAN), whether agreement means less risk (reverse-keyed), and every wording it has.
 */
public record QuestionnaireItem(String code, String sign, String audience, boolean reverseKeyed,
                                String hqEn, String hqJa, String japanEn, String japanJa) {

    /** The {@code sign} of an item of the outcome scale, which measures alignment itself rather than a warning sign. */
    public static final String OUTCOME = "OUTCOME";
}
