package com.kakehashi.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

@Serdeable
public record InstrumentVersionSummary(UUID id, int versionNumber, VersionStatus status, Instant createdAt,
                                       @Nullable Instant publishedAt) {

    static InstrumentVersionSummary of(InstrumentVersion v) {
        return new InstrumentVersionSummary(v.id(), v.versionNumber(), v.status(), v.createdAt(), v.publishedAt());
    }
}
