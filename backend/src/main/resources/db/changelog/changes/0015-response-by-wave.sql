--liquibase formatted sql

--changeset kakehashi:0015-1
-- A wave's rebuild at close, its comments and its silence signals read the responses of one wave;
-- without this index each of them scanned every response of the tenant (52 fortnightly waves of
-- 2,000 people: ~80,000 rows per rebuild).
CREATE INDEX response_by_wave ON response (tenant_id, wave_id);
--rollback DROP INDEX response_by_wave;
