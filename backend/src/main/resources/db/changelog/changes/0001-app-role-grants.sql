--liquibase formatted sql

--changeset kakehashi:0001-1
-- Tables created later by the migration owner are usable by the app role, which owns none of
-- them and so is always subject to Row Level Security.
GRANT USAGE ON SCHEMA public TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};

-- The tenant of the current transaction, or NULL when none is set (an unset custom setting
-- reads as '' after it was once set on the connection).
CREATE FUNCTION current_tenant_id() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;
GRANT EXECUTE ON FUNCTION current_tenant_id() TO ${app_role};
