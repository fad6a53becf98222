package com.kakehashi.wave;

public enum WaveStatus {
    OPEN,
    CLOSED,
    SKIPPED
}
