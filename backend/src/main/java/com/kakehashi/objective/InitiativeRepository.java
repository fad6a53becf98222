package com.kakehashi.objective;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface InitiativeRepository extends CrudRepository<Initiative, UUID> {

    List<Initiative> listOrderByAnnouncedOnDesc();

    List<Initiative> findByEngagementIdOrderByAnnouncedOnDesc(UUID engagementId);
}
