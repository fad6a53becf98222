package com.kakehashi.participant;

import com.kakehashi.identity.Caller;
import com.kakehashi.vocabulary.Level;
import com.kakehashi.vocabulary.Side;
import com.kakehashi.web.Created;
import com.kakehashi.web.NoContent;
import com.kakehashi.web.PageView;
import com.kakehashi.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.util.UUID;

/**
 * Consultants and operators maintain the participant list; the tenant's executives only with the
 * client-administrator permission (403 otherwise, decided by the service).
 */
@Controller("/api/v1/tenants/{tenantId}/participants")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Participants")
@ProblemResponses.TenantScoped
class ParticipantController {

    private final ParticipantService participants;

    ParticipantController(ParticipantService participants) {
        this.participants = participants;
    }

    @Get
    @Operation(operationId = "listParticipants",
            summary = "Participants of the tenant, paged",
            description = "Filter by side, level, active and a search text over name and email.")
    PageView<ParticipantView> list(@PathVariable UUID tenantId,
                                   @QueryValue @Nullable Side side,
                                   @QueryValue @Nullable Level level,
                                   @QueryValue @Nullable Boolean active,
                                   @QueryValue @Nullable @Size(max = 200) String q,
                                   @QueryValue(defaultValue = "0") @Min(0) int page,
                                   @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size,
                                   Authentication authentication) {
        return participants.list(Caller.of(authentication), new ParticipantFilter(side, level, active, q), page, size);
    }

    @Post
    @Operation(operationId = "createParticipant",
            summary = "Add a participant",
            description = "An email already in the tenant is a 409.")
    @Status(HttpStatus.CREATED)
    @Created
    @ProblemResponses.Conflict
    HttpResponse<ParticipantView> create(@PathVariable UUID tenantId, @Body @Valid ParticipantDetails body,
                                         Authentication authentication) {
        ParticipantView created = participants.create(Caller.of(authentication), body);
        return HttpResponse.created(created, URI.create("/api/v1/tenants/" + tenantId + "/participants/" + created.id()));
    }

    @Get("/{participantId}")
    @Operation(operationId = "getParticipant",
            summary = "One participant",
            description = "Consultants, operators and executives with the participant-admin permission.")
    ParticipantView get(@PathVariable UUID tenantId, @PathVariable UUID participantId,
                        Authentication authentication) {
        return participants.get(Caller.of(authentication), participantId);
    }

    @Put("/{participantId}")
    @Operation(operationId = "updateParticipant",
            summary = "Change a participant",
            description = "Replaces every field; an email already used by another participant is a 409.")
    @ProblemResponses.Conflict
    ParticipantView update(@PathVariable UUID tenantId, @PathVariable UUID participantId,
                           @Body @Valid ParticipantDetails body, Authentication authentication) {
        return participants.update(Caller.of(authentication), participantId, body);
    }

    @Post("/{participantId}/deactivate")
    @Operation(operationId = "deactivateParticipant", summary = "Stop surveying this person; history stays",
            description = "The person is left out of future waves; past responses stay in the aggregates.")
    ParticipantView deactivate(@PathVariable UUID tenantId, @PathVariable UUID participantId,
                               Authentication authentication) {
        return participants.deactivate(Caller.of(authentication), participantId);
    }

    @Delete("/{participantId}")
    @Operation(operationId = "eraseParticipant", summary = "Erase the person's data (privacy request); anonymous responses stay",
            description = "Nothing that names the person remains; the anonymous responses and the aggregates stay.")
    @Status(HttpStatus.NO_CONTENT)
    @NoContent
    HttpResponse<Void> erase(@PathVariable UUID tenantId, @PathVariable UUID participantId,
                             Authentication authentication) {
        participants.erase(Caller.of(authentication), participantId);
        return HttpResponse.noContent();
    }

    @Post("/import")
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN})
    @Operation(operationId = "importParticipants", summary = "Upsert participants by email from a CSV file",
            description = "The body is the CSV file. Each row is checked on its own; the report says, row by row, what was created, updated or refused and why.")
    @ProblemResponses.Conflict
    CsvImportReport importCsv(@PathVariable UUID tenantId, @Body byte[] body, Authentication authentication) {
        return participants.importCsv(Caller.of(authentication), body);
    }
}
