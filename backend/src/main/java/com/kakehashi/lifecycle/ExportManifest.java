package com.kakehashi.lifecycle;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code manifest.json}, the last entry of a tenant export: a zip without it is incomplete (the
 * export broke off). Every other entry is listed with its SHA-256, so a copy can be checked.
 */
@Serdeable
public record ExportManifest(String format, int formatVersion, UUID tenantId, String tenantName, Instant exportedAt,
                             String schemaVersion, List<ExportedFile> files, List<ExcludedColumn> excluded,
                             List<String> notExported) {

    public static final String FORMAT = "kakehashi-tenant-export";

    @Serdeable
    public record ExportedFile(String name, String table, long rows, long bytes, String sha256) {
    }

    @Serdeable
    public record ExcludedColumn(String table, String column, String reason) {
    }
}
