--liquibase formatted sql

--changeset kakehashi:0031-1
-- Retention per tenant (issue 13 §5), applied daily by the `retention` task (lifecycle.Retention):
-- the invitation <-> token-hash links go N days after their wave closed, response comments M months
-- after, audit entries after the policy's days (90 to 36500; 36500 keeps them for good).
ALTER TABLE tenant
    ADD COLUMN token_link_retention_days integer NOT NULL DEFAULT 30
        CHECK (token_link_retention_days BETWEEN 1 AND 3650),
    ADD COLUMN comment_retention_months integer NOT NULL DEFAULT 24
        CHECK (comment_retention_months BETWEEN 1 AND 120),
    ADD COLUMN audit_retention_days integer NOT NULL DEFAULT 730
        CHECK (audit_retention_days BETWEEN 90 AND 36500);

--changeset kakehashi:0031-2
-- What happened to whole tenants (offboarding), kept when the tenant itself is gone. Global and
-- without RLS like tenant; its column is deliberately not called tenant_id: the row is nobody's
-- tenant data, and the catalog checks that treat every tenant_id table as tenant data must not
-- count it. Append-only for the app role.
CREATE TABLE platform_audit_event (
    id             uuid PRIMARY KEY,
    occurred_at    timestamptz NOT NULL DEFAULT now(),
    actor_id       uuid,
    actor_email    text,
    action         text NOT NULL,
    subject_tenant uuid NOT NULL,
    subject_name   text NOT NULL,
    detail         jsonb NOT NULL
);
CREATE INDEX platform_audit_event_time_idx ON platform_audit_event (occurred_at DESC);
REVOKE UPDATE, DELETE, TRUNCATE ON platform_audit_event FROM ${app_role};

-- The export's manifest names the schema version it was written with (the last changeset).
GRANT SELECT ON databasechangelog TO ${app_role};

--changeset kakehashi:0031-3 splitStatements:false
-- The three deletions below touch tables the app role may not change (response, audit_event are
-- append-only for it). They run as their owner, the migration role, but never wider than the
-- tenant in context: FORCE ROW LEVEL SECURITY holds the owner to the same tenant_isolation
-- policies, and each function refuses to run without a tenant. A separate owner-role pool at run
-- time was the alternative; production pods do not have the owner's credentials (operations.md),
-- and these functions give exactly three narrow powers instead of all of them.

-- Retention of response comments of waves closed before the cut-off: the comment goes, the answers and
-- every rollup (including the comment counts) stay.
CREATE FUNCTION retention_clear_comments(closed_before timestamptz) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    cleared integer;
BEGIN
    IF public.current_tenant_id() IS NULL THEN
        RAISE EXCEPTION 'retention_clear_comments needs a tenant in context' USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE public.response r SET comment = NULL
    FROM public.wave w
    WHERE r.tenant_id = public.current_tenant_id() AND w.tenant_id = r.tenant_id AND w.id = r.wave_id
      AND w.closed_at < closed_before AND r.comment IS NOT NULL;
    GET DIAGNOSTICS cleared = ROW_COUNT;
    RETURN cleared;
