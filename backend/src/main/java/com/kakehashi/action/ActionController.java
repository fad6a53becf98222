package com.kakehashi.action;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
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
class ActionController {

    private final ActionService actions;

    ActionController(ActionService actions) {
        this.actions = actions;
    }

    @Get
    @Operation(operationId = "listActions", summary = "Actions by status, then due date; overdue ones are marked")
    List<ActionView> list(@PathVariable UUID tenantId, @QueryValue @Nullable UUID engagementId,
                          @QueryValue @Nullable ActionStatus status) {
        return actions.list(engagementId, status);
    }

    @Post
    @Operation(operationId = "createAction",
            summary = "Propose an action to its HQ and Japan owners; with alertId it answers that alert and acknowledges it")
    HttpResponse<ActionView> create(@PathVariable UUID tenantId, @Body @Valid ActionDetails body, Authentication authentication) {
        ActionView created = actions.create(Caller.of(authentication), body);
        return HttpResponse.created(created, URI.create("/api/v1/tenants/" + tenantId + "/actions/" + created.id()));
    }

    @Get("/{actionId}")
    @Operation(operationId = "getAction", summary = "One action with both owners and their agreements")
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
            summary = "Edit an action; new owners or signs after an agreement withdraw the agreements (said in the answer)")
    ActionUpdate update(@PathVariable UUID tenantId, @PathVariable UUID actionId, @Body @Valid ActionChanges body,
                        Authentication authentication) {
        return actions.update(Caller.of(authentication), actionId, body);
    }

    @Post("/{actionId}/agreements")
    @Operation(operationId = "agreeToAction",
            summary = "The owner of one side agrees (an executive only for the side they own); AGREED once both sides have")
    ActionView agree(@PathVariable UUID tenantId, @PathVariable UUID actionId, @Body @Valid Agreement body,
                     Authentication authentication) {
        return actions.agree(Caller.of(authentication), actionId, body.side());
    }

    @Post("/{actionId}/start")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "startAction", summary = "AGREED to IN_PROGRESS, started today")
    ActionView start(@PathVariable UUID tenantId, @PathVariable UUID actionId, Authentication authentication) {
        return actions.start(Caller.of(authentication), actionId);
    }

    @Post("/{actionId}/done")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "completeAction", summary = "IN_PROGRESS to DONE, done today")
    ActionView done(@PathVariable UUID tenantId, @PathVariable UUID actionId, Authentication authentication) {
        return actions.done(Caller.of(authentication), actionId);
    }

    @Post("/{actionId}/drop")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "dropAction", summary = "Give up an action that is not done, with the reason why")
    ActionView drop(@PathVariable UUID tenantId, @PathVariable UUID actionId, @Body @Valid DropRequest body,
                    Authentication authentication) {
        return actions.drop(Caller.of(authentication), actionId, body.reason());
    }

    @Get("/{actionId}/comments")
    @Operation(operationId = "listActionComments", summary = "Comments on an action, oldest first")
    List<ActionCommentView> comments(@PathVariable UUID tenantId, @PathVariable UUID actionId) {
        return actions.comments(actionId);
    }

    @Post("/{actionId}/comments")
    @Operation(operationId = "commentOnAction", summary = "Add a comment to an action")
    HttpResponse<ActionCommentView> comment(@PathVariable UUID tenantId, @PathVariable UUID actionId,
                                            @Body @Valid NewComment body, Authentication authentication) {
        ActionCommentView created = actions.comment(Caller.of(authentication), actionId, body);
        return HttpResponse.created(created, URI.create("/api/v1/tenants/" + tenantId + "/actions/" + actionId + "/comments"));
    }
}
