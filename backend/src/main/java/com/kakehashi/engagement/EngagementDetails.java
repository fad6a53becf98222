package com.kakehashi.engagement;

import com.kakehashi.web.MultiLine;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Serdeable
@Schema(example = """
                {"name": "Post-merger alignment 2027", "goals": "Faster pricing decisions for Japan",
                "startDate": "2027-01-11", "endDate": "2027-12-17", "status": "ACTIVE", "consultantIds": []}""")
public record EngagementDetails(@NotBlank @Size(max = 200) String name,
                                @Nullable @MultiLine @Size(max = 4000) String goals,
                                @NotNull LocalDate startDate,
                                @Nullable LocalDate endDate,
                                @NotNull EngagementStatus status,
                                @Nullable @Size(max = 50) List<@NotNull UUID> consultantIds) {

    List<UUID> consultants() {
        return consultantIds == null ? List.of() : consultantIds;
    }
}
