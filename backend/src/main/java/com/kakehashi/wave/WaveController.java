package com.kakehashi.wave;

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

@Controller("/api/v1/tenants/{tenantId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Waves")
@ProblemResponses.TenantScoped
class WaveController {

    private final WaveService waves;

    WaveController(WaveService waves) {
        this.waves = waves;
    }

    @Get("/waves")
    @Operation(operationId = "listWaves", summary = "Waves with live response counts per side",
            description = "Every member of the tenant may read them; counts are totals, never who answered.")
    List<WaveView> list(@PathVariable UUID tenantId) {
        return waves.list();
    }

    @Get("/waves/{waveId}")
    @Operation(operationId = "getWave",
            summary = "One wave with its response counts",
            description = "Counts per side, live while the wave is open.")
    WaveView get(@PathVariable UUID tenantId, @PathVariable UUID waveId) {
        return waves.get(waveId);
    }

    @Get("/schedules/{scheduleId}/launch-preview")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "previewLaunch",
            summary = "How many people a wave launched now would invite, and the schedule's wave that is still open",
            description = "Nothing is sent; use it to confirm a launch.")
    LaunchPreview preview(@PathVariable UUID tenantId, @PathVariable UUID scheduleId) {
        return waves.launchPreview(scheduleId);
    }

    @Post("/schedules/{scheduleId}/waves")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "launchWave", summary = "Send the schedule's instrument now; "
            + "409 while a wave of the schedule is open, unless the body gives a reason",
            description = "Invitations go out through the outbox; while the schedule's previous wave is open a reason is required (409 without one).")
    @Status(HttpStatus.CREATED)
    @Created
    @ProblemResponses.Conflict
    HttpResponse<WaveView> launch(@PathVariable UUID tenantId, @PathVariable UUID scheduleId,
                                  @Body @Nullable @Valid LaunchRequest body, Authentication authentication) {
        WaveView wave = waves.launchNow(Caller.of(authentication), scheduleId, body == null ? null : body.reason());
        return HttpResponse.created(wave, URI.create("/api/v1/tenants/" + tenantId + "/waves/" + wave.id()));
    }

    @Post("/waves/{waveId}/close")
    @Secured({Role.OPERATOR_NAME, Role.CONSULTANT_NAME})
    @Operation(operationId = "closeWave", summary = "Close a wave before its time",
            description = "Stops accepting responses now; only an open wave can be closed (409 otherwise).")
    @ProblemResponses.Conflict
    WaveView close(@PathVariable UUID tenantId, @PathVariable UUID waveId, Authentication authentication) {
        return waves.close(Caller.of(authentication), waveId);
    }
}
