package com.kakehashi.vocabulary;

/** Which side of the HQ–Japan relationship a person works on. */
public enum Side {
    HQ,
    JAPAN,
    REGIONAL
}
