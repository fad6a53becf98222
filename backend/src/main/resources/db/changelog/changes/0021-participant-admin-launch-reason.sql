--liquibase formatted sql

--changeset kakehashi:0021-1
-- A client executive reads results; maintaining the participant list (names, emails) is a
-- client-administrator task that a consultant or operator grants per membership. Off by default,
-- and off for every existing membership: nobody gains access to personal data by this change.
-- Only an executive's membership uses the flag (consultants and operators manage participants anyway).
ALTER TABLE tenant_membership ADD COLUMN participant_admin boolean NOT NULL DEFAULT false;
--rollback ALTER TABLE tenant_membership DROP COLUMN participant_admin;

--changeset kakehashi:0021-2
-- Free text that explains an entry, e.g. why a consultant opened a second wave while one of the
-- same schedule was still open. NULL for the entries that need no explanation.
ALTER TABLE audit_event ADD COLUMN detail text;
--rollback ALTER TABLE audit_event DROP COLUMN detail;