END $$;
REVOKE EXECUTE ON FUNCTION retention_clear_comments(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION retention_clear_comments(timestamptz) TO ${app_role};

CREATE FUNCTION retention_purge_audit(occurred_before timestamptz) RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    purged integer;
BEGIN
    IF public.current_tenant_id() IS NULL THEN
        RAISE EXCEPTION 'retention_purge_audit needs a tenant in context' USING ERRCODE = 'insufficient_privilege';
    END IF;
    DELETE FROM public.audit_event a
    WHERE a.tenant_id = public.current_tenant_id() AND a.occurred_at < occurred_before;
    GET DIAGNOSTICS purged = ROW_COUNT;
    RETURN purged;
END $$;
REVOKE EXECUTE ON FUNCTION retention_purge_audit(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION retention_purge_audit(timestamptz) TO ${app_role};

-- Offboarding: every row of one tenant, in the caller's transaction, driven by the catalog (every
-- table with a tenant_id column, so a table added later is covered without touching this), then
-- the tenant itself. Only the tenant in context can be removed, and RLS still scopes every
-- statement to it. Returns the rows each table held, for the platform audit.
CREATE FUNCTION offboard_tenant(target uuid) RETURNS jsonb
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    tables    text[];
    remaining text[];
    t         text;
    n         bigint;
    counts    jsonb := '{}'::jsonb;
    progress  boolean;
    left_over bigint := 0;
BEGIN
    IF target IS NULL OR public.current_tenant_id() IS DISTINCT FROM target THEN
        RAISE EXCEPTION 'offboard_tenant removes only the tenant in context' USING ERRCODE = 'insufficient_privilege';
    END IF;
    -- Writers into the tenant take a key-share lock on its row (foreign keys): they wait for this
    -- transaction and then fail, instead of leaving a row behind it.
    PERFORM 1 FROM public.tenant WHERE id = target FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'tenant % does not exist', target USING ERRCODE = 'no_data_found';
    END IF;

    SELECT coalesce(array_agg(c.relname::text ORDER BY c.relname), '{}') INTO tables
    FROM pg_class c
    JOIN pg_namespace ns ON ns.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
    WHERE ns.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition;

    FOREACH t IN ARRAY tables LOOP
        EXECUTE format('SELECT count(*) FROM public.%I WHERE tenant_id = $1', t) INTO n USING target;
        counts := counts || jsonb_build_object(t, n);
    END LOOP;

    -- Planned wave occurrences (db-scheduler rows name their schedule, not their tenant) and any
    -- task instance named after the tenant.
    DELETE FROM public.scheduled_tasks s
    WHERE (s.task_name = 'wave-occurrence'
           AND split_part(s.task_instance, '@', 1) IN (SELECT p.id::text FROM public.pulse_schedule p WHERE p.tenant_id = target))
       OR s.task_instance LIKE '%' || target::text || '%';
    GET DIAGNOSTICS n = ROW_COUNT;
    counts := counts || jsonb_build_object('scheduled_tasks', n);

    -- Executives are the client's own people: an account that could enter only this tenant goes
    -- with it. Consultants and operators are the firm's staff and keep their accounts.
    DELETE FROM public.app_user u
    WHERE u.role = 'EXECUTIVE'
      AND EXISTS (SELECT 1 FROM public.tenant_membership m WHERE m.user_id = u.id AND m.tenant_id = target)
      AND NOT EXISTS (SELECT 1 FROM public.tenant_membership m WHERE m.user_id = u.id AND m.tenant_id <> target);
    GET DIAGNOSTICS n = ROW_COUNT;
    counts := counts || jsonb_build_object('app_user', n);

    -- Children before parents without hard-coding the order: a table still referenced by a row of
    -- a table not yet emptied (a foreign key without ON DELETE CASCADE) waits for the next pass.
    remaining := tables;
    WHILE cardinality(remaining) > 0 LOOP
        progress := false;
        FOREACH t IN ARRAY remaining LOOP
            BEGIN
                EXECUTE format('DELETE FROM public.%I WHERE tenant_id = $1', t) USING target;
                remaining := array_remove(remaining, t);
                progress := true;
            EXCEPTION WHEN foreign_key_violation THEN
                NULL;
            END;
        END LOOP;
        IF NOT progress THEN
            RAISE EXCEPTION 'offboard_tenant could not empty %', remaining;
        END IF;
    END LOOP;
    DELETE FROM public.tenant WHERE id = target;

    FOREACH t IN ARRAY tables LOOP
        EXECUTE format('SELECT count(*) FROM public.%I WHERE tenant_id = $1', t) INTO n USING target;
        left_over := left_over + n;
    END LOOP;
    IF left_over <> 0 THEN
        RAISE EXCEPTION 'offboard_tenant left % rows of tenant %', left_over, target;
    END IF;
    RETURN counts;
END $$;
REVOKE EXECUTE ON FUNCTION offboard_tenant(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION offboard_tenant(uuid) TO ${app_role};
