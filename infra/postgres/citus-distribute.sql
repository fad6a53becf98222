-- Kakehashi on Citus: distributes every tenant table by tenant_id, copies the small global tables
-- to every node, and leaves the coordinator's own bookkeeping local. See docs/operations.md,
-- "Scaling out by tenant (Citus)".
--
--   psql "host=COORDINATOR user=kakehashi_owner dbname=kakehashi" -f infra/postgres/citus-distribute.sql
--
-- Run on the coordinator, as the table owner, after the backend's migrations (the Liquibase job of
-- a rollout) and before the app takes traffic. Safe to run again: a table already known to Citus
-- is skipped, so after a release that adds a tenant table, run it again to distribute the new one.
--
-- Kept in sync with the schema by CitusDistributionTest (backend tests): every table with a
-- tenant_id column must be distributed here, every other table must be a reference table or named
-- below as coordinator-local, and referenced tables must come before the tables that refer to
-- them (Citus checks a foreign key when the referencing table is distributed). Not run in CI:
-- Citus is not installed there.

\set ON_ERROR_STOP on

-- The tenant setting reaches the workers only as SET LOCAL inside a transaction, and only when
-- this is on (the backend sets app.tenant_id with SET LOCAL at the start of every transaction).
-- Citus propagates ALTER ROLE ... SET to the workers.
ALTER ROLE kakehashi_app SET citus.propagate_set_commands TO 'local';

-- The Row Level Security policies call current_tenant_id() on the workers, where the shards are
-- read; make sure the function exists there.
SELECT create_distributed_function('current_tenant_id()')
WHERE NOT EXISTS (SELECT 1 FROM pg_dist_object WHERE objid = 'current_tenant_id()'::regprocedure);

-- Coordinator-local tables: neither distributed nor copied. Each is read and written by key by the
-- backend alone, is never joined with a tenant table and no tenant table refers to it.
-- coordinator-local: databasechangelog (Liquibase's record of applied migrations; migrations run on the coordinator)
-- coordinator-local: databasechangeloglock (Liquibase's lock, taken by the migration job on the coordinator)
-- coordinator-local: scheduled_tasks (db-scheduler's queue: polled with SELECT ... FOR UPDATE SKIP LOCKED and heartbeats every few seconds; one node keeps that cheap, and task data names its tenant)
-- coordinator-local: platform_audit_event (the record of a tenant's offboarding, kept outside every tenant; written once per offboarding, never joined with tenant tables)
-- coordinator-local: login_throttle (failed logins per key, written on every failed login; a reference table would turn each into a write on every node)

-- Reference tables: small, global, read by tenant tables' foreign keys and joins; a full copy on
-- every node, so those checks and joins stay on the tenant's node.

SELECT create_reference_table('tenant') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'tenant'::regclass);
SELECT create_reference_table('app_user') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'app_user'::regclass);
SELECT create_reference_table('default_instrument') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'default_instrument'::regclass);
SELECT create_reference_table('default_instrument_item') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'default_instrument_item'::regclass);

-- Distributed tables, all in one colocation group: a tenant's rows of every table land on the same
-- node, so its joins, foreign keys and transactions stay on one node (single-shard router queries).
-- tenant_membership founds the group (colocate_with => 'none' starts a new one); every other
-- tenant table joins it. A very large tenant can later get shards of its own with
-- isolate_tenant_to_new_shard.
SELECT create_distributed_table('tenant_membership', 'tenant_id', colocate_with => 'none') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'tenant_membership'::regclass);
SELECT create_distributed_table('alert_before_0019', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'alert_before_0019'::regclass);
SELECT create_distributed_table('alert_settings', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'alert_settings'::regclass);
SELECT create_distributed_table('audit_event', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'audit_event'::regclass);
SELECT create_distributed_table('engagement', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'engagement'::regclass);
SELECT create_distributed_table('decision', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'decision'::regclass);
SELECT create_distributed_table('initiative', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'initiative'::regclass);
SELECT create_distributed_table('initiative_milestone', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'initiative_milestone'::regclass);
SELECT create_distributed_table('instrument', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'instrument'::regclass);
SELECT create_distributed_table('instrument_version', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'instrument_version'::regclass);
SELECT create_distributed_table('instrument_item', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'instrument_item'::regclass);
SELECT create_distributed_table('participant', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'participant'::regclass);
SELECT create_distributed_table('pulse_schedule', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'pulse_schedule'::regclass);
SELECT create_distributed_table('register_item', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'register_item'::regclass);
SELECT create_distributed_table('register_version', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'register_version'::regclass);
SELECT create_distributed_table('register_approval', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'register_approval'::regclass);
SELECT create_distributed_table('engagement_consultant', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'engagement_consultant'::regclass);
SELECT create_distributed_table('timeline_event', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'timeline_event'::regclass);
SELECT create_distributed_table('wave', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'wave'::regclass);
SELECT create_distributed_table('alert', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'alert'::regclass);
SELECT create_distributed_table('action', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'action'::regclass);
SELECT create_distributed_table('action_comment', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'action_comment'::regclass);
SELECT create_distributed_table('action_owner', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'action_owner'::regclass);
SELECT create_distributed_table('alert_evaluation', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'alert_evaluation'::regclass);
SELECT create_distributed_table('alert_mail_outbox_before_0023', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'alert_mail_outbox_before_0023'::regclass);
SELECT create_distributed_table('alert_note', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'alert_note'::regclass);
SELECT create_distributed_table('alert_observation', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'alert_observation'::regclass);
SELECT create_distributed_table('alert_wave', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'alert_wave'::regclass);
SELECT create_distributed_table('insight_item_pair_rollup', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'insight_item_pair_rollup'::regclass);
SELECT create_distributed_table('insight_item_rollup', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'insight_item_rollup'::regclass);
SELECT create_distributed_table('insight_sign_rollup', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'insight_sign_rollup'::regclass);
SELECT create_distributed_table('insight_silence_rollup', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'insight_silence_rollup'::regclass);
SELECT create_distributed_table('invitation', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'invitation'::regclass);
SELECT create_distributed_table('invitation_token', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'invitation_token'::regclass);
SELECT create_distributed_table('mail_outbox', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'mail_outbox'::regclass);
SELECT create_distributed_table('response', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'response'::regclass);
SELECT create_distributed_table('insight_pending', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'insight_pending'::regclass);
SELECT create_distributed_table('response_answer', 'tenant_id', colocate_with => 'tenant_membership') WHERE NOT EXISTS (SELECT 1 FROM pg_dist_partition WHERE logicalrelid = 'response_answer'::regclass);
