--liquibase formatted sql

--changeset kakehashi:0010-1
-- Objective data beside the surveys: what HQ announced and when it really happened, and whether
-- Japan was asked before decisions were approved.
CREATE TABLE initiative (
    tenant_id     uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id            uuid NOT NULL,
    engagement_id uuid NOT NULL,
    title         text NOT NULL,
    description   text,
    announced_on  date NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, engagement_id) REFERENCES engagement (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE initiative_milestone (
    tenant_id     uuid NOT NULL,
    initiative_id uuid NOT NULL,
    position      integer NOT NULL CHECK (position >= 0),
    name          text NOT NULL,
    planned_on    date NOT NULL,
    actual_on     date,
    PRIMARY KEY (tenant_id, initiative_id, position),
    FOREIGN KEY (tenant_id, initiative_id) REFERENCES initiative (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE decision (
    tenant_id           uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id                  uuid NOT NULL,
    engagement_id       uuid NOT NULL,
    title               text NOT NULL,
    proposed_on         date NOT NULL,
    approved_on         date,
    japan_consulted     boolean NOT NULL DEFAULT false,
    notes               text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, engagement_id) REFERENCES engagement (tenant_id, id) ON DELETE CASCADE,
    CHECK (approved_on IS NULL OR approved_on >= proposed_on)
);

ALTER TABLE initiative ENABLE ROW LEVEL SECURITY;
ALTER TABLE initiative FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON initiative USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE initiative_milestone ENABLE ROW LEVEL SECURITY;
ALTER TABLE initiative_milestone FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON initiative_milestone USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE decision ENABLE ROW LEVEL SECURITY;
ALTER TABLE decision FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON decision USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
