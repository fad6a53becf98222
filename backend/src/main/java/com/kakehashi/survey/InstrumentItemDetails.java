package com.kakehashi.survey;

import com.kakehashi.vocabulary.WarningSign;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * One item of a draft as the consultant writes it; its position is its place in the list. Texts may
 * be missing while the draft is worked on (a translation still pending); publishing requires every
 * text of the item's audience in both languages, and a text for a side not asked must stay empty.
 * scale absent means SIGN, which needs a sign; an OUTCOME item has none.
 */
@Serdeable
public record InstrumentItemDetails(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z][A-Z0-9_]*") String code,
                                    @Nullable WarningSign sign,
                                    @NotNull Audience audience,
                                    @NotNull Boolean reverseKeyed,
                                    @Nullable @Size(max = 500) String textHqEn,
                                    @Nullable @Size(max = 500) String textHqJa,
                                    @Nullable @Size(max = 500) String textJapanEn,
                                    @Nullable @Size(max = 500) String textJapanJa,
                                    @Nullable ItemScale scale) {
}
