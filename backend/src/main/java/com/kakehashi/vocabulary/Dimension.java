package com.kakehashi.vocabulary;

/** The five areas where HQ and Japan hold different assumptions (docs/measurement.md). */
public enum Dimension {
    AUTHORITY,
    RISK,
    COMMUNICATION,
    ACCOUNTABILITY,
    TIME
}
