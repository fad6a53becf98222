package com.kakehashi.action;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an action is given up, in one line: kept with it, so the record of what was tried stays honest. */
@Serdeable
public record DropRequest(@NotBlank @Size(max = 1000) String reason) {
}
