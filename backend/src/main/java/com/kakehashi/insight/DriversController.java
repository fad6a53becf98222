package com.kakehashi.insight;

import com.kakehashi.vocabulary.Side;
import com.kakehashi.web.InvalidInputException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Key drivers of alignment: read like every insight (whoever may enter the tenant). */
@Controller("/api/v1/tenants/{tenantId}/insights")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Insights")
class DriversController {

    private final KeyDriverService drivers;

    DriversController(KeyDriverService drivers) {
        this.drivers = drivers;
    }

    @Get("/drivers")
    @Operation(operationId = "insightDrivers",
            summary = "Per side, how much of the outcome's (alignment's) variance each warning sign explains: "
                    + "the Shapley/LMG decomposition of R², with bootstrap 95% intervals",
            description = "side is a comma-separated list of HQ, JAPAN, REGIONAL; from and to are ISO dates of wave "
                    + "occurrences. One row per complete response of the closed waves in the filter; a wave's responses of "
                    + "a side enter only if at least k are complete; a side with fewer than max(minimumN, k) rows is "
                    + "refused (refusedReason BELOW_MINIMUM_N).")
    DriverViews.Drivers drivers(@PathVariable UUID tenantId, @QueryValue @Nullable String engagementId,
                                @QueryValue @Nullable String side, @QueryValue @Nullable String from,
                                @QueryValue @Nullable String to) {
        UUID engagement = null;
        if (engagementId != null && !engagementId.isBlank()) {
            try {
                engagement = UUID.fromString(engagementId.strip());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("engagementId", "must be a UUID");
            }
        }
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start != null && end != null && end.isBefore(start)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        return drivers.drivers(new KeyDriverService.Filter(engagement, sides(side), start, end));
    }

    private static Set<Side> sides(@Nullable String value) {
        Set<Side> result = EnumSet.noneOf(Side.class);
        if (value == null || value.isBlank()) {
            return result;
        }
        for (String part : value.split(",")) {
            try {
                result.add(Side.valueOf(part.strip()));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("side", "unknown value; one of " + EnumSet.allOf(Side.class));
            }
        }
        return result;
    }

    private static @Nullable LocalDate date(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "must be a date (YYYY-MM-DD)");
        }
    }
}
