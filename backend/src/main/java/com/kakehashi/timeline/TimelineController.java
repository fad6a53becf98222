package com.kakehashi.timeline;

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

/** Everyone in the tenant reads an engagement's events; recording and removing them is consultant work. */
@Controller("/api/v1/tenants/{tenantId}/engagements/{engagementId}/events")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Timeline")
@ProblemResponses.TenantScoped
class TimelineController {

    private final TimelineService timeline;

    TimelineController(TimelineService timeline) {
        this.timeline = timeline;
    }

    @Get
    @Operation(operationId = "listTimelineEvents",
            summary = "Events on an engagement's timeline",
            description = "Milestones and incidents shown beside the trends, oldest first.")
    List<TimelineEventView> list(@PathVariable UUID tenantId, @PathVariable UUID engagementId) {
        return timeline.list(engagementId);
    }

    @Post
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "createTimelineEvent",
            summary = "Record an event on an engagement's timeline",
            description = "Consultants and operators only.")
    @Status(HttpStatus.CREATED)
    @Created
    @ProblemResponses.Conflict
    HttpResponse<TimelineEventView> create(@PathVariable UUID tenantId, @PathVariable UUID engagementId,
                                           @Body @Valid NewTimelineEvent body, Authentication authentication) {
        TimelineEventView created = timeline.create(Caller.of(authentication), engagementId, body);
        return HttpResponse.created(created, URI.create("/api/v1/tenants/" + tenantId + "/engagements/" + engagementId
                + "/events/" + created.id()));
    }

    @Delete("/{eventId}")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "deleteTimelineEvent",
            summary = "Remove an event from the timeline",
            description = "Consultants and operators only.")
    @Status(HttpStatus.NO_CONTENT)
    @NoContent
    HttpResponse<Void> delete(@PathVariable UUID tenantId, @PathVariable UUID engagementId, @PathVariable UUID eventId,
                              Authentication authentication) {
        timeline.delete(Caller.of(authentication), engagementId, eventId);
        return HttpResponse.noContent();
    }
}
