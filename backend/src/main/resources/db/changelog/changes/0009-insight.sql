--liquibase formatted sql

--changeset kakehashi:0009-1
-- Insight rollups: the aggregates dashboards and the insight API read, never raw responses.
-- Written in the same transaction as each response (insight.InsightRollups#record) and rebuilt
-- from raw responses by InsightRollups#recompute (idempotent; run when a wave closes and by tests).
--
-- Segments: side and level are a participant Side / Level name or '*' (all). ('*','*') is every
-- response of the wave; (side,'*') a side; ('*',level) a level; (side,level) one cell.
--
-- Per respondent, a sign's score is the mean of its items after reverse keying (6 − answer),
-- mapped to 0–100: (mean − 1) / 4 × 100, rounded to 12 decimals so that sums are exact numerics
-- and an incremental rollup equals a recomputation digit for digit.
CREATE TABLE insight_sign_rollup (
    tenant_id  uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    wave_id    uuid NOT NULL,
    side       text NOT NULL,
    level      text NOT NULL,
    sign       text NOT NULL,
    n          integer NOT NULL CHECK (n >= 0),
    sum_score  numeric NOT NULL,
    sum_sq     numeric NOT NULL,
    PRIMARY KEY (tenant_id, wave_id, side, level, sign),
    FOREIGN KEY (tenant_id, wave_id) REFERENCES wave (tenant_id, id) ON DELETE CASCADE
);

-- Per item (after reverse keying, 1–5): n, sum and sum of squares; perception gaps per mirrored item.
CREATE TABLE insight_item_rollup (
    tenant_id  uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    wave_id    uuid NOT NULL,
    side       text NOT NULL,
    level      text NOT NULL,
    item_code  text NOT NULL,
    sign       text NOT NULL,
    n          integer NOT NULL CHECK (n >= 0),
    sum_value  bigint NOT NULL,
    sum_sq     bigint NOT NULL,
    PRIMARY KEY (tenant_id, wave_id, side, level, item_code),
    FOREIGN KEY (tenant_id, wave_id) REFERENCES wave (tenant_id, id) ON DELETE CASCADE
);

-- Per side and pair of items of one sign (item_a < item_b): sum of products of the reverse-keyed
-- answers. With the item rollup's sums this gives the covariance matrix, hence Cronbach's alpha.
CREATE TABLE insight_item_pair_rollup (
    tenant_id  uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    wave_id    uuid NOT NULL,
    side       text NOT NULL,
    sign       text NOT NULL,
    item_a     text NOT NULL,
    item_b     text NOT NULL,
    n          integer NOT NULL CHECK (n >= 0),
    sum_ab     bigint NOT NULL,
    PRIMARY KEY (tenant_id, wave_id, side, item_a, item_b),
    FOREIGN KEY (tenant_id, wave_id) REFERENCES wave (tenant_id, id) ON DELETE CASCADE,
    CHECK (item_a < item_b)
);

-- Per side: responses, answers, midpoint answers (3), comments and responses per coarse delay
-- bucket (response.delay_bucket). Invitations are counted from the invitation table (who was asked
-- is not an answer).
CREATE TABLE insight_silence_rollup (
    tenant_id       uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    wave_id         uuid NOT NULL,
    side            text NOT NULL,
    responses       integer NOT NULL CHECK (responses >= 0),
    answers         integer NOT NULL CHECK (answers >= 0),
    neutral_answers integer NOT NULL CHECK (neutral_answers >= 0),
    comments        integer NOT NULL CHECK (comments >= 0),
    delay_under_1h  integer NOT NULL CHECK (delay_under_1h >= 0),
    delay_under_1d  integer NOT NULL CHECK (delay_under_1d >= 0),
    delay_under_3d  integer NOT NULL CHECK (delay_under_3d >= 0),
    delay_later     integer NOT NULL CHECK (delay_later >= 0),
    PRIMARY KEY (tenant_id, wave_id, side),
    FOREIGN KEY (tenant_id, wave_id) REFERENCES wave (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE insight_sign_rollup ENABLE ROW LEVEL SECURITY;
ALTER TABLE insight_sign_rollup FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON insight_sign_rollup USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE insight_item_rollup ENABLE ROW LEVEL SECURITY;
ALTER TABLE insight_item_rollup FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON insight_item_rollup USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE insight_item_pair_rollup ENABLE ROW LEVEL SECURITY;
ALTER TABLE insight_item_pair_rollup FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON insight_item_pair_rollup USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
ALTER TABLE insight_silence_rollup ENABLE ROW LEVEL SECURITY;
ALTER TABLE insight_silence_rollup FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON insight_silence_rollup USING (tenant_id = current_tenant_id()) WITH CHECK (tenant_id = current_tenant_id());
