package com.kakehashi.alert;

import com.kakehashi.web.MultiLine;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Serdeable
public record NewNote(@NotBlank @MultiLine @Size(max = 4000) String text) {
}
