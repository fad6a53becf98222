package com.kakehashi.objective;

import com.kakehashi.web.MultiLine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A strategic decision: proposed, perhaps approved, and whether Japan was consulted before approval. The stages
 * of the consensus process may carry dates: the informal consultation with Japan ({@code consultedOn}, before or
 * after the proposal) and the start of execution ({@code executionStartedOn}, on or after the approval).
 */
@Serdeable
public record DecisionDetails(@NotNull UUID engagementId,
                              @NotBlank @Size(max = 200) String title,
                              @NotNull LocalDate proposedOn,
                              @Nullable LocalDate approvedOn,
                              @NotNull Boolean japanConsulted,
                              @Nullable LocalDate consultedOn,
                              @Nullable LocalDate executionStartedOn,
                              @Nullable @MultiLine @Size(max = 4000) String notes) {
}
