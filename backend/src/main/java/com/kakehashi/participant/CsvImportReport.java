package com.kakehashi.participant;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The outcome of a CSV import: counts, and per rejected line what was wrong. */
@Serdeable
public record CsvImportReport(int created, int updated, int unchanged, int rejected, List<LineError> errors) {

    @Serdeable
    public record LineError(long line, String field, String reason) {
    }
}
