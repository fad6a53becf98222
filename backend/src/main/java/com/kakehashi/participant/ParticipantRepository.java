package com.kakehashi.participant;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import io.micronaut.data.repository.jpa.JpaSpecificationExecutor;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ParticipantRepository extends CrudRepository<Participant, UUID>, JpaSpecificationExecutor<Participant> {

    Optional<Participant> findByEmail(String email);

    List<Participant> findByEmailIn(Collection<String> emails);

    List<Participant> findByIdIn(Collection<UUID> ids);

    Optional<Participant> findByIdForUpdate(UUID id);
}
