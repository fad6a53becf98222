package com.kakehashi.lifecycle;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import io.micronaut.core.annotation.Nullable;
import com.kakehashi.web.NoContent;
import com.kakehashi.web.ProblemResponses;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Status;
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
@ProblemResponses.TokenRequired
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
    @ProblemResponses.NotFound
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
    @Status(HttpStatus.NO_CONTENT)
    @NoContent
    @ProblemResponses.NotFound
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
    List<PlatformAuditEntry> platformAudit(@QueryValue(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return offboarding.platformAudit(limit);
    }
}
