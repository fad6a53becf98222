package com.kakehashi.objective;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
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

/** Initiatives, decisions and their signals; executives read, consultants maintain. */
@Controller("/api/v1/tenants/{tenantId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Objective signals")
@ProblemResponses.TenantScoped
class ObjectiveController {

    private final ObjectiveService objective;

    ObjectiveController(ObjectiveService objective) {
        this.objective = objective;
    }

    @Get("/initiatives")
    @Operation(operationId = "listInitiatives",
            summary = "Initiatives of the tenant",
            description = "Every member of the tenant may read them.")
    List<InitiativeView> initiatives(@PathVariable UUID tenantId, @QueryValue @Nullable UUID engagementId) {
        return objective.initiatives(engagementId);
    }

    @Post("/initiatives")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "createInitiative",
            summary = "Record an initiative",
            description = "Consultants and operators only.")
    @Status(HttpStatus.CREATED)
    @Created
    @ProblemResponses.Conflict
    HttpResponse<InitiativeView> createInitiative(@PathVariable UUID tenantId, @Body @Valid InitiativeDetails body,
                                                  Authentication authentication) {
        InitiativeView created = objective.createInitiative(Caller.of(authentication), body);
        return HttpResponse.created(created, URI.create("/api/v1/tenants/" + tenantId + "/initiatives/" + created.id()));
    }

    @Get("/initiatives/{initiativeId}")
    @Operation(operationId = "getInitiative",
            summary = "One initiative",
            description = "With its planned and actual dates.")
    InitiativeView initiative(@PathVariable UUID tenantId, @PathVariable UUID initiativeId) {
        return objective.initiative(initiativeId);
    }

    @Put("/initiatives/{initiativeId}")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "updateInitiative",
            summary = "Change an initiative",
            description = "Consultants and operators only; replaces every field.")
    InitiativeView updateInitiative(@PathVariable UUID tenantId, @PathVariable UUID initiativeId,
                                    @Body @Valid InitiativeDetails body, Authentication authentication) {
        return objective.updateInitiative(Caller.of(authentication), initiativeId, body);
    }

    @Delete("/initiatives/{initiativeId}")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "deleteInitiative",
            summary = "Delete an initiative",
            description = "Consultants and operators only.")
    @Status(HttpStatus.NO_CONTENT)
    @NoContent
    HttpResponse<Void> deleteInitiative(@PathVariable UUID tenantId, @PathVariable UUID initiativeId,
                                        Authentication authentication) {
        objective.deleteInitiative(Caller.of(authentication), initiativeId);
        return HttpResponse.noContent();
    }

    @Get("/decisions")
    @Operation(operationId = "listDecisions",
            summary = "Decisions of the tenant",
            description = "Each decision with its dates and whether Japan was consulted before the proposal.")
    List<DecisionView> decisions(@PathVariable UUID tenantId, @QueryValue @Nullable UUID engagementId) {
        return objective.decisions(engagementId);
    }

    @Post("/decisions")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "createDecision",
            summary = "Record a decision",
            description = "Consultants and operators only.")
    @Status(HttpStatus.CREATED)
    @Created
    @ProblemResponses.Conflict
    HttpResponse<DecisionView> createDecision(@PathVariable UUID tenantId, @Body @Valid DecisionDetails body,
                                              Authentication authentication) {
        DecisionView created = objective.createDecision(Caller.of(authentication), body);
        return HttpResponse.created(created, URI.create("/api/v1/tenants/" + tenantId + "/decisions/" + created.id()));
    }

    @Get("/decisions/cycle-times")
    @Operation(operationId = "decisionCycleTimes",
            summary = "Days from proposal to approval to execution start, by whether Japan was consulted before the proposal",
            description = "Medians and counts per group; groups below the anonymity threshold are suppressed.")
    DecisionCycleTimes cycleTimes(@PathVariable UUID tenantId, @QueryValue @Nullable UUID engagementId) {
        return objective.cycleTimes(engagementId);
    }

    @Get("/decisions/{decisionId}")
    @Operation(operationId = "getDecision",
            summary = "One decision",
            description = "With its dates and its initiative.")
    DecisionView decision(@PathVariable UUID tenantId, @PathVariable UUID decisionId) {
        return objective.decision(decisionId);
    }

    @Put("/decisions/{decisionId}")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "updateDecision",
            summary = "Change a decision",
            description = "Consultants and operators only; replaces every field.")
    DecisionView updateDecision(@PathVariable UUID tenantId, @PathVariable UUID decisionId,
                                @Body @Valid DecisionDetails body, Authentication authentication) {
        return objective.updateDecision(Caller.of(authentication), decisionId, body);
    }

    @Delete("/decisions/{decisionId}")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "deleteDecision",
            summary = "Delete a decision",
            description = "Consultants and operators only.")
    @Status(HttpStatus.NO_CONTENT)
    @NoContent
    HttpResponse<Void> deleteDecision(@PathVariable UUID tenantId, @PathVariable UUID decisionId,
                                      Authentication authentication) {
        objective.deleteDecision(Caller.of(authentication), decisionId);
        return HttpResponse.noContent();
    }

    @Get("/objective-signals")
    @Operation(operationId = "objectiveSignals", summary = "Initiative slippage and early-consultation rate",
            description = "Every member of the tenant may read them.")
    ObjectiveSignals signals(@PathVariable UUID tenantId, @QueryValue @Nullable UUID engagementId) {
        return objective.signals(engagementId);
    }
}
