package com.kakehashi.survey;

import com.kakehashi.vocabulary.WarningSign;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * Replaces everything editable in a draft: its items (in order), the warning signs it measures
 * (omitted: the signs of its items) and the optional comment question (both languages or neither).
 */
@Serdeable
public record DraftContent(@NotNull @Size(max = 100) List<@NotNull @Valid InstrumentItemDetails> items,
                           @Nullable @Size(min = 1, max = 9) List<@NotNull WarningSign> signs,
                           @Nullable @Size(max = 500) String commentPromptEn,
                           @Nullable @Size(max = 500) String commentPromptJa) {
}
