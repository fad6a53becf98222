package com.kakehashi.vocabulary;

import java.util.List;

import static com.kakehashi.vocabulary.Dimension.ACCOUNTABILITY;
import static com.kakehashi.vocabulary.Dimension.AUTHORITY;
import static com.kakehashi.vocabulary.Dimension.COMMUNICATION;
import static com.kakehashi.vocabulary.Dimension.RISK;
import static com.kakehashi.vocabulary.Dimension.TIME;

/**
 * What an item measures; each sign rolls up into one or more dimensions (docs/measurement.md). The
 * names are the console's, for the sentences the backend writes itself (alert summaries, mails,
 * effect words).
 */
public enum WarningSign {
    EXECUTION_DELAY("Execution delay", "実行の遅れ", TIME, ACCOUNTABILITY),
    MOMENTUM("Slow momentum", "勢いの停滞", TIME, COMMUNICATION),
    DIFFICULT_LABEL("\"Difficult\" label", "「扱いにくい」というレッテル", COMMUNICATION, RISK),
    EXCLUSION("Exclusion", "初期議論からの除外", AUTHORITY, COMMUNICATION),
    SILENT_DISSENT("Silent dissent", "沈黙による反対", COMMUNICATION),
    AUTHORITY_GAP("Authority gap", "権限の認識差", AUTHORITY),
    RISK_LENS("Risk lens", "リスク観の違い", RISK),
    CONSENSUS_PACE("Consensus pace", "合意形成のペース", TIME, AUTHORITY),
    TRUST_EROSION("Trust erosion", "信頼の低下", ACCOUNTABILITY);

    private final String english;
    private final String japanese;
    private final List<Dimension> dimensions;

    WarningSign(String english, String japanese, Dimension... dimensions) {
        this.english = english;
        this.japanese = japanese;
        this.dimensions = List.of(dimensions);
    }

    public String english() {
        return english;
    }

    public String japanese() {
        return japanese;
    }

    public List<Dimension> dimensions() {
        return dimensions;
    }
}
