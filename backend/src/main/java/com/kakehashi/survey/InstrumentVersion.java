package com.kakehashi.survey;

import com.kakehashi.vocabulary.WarningSign;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TenantId;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** One version of an instrument; {@code signs} holds the warning-sign names it measures. */
@MappedEntity("instrument_version")
record InstrumentVersion(@Id UUID id,
                         @TenantId @TypeDef(type = DataType.UUID) @Nullable String tenantId,
                         UUID instrumentId,
                         int versionNumber,
                         VersionStatus status,
                         @TypeDef(type = DataType.STRING_ARRAY) String[] signs,
                         @Nullable String commentPromptEn,
                         @Nullable String commentPromptJa,
                         Instant createdAt,
                         @Nullable Instant publishedAt) {

    List<WarningSign> chosenSigns() {
        return Arrays.stream(signs).map(WarningSign::valueOf).sorted().toList();
    }

    static String[] names(java.util.Collection<WarningSign> signs) {
        return signs.stream().sorted().map(Enum::name).toArray(String[]::new);
    }

    InstrumentVersion published(Instant at) {
        return new InstrumentVersion(id, tenantId, instrumentId, versionNumber, VersionStatus.PUBLISHED, signs,
                commentPromptEn, commentPromptJa, createdAt, at);
    }

    InstrumentVersion withContent(String[] newSigns, @Nullable String promptEn, @Nullable String promptJa) {
        return new InstrumentVersion(id, tenantId, instrumentId, versionNumber, status, newSigns, promptEn, promptJa,
                createdAt, publishedAt);
    }
}
