package com.kakehashi.alert;

/** alert.severity, fixed by the rule: a sign above its threshold or a widening gap is HIGH, the rest MEDIUM. */
public enum AlertSeverity {
    HIGH,
    MEDIUM
}
