--liquibase formatted sql

--changeset kakehashi:0030-1
-- Ready for sharding by tenant (Citus, issue 13 §6): every key of a tenant table leads with
-- tenant_id, because a distributed table can only enforce a unique key that contains its
-- distribution column. invitation_token was keyed on token_hash alone. The old key was unique on
-- the hash, so the new one holds for every existing row: nothing is deleted or rewritten.
ALTER TABLE invitation_token DROP CONSTRAINT invitation_token_pkey;
ALTER TABLE invitation_token ADD CONSTRAINT invitation_token_pkey PRIMARY KEY (tenant_id, token_hash);
-- The respondent arrives with the token only, before any tenant is known: the lookup by hash alone
-- keeps an index of its own. Not unique: uniqueness across tenants cannot be enforced on a
-- distributed table, and is not needed (a hash of 256 random bits does not collide).
CREATE INDEX invitation_token_hash_idx ON invitation_token (token_hash);

--changeset kakehashi:0030-2 splitStatements:false
-- Without a key on the hash, "at most one row" is now this function's promise instead of the
-- table's: a hash held by more than one tenant (never expected) resolves to nobody rather than to
-- whichever row comes first. An unknown token still reveals nothing: no row. On Citus this is the
-- one read that cannot name its shard; it asks every shard's index once per respondent request.
CREATE OR REPLACE FUNCTION resolve_invitation_token(lookup_hash bytea, at_time timestamptz)
    RETURNS TABLE (tenant_id uuid, invitation_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET row_security = on
    AS $$ SELECT t.tenant_id, t.invitation_id FROM public.invitation_token t
          WHERE t.token_hash = lookup_hash AND t.expires_at > at_time
            AND (SELECT count(*) FROM public.invitation_token d WHERE d.token_hash = lookup_hash) = 1 $$;

--changeset kakehashi:0030-3
-- alert_evaluation had no primary key, only a unique constraint over nullable columns. Citus moves
-- shards between nodes with logical replication, which needs a replica identity to carry updates
-- and deletes (re-evaluation deletes a wave's rows); a surrogate id gives it one. Existing rows get
-- their id from the default while the column is added.
ALTER TABLE alert_evaluation ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE alert_evaluation ADD CONSTRAINT alert_evaluation_pkey PRIMARY KEY (tenant_id, id);
