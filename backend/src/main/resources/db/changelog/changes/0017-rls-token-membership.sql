--liquibase formatted sql

--changeset kakehashi:0017-1
-- Links of participants erased before erasure revoked them (issue 8): their invitations lost the
-- participant (ON DELETE SET NULL) but the token still opened the form. Such an invitation can
-- never be answered legitimately again, so its tokens go. The owner passes FORCE ROW LEVEL
-- SECURITY on invitation only while it is lifted, inside this changeset's transaction (as in 0013).
ALTER TABLE invitation NO FORCE ROW LEVEL SECURITY;
DELETE FROM invitation_token t USING invitation i
WHERE i.tenant_id = t.tenant_id AND i.id = t.invitation_id AND i.participant_id IS NULL;
ALTER TABLE invitation FORCE ROW LEVEL SECURITY;

--changeset kakehashi:0017-2
-- invitation_token and tenant_membership carry tenant_id but are read before a tenant is known:
-- the respondent arrives with a token only, and logins, /me and the tenant filter ask which
-- tenants a user belongs to. Until now both were global, so the app role without a tenant read
-- every token hash and every membership. Now both are tenant tables like the others (FORCE RLS,
-- keyed on app.tenant_id), and the two questions asked before a tenant is known are answered by
-- SECURITY DEFINER functions that resolve exactly one key: one token hash, or one user's tenants.
-- Without a tenant, nothing can list either table.
ALTER TABLE invitation_token ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitation_token FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invitation_token
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE tenant_membership ENABLE ROW LEVEL SECURITY;
ALTER TABLE tenant_membership FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON tenant_membership
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());

-- The functions below run as their owner, the migration role (CURRENT_USER here), which FORCE
-- subjects to the policies too; this read-only policy lets exactly that role read. The app role
-- connects as itself and never gets it; nothing at run time connects as the owner.
CREATE POLICY definer_lookup ON invitation_token FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY definer_lookup ON tenant_membership FOR SELECT TO CURRENT_USER USING (true);

-- The respondent page's first step: token hash -> (tenant, invitation), at most one row (the hash
-- is the primary key). Expiry is judged by the application's clock, passed in.
CREATE FUNCTION resolve_invitation_token(lookup_hash bytea, at_time timestamptz)
    RETURNS TABLE (tenant_id uuid, invitation_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET row_security = on
    AS $$ SELECT t.tenant_id, t.invitation_id FROM public.invitation_token t
          WHERE t.token_hash = lookup_hash AND t.expires_at > at_time $$;
REVOKE EXECUTE ON FUNCTION resolve_invitation_token(bytea, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION resolve_invitation_token(bytea, timestamptz) TO ${app_role};

-- The tenants one user is a member of: login, /me, the tenant filter, the tenant list.
CREATE FUNCTION member_tenants(member_id uuid)
    RETURNS SETOF uuid
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    SET row_security = on
    AS $$ SELECT m.tenant_id FROM public.tenant_membership m WHERE m.user_id = member_id $$;
REVOKE EXECUTE ON FUNCTION member_tenants(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION member_tenants(uuid) TO ${app_role};
