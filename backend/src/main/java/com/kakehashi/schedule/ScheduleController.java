package com.kakehashi.schedule;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.web.Created;
import com.kakehashi.web.NoContent;
import com.kakehashi.web.ProblemResponses;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
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

@Controller("/api/v1/tenants/{tenantId}/schedules")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Schedules")
@ProblemResponses.TenantScoped
class ScheduleController {

    private final ScheduleService schedules;

    ScheduleController(ScheduleService schedules) {
        this.schedules = schedules;
    }

    @Get
    @Operation(operationId = "listSchedules",
            summary = "Survey schedules of the tenant",
            description = "Each with its cadence, instrument, audience and next launch.")
    List<ScheduleView> list(@PathVariable UUID tenantId) {
        return schedules.list();
    }

    @Post
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "createSchedule",
            summary = "Create a survey schedule",
            description = "Consultants and operators only: when waves launch, for whom and with which instrument.")
    @Status(HttpStatus.CREATED)
    @Created
    @ProblemResponses.Conflict
    HttpResponse<ScheduleView> create(@PathVariable UUID tenantId, @Body @Valid ScheduleDetails body,
                                      Authentication authentication) {
        ScheduleView created = schedules.create(Caller.of(authentication), body);
        return HttpResponse.created(created, URI.create("/api/v1/tenants/" + tenantId + "/schedules/" + created.id()));
    }

    @Get("/{scheduleId}")
    @Operation(operationId = "getSchedule",
            summary = "One survey schedule",
            description = "With its next launch time.")
    ScheduleView get(@PathVariable UUID tenantId, @PathVariable UUID scheduleId) {
        return schedules.get(scheduleId);
    }

    @Put("/{scheduleId}")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "updateSchedule",
            summary = "Change a survey schedule",
            description = "Consultants and operators only; replaces every field. Waves already launched keep their settings.")
    ScheduleView update(@PathVariable UUID tenantId, @PathVariable UUID scheduleId,
                        @Body @Valid ScheduleDetails body, Authentication authentication) {
        return schedules.update(Caller.of(authentication), scheduleId, body);
    }

    @Post("/{scheduleId}/pause")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "pauseSchedule",
            summary = "Pause a schedule",
            description = "No wave launches until it is resumed.")
    ScheduleView pause(@PathVariable UUID tenantId, @PathVariable UUID scheduleId, Authentication authentication) {
        return schedules.pause(Caller.of(authentication), scheduleId);
    }

    @Post("/{scheduleId}/resume")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "resumeSchedule",
            summary = "Resume a paused schedule",
            description = "The next launch is computed from now.")
    ScheduleView resume(@PathVariable UUID tenantId, @PathVariable UUID scheduleId, Authentication authentication) {
        return schedules.resume(Caller.of(authentication), scheduleId);
    }

    @Delete("/{scheduleId}")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "deleteSchedule",
            summary = "Delete a survey schedule",
            description = "Consultants and operators only; waves already launched stay.")
    @Status(HttpStatus.NO_CONTENT)
    @NoContent
    HttpResponse<Void> delete(@PathVariable UUID tenantId, @PathVariable UUID scheduleId, Authentication authentication) {
        schedules.delete(Caller.of(authentication), scheduleId);
        return HttpResponse.noContent();
    }
}
