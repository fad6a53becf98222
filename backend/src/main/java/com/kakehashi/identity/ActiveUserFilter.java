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
 * A token stays valid until it expires, but a user who was disabled or deleted meanwhile must lose
 * access at once: every authenticated API request checks that its user is still active.
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
        boolean active;
        try {
            active = users.find(UUID.fromString(caller.getName())).map(UserView::active).orElse(false);
        } catch (IllegalArgumentException e) {
            active = false;
        }
        return active ? null : Problems.response(request, HttpStatus.UNAUTHORIZED, "unauthorized",
                "This account is no longer active.", List.of());
    }
}
