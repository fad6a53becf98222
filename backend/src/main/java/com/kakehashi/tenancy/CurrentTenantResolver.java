package com.kakehashi.tenancy;

import io.micronaut.multitenancy.exceptions.TenantNotFoundException;
import io.micronaut.multitenancy.tenantresolver.TenantResolver;
import jakarta.inject.Singleton;

import java.io.Serializable;
import java.util.UUID;

/**
 * Feeds Micronaut Data's discriminator: every generated query on a tenant entity filters by it.
 * Returns the id as text: entities declare {@code @TenantId String tenantId} mapped to a uuid
 * column, because a {@code UUID}-typed tenant property is overwritten by Micronaut Data's
 * random-UUID generator (both are {@code @AutoPopulated}).
 */
@Singleton
final class CurrentTenantResolver implements TenantResolver {

    @Override
    public Serializable resolveTenantIdentifier() {
        return TenantContext.current()
                .map(UUID::toString)
                .orElseThrow(() -> new TenantNotFoundException("no tenant in context"));
    }
}
