--liquibase formatted sql

--changeset kakehashi:0011-1
-- Alert thresholds per tenant (defaults in code when no row exists), the alerts raised when a wave
-- closes, their notes, and the mails to the engagement's consultants (outbox, same transaction).
CREATE TABLE alert_settings (
    tenant_id              uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    risk_threshold         double precision NOT NULL,
    worsening_waves        integer NOT NULL,
    worsening_step         double precision NOT NULL,
    gap_waves              integer NOT NULL,
    gap_threshold          double precision NOT NULL,
    response_rate_drop     double precision NOT NULL,
    neutral_share_threshold double precision NOT NULL,
    updated_at             timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id)
);

CREATE TABLE alert (
    tenant_id     uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id            uuid NOT NULL,
    engagement_id uuid NOT NULL,
    wave_id       uuid NOT NULL,
    rule          text NOT NULL,
    sign          text,
    side          text,
    severity      text NOT NULL,
    value         double precision NOT NULL,
    threshold     double precision NOT NULL,
    history       double precision[] NOT NULL DEFAULT '{}',
    status        text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    acknowledged_at timestamptz,
    acknowledged_by uuid,
    resolved_at   timestamptz,
    resolved_by   uuid,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT alert_once UNIQUE NULLS NOT DISTINCT (tenant_id, wave_id, rule, sign, side),
    FOREIGN KEY (tenant_id, wave_id) REFERENCES wave (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, engagement_id) REFERENCES engagement (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX alert_status ON alert (tenant_id, status, created_at);

CREATE TABLE alert_note (
    tenant_id    uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id           uuid NOT NULL,
    alert_id     uuid NOT NULL,
    author_id    uuid,
    author_email text NOT NULL,
    text         text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, alert_id) REFERENCES alert (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX alert_note_alert ON alert_note (tenant_id, alert_id, created_at);

CREATE TABLE alert_mail_outbox (
    tenant_id    uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id           uuid NOT NULL,
    alert_id     uuid NOT NULL,
    user_id      uuid NOT NULL,
    email        text NOT NULL,
    status       text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts     integer NOT NULL DEFAULT 0,
    last_error   text,
    send_after   timestamptz NOT NULL DEFAULT now(),
    sent_at      timestamptz,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT alert_mail_once UNIQUE (tenant_id, alert_id, user_id),
    FOREIGN KEY (tenant_id, alert_id) REFERENCES alert (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX alert_mail_due ON alert_mail_outbox (tenant_id, send_after) WHERE status = 'PENDING';

--changeset kakehashi:0011-2
ALTER TABLE alert_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE alert_settings FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON alert_settings USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE alert ENABLE ROW LEVEL SECURITY;
ALTER TABLE alert FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON alert USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE alert_note ENABLE ROW LEVEL SECURITY;
ALTER TABLE alert_note FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON alert_note USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
REVOKE UPDATE, DELETE ON alert_note FROM ${app_role};
ALTER TABLE alert_mail_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE alert_mail_outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON alert_mail_outbox USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
