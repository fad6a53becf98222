package com.kakehashi.action;

import com.kakehashi.web.MultiLine;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A comment on an action, in the language it is written in ("ja" or "en"). */
@Serdeable
public record NewComment(@NotBlank @MultiLine @Size(max = 4000) String text,
                         @NotNull @Pattern(regexp = "ja|en", message = "must be ja or en") String language) {
}
