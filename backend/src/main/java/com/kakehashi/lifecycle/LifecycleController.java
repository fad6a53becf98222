package com.kakehashi.lifecycle;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.List;
import java.util.UUID;

/** A tenant's data as a whole: export and offboarding (docs/operations.md, "Data lifecycle"). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Tenants")
class LifecycleController {

    static final MediaType ZIP = MediaType.of("application/zip");

    private final TenantExport export;
    private final TenantOffboarding offboarding;

    LifecycleController(TenantExport export, TenantOffboarding offboarding) {
        this.export = export;
        this.offboarding = offboarding;
    }

    @Get(value = "/api/v1/tenants/{tenantId}/export", produces = "application/zip")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "exportTenant", summary = "Everything of one tenant as a zip",
            description = "One CSV per tenant table (secrets such as token and password hashes left out), tenant.json, "
                    + "members.json and last manifest.json (files, row counts, SHA-256 per file, schema version). "
                    + "Streamed: a zip without manifest.json broke off and is incomplete.")
    @ApiResponse(responseCode = "200", description = "The zip, streamed")
    @ApiResponse(responseCode = "403", description = "Executives may not export")
    @ApiResponse(responseCode = "404", description = "No such tenant for the caller")
    HttpResponse<StreamedFile> export(@PathVariable UUID tenantId, Authentication authentication) {
        StreamedFile zip = new StreamedFile(export.start(Caller.of(authentication)), ZIP)
                .attach("kakehashi-tenant-" + tenantId + ".zip");
        return HttpResponse.ok(zip);
    }

    @Delete("/api/v1/tenants/{tenantId}")
    @Secured(Role.OPERATOR_NAME)
    @Operation(operationId = "offboardTenant", summary = "Delete every row of one tenant (client offboarding)",
            description = "One transaction; checked over every table with tenant_id before it commits. The tenant's exact "
                    + "name must be given as confirm. The deletion is recorded in the platform audit, which outlives the tenant.")
    @ApiResponse(responseCode = "204", description = "The tenant and all its data are gone")
    @ApiResponse(responseCode = "400", description = "confirm is missing or not the tenant's name")
    @ApiResponse(responseCode = "403", description = "Only operators offboard tenants")
    @ApiResponse(responseCode = "404", description = "No such tenant")
    HttpResponse<Void> offboard(@PathVariable UUID tenantId, @QueryValue @Nullable String confirm,
                                Authentication authentication) {
        offboarding.offboard(Caller.of(authentication), confirm);
        return HttpResponse.noContent();
    }

    @Get("/api/v1/platform-audit")
    @Secured(Role.OPERATOR_NAME)
    @Operation(operationId = "listPlatformAudit", summary = "What happened to whole tenants, newest first",
            description = "Offboardings, with the rows each table held; kept after the tenant is gone.")
    @ApiResponse(responseCode = "200", description = "The newest entries")
    @ApiResponse(responseCode = "403", description = "Only operators read the platform audit")
    List<PlatformAuditEntry> platformAudit(@QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return offboarding.platformAudit(limit);
    }
}
