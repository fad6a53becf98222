package com.kakehashi.wording;

/**
 * The kinds of indirect disagreement the careful-wording analyser recognises. The article's claim is
 * that Japanese teams say "no" through these forms rather than through open escalation.
 */
public enum MarkerCategory {
    /** Putting the decision off: 検討します, 持ち帰らせてください, "we will consider", "let's revisit". */
    DEFERRAL,
    /** A "no" said as a difficulty: 難しい, 厳しい, それはちょっと…, "might be difficult". */
    SOFTENED_REFUSAL,
    /** Committing only partly: かもしれません, 一応, 様子を見て, "perhaps", "to some extent". */
    HEDGE,
    /** A worry named without a demand: 懸念, 心配, 不安, "concerned", "worried". */
    CONCERN
}
