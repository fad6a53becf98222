--liquibase formatted sql

--changeset kakehashi:0003-1
CREATE TABLE participant (
    tenant_id    uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id           uuid NOT NULL,
    email        text NOT NULL CHECK (email = lower(email)),
    display_name text NOT NULL,
    side         text NOT NULL CHECK (side IN ('HQ', 'JAPAN', 'REGIONAL')),
    level        text NOT NULL CHECK (level IN ('EXECUTIVE', 'MIDDLE_MANAGER', 'STAFF')),
    language     text NOT NULL CHECK (language IN ('ja', 'en')),
    time_zone    text NOT NULL,
    department   text,
    active       boolean NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT participant_email_key UNIQUE (tenant_id, email)
);
CREATE INDEX participant_listing_idx ON participant (tenant_id, side, level, active);

ALTER TABLE participant ENABLE ROW LEVEL SECURITY;
ALTER TABLE participant FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON participant
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
