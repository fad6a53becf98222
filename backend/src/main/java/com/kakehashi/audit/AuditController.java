package com.kakehashi.audit;

import com.kakehashi.identity.Role;
import com.kakehashi.web.PageView;
import com.kakehashi.web.ProblemResponses;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.util.UUID;

@Controller("/api/v1/tenants/{tenantId}/audit")
@Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Audit")
@ProblemResponses.TenantScoped
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @Get
    @Operation(operationId = "listAudit", summary = "Who did what in this tenant, newest first",
            description = "Paged; consultants and operators only.")
    PageView<AuditEntry> list(@PathVariable UUID tenantId,
                              @QueryValue(defaultValue = "0") @Min(0) int page,
                              @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        return audit.page(page, size);
    }
}
