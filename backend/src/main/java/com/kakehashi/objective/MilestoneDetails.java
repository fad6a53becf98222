package com.kakehashi.objective;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

@Serdeable
public record MilestoneDetails(@NotBlank @Size(max = 200) String name, @NotNull LocalDate plannedOn,
                               @Nullable LocalDate actualOn) {
}
