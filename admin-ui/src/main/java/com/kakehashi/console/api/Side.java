package com.kakehashi.console.api;

public enum Side { HQ, JAPAN, REGIONAL }
