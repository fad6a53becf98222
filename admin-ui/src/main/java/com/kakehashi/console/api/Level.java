package com.kakehashi.console.api;

public enum Level { EXECUTIVE, MIDDLE_MANAGER, STAFF }
