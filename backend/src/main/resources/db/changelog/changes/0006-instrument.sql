--liquibase formatted sql

--changeset kakehashi:0006-1
-- The default instrument is global content, not a tenant's: a tenant table cannot hold it (tenant_id
-- leads every key and Row Level Security hides rows without a tenant). It lives in its own
-- read-only tables, versioned by default_version, seeded here from docs/measurement.md (version 1).
-- Kept in the database rather than a classpath file so that a tenant copy is one transaction
-- against one source and a later default version is a new changeset, reviewed like any migration.
-- The app role may only read it.
CREATE TABLE default_instrument (
    default_version   integer PRIMARY KEY CHECK (default_version >= 1),
    name              text NOT NULL,
    comment_prompt_en text NOT NULL,
    comment_prompt_ja text NOT NULL
);

-- audience: BOTH = mirrored (an HQ and a Japan wording of the same question), HQ or JAPAN = one side.
-- Regional staff get the HQ wording. Texts for a side the item is not asked of are NULL.
CREATE TABLE default_instrument_item (
    default_version integer NOT NULL REFERENCES default_instrument (default_version),
    position        integer NOT NULL CHECK (position >= 1),
    code            text NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]{0,63}$'),
    sign            text NOT NULL CHECK (sign IN ('EXECUTION_DELAY', 'MOMENTUM', 'DIFFICULT_LABEL', 'EXCLUSION',
                        'SILENT_DISSENT', 'AUTHORITY_GAP', 'RISK_LENS', 'CONSENSUS_PACE', 'TRUST_EROSION')),
    audience        text NOT NULL CHECK (audience IN ('BOTH', 'HQ', 'JAPAN')),
    reverse_keyed   boolean NOT NULL,
    text_hq_en      text,
    text_hq_ja      text,
    text_japan_en   text,
    text_japan_ja   text,
    PRIMARY KEY (default_version, code),
    UNIQUE (default_version, position),
    CHECK ((audience = 'JAPAN') = (text_hq_en IS NULL AND text_hq_ja IS NULL)),
    CHECK ((audience = 'HQ') = (text_japan_en IS NULL AND text_japan_ja IS NULL)),
    CHECK (audience = 'JAPAN' OR (text_hq_en IS NOT NULL AND text_hq_ja IS NOT NULL)),
    CHECK (audience = 'HQ' OR (text_japan_en IS NOT NULL AND text_japan_ja IS NOT NULL))
);
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON default_instrument, default_instrument_item FROM ${app_role};

INSERT INTO default_instrument (default_version, name, comment_prompt_en, comment_prompt_ja) VALUES
    (1, 'Kakehashi default instrument',
     'Is there anything HQ and Japan should talk about openly? (optional, anonymous)',
     '本社と日本法人が率直に話し合うべきことがあれば、ご自由にお書きください。（任意・匿名）');

