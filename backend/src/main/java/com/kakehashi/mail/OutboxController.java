package com.kakehashi.mail;

import com.kakehashi.identity.Role;
import com.kakehashi.web.ProblemResponses;
import io.micronaut.core.annotation.Nullable;
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
import jakarta.validation.constraints.Pattern;

import java.util.List;
import java.util.UUID;

/** The tenant's mail outbox for consultants: what is waiting, what was sent, what failed for good. */
@Controller("/api/v1/tenants/{tenantId}/outbox")
@Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Outbox")
@ProblemResponses.TenantScoped
class OutboxController {

    private final MailOutbox outbox;

    OutboxController(MailOutbox outbox) {
        this.outbox = outbox;
    }

    // The status stays a string with a pattern in the API: the console's generated client takes it so.
    @Get
    @Operation(operationId = "listOutbox", summary = "Mails of this tenant, newest first; filter by status (FAILED for permanent failures)",
            description = "Consultants and operators only.")
    List<OutboxEntry> list(@PathVariable UUID tenantId,
                           @QueryValue @Nullable @Pattern(regexp = "PENDING|SENT|FAILED|CANCELLED") String status,
                           @QueryValue(defaultValue = "200") @Min(1) @Max(1000) int limit) {
        return outbox.list(status == null ? null : OutboxStatus.valueOf(status), limit);
    }
}
