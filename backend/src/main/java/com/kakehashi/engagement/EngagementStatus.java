package com.kakehashi.engagement;

public enum EngagementStatus {
    PLANNED,
    ACTIVE,
    CLOSED
}
