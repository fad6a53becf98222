-- Kakehashi: one-time database setup for production, run by a DBA with a superuser connection.
--
--   psql "host=DB_HOST user=postgres dbname=postgres" \
--        -v owner_password="$KAKEHASHI_DB_OWNER_PASSWORD" \
--        -v app_password="$KAKEHASHI_DB_APP_PASSWORD" \
--        [-v db_name=kakehashi] [-v backup_password="$BACKUP_PASSWORD"] \
--        -f infra/postgres/bootstrap.sql
--
-- It creates what the backend's KAKEHASHI_DB_BOOTSTRAP=true path (DatabaseBootstrap.java) creates
-- for the demo and the tests, so production and development run on the same shape:
--   kakehashi_owner  owns the database and every table; the backend uses it only to run the
--                    Liquibase migrations at start-up.
--   kakehashi_app    what the backend connects as for everything else. It owns nothing and cannot
--                    bypass Row Level Security, so a query that forgets its tenant filter still
--                    sees only the current tenant's rows.
-- Safe to run again: missing objects are created, existing ones get the attributes below and the
-- given passwords (this is also how to rotate the two passwords).
--
-- The role names are fixed: the Liquibase changelog grants to kakehashi_app by name
-- (backend/src/main/resources/db/changelog/db.changelog-master.xml, property app_role).
-- The tables themselves are created by the backend on its first start, not here.

\set ON_ERROR_STOP on

\if :{?owner_password}
\else
  DO $$ BEGIN RAISE EXCEPTION 'pass -v owner_password=... (the password of kakehashi_owner)'; END $$;
\endif
\if :{?app_password}
\else
  DO $$ BEGIN RAISE EXCEPTION 'pass -v app_password=... (the password of kakehashi_app)'; END $$;
\endif
\if :{?db_name}
\else
  \set db_name kakehashi
\endif

SELECT length(:'owner_password') >= 16 AND length(:'app_password') >= 16 AS passwords_ok \gset
\if :passwords_ok
\else
  DO $$ BEGIN RAISE EXCEPTION 'use passwords of at least 16 characters, e.g. openssl rand -base64 24'; END $$;
\endif

-- The statements below carry passwords. Make sure this session never writes them to the server
-- log, whatever log_statement says, and that they are stored as SCRAM hashes. (Managed services
-- may refuse these settings to a non-superuser admin; the script then goes on with a notice.)
DO $$
BEGIN
    SET log_statement = 'none';
    SET log_min_error_statement = 'panic';
    SET log_min_duration_statement = -1;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'could not switch off statement logging for this session: check log_statement is not ddl or all';
END
$$;
SET password_encryption = 'scram-sha-256';

-- ---------------------------------------------------------------------------------------------
-- Roles (cluster-wide)
-- ---------------------------------------------------------------------------------------------
SELECT 'CREATE ROLE kakehashi_owner'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kakehashi_owner') \gexec
SELECT 'CREATE ROLE kakehashi_app'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kakehashi_app') \gexec

-- Migration owner: may log in and owns the schema, nothing more. NOBYPASSRLS matters because the
-- tables use FORCE ROW LEVEL SECURITY, which applies the policies to their owner as well.
ALTER ROLE kakehashi_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
    PASSWORD :'owner_password';

-- Application role: no privilege beyond logging in. NOINHERIT so that a role granted to it later
-- by mistake (say, kakehashi_owner) does not silently lend it ownership of the tables.
-- It gets table privileges from the migrations (changeset 0001: ALTER DEFAULT PRIVILEGES).
ALTER ROLE kakehashi_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT
    PASSWORD :'app_password';

-- Optional read-only role for pg_dump (see docs/operations.md, "Backup"). pg_dump refuses to dump
-- tables whose Row Level Security would filter its rows, and FORCE ROW LEVEL SECURITY applies to
-- the owner too, so backups need BYPASSRLS (or a superuser). This role can read everything and
-- change nothing; keep its password in the backup system only.
\if :{?backup_password}
SELECT 'CREATE ROLE kakehashi_backup'
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kakehashi_backup') \gexec
ALTER ROLE kakehashi_backup LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION BYPASSRLS
    PASSWORD :'backup_password';
GRANT pg_read_all_data TO kakehashi_backup;
\endif

-- ---------------------------------------------------------------------------------------------
-- Database
-- ---------------------------------------------------------------------------------------------
-- UTF-8 from template0, as DatabaseBootstrap does: names and comments are Japanese and English.
SELECT format('CREATE DATABASE %I OWNER kakehashi_owner ENCODING %L TEMPLATE template0', :'db_name', 'UTF8')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db_name') \gexec
ALTER DATABASE :"db_name" OWNER TO kakehashi_owner;

-- Only our roles may connect (PUBLIC gets CONNECT and TEMP on a new database by default).
-- Grant CONNECT explicitly to any monitoring role you add.
REVOKE ALL ON DATABASE :"db_name" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db_name" TO kakehashi_app;
\if :{?backup_password}
GRANT CONNECT ON DATABASE :"db_name" TO kakehashi_backup;
\endif

-- Per-role settings, applied to every new session of the role in this database. They live here
-- rather than in postgresql.conf so that a DBA's psql session or a long pg_dump is not cut off.
-- Existing pooled connections keep their old values: restart the backend after changing them.
--   statement_timeout: no API request should run a statement for 30 s; a runaway query is
--     cancelled instead of holding a pool connection (and locks) indefinitely.
--   idle_in_transaction_session_timeout: a connection left in an open transaction (a bug, a
--     stalled replica) is closed, releasing its locks and letting VACUUM proceed.
--   lock_timeout: waiting on a row or table lock fails fast instead of piling up requests.
ALTER ROLE kakehashi_app IN DATABASE :"db_name" SET statement_timeout = '30s';
ALTER ROLE kakehashi_app IN DATABASE :"db_name" SET idle_in_transaction_session_timeout = '60s';
ALTER ROLE kakehashi_app IN DATABASE :"db_name" SET lock_timeout = '10s';
-- Migrations may legitimately run long (statement_timeout 0), but a DDL statement waiting for a
-- lock blocks every query queued behind it; give up after 30 s and let the pod retry on restart.
ALTER ROLE kakehashi_owner IN DATABASE :"db_name" SET statement_timeout = 0;
ALTER ROLE kakehashi_owner IN DATABASE :"db_name" SET lock_timeout = '30s';

-- ---------------------------------------------------------------------------------------------
-- Inside the database
-- ---------------------------------------------------------------------------------------------
\connect :"db_name"

-- Nobody but the database owner creates objects in public. PostgreSQL 15 already revokes CREATE
-- from PUBLIC on new databases; a database upgraded from an older version may still have it, and
-- then any login role (kakehashi_app included) could create tables or shadowing functions there.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
-- PostgreSQL 15's default: the schema belongs to whoever owns the database (kakehashi_owner),
-- which lets Liquibase create the tables. Set explicitly for databases upgraded from 14 or older.
ALTER SCHEMA public OWNER TO pg_database_owner;

\echo 'Kakehashi database ready. Start the backend (it runs the migrations as kakehashi_owner).'
