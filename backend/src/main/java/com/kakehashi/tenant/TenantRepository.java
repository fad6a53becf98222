package com.kakehashi.tenant;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface TenantRepository extends CrudRepository<Tenant, UUID> {

    List<Tenant> listOrderByName();

    /** Memberships are read through member_tenants (0017): tenant_membership itself shows one tenant at a time. */
    @Query("SELECT t.* FROM tenant t WHERE t.id IN (SELECT member_tenants(:userId)) ORDER BY t.name")
    List<Tenant> findByMember(UUID userId);

    @Query("SELECT EXISTS (SELECT 1 FROM tenant WHERE lower(name) = lower(:name) AND id <> :exceptId)")
    boolean nameTaken(String name, UUID exceptId);
}
