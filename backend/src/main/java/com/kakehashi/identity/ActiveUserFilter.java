package com.kakehashi.identity;

import com.kakehashi.web.Problems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;

import java.util.List;
import java.util.UUID;

/**
 * A token stays valid until it expires, but a user who was disabled, deleted or given another role
 * meanwhile must lose access at once: every authenticated API request reads its user (one query)
 * and checks that they are still active and still hold the role the token names. The security
 * filter has already granted access by the token's role, so a changed role is refused outright
 * (401: log in again for a token with the current role).
 */
@ServerFilter("/api/**")
final class ActiveUserFilter implements Ordered {

    private final UserService users;

    ActiveUserFilter(UserService users) {
        this.users = users;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> requireActiveUser(HttpRequest<?> request) {
        Authentication caller = request.getUserPrincipal(Authentication.class).orElse(null);
        if (caller == null) {
            return null;
        }
        UserView user;
        try {
            user = users.find(UUID.fromString(caller.getName())).orElse(null);
        } catch (IllegalArgumentException e) {
            user = null;
        }
        if (user == null || !user.active()) {
            return Problems.response(request, HttpStatus.UNAUTHORIZED, "unauthorized",
                    "This account is no longer active.", List.of());
        }
        if (caller.getRoles().size() != 1 || !caller.getRoles().contains(user.role().name())) {
            return Problems.response(request, HttpStatus.UNAUTHORIZED, "unauthorized",
                    "This account's role has changed. Log in again.", List.of());
        }
        return null;
    }
}
