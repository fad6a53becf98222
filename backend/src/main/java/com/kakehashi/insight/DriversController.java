package com.kakehashi.insight;

import com.kakehashi.vocabulary.Side;
import com.kakehashi.web.ProblemResponses;
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

import java.util.UUID;

/** Key drivers of alignment: read like every insight (whoever may enter the tenant). */
@Controller("/api/v1/tenants/{tenantId}/insights")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Insights")
@ProblemResponses.TenantScoped
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
        InsightService.Filter period = InsightController.filter(engagementId, null, null, null, from, to);
        return drivers.drivers(new KeyDriverService.Filter(period.engagementId(),
                InsightController.names("side", side, Side.class, Side::valueOf), period.from(), period.to()));
    }
}
