--liquibase formatted sql

--changeset kakehashi:0019-1
-- Alerts become conditions (issue 9): one row per engagement × rule × sign × side that opens once,
-- is updated by later closed waves and closes itself after enough clear waves (or by a person).
-- The per-wave values move into alert_observation; alert_evaluation records every test of every
-- closed wave (fired, clear, or not tested and why). The settings gain the noise parameters.
-- An observation's CONTEXT outcome marks an earlier wave the opening test read (the start of a trend).
ALTER TABLE alert_settings
    ADD COLUMN alpha          double precision NOT NULL DEFAULT 0.05,
    ADD COLUMN minimum_effect double precision NOT NULL DEFAULT 8,
    ADD COLUMN minimum_n      integer NOT NULL DEFAULT 10,
    ADD COLUMN clear_waves    integer NOT NULL DEFAULT 2,
    ADD COLUMN correction     text NOT NULL DEFAULT 'BENJAMINI_HOCHBERG'
        CHECK (correction IN ('BENJAMINI_HOCHBERG', 'HOLM')),
    -- A single step no longer decides anything (the trend does); kept for the record, no longer read.
    ALTER COLUMN worsening_step DROP NOT NULL;

ALTER TABLE alert
    ADD COLUMN opened_wave_id  uuid,
    ADD COLUMN clear_waves     integer NOT NULL DEFAULT 0,
    ADD COLUMN resolved_reason text CHECK (resolved_reason IN ('AUTO', 'PERSON'));

CREATE TABLE alert_observation (
    tenant_id  uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    alert_id   uuid NOT NULL,
    wave_id    uuid NOT NULL,
    outcome    text NOT NULL CHECK (outcome IN ('FIRED', 'CLEAR', 'NOT_TESTED', 'CONTEXT')),
    value      double precision,
    low        double precision,
    high       double precision,
    effect     double precision,
    p          double precision,
    p_adjusted double precision,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, alert_id, wave_id),
    FOREIGN KEY (tenant_id, alert_id) REFERENCES alert (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, wave_id) REFERENCES wave (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX alert_observation_wave ON alert_observation (tenant_id, wave_id);

CREATE TABLE alert_evaluation (
    tenant_id    uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    wave_id      uuid NOT NULL,
    rule         text NOT NULL,
    sign         text,
    side         text,
    outcome      text NOT NULL CHECK (outcome IN ('FIRED', 'CLEAR', 'NOT_TESTED')),
    reason       text NOT NULL,
    value        double precision,
    low          double precision,
    high         double precision,
    effect       double precision,
    p            double precision,
    p_adjusted   double precision,
    alert_id     uuid,
    evaluated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT alert_evaluation_once UNIQUE NULLS NOT DISTINCT (tenant_id, wave_id, rule, sign, side),
    FOREIGN KEY (tenant_id, wave_id) REFERENCES wave (tenant_id, id) ON DELETE CASCADE
);

-- The rows exactly as they were before the merge (audit events and old links name these ids).
CREATE TABLE alert_before_0019 AS SELECT * FROM alert WITH NO DATA;
ALTER TABLE alert_before_0019 ADD PRIMARY KEY (tenant_id, id);
ALTER TABLE alert_before_0019 ADD FOREIGN KEY (tenant_id) REFERENCES tenant (id) ON DELETE CASCADE;

ALTER TABLE alert_mail_outbox ADD COLUMN wave_id uuid;

--changeset kakehashi:0019-2
-- The merge. The owner passes FORCE ROW LEVEL SECURITY only while it is lifted, inside this one
-- transaction (as in 0013).
ALTER TABLE alert NO FORCE ROW LEVEL SECURITY;
ALTER TABLE alert_note NO FORCE ROW LEVEL SECURITY;
ALTER TABLE alert_mail_outbox NO FORCE ROW LEVEL SECURITY;
ALTER TABLE wave NO FORCE ROW LEVEL SECURITY;

INSERT INTO alert_before_0019 SELECT * FROM alert;

-- One condition per engagement × rule × sign × side; it keeps the earliest alert's id (its wave
-- first, then creation), so links and audit events to that alert keep working.
CREATE TEMPORARY TABLE alert_merge ON COMMIT DROP AS
SELECT a.tenant_id, a.id, a.wave_id, a.value, a.status,
       first_value(a.id) OVER (PARTITION BY a.tenant_id, a.engagement_id, a.rule, a.sign, a.side
                               ORDER BY w.occurrence_date, a.created_at, a.id) AS keeper,
       row_number() OVER (PARTITION BY a.tenant_id, a.engagement_id, a.rule, a.sign, a.side
                          ORDER BY w.occurrence_date DESC, a.created_at DESC, a.id DESC) AS newest
FROM alert a JOIN wave w ON w.tenant_id = a.tenant_id AND w.id = a.wave_id;

-- Every per-wave alert was a firing of its condition in its wave.
INSERT INTO alert_observation (tenant_id, alert_id, wave_id, outcome, value, created_at)
SELECT m.tenant_id, m.keeper, m.wave_id, 'FIRED', m.value, a.created_at
FROM alert_merge m JOIN alert a ON a.tenant_id = m.tenant_id AND a.id = m.id;

