package com.kakehashi.survey;

import com.kakehashi.web.ProblemResponses;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The global default instrument, read-only for any signed-in user. */
@Controller("/api/v1/instruments")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Instruments")
@ProblemResponses.TokenRequired
class DefaultInstrumentController {

    private final InstrumentService instruments;

    DefaultInstrumentController(InstrumentService instruments) {
        this.instruments = instruments;
    }

    @Get("/default")
    @Operation(operationId = "getDefaultInstrument",
            summary = "The global default instrument",
            description = "The instrument every tenant starts from, with its items per warning sign; read-only.")
    DefaultInstrumentView get() {
        return instruments.defaultInstrument();
    }
}
