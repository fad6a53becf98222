package com.kakehashi.tenant;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A partial update: absent fields stay as they are. */
@Serdeable
public record TenantChanges(@Nullable @Size(min = 1, max = 200) String name,
                            @Nullable @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166 two-letter country code") String hqCountry,
                            @Nullable @Size(min = 1, max = 64) String hqTimeZone,
                            @Nullable @Size(min = 1, max = 200) String japanSubsidiaryName,
                            @Nullable @Min(value = 3, message = "must be at least 3 to protect anonymity") @Max(1000) Integer anonymityThreshold,
                            @Nullable @Min(value = 3, message = "must be at least 3 to protect anonymity") @Max(1000)
                            @Schema(description = "Comments a group needs before figures read from comments are shown; never below anonymityThreshold (raised with it when not sent)")
                            Integer commentThreshold,
                             @Nullable @Min(1) @Max(3650) Integer tokenLinkRetentionDays,
                             @Nullable @Min(1) @Max(120) Integer commentRetentionMonths,
                             @Nullable @Min(90) @Max(36500) Integer auditRetentionDays) {
}
