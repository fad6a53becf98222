--liquibase formatted sql

--changeset kakehashi:0005-1
-- Append-only: the app role may insert and read, never change or delete.
CREATE TABLE audit_event (
    tenant_id   uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id          uuid NOT NULL,
    occurred_at timestamptz NOT NULL DEFAULT now(),
    actor_id    uuid,
    actor_email text,
    action      text NOT NULL,
    object_type text NOT NULL,
    object_id   uuid,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_event_time_idx ON audit_event (tenant_id, occurred_at DESC);
REVOKE UPDATE, DELETE ON audit_event FROM ${app_role};

ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON audit_event
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
