package com.kakehashi.console.api;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * What launching a wave now would do: how many people it invites (in total and per side) and the wave of the
 * same schedule that is still open, or null. With an open wave the backend asks for a reason.
 */
public record LaunchPreview(long invitees, Map<Side, Long> bySide, OpenWave openWave) {
    public LaunchPreview {
        // Sides in their natural order (HQ, Japan, regional), as the dialog names them.
        var ordered = new java.util.EnumMap<Side, Long>(Side.class);
        ordered.putAll(bySide);
        bySide = java.util.Collections.unmodifiableMap(ordered);
    }

    public boolean needsReason() {
        return openWave != null;
    }

    public record OpenWave(UUID id, OffsetDateTime closesAt) {
    }
}
