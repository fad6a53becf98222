package com.kakehashi.console.api;

import java.util.List;

public record ImportReport(int created, int updated, int unchanged, int rejected, List<ImportLineError> errors) {
    public ImportReport {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public record ImportLineError(long line, String field, String reason) {
    }
}
