package com.kakehashi.schedule;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ScheduleRepository extends CrudRepository<PulseSchedule, UUID> {

    List<PulseSchedule> listOrderByCreatedAt();

    List<PulseSchedule> findByPaused(boolean paused);
}
