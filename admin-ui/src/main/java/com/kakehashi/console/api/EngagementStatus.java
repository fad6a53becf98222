package com.kakehashi.console.api;

public enum EngagementStatus { PLANNED, ACTIVE, CLOSED }
