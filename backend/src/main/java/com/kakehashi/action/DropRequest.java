package com.kakehashi.action;

import com.kakehashi.web.MultiLine;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an action is given up: kept with it, so the register of what was tried stays honest. */
@Serdeable
public record DropRequest(@NotBlank @MultiLine @Size(max = 1000) String reason) {
}
