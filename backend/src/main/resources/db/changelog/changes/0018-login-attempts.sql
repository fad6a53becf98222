--liquibase formatted sql

--changeset kakehashi:0018-1
-- Login throttling by growing delays instead of a lock (identity.LoginThrottle): a delay is counted
-- from the key's last failure, and an account is mailed once per window after repeated failures.
-- Rows written before this change have no last failure: their window start stands in for it.
ALTER TABLE login_throttle ADD COLUMN last_failure timestamptz;
UPDATE login_throttle SET last_failure = window_start;
ALTER TABLE login_throttle ALTER COLUMN last_failure SET NOT NULL;
ALTER TABLE login_throttle ADD COLUMN notified_at timestamptz;
-- Expired rows are swept by age.
CREATE INDEX login_throttle_last_failure ON login_throttle (last_failure);
