--liquibase formatted sql

--changeset kakehashi:0016-1
-- What respondents read as the survey's name, in both languages. The engagement name is internal
-- (e.g. "Post-restructuring alignment 2026") and is never shown to them; existing schedules get a
-- neutral title that a consultant can change.
ALTER TABLE pulse_schedule
    ADD COLUMN survey_title_en text NOT NULL DEFAULT 'Pulse survey',
    ADD COLUMN survey_title_ja text NOT NULL DEFAULT 'パルスサーベイ';
--rollback ALTER TABLE pulse_schedule DROP COLUMN survey_title_en, DROP COLUMN survey_title_ja;
