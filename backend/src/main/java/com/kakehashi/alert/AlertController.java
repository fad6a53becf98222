package com.kakehashi.alert;

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

/** Alerts and their thresholds; executives read, consultants and operators act. */
@Controller("/api/v1/tenants/{tenantId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Alerts")
@ProblemResponses.TenantScoped
class AlertController {

    private final AlertService alerts;

    AlertController(AlertService alerts) {
        this.alerts = alerts;
    }

    @Get("/alert-settings")
    @Operation(operationId = "getAlertSettings",
            summary = "The tenant's alert thresholds",
            description = "The thresholds that decide when a closed wave opens an alert; every member may read them.")
    AlertSettings settings(@PathVariable UUID tenantId) {
        return alerts.settings();
    }

    @Put("/alert-settings")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "updateAlertSettings",
            summary = "Change the tenant's alert thresholds",
            description = "Consultants and operators only.")
    AlertSettings updateSettings(@PathVariable UUID tenantId, @Body @Valid AlertSettings body, Authentication authentication) {
        return alerts.updateSettings(Caller.of(authentication), body);
    }

    @Get("/alerts")
    @Operation(operationId = "listAlerts",
            summary = "Alerts of the tenant, newest first",
            description = "Filter by status (OPEN, ACKNOWLEDGED, RESOLVED).")
    List<AlertView> list(@PathVariable UUID tenantId, @QueryValue @Nullable AlertStatus status) {
        return alerts.list(status);
    }

    @Get("/alerts/{alertId}")
    @Operation(operationId = "getAlert",
            summary = "One alert with its notes",
            description = "The condition that opened it, the wave it came from and its history.")
    AlertView get(@PathVariable UUID tenantId, @PathVariable UUID alertId) {
        return alerts.get(alertId);
    }

    @Get("/alerts/{alertId}/evaluations")
    @Operation(operationId = "alertEvaluations", summary = "Every test of the alert's condition since it opened",
            description = "One row per closed wave since the alert opened: the measured value, the threshold and whether the condition still held.")
    List<AlertEvaluationView> evaluations(@PathVariable UUID tenantId, @PathVariable UUID alertId) {
        return alerts.evaluationsOfAlert(alertId);
    }

    @Get("/waves/{waveId}/alert-evaluations")
    @Operation(operationId = "waveAlertEvaluations", summary = "Every alert test of one closed wave, with its outcome and reason",
            description = "Explains why a closed wave did or did not open an alert.")
    List<AlertEvaluationView> waveEvaluations(@PathVariable UUID tenantId, @PathVariable UUID waveId) {
        return alerts.evaluationsOfWave(waveId);
    }

    @Post("/alerts/{alertId}/acknowledge")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "acknowledgeAlert",
            summary = "Acknowledge an open alert",
            description = "Says someone is on it; only an OPEN alert can be acknowledged (409 otherwise).")
    @ProblemResponses.Conflict
    AlertView acknowledge(@PathVariable UUID tenantId, @PathVariable UUID alertId, Authentication authentication) {
        return alerts.acknowledge(Caller.of(authentication), alertId);
    }

    @Post("/alerts/{alertId}/resolve")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "resolveAlert",
            summary = "Resolve an alert",
            description = "Closes the alert by hand; an alert already resolved is a 409.")
    @ProblemResponses.Conflict
    AlertView resolve(@PathVariable UUID tenantId, @PathVariable UUID alertId, Authentication authentication) {
        return alerts.resolve(Caller.of(authentication), alertId);
    }

    @Post("/alerts/{alertId}/notes")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "annotateAlert",
            summary = "Add a note to an alert",
            description = "The note is kept with the alert; Location is the alert's address.")
    @Status(HttpStatus.CREATED)
    @Created
    HttpResponse<AlertView> addNote(@PathVariable UUID tenantId, @PathVariable UUID alertId, @Body @Valid NewNote body,
                                    Authentication authentication) {
        AlertView alert = alerts.addNote(Caller.of(authentication), alertId, body);
        return HttpResponse.created(alert, URI.create("/api/v1/tenants/" + tenantId + "/alerts/" + alertId));
    }
}
