package com.kakehashi.tenancy;

import com.kakehashi.web.Problems;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;

import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;

/**
 * Every {@code /api/v1/tenants/{tenantId}/…} request passes here after authentication: the tenant in
 * the path is checked against the caller's memberships, then set for the rest of the request.
 * A tenant the caller may not enter answers 404, exactly like a tenant that does not exist.
 */
@ServerFilter("/api/v1/tenants/**")
final class TenantAccessFilter implements Ordered {

    private static final String PREFIX = "/api/v1/tenants/";

    private final TenantMembershipLookup memberships;

    TenantAccessFilter(TenantMembershipLookup memberships) {
        this.memberships = memberships;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> enterTenant(HttpRequest<?> request, MutablePropagatedContext propagated) {
        Optional<String> segment = tenantSegment(request.getPath());
        if (segment.isEmpty()) {
            return null;
        }
        Optional<UUID> tenantId = parse(segment.get());
        Optional<Authentication> caller = request.getUserPrincipal(Authentication.class);
        if (caller.isEmpty()) {
            return null; // the security filter has already answered 401 for secured routes
        }
        UUID userId = UUID.fromString(caller.get().getName());
        if (tenantId.isEmpty() || !memberships.mayEnter(userId, new HashSet<>(caller.get().getRoles()), tenantId.get())) {
            return Problems.notFound(request, "tenant");
        }
        TenantContext.enter(propagated, tenantId.get());
        return null;
    }

    static Optional<String> tenantSegment(String path) {
        if (!path.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = path.substring(PREFIX.length());
        int slash = rest.indexOf('/');
        String segment = slash < 0 ? rest : rest.substring(0, slash);
        return segment.isEmpty() ? Optional.empty() : Optional.of(segment);
    }

    private static Optional<UUID> parse(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
