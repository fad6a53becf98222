--liquibase formatted sql

--changeset kakehashi:0032-1
-- A retry moves send_after to the end of its backoff, so "due since" alone forgets that a mail has
-- been waiting through an SMTP outage. waiting_since keeps the time the mail was first due (set by
-- the first retry, never moved); the outbox backlog ages from it.
ALTER TABLE mail_outbox ADD COLUMN waiting_since timestamptz;
--rollback ALTER TABLE mail_outbox DROP COLUMN waiting_since;
