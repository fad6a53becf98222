--liquibase formatted sql

--changeset kakehashi:0029-1
-- Figures read from comments (careful wording, comment themes) are shown only for groups with at
-- least this many comments: a tenant setting, 10 by default like the strictest peer. It is never
-- below the tenant's k, which the service keeps when either changes and this check holds.
ALTER TABLE tenant ADD COLUMN comment_threshold integer NOT NULL DEFAULT 10;
UPDATE tenant SET comment_threshold = anonymity_threshold WHERE anonymity_threshold > comment_threshold;
ALTER TABLE tenant ADD CONSTRAINT tenant_comment_threshold_not_below_k CHECK (comment_threshold >= anonymity_threshold);
