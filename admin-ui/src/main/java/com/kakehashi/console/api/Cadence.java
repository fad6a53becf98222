package com.kakehashi.console.api;

public enum Cadence { WEEKLY, BIWEEKLY, MONTHLY, QUARTERLY }
