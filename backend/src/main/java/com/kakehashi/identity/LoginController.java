package com.kakehashi.identity;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.util.HttpClientAddressResolver;
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
    private final HttpClientAddressResolver addresses;

    private final String clientAddressHeader;

    LoginController(LoginService loginService, HttpClientAddressResolver addresses,
                    @Value("${micronaut.server.client-address-header:}") String clientAddressHeader) {
        this.loginService = loginService;
        this.addresses = addresses;
        this.clientAddressHeader = clientAddressHeader;
    }

    @Post("/login")
    @Operation(operationId = "login", summary = "Exchange email and password for a bearer token")
    LoginResponse login(@Body @Valid LoginRequest body, HttpRequest<?> request) {
        // Behind a trusted proxy, micronaut.server.client-address-header (KAKEHASHI_CLIENT_ADDRESS_HEADER)
        // makes this the end user's address instead of the proxy's.
        String address = clientAddressHeader.isBlank() ? request.getRemoteAddress().getAddress().getHostAddress()
                : addresses.resolve(request);
        return loginService.login(body, address == null ? "unknown" : address);
    }
}
