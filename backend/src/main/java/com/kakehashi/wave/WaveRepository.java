package com.kakehashi.wave;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface WaveRepository extends CrudRepository<Wave, UUID> {

    List<Wave> listOrderByOpensAtDesc();

    List<Wave> findByIdIn(Collection<UUID> ids);

    List<Wave> findByScheduleIdOrderByOccurrenceDate(UUID scheduleId);

    /** Open waves of a schedule whose time is not up yet (the closer may lag behind a little). */
    List<Wave> findByScheduleIdAndStatusAndClosesAtAfterOrderByClosesAtDesc(UUID scheduleId, WaveStatus status,
                                                                           java.time.Instant now);

    /** Waves closed before the instant: what retention may thin out (lifecycle.Retention). */
    List<Wave> findByClosedAtLessThan(java.time.Instant before);
}
