--liquibase formatted sql

--changeset kakehashi:0023-1
-- One outbox, one worker: alert mails join invitation and reminder mails in mail_outbox (kind
-- ALERT), sent by the mail feature's worker with the same claim, retry, backoff and attempt limit.
-- An alert mail names its alert, the wave it was about and the consultant with the address taken
-- when it was queued; an invitation or reminder names its invitation.
ALTER TABLE mail_outbox ALTER COLUMN invitation_id DROP NOT NULL;
ALTER TABLE mail_outbox ADD COLUMN alert_id uuid;
ALTER TABLE mail_outbox ADD COLUMN wave_id uuid;
ALTER TABLE mail_outbox ADD COLUMN user_id uuid;
ALTER TABLE mail_outbox ADD COLUMN email text;
ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check;
ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check CHECK (
    (kind IN ('INVITATION', 'REMINDER') AND invitation_id IS NOT NULL AND alert_id IS NULL)
    OR (kind = 'ALERT' AND invitation_id IS NULL AND alert_id IS NOT NULL AND user_id IS NOT NULL AND email IS NOT NULL));
ALTER TABLE mail_outbox ADD FOREIGN KEY (tenant_id, alert_id) REFERENCES alert (tenant_id, id) ON DELETE CASCADE;
-- A consultant is mailed once per alert and wave (alert_mail_once before).
CREATE UNIQUE INDEX mail_outbox_alert_once ON mail_outbox (tenant_id, alert_id, user_id, wave_id) NULLS NOT DISTINCT
    WHERE kind = 'ALERT';

--changeset kakehashi:0023-2
-- Every alert mail moves, whatever its status, with its attempts, error and times. The old table
-- stays, read-only, as alert_mail_outbox_before_0023 (as alert_before_0019 kept the old alerts).
-- The owner passes FORCE ROW LEVEL SECURITY only while it is lifted, inside this changeset's
-- transaction (as in 0013).
ALTER TABLE mail_outbox NO FORCE ROW LEVEL SECURITY;
ALTER TABLE alert_mail_outbox NO FORCE ROW LEVEL SECURITY;
INSERT INTO mail_outbox (tenant_id, id, kind, status, send_after, attempts, last_error, sent_at, created_at,
                         alert_id, wave_id, user_id, email)
SELECT tenant_id, id, 'ALERT', status, send_after, attempts, last_error, sent_at, created_at,
       alert_id, wave_id, user_id, email
FROM alert_mail_outbox;
ALTER TABLE mail_outbox FORCE ROW LEVEL SECURITY;
ALTER TABLE alert_mail_outbox FORCE ROW LEVEL SECURITY;
ALTER TABLE alert_mail_outbox RENAME TO alert_mail_outbox_before_0023;
REVOKE INSERT, UPDATE, DELETE ON alert_mail_outbox_before_0023 FROM ${app_role};

--changeset kakehashi:0023-3
-- The alert feature's own mail task is gone (the outbox worker, mail-dispatch, sends alert mails);
-- its db-scheduler row would otherwise be logged as an unresolved task at every poll.
DELETE FROM scheduled_tasks WHERE task_name = 'alert-mail';
