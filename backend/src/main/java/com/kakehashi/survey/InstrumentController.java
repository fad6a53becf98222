package com.kakehashi.survey;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.web.Created;
import com.kakehashi.web.ProblemResponses;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** A tenant's survey instruments: executives read them; operators and consultants write them. */
@Controller("/api/v1/tenants/{tenantId}/instruments")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Instruments")
@ProblemResponses.TenantScoped
class InstrumentController {

    private final InstrumentService instruments;

    InstrumentController(InstrumentService instruments) {
        this.instruments = instruments;
    }

    @Get
    @Operation(operationId = "listInstruments",
            summary = "Survey instruments of the tenant",
            description = "Each with its versions (draft or published).")
    List<InstrumentView> list(@PathVariable UUID tenantId) {
        return instruments.list();
    }

    @Post
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "createInstrument",
            summary = "Create an instrument from the default",
            description = "Consultants and operators only.")
    @Status(HttpStatus.CREATED)
    @Created
    @ProblemResponses.Conflict
    HttpResponse<InstrumentView> create(@PathVariable UUID tenantId, @Body @Valid NewInstrument body,
                                        Authentication authentication) {
        InstrumentView created = instruments.create(Caller.of(authentication), body);
        return HttpResponse.created(created, URI.create(base(tenantId) + "/" + created.id()));
    }

    @Get("/{instrumentId}")
    @Operation(operationId = "getInstrument",
            summary = "One instrument with its versions",
            description = "Every member of the tenant may read it.")
    InstrumentView get(@PathVariable UUID tenantId, @PathVariable UUID instrumentId) {
        return instruments.get(instrumentId);
    }

    @Get("/{instrumentId}/versions/{versionId}")
    @Operation(operationId = "getInstrumentVersion",
            summary = "One version with its items",
            description = "Items in their order, with their sign, scale and texts in both languages.")
    InstrumentVersionView version(@PathVariable UUID tenantId, @PathVariable UUID instrumentId,
                                  @PathVariable UUID versionId) {
        return instruments.version(instrumentId, versionId);
    }

    @Post("/{instrumentId}/versions")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "createInstrumentDraft",
            summary = "Start a new draft version",
            description = "Copies the latest published version; an instrument that already has a draft, or has nothing published, is a 409.")
    @Status(HttpStatus.CREATED)
    @Created
    @ProblemResponses.Conflict
    HttpResponse<InstrumentVersionView> newDraft(@PathVariable UUID tenantId, @PathVariable UUID instrumentId,
                                                 Authentication authentication) {
        InstrumentVersionView draft = instruments.newDraft(Caller.of(authentication), instrumentId);
        return HttpResponse.created(draft, URI.create(base(tenantId) + "/" + instrumentId + "/versions/" + draft.id()));
    }

    @Put("/{instrumentId}/versions/{versionId}/items")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "replaceInstrumentDraftItems",
            summary = "Replace the items of a draft",
            description = "Only a draft can change (409 once published); the list replaces every item.")
    @ProblemResponses.Conflict
    InstrumentVersionView replaceItems(@PathVariable UUID tenantId, @PathVariable UUID instrumentId,
                                       @PathVariable UUID versionId, @Body @Valid DraftContent body,
                                       Authentication authentication) {
        return instruments.replaceDraft(Caller.of(authentication), instrumentId, versionId, body);
    }

    @Post("/{instrumentId}/versions/{versionId}/publish")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "publishInstrumentVersion",
            summary = "Publish a draft",
            description = "A published version is frozen; waves launched from now on use it. Publishing a published version is a 409.")
    @ProblemResponses.Conflict
    InstrumentVersionView publish(@PathVariable UUID tenantId, @PathVariable UUID instrumentId,
                                  @PathVariable UUID versionId, Authentication authentication) {
        return instruments.publish(Caller.of(authentication), instrumentId, versionId);
    }

    private static String base(UUID tenantId) {
        return "/api/v1/tenants/" + tenantId + "/instruments";
    }
}
