package com.kakehashi.tenant;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.web.NoContent;
import com.kakehashi.web.ProblemResponses;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

@Controller("/api/v1/tenants/{tenantId}/members")
@Secured(Role.OPERATOR_NAME)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Members")
@ProblemResponses.TenantScoped
class MemberController {

    private final MembershipService memberships;

    MemberController(MembershipService memberships) {
        this.memberships = memberships;
    }

    @Get
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "listMembers",
            summary = "Members of this tenant",
            description = "Consultants and executives with access to the tenant, and whether each executive may maintain participants.")
    List<MemberView> list(@PathVariable UUID tenantId) {
        return memberships.members();
    }

    @Get("/{userId}")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "getMember",
            summary = "One member of this tenant",
            description = "Operators and consultants only.")
    MemberView get(@PathVariable UUID tenantId, @PathVariable UUID userId) {
        return memberships.member(userId);
    }

    @Put("/{userId}")
    @Operation(operationId = "assignMember", summary = "Give a consultant or executive access to this tenant",
            description = "Operators only; a user who cannot be assigned is a 409.")
    @ProblemResponses.Conflict
    MemberView assign(@PathVariable UUID tenantId, @PathVariable UUID userId, Authentication authentication) {
        return memberships.assign(Caller.of(authentication), userId);
    }

    @Put("/{userId}/participant-admin")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "setParticipantAdmin",
            summary = "Grant or revoke a client executive's permission to maintain the participant list",
            description = "Operators and consultants only.")
    MemberView setParticipantAdmin(@PathVariable UUID tenantId, @PathVariable UUID userId,
                                   @Body @Valid ParticipantAdminChange body, Authentication authentication) {
        return memberships.setParticipantAdmin(Caller.of(authentication), userId, body.participantAdmin());
    }

    @Delete("/{userId}")
    @Operation(operationId = "unassignMember", summary = "Take a consultant's or executive's access to this tenant away",
            description = "The user keeps their account; they no longer see this tenant.")
    @Status(HttpStatus.NO_CONTENT)
    @NoContent
    HttpResponse<Void> unassign(@PathVariable UUID tenantId, @PathVariable UUID userId, Authentication authentication) {
        memberships.unassign(Caller.of(authentication), userId);
        return HttpResponse.noContent();
    }
}
