package com.kakehashi.objective;

import com.kakehashi.web.MultiLine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An initiative HQ announced, with its milestones in order (planned and, once reached, actual dates). */
@Serdeable
public record InitiativeDetails(@NotNull UUID engagementId,
                                @NotBlank @Size(max = 200) String title,
                                @Nullable @MultiLine @Size(max = 4000) String description,
                                @NotNull LocalDate announcedOn,
                                @Nullable @Size(max = 50) List<@NotNull @Valid MilestoneDetails> milestones) {

    List<MilestoneDetails> milestoneList() {
        return milestones == null ? List.of() : milestones;
    }
}
