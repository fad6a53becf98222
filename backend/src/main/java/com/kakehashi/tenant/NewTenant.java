package com.kakehashi.tenant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Creator;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Serdeable
@Schema(description = "A new client company: its HQ, its Japanese subsidiary and its anonymity threshold (default 5).",
        example = """
                {"name": "Nordwind Maschinenbau", "hqCountry": "DE", "hqTimeZone": "Europe/Berlin",
                 "japanSubsidiaryName": "ノルトヴィント・ジャパン株式会社", "anonymityThreshold": 5}""")
public record NewTenant(@NotBlank @Size(max = 200) String name,
                        @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166 two-letter country code") String hqCountry,
                        @NotBlank @Size(max = 64) String hqTimeZone,
                        @NotBlank @Size(max = 200) String japanSubsidiaryName,
                        @Nullable @Min(value = 3, message = "must be at least 3 to protect anonymity") @Max(1000) Integer anonymityThreshold,
                        @Nullable @Min(value = 3, message = "must be at least 3 to protect anonymity") @Max(1000)
                        @Schema(description = "Comments a group needs before figures read from comments are shown; default 10, never below anonymityThreshold")
                        Integer commentThreshold) {

    @Creator
    public NewTenant {
    }

    /** The default comment threshold. */
    public NewTenant(String name, String hqCountry, String hqTimeZone, String japanSubsidiaryName, Integer anonymityThreshold) {
        this(name, hqCountry, hqTimeZone, japanSubsidiaryName, anonymityThreshold, null);
    }
}
