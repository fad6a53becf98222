package com.kakehashi.vocabulary;

import java.util.List;

import static com.kakehashi.vocabulary.Dimension.ACCOUNTABILITY;
import static com.kakehashi.vocabulary.Dimension.AUTHORITY;
import static com.kakehashi.vocabulary.Dimension.COMMUNICATION;
import static com.kakehashi.vocabulary.Dimension.RISK;
import static com.kakehashi.vocabulary.Dimension.TIME;

/** What an item measures; each sign rolls up into one or more dimensions (docs/measurement.md). */
public enum WarningSign {
    EXECUTION_DELAY(TIME, ACCOUNTABILITY),
    MOMENTUM(TIME, COMMUNICATION),
    DIFFICULT_LABEL(COMMUNICATION, RISK),
    EXCLUSION(AUTHORITY, COMMUNICATION),
    SILENT_DISSENT(COMMUNICATION),
    AUTHORITY_GAP(AUTHORITY),
    RISK_LENS(RISK),
    CONSENSUS_PACE(TIME, AUTHORITY),
    TRUST_EROSION(ACCOUNTABILITY);

    private final List<Dimension> dimensions;

    WarningSign(Dimension... dimensions) {
        this.dimensions = List.of(dimensions);
    }

    public List<Dimension> dimensions() {
        return dimensions;
    }
}
