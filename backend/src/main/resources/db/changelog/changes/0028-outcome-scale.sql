--liquibase formatted sql

--changeset kakehashi:0028-1
-- Key-driver analysis needs an outcome to explain: two items that ask about alignment itself, not
-- about a warning sign. They are a scale of their own (scale = 'OUTCOME', no sign) so that every
-- path built on "an item measures a sign" (rollups, scores, gaps, alerts, trends, the neutral share)
-- keeps reading sign items only: the survey feature hands out scoring keys for SIGN items alone.
ALTER TABLE default_instrument_item ADD COLUMN scale text NOT NULL DEFAULT 'SIGN' CHECK (scale IN ('SIGN', 'OUTCOME'));
ALTER TABLE default_instrument_item ALTER COLUMN sign DROP NOT NULL;
ALTER TABLE default_instrument_item ADD CONSTRAINT default_instrument_item_scale_sign
    CHECK ((scale = 'SIGN') = (sign IS NOT NULL));

ALTER TABLE instrument_item ADD COLUMN scale text NOT NULL DEFAULT 'SIGN' CHECK (scale IN ('SIGN', 'OUTCOME'));
ALTER TABLE instrument_item ALTER COLUMN sign DROP NOT NULL;
ALTER TABLE instrument_item ADD CONSTRAINT instrument_item_scale_sign
    CHECK ((scale = 'SIGN') = (sign IS NOT NULL));

--changeset kakehashi:0028-2
-- Default version 2: version 1 unchanged plus the outcome scale, mirrored like the sign items (HQ is
-- asked how it sees Japan, Japan how it stands itself). Version 1 stays: tenant instruments copied
-- from it, and the waves that sent them, keep what they asked.
INSERT INTO default_instrument (default_version, name, comment_prompt_en, comment_prompt_ja)
SELECT 2, name, comment_prompt_en, comment_prompt_ja FROM default_instrument WHERE default_version = 1;

INSERT INTO default_instrument_item (default_version, position, code, sign, audience, reverse_keyed,
                                     text_hq_en, text_hq_ja, text_japan_en, text_japan_ja, scale)
SELECT 2, position, code, sign, audience, reverse_keyed, text_hq_en, text_hq_ja, text_japan_en, text_japan_ja, scale
FROM default_instrument_item WHERE default_version = 1;

INSERT INTO default_instrument_item (default_version, position, code, sign, audience, reverse_keyed,
                                     text_hq_en, text_hq_ja, text_japan_en, text_japan_ja, scale) VALUES
    (2, 22, 'OUTCOME_1', NULL, 'BOTH', false,
     'The Japan team is pulling in the same direction as we are on the priorities that matter.',
     '重要な優先課題について、日本のチームは本社と同じ方向を向いて進んでいる。',
     'HQ and Japan are pulling in the same direction on the priorities that matter.',
     '重要な優先課題について、本社と日本法人は同じ方向を向いて進んでいる。',
     'OUTCOME'),
    (2, 23, 'OUTCOME_2', NULL, 'BOTH', false,
     'The Japan team is committed to the global strategy as it applies to Japan.',
     '日本のチームは、日本で展開するグローバル戦略に納得し、本気で取り組んでいる。',
     'I am committed to the global strategy as it applies to Japan.',
     '私は、日本で展開するグローバル戦略に納得し、本気で取り組んでいる。',
     'OUTCOME');
