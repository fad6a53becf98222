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

    @Query("SELECT t.* FROM tenant t JOIN tenant_membership m ON m.tenant_id = t.id WHERE m.user_id = :userId ORDER BY t.name")
    List<Tenant> findByMember(UUID userId);

    @Query("SELECT EXISTS (SELECT 1 FROM tenant WHERE lower(name) = lower(:name) AND id <> :exceptId)")
    boolean nameTaken(String name, UUID exceptId);
}
