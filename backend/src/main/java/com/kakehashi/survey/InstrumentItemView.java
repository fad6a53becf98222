package com.kakehashi.survey;

import com.kakehashi.vocabulary.WarningSign;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An item of a version or of the default instrument; texts for a side not asked are null. An item of
 * the OUTCOME scale has no sign (see {@link ItemScale}).
 */
@Serdeable
public record InstrumentItemView(int position, String code, @Nullable WarningSign sign, Audience audience, boolean reverseKeyed,
                                 @Nullable String textHqEn, @Nullable String textHqJa,
                                 @Nullable String textJapanEn, @Nullable String textJapanJa, ItemScale scale) {

    public boolean outcome() {
        return scale == ItemScale.OUTCOME;
    }
}
