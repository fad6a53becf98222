package com.kakehashi.engagement;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.web.Created;
import com.kakehashi.web.NoContent;
import com.kakehashi.web.ProblemResponses;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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

/** Executives may read their tenant's engagements; changing them is consultant work. */
@Controller("/api/v1/tenants/{tenantId}/engagements")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Engagements")
@ProblemResponses.TenantScoped
class EngagementController {

    private final EngagementService engagements;

    EngagementController(EngagementService engagements) {
        this.engagements = engagements;
    }

    @Get
    @Operation(operationId = "listEngagements",
            summary = "Engagements of the tenant",
            description = "Every member of the tenant may read them.")
    List<EngagementView> list(@PathVariable UUID tenantId) {
        return engagements.list();
    }

    @Post
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "createEngagement",
            summary = "Start an engagement",
            description = "Consultants and operators only: a named consulting engagement with its period, under which schedules, waves and actions are kept.")
    @Status(HttpStatus.CREATED)
    @Created
    @ProblemResponses.Conflict
    HttpResponse<EngagementView> create(@PathVariable UUID tenantId, @Body @Valid EngagementDetails body,
                                        Authentication authentication) {
        EngagementView created = engagements.create(Caller.of(authentication), body);
        return HttpResponse.created(created, URI.create("/api/v1/tenants/" + tenantId + "/engagements/" + created.id()));
    }

    @Get("/{engagementId}")
    @Operation(operationId = "getEngagement",
            summary = "One engagement",
            description = "Every member of the tenant may read it.")
    EngagementView get(@PathVariable UUID tenantId, @PathVariable UUID engagementId) {
        return engagements.get(engagementId);
    }

    @Put("/{engagementId}")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "updateEngagement",
            summary = "Change an engagement",
            description = "Consultants and operators only; replaces every field.")
    EngagementView update(@PathVariable UUID tenantId, @PathVariable UUID engagementId,
                          @Body @Valid EngagementDetails body, Authentication authentication) {
        return engagements.update(Caller.of(authentication), engagementId, body);
    }

    @Delete("/{engagementId}")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "deleteEngagement",
            summary = "Delete an engagement",
            description = "Consultants and operators only.")
    @Status(HttpStatus.NO_CONTENT)
    @NoContent
    HttpResponse<Void> delete(@PathVariable UUID tenantId, @PathVariable UUID engagementId,
                              Authentication authentication) {
        engagements.delete(Caller.of(authentication), engagementId);
        return HttpResponse.noContent();
    }
}
