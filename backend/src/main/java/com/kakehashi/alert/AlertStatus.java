package com.kakehashi.alert;

public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    RESOLVED
}
