package com.kakehashi.account;

import com.kakehashi.identity.Caller;
import com.kakehashi.identity.Role;
import com.kakehashi.web.Created;
import com.kakehashi.web.ProblemResponses;
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

@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Accounts")
@ProblemResponses.TokenRequired
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(operationId = "me", summary = "The caller, their role and the tenants they may see",
            description = "Who the bearer token belongs to: role, name and the tenants the console may offer.")
    MeView me(Authentication authentication) {
        return accounts.me(Caller.of(authentication));
    }

    @Get("/users")
    @Secured(Role.OPERATOR_NAME)
    @Operation(operationId = "listUsers",
            summary = "Every user account",
            description = "Operators only.")
    List<AccountUserView> list() {
        return accounts.list();
    }

    @Get("/users/{userId}")
    @Secured(Role.OPERATOR_NAME)
    @Operation(operationId = "getUser",
            summary = "One user account",
            description = "Operators only.")
    @ProblemResponses.NotFound
    AccountUserView get(@PathVariable UUID userId) {
        return accounts.get(userId);
    }

    @Post("/users")
    @Secured(Role.OPERATOR_NAME)
    @Operation(operationId = "createUser",
            summary = "Create a user account",
            description = "Operators only; an email already in use is a 409.")
    @Status(HttpStatus.CREATED)
    @Created
    @ProblemResponses.Conflict
    HttpResponse<AccountUserView> create(@Body @Valid NewAccount body, Authentication authentication) {
        AccountUserView created = accounts.create(Caller.of(authentication), body);
        return HttpResponse.created(created, URI.create("/api/v1/users/" + created.id()));
    }
}
