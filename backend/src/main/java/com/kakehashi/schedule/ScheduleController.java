package com.kakehashi.schedule;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
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
class ScheduleController {

    private final ScheduleService schedules;

    ScheduleController(ScheduleService schedules) {
        this.schedules = schedules;
    }

    @Get
    @Operation(operationId = "listSchedules")
    List<ScheduleView> list(@PathVariable UUID tenantId) {
        return schedules.list();
    }

    @Post
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "createSchedule")
    HttpResponse<ScheduleView> create(@PathVariable UUID tenantId, @Body @Valid ScheduleDetails body,
                                      Authentication authentication) {
        ScheduleView created = schedules.create(Caller.of(authentication), body);
        return HttpResponse.created(created, URI.create("/api/v1/tenants/" + tenantId + "/schedules/" + created.id()));
    }

    @Get("/{scheduleId}")
    @Operation(operationId = "getSchedule")
    ScheduleView get(@PathVariable UUID tenantId, @PathVariable UUID scheduleId) {
        return schedules.get(scheduleId);
    }

    @Put("/{scheduleId}")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "updateSchedule")
    ScheduleView update(@PathVariable UUID tenantId, @PathVariable UUID scheduleId,
                        @Body @Valid ScheduleDetails body, Authentication authentication) {
        return schedules.update(Caller.of(authentication), scheduleId, body);
    }

    @Post("/{scheduleId}/pause")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "pauseSchedule")
    ScheduleView pause(@PathVariable UUID tenantId, @PathVariable UUID scheduleId, Authentication authentication) {
        return schedules.pause(Caller.of(authentication), scheduleId);
    }

    @Post("/{scheduleId}/resume")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "resumeSchedule")
    ScheduleView resume(@PathVariable UUID tenantId, @PathVariable UUID scheduleId, Authentication authentication) {
        return schedules.resume(Caller.of(authentication), scheduleId);
    }

    @Delete("/{scheduleId}")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "deleteSchedule")
    HttpResponse<Void> delete(@PathVariable UUID tenantId, @PathVariable UUID scheduleId, Authentication authentication) {
        schedules.delete(Caller.of(authentication), scheduleId);
        return HttpResponse.noContent();
    }
}
