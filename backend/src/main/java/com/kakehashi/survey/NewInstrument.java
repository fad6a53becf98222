package com.kakehashi.survey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new instrument; with copyOfDefault its draft version 1 starts as the default instrument, else empty. */
@Serdeable
public record NewInstrument(@NotBlank @Size(max = 200) String name, @Nullable Boolean copyOfDefault) {

    boolean copiesDefault() {
        return Boolean.TRUE.equals(copyOfDefault);
    }
}
