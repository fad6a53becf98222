--liquibase formatted sql

--changeset kakehashi:0026-1
-- Action plans: what a consultant and the client agree to do about warning signs (and, optionally, the
-- alert that raised them). An action takes effect only when an owner on each side has agreed, so the
-- owners and their agreements live in a table of their own, one row per side, and an agreement is
-- kept with who recorded it and when (an owner without a console account is agreed for by a consultant).
CREATE TABLE action (
    tenant_id     uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id            uuid NOT NULL,
    engagement_id uuid NOT NULL,
    alert_id      uuid,
    title         text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    description   text CHECK (char_length(description) <= 4000),
    language      text NOT NULL CHECK (language IN ('ja', 'en')),
    signs         text[] NOT NULL CHECK (cardinality(signs) BETWEEN 1 AND 9 AND signs <@ ARRAY['EXECUTION_DELAY', 'MOMENTUM',
                      'DIFFICULT_LABEL', 'EXCLUSION', 'SILENT_DISSENT', 'AUTHORITY_GAP', 'RISK_LENS', 'CONSENSUS_PACE',
                      'TRUST_EROSION']::text[]),
    start_on      date NOT NULL,
    due_on        date NOT NULL,
    status        text NOT NULL CHECK (status IN ('PROPOSED', 'AGREED', 'IN_PROGRESS', 'DONE', 'DROPPED')),
    drop_reason   text CHECK (char_length(drop_reason) BETWEEN 1 AND 1000),
    started_on    date,
    done_on       date,
    dropped_on    date,
    created_by    uuid NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT action_due_after_start CHECK (due_on >= start_on),
    CONSTRAINT action_dropped_with_reason CHECK ((status = 'DROPPED') = (drop_reason IS NOT NULL AND dropped_on IS NOT NULL)),
    CONSTRAINT action_started CHECK (status NOT IN ('IN_PROGRESS', 'DONE') OR started_on IS NOT NULL),
    CONSTRAINT action_done CHECK ((status = 'DONE') = (done_on IS NOT NULL)),
    CONSTRAINT action_done_after_start CHECK (done_on IS NULL OR done_on >= started_on),
    FOREIGN KEY (tenant_id, engagement_id) REFERENCES engagement (tenant_id, id) ON DELETE CASCADE,
    -- An alert that goes (with its engagement) leaves the action standing, unlinked.
    FOREIGN KEY (tenant_id, alert_id) REFERENCES alert (tenant_id, id) ON DELETE SET NULL (alert_id)
);
CREATE INDEX action_engagement ON action (tenant_id, engagement_id, status, due_on);
CREATE INDEX action_open_due ON action (tenant_id, due_on) WHERE status IN ('PROPOSED', 'AGREED', 'IN_PROGRESS');

-- An owner is a console user of the tenant, or a named person with an address and a language (the
-- Japan side's owner often has no account). agreed_by: the user who recorded the agreement, the owner
-- themselves or a consultant on a named owner's behalf.
CREATE TABLE action_owner (
    tenant_id  uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    action_id  uuid NOT NULL,
    side       text NOT NULL CHECK (side IN ('HQ', 'JAPAN')),
    user_id    uuid,
    name       text CHECK (char_length(name) BETWEEN 1 AND 200),
    email      text CHECK (char_length(email) BETWEEN 3 AND 254),
    language   text CHECK (language IN ('ja', 'en')),
    agreed_at  timestamptz,
    agreed_by  uuid,
    PRIMARY KEY (tenant_id, action_id, side),
    CONSTRAINT action_owner_user_or_named CHECK (
        (user_id IS NOT NULL AND name IS NULL AND email IS NULL AND language IS NULL)
        OR (user_id IS NULL AND name IS NOT NULL AND email IS NOT NULL AND language IS NOT NULL)),
    CONSTRAINT action_owner_agreement CHECK ((agreed_at IS NULL) = (agreed_by IS NULL)),
    FOREIGN KEY (tenant_id, action_id) REFERENCES action (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE action_comment (
    tenant_id    uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id           uuid NOT NULL,
    action_id    uuid NOT NULL,
    author_id    uuid NOT NULL,
    author_email text NOT NULL,
    text         text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 4000),
    language     text NOT NULL CHECK (language IN ('ja', 'en')),
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, action_id) REFERENCES action (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX action_comment_action ON action_comment (tenant_id, action_id, created_at);

--changeset kakehashi:0026-2
ALTER TABLE action ENABLE ROW LEVEL SECURITY;
ALTER TABLE action FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON action USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE action_owner ENABLE ROW LEVEL SECURITY;
ALTER TABLE action_owner FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON action_owner USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE action_comment ENABLE ROW LEVEL SECURITY;
ALTER TABLE action_comment FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON action_comment USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
-- The conversation on an action is a record: remarks are added, never edited or removed.
REVOKE UPDATE, DELETE ON action_comment FROM ${app_role};

--changeset kakehashi:0026-3
-- Action notices go through the one outbox (kind ACTION): proposed to the owners, agreed, done and
-- overdue, to both owners and the engagement's consultants, each with the address (and, for a named
-- owner, the language) taken when queued. A notice goes once per action, event and address.
ALTER TABLE mail_outbox ADD COLUMN action_id uuid;
ALTER TABLE mail_outbox ADD COLUMN action_event text CHECK (action_event IN ('PROPOSED', 'AGREED', 'DONE', 'OVERDUE'));
ALTER TABLE mail_outbox ADD COLUMN language text CHECK (language IN ('ja', 'en'));
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check CHECK (
    (kind IN ('INVITATION', 'REMINDER') AND invitation_id IS NOT NULL AND alert_id IS NULL AND action_id IS NULL)
    OR (kind = 'ALERT' AND invitation_id IS NULL AND alert_id IS NOT NULL AND user_id IS NOT NULL AND email IS NOT NULL
        AND action_id IS NULL)
    OR (kind = 'ACTION' AND invitation_id IS NULL AND alert_id IS NULL AND action_id IS NOT NULL AND action_event IS NOT NULL
        AND email IS NOT NULL));
ALTER TABLE mail_outbox ADD FOREIGN KEY (tenant_id, action_id) REFERENCES action (tenant_id, id) ON DELETE CASCADE;
CREATE UNIQUE INDEX mail_outbox_action_once ON mail_outbox (tenant_id, action_id, action_event, email) WHERE kind = 'ACTION';
