package com.kakehashi.participant;

public enum Level {
    EXECUTIVE,
    MIDDLE_MANAGER,
    STAFF
}
