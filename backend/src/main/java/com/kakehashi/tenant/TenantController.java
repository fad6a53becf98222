package com.kakehashi.tenant;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.web.Created;
import com.kakehashi.web.ProblemResponses;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
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

@Controller("/api/v1/tenants")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Tenants")
@ProblemResponses.TokenRequired
class TenantController {

    private final TenantService tenants;

    TenantController(TenantService tenants) {
        this.tenants = tenants;
    }

    @Get
    @Operation(operationId = "listTenants", summary = "Tenants the caller may see",
            description = "Operators see every tenant; consultants the tenants they are assigned to; executives their own.")
    List<TenantView> list(Authentication authentication) {
        return tenants.visibleTo(Caller.of(authentication));
    }

    @Post
    @Secured(Role.OPERATOR_NAME)
    @Operation(operationId = "createTenant", summary = "Create a tenant (operators only)",
            description = "Starts a client company with its HQ, its Japanese subsidiary and its anonymity threshold; "
                    + "409 when it collides with an existing tenant.")
    @Status(HttpStatus.CREATED)
    @Created
    @ProblemResponses.Conflict
    HttpResponse<TenantView> create(@Body @Valid NewTenant body, Authentication authentication) {
        TenantView created = tenants.create(Caller.of(authentication), body);
        return HttpResponse.created(created, URI.create("/api/v1/tenants/" + created.id()));
    }

    @Get("/{tenantId}")
    @Operation(operationId = "getTenant", summary = "One tenant's settings",
            description = "Any member of the tenant may read its name and settings.")
    @ProblemResponses.NotFound
    TenantView get(@PathVariable UUID tenantId) {
        return tenants.current();
    }

    @Patch("/{tenantId}")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "updateTenant", summary = "Change some settings of a tenant",
            description = "Consultants change the settings; only operators change the name (403 otherwise).")
    @ProblemResponses.NotFound
    @ProblemResponses.Conflict
    TenantView update(@PathVariable UUID tenantId, @Body @Valid TenantChanges body, Authentication authentication) {
        return tenants.update(Caller.of(authentication), body);
    }
}