UPDATE alert_note n SET alert_id = m.keeper
FROM alert_merge m WHERE m.tenant_id = n.tenant_id AND m.id = n.alert_id AND m.id <> m.keeper;

-- A mail was about one wave's alert; that wave now tells the condition's mails apart.
UPDATE alert_mail_outbox o SET wave_id = m.wave_id
FROM alert_merge m WHERE m.tenant_id = o.tenant_id AND m.id = o.alert_id;
ALTER TABLE alert_mail_outbox DROP CONSTRAINT alert_mail_once;
UPDATE alert_mail_outbox o SET alert_id = m.keeper
FROM alert_merge m WHERE m.tenant_id = o.tenant_id AND m.id = o.alert_id AND m.id <> m.keeper;
ALTER TABLE alert_mail_outbox ADD CONSTRAINT alert_mail_once UNIQUE NULLS NOT DISTINCT (tenant_id, alert_id, user_id, wave_id);

-- Per wave no longer: the kept row takes the newest wave of its group while that row still exists.
ALTER TABLE alert DROP CONSTRAINT alert_once;

-- The kept row: opened at its own wave, latest wave and value from the group's newest alert;
-- open if any alert of the group was open (OPEN before ACKNOWLEDGED), else resolved by a person.
UPDATE alert k SET
    opened_wave_id = k.wave_id,
    wave_id = newest.wave_id,
    value = newest.value,
    severity = g.severity,
    status = g.status,
    acknowledged_at = CASE WHEN g.status = 'RESOLVED' THEN k.acknowledged_at ELSE g.acknowledged_at END,
    acknowledged_by = CASE WHEN g.status = 'RESOLVED' THEN k.acknowledged_by ELSE g.acknowledged_by END,
    resolved_at = CASE WHEN g.status = 'RESOLVED' THEN g.resolved_at END,
    resolved_by = CASE WHEN g.status = 'RESOLVED' THEN g.resolved_by END,
    resolved_reason = CASE WHEN g.status = 'RESOLVED' THEN 'PERSON' END,
    updated_at = g.updated_at
FROM (SELECT m.tenant_id, m.keeper,
             CASE WHEN bool_or(a.status = 'OPEN') THEN 'OPEN'
                  WHEN bool_or(a.status = 'ACKNOWLEDGED') THEN 'ACKNOWLEDGED'
                  ELSE 'RESOLVED' END AS status,
             CASE WHEN bool_or(a.severity = 'HIGH') THEN 'HIGH' ELSE min(a.severity) END AS severity,
             max(a.acknowledged_at) AS acknowledged_at,
             (array_agg(a.acknowledged_by ORDER BY a.acknowledged_at DESC NULLS LAST))[1] AS acknowledged_by,
             max(a.resolved_at) AS resolved_at,
             (array_agg(a.resolved_by ORDER BY a.resolved_at DESC NULLS LAST))[1] AS resolved_by,
             max(a.updated_at) AS updated_at
      FROM alert_merge m JOIN alert a ON a.tenant_id = m.tenant_id AND a.id = m.id
      GROUP BY m.tenant_id, m.keeper) g,
     alert_merge newest
WHERE k.tenant_id = g.tenant_id AND k.id = g.keeper
  AND newest.tenant_id = g.tenant_id AND newest.keeper = g.keeper AND newest.newest = 1;

DELETE FROM alert a USING alert_merge m WHERE m.tenant_id = a.tenant_id AND m.id = a.id AND m.id <> m.keeper;

ALTER TABLE alert ALTER COLUMN opened_wave_id SET NOT NULL;
ALTER TABLE alert ADD FOREIGN KEY (tenant_id, opened_wave_id) REFERENCES wave (tenant_id, id) ON DELETE CASCADE;
-- One open (OPEN or ACKNOWLEDGED) alert per condition, ever.
CREATE UNIQUE INDEX alert_one_open ON alert (tenant_id, engagement_id, rule, sign, side) NULLS NOT DISTINCT
    WHERE status <> 'RESOLVED';
CREATE INDEX alert_condition ON alert (tenant_id, engagement_id, rule, sign, side, opened_wave_id);

ALTER TABLE alert FORCE ROW LEVEL SECURITY;
ALTER TABLE alert_note FORCE ROW LEVEL SECURITY;
ALTER TABLE alert_mail_outbox FORCE ROW LEVEL SECURITY;
ALTER TABLE wave FORCE ROW LEVEL SECURITY;

--changeset kakehashi:0019-3
ALTER TABLE alert_observation ENABLE ROW LEVEL SECURITY;
ALTER TABLE alert_observation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON alert_observation USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE alert_evaluation ENABLE ROW LEVEL SECURITY;
ALTER TABLE alert_evaluation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON alert_evaluation USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE alert_before_0019 ENABLE ROW LEVEL SECURITY;
ALTER TABLE alert_before_0019 FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON alert_before_0019 USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
REVOKE INSERT, UPDATE, DELETE ON alert_before_0019 FROM ${app_role};
