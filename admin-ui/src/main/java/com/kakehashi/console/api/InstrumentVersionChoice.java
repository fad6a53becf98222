package com.kakehashi.console.api;

import java.util.UUID;

/** A published instrument version a schedule may send. */
public record InstrumentVersionChoice(UUID versionId, String instrumentName, int versionNumber, UUID instrumentId) {
    public String label() {
        return instrumentName + " v" + versionNumber;
    }
}
