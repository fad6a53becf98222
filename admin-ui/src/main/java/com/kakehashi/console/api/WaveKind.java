package com.kakehashi.console.api;

public enum WaveKind { SCHEDULED, MANUAL }
