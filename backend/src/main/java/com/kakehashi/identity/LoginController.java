package com.kakehashi.identity;

import com.kakehashi.web.ClientAddress;
import com.kakehashi.web.ProblemResponses;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Auth")
class LoginController {

    private final LoginService loginService;
    private final ClientAddress addresses;

    LoginController(LoginService loginService, ClientAddress addresses) {
        this.loginService = loginService;
        this.addresses = addresses;
    }

    @Post("/login")
    @Operation(operationId = "login", summary = "Exchange email and password for a bearer token",
            description = "The token goes in `Authorization: Bearer …` on every other call. Wrong credentials answer 401; "
                    + "repeated failures from one address or for one account answer 429 with Retry-After.",
            security = {})
    @ProblemResponses.Anonymous
    @ProblemResponses.BadCredentials
    @ProblemResponses.TooManyRequests
    LoginResponse login(@Body @Valid LoginRequest body, HttpRequest<?> request) {
        return loginService.login(body, addresses.of(request));
    }
}
