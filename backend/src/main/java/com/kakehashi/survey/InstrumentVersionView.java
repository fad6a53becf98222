package com.kakehashi.survey;

import com.kakehashi.vocabulary.WarningSign;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Serdeable
public record InstrumentVersionView(UUID id, UUID instrumentId, int versionNumber, VersionStatus status,
                                    List<WarningSign> signs, @Nullable String commentPromptEn,
                                    @Nullable String commentPromptJa, Instant createdAt, @Nullable Instant publishedAt,
                                    List<InstrumentItemView> items) {

    static InstrumentVersionView of(InstrumentVersion v, List<InstrumentItemView> items) {
        return new InstrumentVersionView(v.id(), v.instrumentId(), v.versionNumber(), v.status(), v.chosenSigns(),
                v.commentPromptEn(), v.commentPromptJa(), v.createdAt(), v.publishedAt(), items);
    }
}
