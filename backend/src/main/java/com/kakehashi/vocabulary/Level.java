package com.kakehashi.vocabulary;

public enum Level {
    EXECUTIVE,
    MIDDLE_MANAGER,
    STAFF
}
