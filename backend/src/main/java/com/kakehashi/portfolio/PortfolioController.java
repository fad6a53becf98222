package com.kakehashi.portfolio;

import com.kakehashi.identity.Caller;
import com.kakehashi.web.ProblemResponses;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

@Controller("/api/v1/portfolio")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Portfolio")
@ProblemResponses.TokenRequired
class PortfolioController {

    private final PortfolioService portfolio;

    PortfolioController(PortfolioService portfolio) {
        this.portfolio = portfolio;
    }

    @Get
    @Operation(operationId = "portfolio", summary = "Every tenant the caller may see, most in need of attention first",
            description = "One row per visible tenant with its latest wave, its riskiest signs and its widest HQ–Japan gap; values below the anonymity threshold are suppressed with their reason.")
    List<PortfolioViews.TenantSummary> list(Authentication authentication) {
        return portfolio.visibleTo(Caller.of(authentication));
    }
}
