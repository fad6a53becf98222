package com.kakehashi.survey;

/** A DRAFT is edited; a PUBLISHED version never changes again. */
public enum VersionStatus {
    DRAFT,
    PUBLISHED
}
