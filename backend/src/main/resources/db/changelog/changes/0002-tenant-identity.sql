--liquibase formatted sql

--changeset kakehashi:0002-1
-- Global tables: the tenant registry and the people who log in. They are read before a tenant
-- is known (login, membership checks), so they carry no Row Level Security; the API authorises
-- every access to them.
CREATE TABLE tenant (
    id                    uuid PRIMARY KEY,
    name                  text NOT NULL,
    hq_country            char(2) NOT NULL,
    hq_time_zone          text NOT NULL,
    japan_subsidiary_name text NOT NULL,
    anonymity_threshold   integer NOT NULL DEFAULT 5 CHECK (anonymity_threshold >= 3),
    created_at            timestamptz NOT NULL DEFAULT now(),
    updated_at            timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX tenant_name_key ON tenant (lower(name));

CREATE TABLE app_user (
    id            uuid PRIMARY KEY,
    email         text NOT NULL UNIQUE CHECK (email = lower(email)),
    display_name  text NOT NULL,
    role          text NOT NULL CHECK (role IN ('OPERATOR', 'CONSULTANT', 'EXECUTIVE')),
    password_hash text NOT NULL,
    active        boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL DEFAULT now()
);

-- tenant_id leads the key so that membership rows co-locate with their tenant when sharded.
CREATE TABLE tenant_membership (
    tenant_id  uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    user_id    uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, user_id)
);
CREATE INDEX tenant_membership_user_idx ON tenant_membership (user_id);

-- Failed logins per key (an email or a client address), shared by all replicas.
CREATE TABLE login_throttle (
    throttle_key  text PRIMARY KEY,
    failures      integer NOT NULL,
    window_start  timestamptz NOT NULL
);
