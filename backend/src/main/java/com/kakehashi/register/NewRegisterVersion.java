package com.kakehashi.register;

import com.kakehashi.web.MultiLine;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A change of an item: a new classification and/or rationale. {@code basedOn} is the version the
 * author was looking at; if someone changed the item meanwhile, the change is refused (409) rather
 * than silently replacing a version the author never saw.
 */
@Serdeable
public record NewRegisterVersion(@NotNull Classification classification,
                                 @NotBlank @MultiLine @Size(max = 4000) String rationale,
                                 @NotNull @Min(1) Integer basedOn) {
}
