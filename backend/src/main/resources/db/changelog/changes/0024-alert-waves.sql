--liquibase formatted sql

--changeset kakehashi:0024-1
-- The closed waves alert has seen, as the wave feature told it when each closed (WaveClosed): which
-- engagement, when, and whether its rules have run. Alert used to read wave and pulse_schedule and
-- to write its marker into wave (alerts_evaluated_at); now each feature names only its own tables.
CREATE TABLE alert_wave (
    tenant_id       uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    wave_id         uuid NOT NULL,
    engagement_id   uuid NOT NULL,
    occurrence_date date NOT NULL,
    closes_at       timestamptz NOT NULL,
    closed_at       timestamptz,
    evaluated_at    timestamptz,
    PRIMARY KEY (tenant_id, wave_id),
    FOREIGN KEY (tenant_id, wave_id) REFERENCES wave (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX alert_wave_engagement ON alert_wave (tenant_id, engagement_id, occurrence_date);
CREATE INDEX alert_wave_pending ON alert_wave (tenant_id, occurrence_date) WHERE evaluated_at IS NULL;

-- Every wave closed so far, with its marker as it was. The owner passes FORCE ROW LEVEL SECURITY
-- only while it is lifted, inside this changeset's transaction.
ALTER TABLE wave NO FORCE ROW LEVEL SECURITY;
ALTER TABLE pulse_schedule NO FORCE ROW LEVEL SECURITY;
INSERT INTO alert_wave (tenant_id, wave_id, engagement_id, occurrence_date, closes_at, closed_at, evaluated_at)
SELECT w.tenant_id, w.id, s.engagement_id, w.occurrence_date, w.closes_at, w.closed_at, w.alerts_evaluated_at
FROM wave w JOIN pulse_schedule s ON s.tenant_id = w.tenant_id AND s.id = w.schedule_id
WHERE w.status = 'CLOSED';
ALTER TABLE pulse_schedule FORCE ROW LEVEL SECURITY;
ALTER TABLE wave FORCE ROW LEVEL SECURITY;

-- Copied above; the index on it goes with it.
ALTER TABLE wave DROP COLUMN alerts_evaluated_at;

--changeset kakehashi:0024-2
ALTER TABLE alert_wave ENABLE ROW LEVEL SECURITY;
ALTER TABLE alert_wave FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON alert_wave USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