INSERT INTO default_instrument_item (default_version, position, code, sign, audience, reverse_keyed,
                                     text_hq_en, text_hq_ja, text_japan_en, text_japan_ja) VALUES
    (1, 1, 'EXECUTION_DELAY_1', 'EXECUTION_DELAY', 'BOTH', false,
     'Initiatives we announce for Japan start later there than planned.',
     '本社が発表した施策は、日本では計画より遅れて始まることが多い。',
     'Initiatives announced by HQ get going here later than HQ planned.',
     '本社が発表した施策は、本社の想定より遅れて動き出すことが多い。'),
    (1, 2, 'EXECUTION_DELAY_2', 'EXECUTION_DELAY', 'BOTH', true,
     'Japan delivers agreed initiatives on the timeline we set.',
     '日本法人は、合意した施策を本社が設定したスケジュール通りに実行している。',
     'We can deliver HQ''s initiatives on the timeline HQ sets.',
     '本社の施策を、本社が設定したスケジュール通りに実行できている。'),
    (1, 3, 'MOMENTUM_1', 'MOMENTUM', 'BOTH', false,
     'Reports from Japan are thorough, but we see little actual progress.',
     '日本からの報告は詳細だが、実際の進捗はあまり見えない。',
     'We spend more time preparing reports for HQ than moving the work forward.',
     '本社向けの報告資料づくりに、業務そのものを前に進めるより多くの時間を使っている。'),
    (1, 4, 'MOMENTUM_2', 'MOMENTUM', 'BOTH', true,
     'The Japan team pushes current priorities forward with energy and ownership.',
     '日本のチームは、現在の優先課題を主体的に前に進めている。',
     'Our team feels energy and ownership for the current priorities.',
     '私たちのチームは、現在の優先課題に主体的に取り組めている。'),
    (1, 5, 'DIFFICULT_LABEL_1', 'DIFFICULT_LABEL', 'BOTH', false,
     'Working with the Japan subsidiary is harder than working with our other markets.',
     '日本法人との仕事は、他の市場との仕事より難しいと感じる。',
     'HQ sees our team as difficult or overly cautious.',
     '本社は私たちのことを「扱いにくい」「慎重すぎる」と見ていると感じる。'),
    (1, 6, 'DIFFICULT_LABEL_2', 'DIFFICULT_LABEL', 'BOTH', true,
     'When Japan raises concerns, they usually point to real risks in the market.',
     '日本側が懸念を示すとき、それはたいてい市場の現実的なリスクを指摘している。',
     'When we raise concerns, HQ takes them as useful information about the market.',
     '私たちが懸念を伝えると、本社はそれを市場に関する有益な情報として受け止めてくれる。'),
    (1, 7, 'EXCLUSION_1', 'EXCLUSION', 'BOTH', true,
     'We involve Japan in strategic discussions before decisions are made.',
     '本社は、意思決定の前の段階から日本法人を戦略の議論に加えている。',
     'We take part in HQ''s strategic discussions before decisions are made.',
     '本社の戦略の議論に、意思決定の前の段階から参加できている。'),
    (1, 8, 'EXCLUSION_2', 'EXCLUSION', 'BOTH', false,
     'Japan usually learns about major decisions after they are final.',
     '大きな決定について、日本法人が知るのはたいてい決定後だ。',
     'We usually learn about major decisions only after they are final.',
     '大きな決定を知らされるのは、たいてい決まった後だ。'),
    (1, 9, 'SILENT_DISSENT_1', 'SILENT_DISSENT', 'BOTH', true,
     'The Japan team agrees with our current plan.',
     '日本のチームは、現在の本社の計画に賛同している。',
     'I agree with HQ''s current plan.',
     '私は、現在の本社の計画に賛同している。'),
    (1, 10, 'SILENT_DISSENT_2', 'SILENT_DISSENT', 'BOTH', true,
     'If the Japan team disagreed with a decision, they would tell us directly.',
     '日本のチームは、決定に反対であれば本社に直接そう伝えてくるはずだ。',
     'When I disagree with HQ, I can say so directly without it counting against me.',
     '本社の方針に反対のとき、不利益を心配せずに率直にそう伝えられる。'),
    (1, 11, 'SILENT_DISSENT_3', 'SILENT_DISSENT', 'JAPAN', false,
     NULL,
     NULL,
     'In meetings I sometimes go along with HQ decisions while having serious doubts.',
     '会議では本社の決定に同意しながらも、内心では強い疑問を持っていることがある。'),
    (1, 12, 'AUTHORITY_GAP_1', 'AUTHORITY_GAP', 'BOTH', true,
     'Once the Japan country head approves a plan, the organisation carries it out.',
     '日本法人の社長が承認すれば、組織はその計画を実行する。',
     'Once our country head approves a plan, the organisation carries it out.',
     '社長が承認した計画は、そのまま組織で実行される。'),
    (1, 13, 'AUTHORITY_GAP_2', 'AUTHORITY_GAP', 'BOTH', true,
     'We know which managers in Japan really decide whether a plan moves.',
     '日本法人で計画が動くかどうかを実際に左右する管理職が誰か、本社は把握している。',
     'HQ knows who here really decides whether a plan moves.',
     '計画が動くかどうかを実際に左右するのが誰か、本社は理解している。'),
    (1, 14, 'AUTHORITY_GAP_3', 'AUTHORITY_GAP', 'JAPAN', false,
     NULL,
     NULL,
     'Here, middle managers'' buy-in matters more for execution than formal approval.',
     'ここでは、正式な承認よりも中間管理職の納得のほうが実行を左右する。'),
    (1, 15, 'RISK_LENS_1', 'RISK_LENS', 'BOTH', false,
     'Japan is more cautious than the market requires.',
     '日本法人は、市場が求める以上に慎重だ。',
     'HQ underestimates the reputational risk of moving fast in Japan.',
     '本社は、日本で急いで動くことによる信用・評判上のリスクを過小評価している。'),
    (1, 16, 'RISK_LENS_2', 'RISK_LENS', 'BOTH', true,
     'HQ and Japan agree on which risks matter most for the business.',
     '事業にとってどのリスクが最も重要かについて、本社と日本法人の認識は一致している。',
     'HQ and we agree on which risks matter most for the business.',
     '事業にとってどのリスクが最も重要かについて、本社と私たちの認識は一致している。'),
    (1, 17, 'CONSENSUS_PACE_1', 'CONSENSUS_PACE', 'BOTH', false,
     'We expect Japan to execute soon after a decision, even before everyone there is on board.',
     '本社は、日本側の全員の納得を待たずに、決定後すぐ実行に移すことを期待している。',
     'HQ expects us to execute before we have built agreement internally (nemawashi).',
     '本社は、社内の根回しが済む前に実行に移すよう求めてくる。'),
    (1, 18, 'CONSENSUS_PACE_2', 'CONSENSUS_PACE', 'BOTH', true,
     'Our timelines leave Japan enough time to build internal alignment.',
     '本社のスケジュールには、日本法人が社内の合意形成を行う時間が十分に含まれている。',
     'HQ''s timelines leave us enough time to build internal alignment.',
     '本社のスケジュールには、社内の合意形成に必要な時間が十分に含まれている。'),
    (1, 19, 'TRUST_EROSION_1', 'TRUST_EROSION', 'BOTH', true,
     'We trust the Japan team''s judgement about their market.',
     '本社は、日本市場に関する日本チームの判断を信頼している。',
     'I feel HQ trusts our judgement about our market.',
     '本社は、日本市場に関する私たちの判断を信頼していると感じる。'),
    (1, 20, 'TRUST_EROSION_2', 'TRUST_EROSION', 'BOTH', true,
     'It is clear who is accountable for results in Japan.',
     '日本での成果に誰が責任を持つのかは明確だ。',
     'It is clear who is accountable for results here.',
     'ここでの成果に誰が責任を持つのかは明確だ。'),
    (1, 21, 'TRUST_EROSION_3', 'TRUST_EROSION', 'JAPAN', false,
     NULL,
     NULL,
     'I feel less motivated by HQ''s direction than I did a year ago.',
     '1年前と比べて、本社の方針に対する意欲が下がっている。');


