--liquibase formatted sql

--changeset kakehashi:0004-1
CREATE TABLE engagement (
    tenant_id  uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id         uuid NOT NULL,
    name       text NOT NULL,
    goals      text,
    start_date date NOT NULL,
    end_date   date,
    status     text NOT NULL CHECK (status IN ('PLANNED', 'ACTIVE', 'CLOSED')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CHECK (end_date IS NULL OR end_date >= start_date)
);

-- A consultant on an engagement must be a member of its tenant: the key to the membership
-- enforces it, and unassigning the consultant from the tenant takes them off its engagements.
CREATE TABLE engagement_consultant (
    tenant_id     uuid NOT NULL,
    engagement_id uuid NOT NULL,
    user_id       uuid NOT NULL,
    PRIMARY KEY (tenant_id, engagement_id, user_id),
    FOREIGN KEY (tenant_id, engagement_id) REFERENCES engagement (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, user_id) REFERENCES tenant_membership (tenant_id, user_id) ON DELETE CASCADE
);

ALTER TABLE engagement ENABLE ROW LEVEL SECURITY;
ALTER TABLE engagement FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON engagement
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE engagement_consultant ENABLE ROW LEVEL SECURITY;
ALTER TABLE engagement_consultant FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON engagement_consultant
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());
