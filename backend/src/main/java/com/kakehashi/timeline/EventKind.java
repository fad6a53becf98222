package com.kakehashi.timeline;

/**
 * What happened on a date of an engagement. {@link #ENGAGEMENT_START} is derived from the
 * engagement's start date and never recorded; the others are recorded by consultants.
 */
public enum EventKind {
    ORGANISATION_CHANGE,
    LEADERSHIP_CHANGE,
    MILESTONE,
    OTHER,
    ENGAGEMENT_START;

    boolean recordable() {
        return this != ENGAGEMENT_START;
    }
}
