--liquibase formatted sql

--changeset kakehashi:0027-1
-- The global-local register: what of the client's strategy and operations is global as is, global in
-- intent with a local form, or decided in Japan. Tenant-wide, not per engagement: the register
-- outlives any one consulting engagement. Versions and approvals are append-only history, so a
-- classification, and who agreed to it, can always be shown as it was.
CREATE TABLE register_item (
    tenant_id       uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id              uuid NOT NULL,
    title           text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    area            text NOT NULL CHECK (area IN ('PRICING', 'BRAND', 'APPROVAL_LIMITS', 'SALES_TARGETS', 'PRODUCT',
                                                  'REPORTING', 'PEOPLE', 'OTHER')),
    signs           text[] NOT NULL DEFAULT '{}',
    current_version integer NOT NULL CHECK (current_version >= 1),
    created_by      uuid,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);

CREATE TABLE register_version (
    tenant_id      uuid NOT NULL,
    item_id        uuid NOT NULL,
    version        integer NOT NULL CHECK (version >= 1),
    classification text NOT NULL CHECK (classification IN ('NON_NEGOTIABLE', 'ADAPTABLE', 'LOCAL')),
    rationale      text NOT NULL CHECK (char_length(rationale) BETWEEN 1 AND 4000),
    authored_by    uuid,
    authored_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, item_id, version),
    FOREIGN KEY (tenant_id, item_id) REFERENCES register_item (tenant_id, id) ON DELETE CASCADE
);

-- One row per recorded decision of a side on a version; the latest per side and version counts.
CREATE TABLE register_approval (
    tenant_id     uuid NOT NULL,
    id            uuid NOT NULL,
    item_id       uuid NOT NULL,
    version       integer NOT NULL,
    side          text NOT NULL CHECK (side IN ('HQ', 'JAPAN')),
    decision      text NOT NULL CHECK (decision IN ('AGREE', 'DISAGREE')),
    comment       text CHECK (char_length(comment) BETWEEN 1 AND 2000),
    approver_name text CHECK (char_length(approver_name) BETWEEN 1 AND 120),
    recorded_by   uuid,
    recorded_at   timestamptz NOT NULL,
    -- Entry order: two words recorded at the same instant still have a latest one.
    seq           bigint GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, item_id, version) REFERENCES register_version (tenant_id, item_id, version) ON DELETE CASCADE,
    CONSTRAINT register_approval_disagreement_explained CHECK (decision = 'AGREE' OR comment IS NOT NULL)
);
CREATE INDEX register_approval_item ON register_approval (tenant_id, item_id, version, recorded_at);

--changeset kakehashi:0027-2
ALTER TABLE register_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE register_item FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON register_item USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE register_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE register_version FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON register_version USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE register_approval ENABLE ROW LEVEL SECURITY;
ALTER TABLE register_approval FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON register_approval USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
-- History is never rewritten: the app may add versions and approvals, and delete them only with their item.
REVOKE UPDATE ON register_version, register_approval FROM ${app_role};
