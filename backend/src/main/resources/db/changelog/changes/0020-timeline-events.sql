--liquibase formatted sql

--changeset kakehashi:0020-1
-- Dated events of an engagement that explain its trends ("HQ restructuring", "New Japan country
-- manager"), drawn as markers on the dashboard's time axis. The engagement's own start is derived
-- from the engagement, never stored here, so it cannot disagree with it.
CREATE TABLE timeline_event (
    tenant_id     uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id            uuid NOT NULL,
    engagement_id uuid NOT NULL,
    occurred_on   date NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('ORGANISATION_CHANGE', 'LEADERSHIP_CHANGE', 'MILESTONE', 'OTHER')),
    label_en      text CHECK (char_length(label_en) BETWEEN 1 AND 120),
    label_ja      text CHECK (char_length(label_ja) BETWEEN 1 AND 120),
    created_by    uuid,
    created_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT timeline_event_labelled CHECK (label_en IS NOT NULL OR label_ja IS NOT NULL),
    FOREIGN KEY (tenant_id, engagement_id) REFERENCES engagement (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX timeline_event_engagement ON timeline_event (tenant_id, engagement_id, occurred_on);

--changeset kakehashi:0020-2
ALTER TABLE timeline_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE timeline_event FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON timeline_event USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
