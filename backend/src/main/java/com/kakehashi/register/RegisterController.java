package com.kakehashi.register;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.register.RegisterViews.RegisterHealth;
import com.kakehashi.register.RegisterViews.RegisterItemView;
import com.kakehashi.web.Created;
import com.kakehashi.web.NoContent;
import com.kakehashi.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
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
 * The global–local register. Everyone of the tenant reads, adds items, proposes changes and records a
 * side's agreement or disagreement (executives for themselves or a named colleague, consultants on
 * behalf of the person who said it); removing an item is consultant work.
 */
@Controller("/api/v1/tenants/{tenantId}/register")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Register")
@ProblemResponses.TenantScoped
class RegisterController {

    private final RegisterService register;

    RegisterController(RegisterService register) {
        this.register = register;
    }

    @Get
    @Operation(operationId = "listRegisterItems",
            summary = "Register items: open disagreements first, then pending, then agreed",
            description = "Filter by classification, state and area.")
    List<RegisterItemView> list(@PathVariable UUID tenantId, @QueryValue @Nullable Classification classification,
                                @QueryValue @Nullable RegisterState state, @QueryValue @Nullable RegisterArea area) {
        return register.list(classification, state, area);
    }

    @Post
    @Operation(operationId = "createRegisterItem", summary = "Add an item with its first version, pending both sides' agreement",
            description = "Every member of the tenant may add an item; its first version needs both sides' agreement.")
    @Status(HttpStatus.CREATED)
    @Created
    @ProblemResponses.Conflict
    HttpResponse<RegisterItemView> create(@PathVariable UUID tenantId, @Body @Valid NewRegisterItem body,
                                          Authentication authentication) {
        RegisterItemView created = register.create(Caller.of(authentication), body);
        return HttpResponse.created(created, URI.create("/api/v1/tenants/" + tenantId + "/register/" + created.id()));
    }

    @Get("/health")
    @Operation(operationId = "registerHealth",
            summary = "Share of items agreed by both sides, open disagreements and their age",
            description = "For the tenant's dashboard: how much of the register both sides agree to and how long disagreements have been open.")
    RegisterHealth health(@PathVariable UUID tenantId) {
        return register.health();
    }

    @Get("/{itemId}")
    @Operation(operationId = "getRegisterItem", summary = "An item with every version and who agreed or disagreed to which, when",
            description = "Versions newest first, each with the approvals recorded against it.")
    RegisterItemView get(@PathVariable UUID tenantId, @PathVariable UUID itemId) {
        return register.get(itemId);
    }

    @Post("/{itemId}/versions")
    @Operation(operationId = "proposeRegisterVersion",
            summary = "Change an item: a new version, which reopens it until both sides agree",
            description = "The new version becomes current and needs both sides' agreement again; a change based on a version that is no longer current is a 409.")
    @Status(HttpStatus.CREATED)
    @Created
    @ProblemResponses.Conflict
    HttpResponse<RegisterItemView> propose(@PathVariable UUID tenantId, @PathVariable UUID itemId,
                                           @Body @Valid NewRegisterVersion body, Authentication authentication) {
        RegisterItemView changed = register.propose(Caller.of(authentication), itemId, body);
        return HttpResponse.created(changed, URI.create("/api/v1/tenants/" + tenantId + "/register/" + itemId));
    }

    @Post("/{itemId}/approvals")
    @Operation(operationId = "recordRegisterApproval",
            summary = "Record one side's agreement or disagreement to the current version",
            description = "Executives for themselves or a named colleague, consultants on behalf of the person who said it; a version that is no longer current is a 409.")
    @Status(HttpStatus.CREATED)
    @Created
    @ProblemResponses.Conflict
    HttpResponse<RegisterItemView> approve(@PathVariable UUID tenantId, @PathVariable UUID itemId,
                                           @Body @Valid NewApproval body, Authentication authentication) {
        RegisterItemView item = register.approve(Caller.of(authentication), itemId, body);
        return HttpResponse.created(item, URI.create("/api/v1/tenants/" + tenantId + "/register/" + itemId));
    }

    @Delete("/{itemId}")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "deleteRegisterItem", summary = "Remove an item entered by mistake (the audit log keeps that it existed)",
            description = "Consultants and operators only.")
    @Status(HttpStatus.NO_CONTENT)
    @NoContent
    HttpResponse<Void> delete(@PathVariable UUID tenantId, @PathVariable UUID itemId, Authentication authentication) {
        register.delete(Caller.of(authentication), itemId);
        return HttpResponse.noContent();
    }
}
