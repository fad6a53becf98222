--liquibase formatted sql

--changeset kakehashi:0007-1
-- db-scheduler's own table (DDL of db-scheduler 16.x for PostgreSQL). Global: task data names the
-- tenant explicitly, and each task enters that tenant before touching tenant tables.
CREATE TABLE scheduled_tasks (
    task_name            text NOT NULL,
    task_instance        text NOT NULL,
    task_data            bytea,
    execution_time       timestamptz NOT NULL,
    picked               boolean NOT NULL,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures int,
    last_heartbeat       timestamptz,
    version              bigint NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);

--changeset kakehashi:0007-2
-- A pulse schedule: which instrument version goes to whom, how often, at what local time per side.
-- Audience lists are comma-separated enum names; empty means every active participant.
CREATE TABLE pulse_schedule (
    tenant_id             uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id                    uuid NOT NULL,
    engagement_id         uuid NOT NULL,
    instrument_version_id uuid NOT NULL,
    name                  text NOT NULL,
    audience_sides        text NOT NULL DEFAULT '',
    audience_levels       text NOT NULL DEFAULT '',
    cadence               text NOT NULL CHECK (cadence IN ('WEEKLY', 'BIWEEKLY', 'MONTHLY', 'QUARTERLY')),
    japan_send_time       time NOT NULL,
    hq_send_time          time NOT NULL,
    days_open             integer NOT NULL CHECK (days_open BETWEEN 1 AND 60),
    reminder_offsets      text NOT NULL DEFAULT '',
    start_date            date NOT NULL,
    end_date              date,
    paused                boolean NOT NULL DEFAULT false,
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, engagement_id) REFERENCES engagement (tenant_id, id) ON DELETE CASCADE,
    CHECK (end_date IS NULL OR end_date >= start_date)
);

-- One occurrence of a schedule. A scheduled occurrence exists at most once (the unique index is the
-- last guard behind db-scheduler's own once-only execution); a missed one is recorded as SKIPPED.
CREATE TABLE wave (
    tenant_id             uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id                    uuid NOT NULL,
    schedule_id           uuid NOT NULL,
    instrument_version_id uuid NOT NULL,
    occurrence_date       date NOT NULL,
    kind                  text NOT NULL CHECK (kind IN ('SCHEDULED', 'MANUAL')),
    status                text NOT NULL CHECK (status IN ('OPEN', 'CLOSED', 'SKIPPED')),
    opens_at              timestamptz NOT NULL,
    closes_at             timestamptz NOT NULL,
    closed_at             timestamptz,
    created_at            timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, schedule_id) REFERENCES pulse_schedule (tenant_id, id) ON DELETE CASCADE,
    CHECK (closes_at >= opens_at)
);
CREATE UNIQUE INDEX wave_scheduled_occurrence_key ON wave (tenant_id, schedule_id, occurrence_date)
    WHERE kind = 'SCHEDULED';

-- Who was invited, and whether they answered: never what they answered. The participant link is
-- cleared when the participant is erased; side, level and language stay for response rates.
CREATE TABLE invitation (
    tenant_id      uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id             uuid NOT NULL,
    wave_id        uuid NOT NULL,
    participant_id uuid,
    side           text NOT NULL,
    level          text NOT NULL,
    language       text NOT NULL,
    time_zone      text NOT NULL,
    send_at        timestamptz NOT NULL,
    responded      boolean NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, wave_id) REFERENCES wave (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, participant_id) REFERENCES participant (tenant_id, id) ON DELETE SET NULL (participant_id)
);
CREATE UNIQUE INDEX invitation_participant_key ON invitation (tenant_id, wave_id, participant_id);

-- Mail to send: written in the same transaction as its invitation (transactional outbox). The
-- personal link token is minted when the mail is sent and only its hash is kept (invitation_token).
CREATE TABLE mail_outbox (
    tenant_id      uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id             uuid NOT NULL,
    invitation_id  uuid NOT NULL,
    kind           text NOT NULL CHECK (kind IN ('INVITATION', 'REMINDER')),
    status         text NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
    send_after     timestamptz NOT NULL,
    attempts       integer NOT NULL DEFAULT 0,
    last_error     text,
    sent_at        timestamptz,
    created_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, invitation_id) REFERENCES invitation (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX mail_outbox_once_key ON mail_outbox (tenant_id, invitation_id, kind, send_after);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (send_after) WHERE status = 'PENDING';

-- The anonymous answers: no participant, no invitation, no timestamp; only what DESIGN.md allows.
CREATE TABLE response (
    tenant_id    uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id           uuid NOT NULL,
    wave_id      uuid NOT NULL,
    side         text NOT NULL,
    level        text NOT NULL,
    language     text NOT NULL,
    delay_bucket text NOT NULL CHECK (delay_bucket IN ('UNDER_1H', 'UNDER_1D', 'UNDER_3D', 'LATER')),
    comment      text,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, wave_id) REFERENCES wave (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE response_answer (
    tenant_id   uuid NOT NULL,
    response_id uuid NOT NULL,
    item_code   text NOT NULL,
    value       smallint NOT NULL CHECK (value BETWEEN 1 AND 5),
    PRIMARY KEY (tenant_id, response_id, item_code),
    FOREIGN KEY (tenant_id, response_id) REFERENCES response (tenant_id, id) ON DELETE CASCADE
);

--changeset kakehashi:0007-3
ALTER TABLE pulse_schedule ENABLE ROW LEVEL SECURITY;
ALTER TABLE pulse_schedule FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON pulse_schedule USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE wave ENABLE ROW LEVEL SECURITY;
ALTER TABLE wave FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON wave USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE invitation ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitation FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invitation USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE mail_outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE mail_outbox FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON mail_outbox USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE response ENABLE ROW LEVEL SECURITY;
ALTER TABLE response FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON response USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE response_answer ENABLE ROW LEVEL SECURITY;
ALTER TABLE response_answer FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON response_answer USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
-- Answers are never changed after the fact.
REVOKE UPDATE, DELETE ON response, response_answer FROM ${app_role};

--changeset kakehashi:0007-4
-- The respondent arrives with a token and no tenant: this global table maps the token's SHA-256
-- to its tenant and invitation (nothing else), so the tenant can be entered before anything is read.
CREATE TABLE invitation_token (
    token_hash    bytea PRIMARY KEY,
    tenant_id     uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    invitation_id uuid NOT NULL,
    expires_at    timestamptz NOT NULL,
    FOREIGN KEY (tenant_id, invitation_id) REFERENCES invitation (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX invitation_token_invitation_idx ON invitation_token (tenant_id, invitation_id);
