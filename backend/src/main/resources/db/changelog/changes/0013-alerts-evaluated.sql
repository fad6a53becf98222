--liquibase formatted sql

--changeset kakehashi:0013-1
-- Set when a closed wave's alert rules have run. Evaluation runs in the close transaction but may
-- fail there without failing the close; the alert-reevaluation task picks up closed waves still
-- without the marker.
ALTER TABLE wave ADD COLUMN alerts_evaluated_at timestamptz;

-- Waves closed before this change were evaluated when they closed (or can no longer be told
-- apart): mark them so the task does not raise old alerts and mail them now. The owner passes
-- FORCE ROW LEVEL SECURITY only while it is lifted, inside this changeset's transaction.
ALTER TABLE wave NO FORCE ROW LEVEL SECURITY;
UPDATE wave SET alerts_evaluated_at = COALESCE(closed_at, now()) WHERE status = 'CLOSED';
ALTER TABLE wave FORCE ROW LEVEL SECURITY;

CREATE INDEX wave_alerts_pending ON wave (tenant_id, occurrence_date) WHERE status = 'CLOSED' AND alerts_evaluated_at IS NULL;
