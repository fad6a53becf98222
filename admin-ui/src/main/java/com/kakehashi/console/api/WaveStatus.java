package com.kakehashi.console.api;

public enum WaveStatus { OPEN, CLOSED, SKIPPED }
