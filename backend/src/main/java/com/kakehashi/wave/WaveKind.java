package com.kakehashi.wave;

public enum WaveKind {
    SCHEDULED,
    MANUAL
}
