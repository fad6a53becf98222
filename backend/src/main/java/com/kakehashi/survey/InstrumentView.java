package com.kakehashi.survey;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An instrument with its versions, oldest first. */
@Serdeable
public record InstrumentView(UUID id, String name, Instant createdAt, List<InstrumentVersionSummary> versions) {

    static InstrumentView of(Instrument i, List<InstrumentVersion> versions) {
        return new InstrumentView(i.id(), i.name(), i.createdAt(),
                versions.stream().map(InstrumentVersionSummary::of).toList());
    }
}