--changeset kakehashi:0006-2
-- A tenant's instruments. A version is DRAFT while it is edited and PUBLISHED once, after which
-- nothing about it changes (the service refuses; the triggers below are the database's last word).
CREATE TABLE instrument (
    tenant_id  uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
    id         uuid NOT NULL,
    name       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, id)
);

-- signs: the warning signs this version measures; publishing needs at least one item for each.
CREATE TABLE instrument_version (
    tenant_id         uuid NOT NULL,
    id                uuid NOT NULL,
    instrument_id     uuid NOT NULL,
    version_number    integer NOT NULL CHECK (version_number >= 1),
    status            text NOT NULL CHECK (status IN ('DRAFT', 'PUBLISHED')),
    signs             text[] NOT NULL,
    comment_prompt_en text,
    comment_prompt_ja text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    published_at      timestamptz,
    PRIMARY KEY (tenant_id, id),
    CONSTRAINT instrument_version_number_key UNIQUE (tenant_id, instrument_id, version_number),
    FOREIGN KEY (tenant_id, instrument_id) REFERENCES instrument (tenant_id, id) ON DELETE CASCADE,
    CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL))
);
-- At most one draft per instrument, even when two consultants start one at the same moment.
CREATE UNIQUE INDEX instrument_version_one_draft ON instrument_version (tenant_id, instrument_id)
    WHERE status = 'DRAFT';

CREATE TABLE instrument_item (
    tenant_id     uuid NOT NULL,
    version_id    uuid NOT NULL,
    position      integer NOT NULL CHECK (position >= 1),
    code          text NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]{0,63}$'),
    sign          text NOT NULL CHECK (sign IN ('EXECUTION_DELAY', 'MOMENTUM', 'DIFFICULT_LABEL', 'EXCLUSION',
                      'SILENT_DISSENT', 'AUTHORITY_GAP', 'RISK_LENS', 'CONSENSUS_PACE', 'TRUST_EROSION')),
    audience      text NOT NULL CHECK (audience IN ('BOTH', 'HQ', 'JAPAN')),
    reverse_keyed boolean NOT NULL,
    text_hq_en    text,
    text_hq_ja    text,
    text_japan_en text,
    text_japan_ja text,
    PRIMARY KEY (tenant_id, version_id, code),
    CONSTRAINT instrument_item_position_key UNIQUE (tenant_id, version_id, position),
    FOREIGN KEY (tenant_id, version_id) REFERENCES instrument_version (tenant_id, id) ON DELETE CASCADE
);

ALTER TABLE instrument ENABLE ROW LEVEL SECURITY;
ALTER TABLE instrument FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON instrument
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE instrument_version ENABLE ROW LEVEL SECURITY;
ALTER TABLE instrument_version FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON instrument_version
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());

ALTER TABLE instrument_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE instrument_item FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON instrument_item
    USING (tenant_id = current_tenant_id())
    WITH CHECK (tenant_id = current_tenant_id());

--changeset kakehashi:0006-3 splitStatements:false
-- Published versions are immutable in the database too. Deletes stay possible so that removing
-- a tenant (ON DELETE CASCADE) still works; the API offers no delete of a version.
CREATE FUNCTION instrument_version_frozen() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status = 'PUBLISHED' THEN
        RAISE EXCEPTION 'instrument version % is published and cannot change', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER instrument_version_frozen BEFORE UPDATE ON instrument_version
    FOR EACH ROW EXECUTE FUNCTION instrument_version_frozen();

CREATE FUNCTION instrument_item_frozen() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM instrument_version v
               WHERE v.tenant_id = NEW.tenant_id AND v.id = NEW.version_id AND v.status = 'PUBLISHED') THEN
        RAISE EXCEPTION 'instrument version % is published; its items cannot change', NEW.version_id
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER instrument_item_frozen BEFORE INSERT OR UPDATE ON instrument_item
    FOR EACH ROW EXECUTE FUNCTION instrument_item_frozen();
