--liquibase formatted sql

--changeset kakehashi:0008-1
-- Schedules and waves name the instrument version they send (0006 and 0007 were written side by side).
ALTER TABLE pulse_schedule ADD FOREIGN KEY (tenant_id, instrument_version_id) REFERENCES instrument_version (tenant_id, id);
ALTER TABLE wave ADD FOREIGN KEY (tenant_id, instrument_version_id) REFERENCES instrument_version (tenant_id, id);
