package com.kakehashi.action;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.web.Created;
import com.kakehashi.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Action plans. Everyone in the tenant reads them; executives also propose, comment and agree for
 * the side they own (the service checks that); consultants and operators edit and move them along.
 */
@Controller("/api/v1/tenants/{tenantId}/actions")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Actions")
@ProblemResponses.TenantScoped
class ActionController {

    private final ActionService actions;

    ActionController(ActionService actions) {
        this.actions = actions;
    }

    @Get
    @Operation(operationId = "listActions", summary = "Actions by status, then due date; overdue ones are marked",
            description = "Filter by engagementId and status. Every member of the tenant may read the action plan.")
    List<ActionView> list(@PathVariable UUID tenantId, @QueryValue @Nullable UUID engagementId,
                          @QueryValue @Nullable ActionStatus status) {
        return actions.list(engagementId, status);
    }

    @Post
    @Operation(operationId = "createAction",
            summary = "Propose an action to its HQ and Japan owners; with alertId it answers that alert and acknowledges it",
            description = "Consultants and operators propose for both sides; an executive only for the side they own. The new action starts PROPOSED.")
    @Status(HttpStatus.CREATED)
    @Created
    @ProblemResponses.Conflict
    HttpResponse<ActionView> create(@PathVariable UUID tenantId, @Body @Valid ActionDetails body, Authentication authentication) {
        ActionView created = actions.create(Caller.of(authentication), body);
        return HttpResponse.created(created, URI.create("/api/v1/tenants/" + tenantId + "/actions/" + created.id()));
    }

    @Get("/{actionId}")
    @Operation(operationId = "getAction", summary = "One action with both owners and their agreements",
            description = "Includes both owners, the targeted signs and which side has agreed.")
    ActionView get(@PathVariable UUID tenantId, @PathVariable UUID actionId) {
        return actions.get(actionId);
    }

    @Get("/{actionId}/effect")
    @Operation(operationId = "getActionEffect", summary = "The effect of an action on the signs it targets, per side",
            description = "Mean risk index of the last closed waves before the action began (beforeWaves, default 4)"
                    + " against the closed waves since, with a 95% interval, and the difference-in-differences against"
                    + " the signs the action does not target. Hidden waves are left out with their reason; the verdict"
                    + " says TOO_EARLY until at least two waves on each side of the start have a value.")
    ActionEffect effect(@PathVariable UUID tenantId, @PathVariable UUID actionId, @QueryValue @Nullable Integer beforeWaves) {
        return actions.effect(actionId, beforeWaves);
    }

    @Put("/{actionId}")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "updateAction",
            summary = "Edit an action; new owners or signs after an agreement withdraw the agreements (said in the answer)",
            description = "Consultants and operators only. A DONE or DROPPED action cannot change, and once IN_PROGRESS its owners, signs and start date are fixed (409).")
    @ProblemResponses.Conflict
    ActionUpdate update(@PathVariable UUID tenantId, @PathVariable UUID actionId, @Body @Valid ActionChanges body,
                        Authentication authentication) {
        return actions.update(Caller.of(authentication), actionId, body);
    }

    @Post("/{actionId}/agreements")
    @Operation(operationId = "agreeToAction",
            summary = "The owner of one side agrees (an executive only for the side they own); AGREED once both sides have",
            description = "Only a PROPOSED action can be agreed to, once per side (409 otherwise).")
    @ProblemResponses.Conflict
    ActionView agree(@PathVariable UUID tenantId, @PathVariable UUID actionId, @Body @Valid Agreement body,
                     Authentication authentication) {
        return actions.agree(Caller.of(authentication), actionId, body.side());
    }

    @Post("/{actionId}/start")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "startAction", summary = "AGREED to IN_PROGRESS, started today",
            description = "Only an AGREED action can start (409 otherwise).")
    @ProblemResponses.Conflict
    ActionView start(@PathVariable UUID tenantId, @PathVariable UUID actionId, Authentication authentication) {
        return actions.start(Caller.of(authentication), actionId);
    }

    @Post("/{actionId}/done")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "completeAction", summary = "IN_PROGRESS to DONE, done today",
            description = "Only an action IN_PROGRESS can be done (409 otherwise).")
    @ProblemResponses.Conflict
    ActionView done(@PathVariable UUID tenantId, @PathVariable UUID actionId, Authentication authentication) {
        return actions.done(Caller.of(authentication), actionId);
    }

    @Post("/{actionId}/drop")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "dropAction", summary = "Give up an action that is not done, with the reason why",
            description = "The reason is kept with the action; only an action that is still open can be dropped (409 otherwise).")
    @ProblemResponses.Conflict
    ActionView drop(@PathVariable UUID tenantId, @PathVariable UUID actionId, @Body @Valid DropRequest body,
                    Authentication authentication) {
        return actions.drop(Caller.of(authentication), actionId, body.reason());
    }

    @Get("/{actionId}/comments")
    @Operation(operationId = "listActionComments", summary = "Comments on an action, oldest first",
            description = "Every member of the tenant may read the discussion.")
    List<ActionCommentView> comments(@PathVariable UUID tenantId, @PathVariable UUID actionId) {
        return actions.comments(actionId);
    }

    @Post("/{actionId}/comments")
    @Operation(operationId = "commentOnAction", summary = "Add a comment to an action",
            description = "The comment names its author; Location is the action's comment list.")
    @Status(HttpStatus.CREATED)
    @Created
    HttpResponse<ActionCommentView> comment(@PathVariable UUID tenantId, @PathVariable UUID actionId,
                                            @Body @Valid NewComment body, Authentication authentication) {
        ActionCommentView created = actions.comment(Caller.of(authentication), actionId, body);
        return HttpResponse.created(created, URI.create("/api/v1/tenants/" + tenantId + "/actions/" + actionId + "/comments"));
    }
}
