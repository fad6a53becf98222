package com.kakehashi.tenancy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.repository.jpa.criteria.PredicateSpecification;


/**
 * Micronaut Data adds its tenant discriminator to generated queries but not to criteria
 * (specification) queries; those wrap their predicate here, so the tenant rule still lives in
 * this package and Row Level Security is not the only guard.
 */
public final class TenantScoped {

    private TenantScoped() {
    }

    public static <T> PredicateSpecification<T> where(@Nullable PredicateSpecification<T> filter) {
        PredicateSpecification<T> tenant = (root, cb) -> cb.equal(root.get("tenantId"), TenantContext.require().toString());
        return filter == null ? tenant : tenant.and(filter);
    }
}
