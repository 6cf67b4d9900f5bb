-- yishi (议事) database schema: the one definition of the tables.
-- Embedded in the program with include_str!; `PRAGMA user_version` says which version
-- of this file a database follows (see src/store/migrate.rs).
-- Counts are whole voters; areas are whole hundredths of m² (INTEGER, never REAL).
-- Times are RFC 3339 text with the local offset ("2026-11-27T09:30:00+08:00"), so minutes
-- print the time of day as it was in the room, on any machine.

-- A residential compound (小区) or a district's community.
CREATE TABLE IF NOT EXISTS communities (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
    district    TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);

-- A unit (专有部分): label such as 3栋2单元501, building and unit for scoping.
CREATE TABLE IF NOT EXISTS units (
    id            INTEGER PRIMARY KEY,
    community_id  INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    label         TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
    building      TEXT NOT NULL DEFAULT '',
    unit          TEXT NOT NULL DEFAULT '',
    area_centi    INTEGER NOT NULL CHECK (area_centi >= 0 AND area_centi <= 100000000),
    UNIQUE (community_id, label)
);
CREATE INDEX IF NOT EXISTS units_scope ON units (community_id, building, unit);

-- A voter: a person, co-owners acting as one, the developer (all unsold units as one
-- voter), or a council member. Roster order is `position`.
CREATE TABLE IF NOT EXISTS voters (
    id            INTEGER PRIMARY KEY,
    community_id  INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    kind          TEXT NOT NULL DEFAULT 'person'
                  CHECK (kind IN ('person', 'coowners', 'developer', 'member')),
    roles         TEXT NOT NULL DEFAULT '',   -- display: 居民代表, 业委会委员 …
    phone         TEXT NOT NULL DEFAULT '',   -- optional, never printed or exported
    UNIQUE (community_id, name)
);
CREATE INDEX IF NOT EXISTS voters_order ON voters (community_id, position);

-- Which voter holds which unit. A unit has exactly one voter (co-owners are one voter);
-- a voter may hold several units.
CREATE TABLE IF NOT EXISTS holdings (
    unit_id   INTEGER PRIMARY KEY REFERENCES units(id) ON DELETE CASCADE,
    voter_id  INTEGER NOT NULL REFERENCES voters(id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS holdings_voter ON holdings (voter_id);

-- Councils (居民议事会, 业委会, 党支部, 监督委员会) and their members with roles.
CREATE TABLE IF NOT EXISTS councils (
    id            INTEGER PRIMARY KEY,
    community_id  INTEGER NOT NULL REFERENCES communities(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('residents_council', 'owners_committee',
                                                'party_branch', 'supervisory')),
    name          TEXT NOT NULL,
    UNIQUE (community_id, kind)
);
CREATE TABLE IF NOT EXISTS council_members (
    council_id  INTEGER NOT NULL REFERENCES councils(id) ON DELETE CASCADE,
    voter_id    INTEGER NOT NULL REFERENCES voters(id) ON DELETE CASCADE,
    role        TEXT NOT NULL DEFAULT '',    -- 主任, 委员, 书记 …
    PRIMARY KEY (council_id, voter_id)
);

-- A meeting. `uid` identifies it across laptops (export, import, signatures).
CREATE TABLE IF NOT EXISTS meetings (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,
    community_id  INTEGER NOT NULL REFERENCES communities(id),
    kind          TEXT NOT NULL CHECK (kind IN ('residents_council', 'owners_assembly',
                      'owners_committee', 'party_branch', 'residents_meeting', 'other')),
    electorate    TEXT NOT NULL DEFAULT 'owners' CHECK (electorate IN ('owners', 'council')),
    council_id    INTEGER REFERENCES councils(id),
    title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    starts_at     TEXT NOT NULL,
    venue         TEXT NOT NULL DEFAULT '',
    host          TEXT NOT NULL DEFAULT '',
    secretary     TEXT NOT NULL DEFAULT '',
    language      TEXT NOT NULL DEFAULT 'zh' CHECK (language IN ('zh', 'en')),
    status        TEXT NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('draft', 'open', 'adjourned', 'signed')),
    origin        TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'imported')),
    opened_at     TEXT,
    adjourned_at  TEXT,
    summary       TEXT NOT NULL DEFAULT '',
    current_item  INTEGER,                     -- where a resumed meeting continues
    created_at    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS meetings_archive ON meetings (community_id, starts_at);
CREATE INDEX IF NOT EXISTS meetings_date ON meetings (starts_at);
CREATE INDEX IF NOT EXISTS meetings_kind ON meetings (kind, starts_at);
CREATE INDEX IF NOT EXISTS meetings_status ON meetings (status);
-- Home: a community's drafts and open meeting, and its finished ones, without reading
-- its years of meetings (version 4).
CREATE INDEX IF NOT EXISTS meetings_community_status ON meetings (community_id, status, starts_at);

-- Presence is a timeline: the roll call at opening, then arrivals, departures, proxies
-- (with the 委托书 reference) and recusals (for one item), each with its time.
CREATE TABLE IF NOT EXISTS presence_events (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id),
    voter_id    INTEGER NOT NULL REFERENCES voters(id),
    name        TEXT NOT NULL,               -- the voter's name at the time, for the minutes
    kind        TEXT NOT NULL CHECK (kind IN ('present', 'absent', 'proxy', 'arrive',
                                              'leave', 'recuse')),
    proxy_name  TEXT NOT NULL DEFAULT '',
    proxy_ref   TEXT NOT NULL DEFAULT '',
    item_id     INTEGER REFERENCES agenda_items(id),
    at          TEXT NOT NULL,
    CHECK (kind <> 'proxy' OR (proxy_name <> '' AND proxy_ref <> '')),
    CHECK (kind <> 'recuse' OR item_id IS NOT NULL)
);
CREATE INDEX IF NOT EXISTS presence_meeting ON presence_events (meeting_id, voter_id, id);

-- Agenda items. `rule` is the vote rule's code; `rule_params` its JSON parameters.
CREATE TABLE IF NOT EXISTS agenda_items (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES meetings(id),
    position        INTEGER NOT NULL,
    title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    category        TEXT NOT NULL DEFAULT 'other'
                    CHECK (category IN ('elevator', 'gate', 'parking', 'road', 'funds',
                        'property', 'rules', 'facility', 'followup', 'other')),
    proposer        TEXT NOT NULL DEFAULT '',
    scope_kind      TEXT NOT NULL DEFAULT 'all'
                    CHECK (scope_kind IN ('all', 'building', 'unit', 'council')),
    scope_building  TEXT NOT NULL DEFAULT '',
    scope_unit      TEXT NOT NULL DEFAULT '',
    rule            TEXT NOT NULL CHECK (rule IN ('art278_ordinary', 'art278_major',
                        'elevator', 'committee', 'residents_meeting', 'robert_majority',
                        'robert_two_thirds', 'custom', 'no_vote')),
    rule_params     TEXT NOT NULL DEFAULT '{}',
    status          TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'discussing', 'voting', 'closed',
                                      'withdrawn')),
    added_late      INTEGER NOT NULL DEFAULT 0 CHECK (added_late IN (0, 1)),
    current_voter   INTEGER,                   -- where a resumed roll call continues
    vote_opened_at  TEXT,                      -- when the roll call started
    created_at      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS items_meeting ON agenda_items (meeting_id, position);
CREATE INDEX IF NOT EXISTS items_category ON agenda_items (category);

-- Every version of a proposal's text; the highest `rev` is the current one.
CREATE TABLE IF NOT EXISTS proposal_revisions (
    id       INTEGER PRIMARY KEY,
    item_id  INTEGER NOT NULL REFERENCES agenda_items(id),
    rev      INTEGER NOT NULL CHECK (rev >= 1),
    text     TEXT NOT NULL,
    at       TEXT NOT NULL,
    UNIQUE (item_id, rev)
);

-- The speakers' queue and the remarks: a queued speaker becomes a remark once heard.
CREATE TABLE IF NOT EXISTS remarks (
    id          INTEGER PRIMARY KEY,
    item_id     INTEGER NOT NULL REFERENCES agenda_items(id),
    speaker     TEXT NOT NULL CHECK (length(speaker) BETWEEN 1 AND 100),
    voter_id    INTEGER REFERENCES voters(id),
    state       TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('queued', 'speaking', 'done')),
    text        TEXT NOT NULL DEFAULT '',
    queued_at   TEXT NOT NULL,
    started_at  TEXT,
    at          TEXT                           -- when the remark was recorded
);
CREATE INDEX IF NOT EXISTS remarks_item ON remarks (item_id, id);

-- The frozen list of who could vote, taken when the vote starts.
CREATE TABLE IF NOT EXISTS vote_eligible (
    item_id     INTEGER NOT NULL REFERENCES agenda_items(id),
    voter_id    INTEGER NOT NULL REFERENCES voters(id),
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    area_centi  INTEGER NOT NULL CHECK (area_centi >= 0),
    present     INTEGER NOT NULL CHECK (present IN (0, 1)),
    proxy_name  TEXT NOT NULL DEFAULT '',
    proxy_ref   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (item_id, voter_id)
);

-- One answer per voter per item, time-stamped; undo deletes it (and the audit log keeps it).
CREATE TABLE IF NOT EXISTS votes (
    id        INTEGER PRIMARY KEY,
    item_id   INTEGER NOT NULL REFERENCES agenda_items(id),
    voter_id  INTEGER NOT NULL REFERENCES voters(id),
    choice    TEXT NOT NULL CHECK (choice IN ('yes', 'no', 'abstain', 'recused', 'not_voting')),
    at        TEXT NOT NULL,
    by_proxy  INTEGER NOT NULL DEFAULT 0 CHECK (by_proxy IN (0, 1)),
    UNIQUE (item_id, voter_id),
    FOREIGN KEY (item_id, voter_id) REFERENCES vote_eligible(item_id, voter_id)
);

-- part: corrections (also a migration step: src/store/open.rs)
-- Version 7 (issue 10, the record is right): items not taken up and answers changed on
-- purpose, with their lock triggers. Also the 6 → 7 migration (src/store/open.rs), so
-- every statement is idempotent.
-- Items never taken up: still pending when the meeting adjourned (未审议; their status
-- is then 'closed'), distinct from an item finished without a vote (version 7).
CREATE TABLE IF NOT EXISTS not_taken_up (
    item_id  INTEGER PRIMARY KEY REFERENCES agenda_items(id),
    at       TEXT NOT NULL
);

-- A recorded answer changed on purpose (version 7): the change is part of the record
-- (the minutes print the first answer, the new one and the time); `votes` holds the answer
-- as it stands. `after_vote` is the item's highest votes.id when the change was made, so
-- undo knows whether the last recorded action was an answer or a change.
CREATE TABLE IF NOT EXISTS vote_corrections (
    id           INTEGER PRIMARY KEY,
    item_id      INTEGER NOT NULL REFERENCES agenda_items(id),
    voter_id     INTEGER NOT NULL REFERENCES voters(id),
    from_choice  TEXT NOT NULL CHECK (from_choice IN ('yes', 'no', 'abstain', 'not_voting')),
    to_choice    TEXT NOT NULL CHECK (to_choice IN ('yes', 'no', 'abstain', 'not_voting')),
    after_vote   INTEGER NOT NULL,
    at           TEXT NOT NULL,
    FOREIGN KEY (item_id, voter_id) REFERENCES vote_eligible(item_id, voter_id)
);
CREATE INDEX IF NOT EXISTS corrections_item ON vote_corrections (item_id, id);
CREATE TRIGGER IF NOT EXISTS lock_not_taken_up_insert BEFORE INSERT ON not_taken_up
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = NEW.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_not_taken_up_delete BEFORE DELETE ON not_taken_up
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_not_taken_up_update BEFORE UPDATE ON not_taken_up
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_corrections_insert BEFORE INSERT ON vote_corrections
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = NEW.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_corrections_update BEFORE UPDATE ON vote_corrections
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_corrections_delete BEFORE DELETE ON vote_corrections
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
-- end of part: corrections

-- Closing a vote fixes the outcome with every figure the rule used (JSON of the domain's
-- Outcome) and the rule as it stood.
CREATE TABLE IF NOT EXISTS vote_closures (
    item_id    INTEGER PRIMARY KEY REFERENCES agenda_items(id),
    opened_at  TEXT NOT NULL,
    closed_at  TEXT NOT NULL,
    rule       TEXT NOT NULL,
    outcome    TEXT NOT NULL CHECK (outcome IN ('passed', 'failed')),
    figures    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS closures_outcome ON vote_closures (outcome);

-- Action items for a decision, and their status history (a change needs a note).
CREATE TABLE IF NOT EXISTS action_items (
    id          INTEGER PRIMARY KEY,
    item_id     INTEGER NOT NULL REFERENCES agenda_items(id),
    what        TEXT NOT NULL CHECK (length(what) >= 1),
    who         TEXT NOT NULL DEFAULT '',
    due         TEXT NOT NULL DEFAULT '',      -- YYYY-MM-DD
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'doing', 'done', 'dropped')),
    created_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS actions_status ON action_items (status, due);
CREATE INDEX IF NOT EXISTS actions_item ON action_items (item_id);
CREATE TABLE IF NOT EXISTS action_history (
    id         INTEGER PRIMARY KEY,
    action_id  INTEGER NOT NULL REFERENCES action_items(id),
    status     TEXT NOT NULL CHECK (status IN ('open', 'doing', 'done', 'dropped')),
    note       TEXT NOT NULL,
    at         TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS action_history_action ON action_history (action_id);

-- The rendered minutes as they were signed (the text verify compares against). Written
-- at the first signature; `seq` is the position in the community's chain and
-- `prev_sha256` the sha256 of the minutes at seq - 1 (64 zeros for the first), so a
-- deleted signed meeting breaks the next link.
CREATE TABLE IF NOT EXISTS minutes (
    meeting_id    INTEGER PRIMARY KEY REFERENCES meetings(id),
    community_id  INTEGER NOT NULL REFERENCES communities(id),
    seq           INTEGER NOT NULL CHECK (seq >= 1),
    text          TEXT NOT NULL,
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
    prev_sha256   TEXT NOT NULL CHECK (length(prev_sha256) = 64),
    rendered_at   TEXT NOT NULL,
    -- The minutes format version the text was rendered in (domain::minutes::MinutesFormat);
    -- verify re-renders with it. Everything signed before version 5 is format 1.
    format        INTEGER NOT NULL DEFAULT 1 CHECK (format >= 1),
    UNIQUE (community_id, seq)
);

-- Signed corrections after locking.
CREATE TABLE IF NOT EXISTS addenda (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id),
    text        TEXT NOT NULL CHECK (length(text) >= 1),
    at          TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS addenda_meeting ON addenda (meeting_id);

-- Signers: only the salt, the KDF parameters and the public key are kept; never the
-- passphrase or the private key.
CREATE TABLE IF NOT EXISTS signers (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
    public_key  BLOB NOT NULL UNIQUE CHECK (length(public_key) = 32),
    salt        BLOB NOT NULL CHECK (length(salt) = 16),
    kdf         TEXT NOT NULL DEFAULT 'argon2id' CHECK (kdf IN ('argon2id')),
    m_cost_kib  INTEGER NOT NULL CHECK (m_cost_kib >= 19456),
    t_cost      INTEGER NOT NULL CHECK (t_cost >= 2),
    p_cost      INTEGER NOT NULL CHECK (p_cost >= 1),
    created_at  TEXT NOT NULL
);

-- A signature over the statement documented in src/domain/statement.rs (v2, listed in
-- signature_statements) or src/domain/signing.rs (v1).
CREATE TABLE IF NOT EXISTS signatures (
    id              INTEGER PRIMARY KEY,
    meeting_id      INTEGER NOT NULL REFERENCES meetings(id),
    addendum_id     INTEGER REFERENCES addenda(id),
    signer_name     TEXT NOT NULL,
    public_key      BLOB NOT NULL CHECK (length(public_key) = 32),
    role            TEXT NOT NULL CHECK (role IN ('host', 'secretary', 'member', 'addendum')),
    minutes_sha256  TEXT NOT NULL,
    prev_sha256     TEXT NOT NULL,
    signed_at       TEXT NOT NULL,
    signature       BLOB NOT NULL CHECK (length(signature) = 64),
    UNIQUE (meeting_id, addendum_id, public_key)
);
CREATE INDEX IF NOT EXISTS signatures_meeting ON signatures (meeting_id);

-- What was done, when: every accepted action, including undone answers.
CREATE TABLE IF NOT EXISTS audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    meeting_id  INTEGER,
    action      TEXT NOT NULL,
    detail      TEXT NOT NULL DEFAULT ''
);

-- Full-text index over minutes, proposals and remarks (see src/domain/search_text.rs).
-- `grams` holds, for each CJK character, the token that starts with it: the character
-- and the next one of its run, or the character alone at a run's end ("新划停车位" → 新划
-- 划停 停车 车位 位): a query of two or more Chinese characters is a phrase of pairs (one
-- short list per pair, however large the archive), one ending in a single character ends
-- in a prefix token ("门*"); trigram would miss 电梯 and 大门. (Version 13: one column;
-- before it, every character in `body` and the pairs in `pairs`, twice the tokens. The
-- tokenizer is `ascii` since then: the text is folded and split beforehand, once.)
-- `kind` is minutes / proposal / remark. The rowid carries the
-- meeting: (meeting_id << 20) + n, so a search reads matching meetings from the index
-- alone. Contentless (version 5): the index keeps no copy of the texts (they were 58% of
-- a district file and never read back; the archive screen reads the matching line from
-- the minutes), only `kind` and `ref_id`, so one text can be taken out again. A signed
-- meeting is indexed once, by its minutes, which quote its proposals and remarks. The
-- index is derived data: migrations rebuild it.
CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5 (
    grams,
    kind UNINDEXED,
    ref_id UNINDEXED,
    content = '',
    contentless_delete = 1,
    contentless_unindexed = 1,
    tokenize = 'ascii'
);

-- The chain of a community's minutes read without their text (version 5): sha256 and
-- prev_sha256 sit after the large `text` column, so without this index every import and
-- verify read every minutes text of the community.
CREATE INDEX IF NOT EXISTS minutes_chain ON minutes (community_id, seq, sha256, prev_sha256);

-- part: followup (also a migration step: src/store/open.rs)
-- Version 8: the follow-up record, with its lock triggers. Also the 7 → 8 migration
-- (src/store/open.rs), so every statement is idempotent.
-- The action items a follow-up item follows, and where each stood when the meeting was
-- prepared (version 8): `status` as it was, `overdue` whether its due date had passed,
-- `changed` whether its status changed since the community's previous follow-up quoted
-- it (1 for one not quoted before). The minutes can then quote what changed or is due
-- instead of the whole open list every time.
CREATE TABLE IF NOT EXISTS followup_actions (
    item_id    INTEGER NOT NULL REFERENCES agenda_items(id),
    action_id  INTEGER NOT NULL REFERENCES action_items(id),
    position   INTEGER NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('open', 'doing', 'done', 'dropped')),
    overdue    INTEGER NOT NULL CHECK (overdue IN (0, 1)),
    changed    INTEGER NOT NULL CHECK (changed IN (0, 1)),
    PRIMARY KEY (item_id, action_id)
);
CREATE INDEX IF NOT EXISTS followup_actions_action ON followup_actions (action_id, item_id);
-- What a follow-up item followed is part of its meeting's record.
CREATE TRIGGER IF NOT EXISTS lock_followup_insert BEFORE INSERT ON followup_actions
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = NEW.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_followup_update BEFORE UPDATE ON followup_actions
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_followup_delete BEFORE DELETE ON followup_actions
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
-- end of part: followup

-- Locking: once a meeting is signed its records refuse UPDATE and DELETE.
CREATE TRIGGER IF NOT EXISTS lock_meetings_update BEFORE UPDATE ON meetings
    WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_meetings_delete BEFORE DELETE ON meetings
    WHEN OLD.status = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_items_update BEFORE UPDATE ON agenda_items
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_items_delete BEFORE DELETE ON agenda_items
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_presence_update BEFORE UPDATE ON presence_events
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_presence_delete BEFORE DELETE ON presence_events
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_revisions_update BEFORE UPDATE ON proposal_revisions
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_revisions_delete BEFORE DELETE ON proposal_revisions
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_remarks_update BEFORE UPDATE ON remarks
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_remarks_delete BEFORE DELETE ON remarks
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_eligible_update BEFORE UPDATE ON vote_eligible
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_eligible_delete BEFORE DELETE ON vote_eligible
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_votes_update BEFORE UPDATE ON votes
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_votes_delete BEFORE DELETE ON votes
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_closures_update BEFORE UPDATE ON vote_closures
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_closures_delete BEFORE DELETE ON vote_closures
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_minutes_update BEFORE UPDATE ON minutes
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_minutes_delete BEFORE DELETE ON minutes
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_signatures_update BEFORE UPDATE ON signatures
BEGIN SELECT RAISE(ABORT, 'locked: signatures are never changed'); END;
CREATE TRIGGER IF NOT EXISTS lock_signatures_delete BEFORE DELETE ON signatures
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_addenda_update BEFORE UPDATE ON addenda
BEGIN SELECT RAISE(ABORT, 'locked: addenda are never changed'); END;
CREATE TRIGGER IF NOT EXISTS lock_addenda_delete BEFORE DELETE ON addenda
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;

-- Nothing may be added to a signed meeting's records either (a correction is an addendum).
CREATE TRIGGER IF NOT EXISTS lock_items_insert BEFORE INSERT ON agenda_items
    WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_presence_insert BEFORE INSERT ON presence_events
    WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_revisions_insert BEFORE INSERT ON proposal_revisions
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = NEW.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_remarks_insert BEFORE INSERT ON remarks
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = NEW.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_eligible_insert BEFORE INSERT ON vote_eligible
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = NEW.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_votes_insert BEFORE INSERT ON votes
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = NEW.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_closures_insert BEFORE INSERT ON vote_closures
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = NEW.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_minutes_insert BEFORE INSERT ON minutes
    WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
-- Action items of a signed meeting keep their status history (follow-up), but what was
-- decided (what, who, by when) is part of the signed minutes.
CREATE TRIGGER IF NOT EXISTS lock_actions_insert BEFORE INSERT ON action_items
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = NEW.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_actions_update BEFORE UPDATE OF item_id, what, who, due
    ON action_items
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_actions_delete BEFORE DELETE ON action_items
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;

-- part: trust (also a migration step: src/store/open.rs)
-- Trust (version 6): the community's uid, the statement each signature signed, the
-- signer roster, the district's pinned keys. Tables of their own (no ALTER TABLE), so the
-- step can run on any earlier file.
-- A community's uid, the same on every laptop once exported; given when it is created.
CREATE TABLE IF NOT EXISTS community_uids (
    community_id  INTEGER PRIMARY KEY REFERENCES communities(id) ON DELETE CASCADE,
    uid           TEXT NOT NULL UNIQUE CHECK (length(uid) BETWEEN 1 AND 100)
);
INSERT OR IGNORE INTO community_uids (community_id, uid)
    SELECT id, lower(hex(randomblob(16))) FROM communities;
CREATE TRIGGER IF NOT EXISTS communities_uid_default AFTER INSERT ON communities
BEGIN
    INSERT OR IGNORE INTO community_uids (community_id, uid)
    VALUES (NEW.id, lower(hex(randomblob(16))));
END;
-- Signatures over statement v2 (src/domain/statement.rs); any other signature is v1.
-- A v2 signature never verifies as v1, so removing a row here only makes it fail.
CREATE TABLE IF NOT EXISTS signature_statements (
    signature_id  INTEGER PRIMARY KEY REFERENCES signatures(id) ON DELETE CASCADE,
    version       INTEGER NOT NULL CHECK (version = 2)
);
CREATE TRIGGER IF NOT EXISTS lock_statements_update BEFORE UPDATE ON signature_statements
BEGIN SELECT RAISE(ABORT, 'locked: signatures are never changed'); END;
-- The signer roster: a chain of signed entries (see src/domain/signer_roster.rs), never
-- changed or removed once written.
-- Keyed by the community's uid: a district holds the rosters of every laptop it gathers
-- from, each verified on its own.
CREATE TABLE IF NOT EXISTS signer_roster (
    community_uid TEXT NOT NULL,
    seq           INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 1000000000),
    action        TEXT NOT NULL CHECK (action IN ('register', 'revoke')),
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    public_key    TEXT NOT NULL CHECK (length(public_key) = 64),
    at            TEXT NOT NULL,
    prev          TEXT NOT NULL CHECK (length(prev) = 64),
    endorser_key  TEXT NOT NULL CHECK (length(endorser_key) = 64),
    signature     TEXT NOT NULL CHECK (length(signature) = 128),
    PRIMARY KEY (community_uid, seq)
);
CREATE TRIGGER IF NOT EXISTS lock_roster_update BEFORE UPDATE ON signer_roster
BEGIN SELECT RAISE(ABORT, 'locked: roster entries are never changed'); END;
CREATE TRIGGER IF NOT EXISTS lock_roster_delete BEFORE DELETE ON signer_roster
BEGIN SELECT RAISE(ABORT, 'locked: roster entries are never removed'); END;
-- Imported minutes: the community uid and chain position their v2 signatures name (the
-- local `minutes.seq` is where they stand in this database's chain).
CREATE TABLE IF NOT EXISTS imported_links (
    meeting_id     INTEGER PRIMARY KEY REFERENCES meetings(id),
    community_uid  TEXT NOT NULL,
    seq            INTEGER NOT NULL CHECK (seq BETWEEN 1 AND 1000000000)
);
CREATE INDEX IF NOT EXISTS imported_links_position ON imported_links (community_uid, seq);
CREATE TRIGGER IF NOT EXISTS lock_links_update BEFORE UPDATE ON imported_links
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_links_delete BEFORE DELETE ON imported_links
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_links_insert BEFORE INSERT ON imported_links
    WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
-- The district's pinned signer keys, by fingerprint (typed from a printed notice, or
-- pinned at a community's first import).
CREATE TABLE IF NOT EXISTS pinned_keys (
    community_id  INTEGER NOT NULL REFERENCES communities(id),
    fingerprint   TEXT NOT NULL CHECK (length(fingerprint) = 19),
    pinned_at     TEXT NOT NULL,
    PRIMARY KEY (community_id, fingerprint)
);
-- end of part: trust

-- part: written (also a migration step: src/store/open.rs)
-- Written consultation (version 9, issue 16): tables of their own (no ALTER TABLE), so
-- the step can run on any earlier file and again. A meeting with a row in
-- written_meetings is held by written consultation (书面征求意见): ballots served to every
-- voter and collected between its opening and closing dates, instead of attendance.
CREATE TABLE IF NOT EXISTS written_meetings (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meetings(id),
    opens_on    TEXT NOT NULL CHECK (length(opens_on) = 10),    -- YYYY-MM-DD
    closes_on   TEXT NOT NULL CHECK (length(closes_on) = 10),   -- as first announced
    CHECK (opens_on <= closes_on)
);
-- The day a meeting's notice was posted; an owners' assembly opened less than 15 days
-- later needs a confirmation, kept in short_notices (the minutes say so).
CREATE TABLE IF NOT EXISTS meeting_notices (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meetings(id),
    noticed_on  TEXT NOT NULL CHECK (length(noticed_on) = 10)
);
CREATE TABLE IF NOT EXISTS short_notices (
    meeting_id    INTEGER PRIMARY KEY REFERENCES meetings(id),
    noticed_on    TEXT NOT NULL,
    opens_on      TEXT NOT NULL,
    days          INTEGER NOT NULL,
    confirmed_at  TEXT NOT NULL
);
-- One ballot per voter, numbered when the consultation opens: `number` is the meeting id,
-- the five-digit sequence and a check digit (src/domain/ballot_number.rs). Name, units
-- and area are those printed on the ballot.
CREATE TABLE IF NOT EXISTS written_ballots (
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id),
    voter_id    INTEGER NOT NULL REFERENCES voters(id),
    seq         INTEGER NOT NULL CHECK (seq >= 1),
    number      TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    units       TEXT NOT NULL DEFAULT '',    -- unit labels, one a line
    area_centi  INTEGER NOT NULL CHECK (area_centi >= 0),
    issued_at   TEXT NOT NULL,
    PRIMARY KEY (meeting_id, voter_id),
    UNIQUE (meeting_id, seq)
);
-- How and when each ballot reached its voter (a voter may be served again).
CREATE TABLE IF NOT EXISTS ballot_deliveries (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id),
    voter_id    INTEGER NOT NULL,
    served_on   TEXT NOT NULL CHECK (length(served_on) = 10),
    way         TEXT NOT NULL CHECK (way IN ('in_person', 'mailbox', 'posted')),
    at          TEXT NOT NULL,
    entered_by  TEXT NOT NULL DEFAULT '',
    FOREIGN KEY (meeting_id, voter_id) REFERENCES written_ballots(meeting_id, voter_id)
);
CREATE INDEX IF NOT EXISTS deliveries_meeting ON ballot_deliveries (meeting_id, voter_id);
-- A returned ballot, one per voter: valid (its answers are in `votes`, one per item,
-- each saved as it is keyed) or invalid with its reason. When and by whom it was entered.
CREATE TABLE IF NOT EXISTS ballot_returns (
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id),
    voter_id    INTEGER NOT NULL,
    valid       INTEGER NOT NULL CHECK (valid IN (0, 1)),
    reason      TEXT CHECK (reason IN ('unsigned', 'unreadable', 'several_marks', 'other')),
    note        TEXT NOT NULL DEFAULT '',
    entered_at  TEXT NOT NULL,
    entered_by  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, voter_id),
    FOREIGN KEY (meeting_id, voter_id) REFERENCES written_ballots(meeting_id, voter_id),
    CHECK ((valid = 1) = (reason IS NULL))
);
-- 延期: the closing date moved, with its reason (the last one is in force).
CREATE TABLE IF NOT EXISTS written_extensions (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id),
    from_on     TEXT NOT NULL,
    to_on       TEXT NOT NULL CHECK (length(to_on) = 10),
    reason      TEXT NOT NULL CHECK (length(reason) >= 1),
    at          TEXT NOT NULL,
    CHECK (to_on > from_on)
);
CREATE INDEX IF NOT EXISTS extensions_meeting ON written_extensions (meeting_id, id);
-- Closing fixed the outcomes; `early` when before the closing date (confirmed).
CREATE TABLE IF NOT EXISTS written_closures (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meetings(id),
    closed_at   TEXT NOT NULL,
    early       INTEGER NOT NULL CHECK (early IN (0, 1))
);
-- An imported meeting's form facts as its bundle carried them (JSON of the domain's
-- FormFacts): the ballots behind them stay on the laptop that ran the consultation, and
-- the minutes re-render from these.
CREATE TABLE IF NOT EXISTS imported_forms (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meetings(id),
    facts       TEXT NOT NULL
);
-- Locked with the meeting once it is signed, like every record table.
CREATE TRIGGER IF NOT EXISTS lock_written_insert BEFORE INSERT ON written_meetings
    WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_written_update BEFORE UPDATE ON written_meetings
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_written_delete BEFORE DELETE ON written_meetings
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_notices_insert BEFORE INSERT ON meeting_notices
    WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_notices_update BEFORE UPDATE ON meeting_notices
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_notices_delete BEFORE DELETE ON meeting_notices
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_short_notices_insert BEFORE INSERT ON short_notices
    WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_short_notices_update BEFORE UPDATE ON short_notices
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_short_notices_delete BEFORE DELETE ON short_notices
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_ballots_insert BEFORE INSERT ON written_ballots
    WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_ballots_update BEFORE UPDATE ON written_ballots
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_ballots_delete BEFORE DELETE ON written_ballots
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_deliveries_insert BEFORE INSERT ON ballot_deliveries
    WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_deliveries_update BEFORE UPDATE ON ballot_deliveries
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_deliveries_delete BEFORE DELETE ON ballot_deliveries
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_returns_insert BEFORE INSERT ON ballot_returns
    WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_returns_update BEFORE UPDATE ON ballot_returns
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_returns_delete BEFORE DELETE ON ballot_returns
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_extensions_insert BEFORE INSERT ON written_extensions
    WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_extensions_update BEFORE UPDATE ON written_extensions
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_extensions_delete BEFORE DELETE ON written_extensions
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_written_closures_insert BEFORE INSERT ON written_closures
    WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_written_closures_update BEFORE UPDATE ON written_closures
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_written_closures_delete BEFORE DELETE ON written_closures
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_imported_forms_insert BEFORE INSERT ON imported_forms
    WHEN (SELECT status FROM meetings WHERE id = NEW.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_imported_forms_update BEFORE UPDATE ON imported_forms
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_imported_forms_delete BEFORE DELETE ON imported_forms
    WHEN (SELECT status FROM meetings WHERE id = OLD.meeting_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
-- end of part: written

-- part: drafts (also a migration step: src/store/open.rs)
-- Form drafts (version 10, issue 15): what the host typed into a form and has not saved
-- yet, one row per field, kept as it is typed, so Ctrl-C, a crash or a restart loses
-- nothing; the form offers it again when opened on the same record. Deleted when the
-- form is saved or discarded. `form` names the form ("item", "speaker" …), `record` the
-- row it edits or belongs to (0 for none). No foreign key: a draft is not part of any
-- record, and a passphrase is never kept here.
CREATE TABLE IF NOT EXISTS form_drafts (
    form      TEXT NOT NULL CHECK (length(form) BETWEEN 1 AND 100),
    record    INTEGER NOT NULL,
    field     TEXT NOT NULL CHECK (length(field) BETWEEN 1 AND 100),
    value     TEXT NOT NULL,
    saved_at  TEXT NOT NULL,
    PRIMARY KEY (form, record, field)
) WITHOUT ROWID;
-- end of part: drafts

-- part: mediation (also a migration step: src/store/open.rs)
-- Mediation (version 11, issue 19): a dispute between neighbours (调解), its parties,
-- mediators, sessions, the terms of its agreement and the agreement's signatures. Tables
-- of their own, so the step can run on any earlier file and again. Once a mediator has
-- signed the agreement (a row in mediation_signatures without addendum) the case's facts,
-- parties, mediators, terms and the parties' paper signatures are locked by the triggers
-- below; a correction is a signed addendum. The status still moves (performance checks).
CREATE TABLE IF NOT EXISTS mediation_team (
    community_id  INTEGER NOT NULL REFERENCES communities(id),
    name          TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    PRIMARY KEY (community_id, name)
);
CREATE TABLE IF NOT EXISTS mediation_cases (
    id            INTEGER PRIMARY KEY,
    uid           TEXT NOT NULL UNIQUE,
    community_id  INTEGER NOT NULL REFERENCES communities(id),
    number        INTEGER NOT NULL CHECK (number >= 1),
    kind          TEXT NOT NULL
                  CHECK (kind IN ('leak', 'noise', 'parking', 'family', 'neighbour', 'other')),
    title         TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    facts         TEXT NOT NULL DEFAULT '' CHECK (length(facts) <= 20000),
    issue         TEXT NOT NULL DEFAULT '' CHECK (length(issue) <= 20000),
    opened_on     TEXT NOT NULL CHECK (length(opened_on) = 10),   -- YYYY-MM-DD
    status        TEXT NOT NULL DEFAULT 'open'
                  CHECK (status IN ('open', 'agreed', 'not_agreed', 'withdrawn',
                                    'performed', 'not_performed')),
    created_at    TEXT NOT NULL,
    UNIQUE (community_id, number)
);
CREATE INDEX IF NOT EXISTS mediation_cases_status ON mediation_cases (community_id, status);
-- 甲方, 乙方 … in `seq` order; a voter of the roster (voter_id) or someone from outside.
CREATE TABLE IF NOT EXISTS mediation_parties (
    case_id   INTEGER NOT NULL REFERENCES mediation_cases(id),
    seq       INTEGER NOT NULL CHECK (seq >= 1),
    name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    voter_id  INTEGER REFERENCES voters(id),
    units     TEXT NOT NULL DEFAULT '',    -- unit labels, one a line
    PRIMARY KEY (case_id, seq)
);
CREATE TABLE IF NOT EXISTS mediation_mediators (
    case_id  INTEGER NOT NULL REFERENCES mediation_cases(id),
    seq      INTEGER NOT NULL CHECK (seq >= 1),
    name     TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    PRIMARY KEY (case_id, seq),
    UNIQUE (case_id, name)
);
-- What each party will do, how, and by when (人民调解法 art. 29).
CREATE TABLE IF NOT EXISTS mediation_terms (
    case_id    INTEGER NOT NULL REFERENCES mediation_cases(id),
    seq        INTEGER NOT NULL CHECK (seq >= 1),
    party_seq  INTEGER NOT NULL,
    duty       TEXT NOT NULL CHECK (length(duty) BETWEEN 1 AND 2000),
    how        TEXT NOT NULL DEFAULT '' CHECK (length(how) <= 2000),
    due_on     TEXT NOT NULL CHECK (length(due_on) = 10),
    PRIMARY KEY (case_id, seq),
    FOREIGN KEY (case_id, party_seq) REFERENCES mediation_parties(case_id, seq)
);
-- The parties' signatures on the paper agreement: who, and the day.
CREATE TABLE IF NOT EXISTS mediation_paper (
    case_id    INTEGER NOT NULL REFERENCES mediation_cases(id),
    party_seq  INTEGER NOT NULL,
    signed_on  TEXT NOT NULL CHECK (length(signed_on) = 10),
    PRIMARY KEY (case_id, party_seq),
    FOREIGN KEY (case_id, party_seq) REFERENCES mediation_parties(case_id, seq)
);
CREATE TABLE IF NOT EXISTS mediation_sessions (
    id       INTEGER PRIMARY KEY,
    case_id  INTEGER NOT NULL REFERENCES mediation_cases(id),
    held_on  TEXT NOT NULL CHECK (length(held_on) = 10),
    present  TEXT NOT NULL DEFAULT '',     -- names, one a line
    notes    TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
    at       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS mediation_sessions_case ON mediation_sessions (case_id, held_on);
-- The agreement text stored at the first signature (domain::mediation_agreement).
CREATE TABLE IF NOT EXISTS mediation_agreements (
    case_id      INTEGER PRIMARY KEY REFERENCES mediation_cases(id),
    text         TEXT NOT NULL,
    sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
    format       INTEGER NOT NULL CHECK (format >= 1),
    rendered_at  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS mediation_addenda (
    id       INTEGER PRIMARY KEY,
    case_id  INTEGER NOT NULL REFERENCES mediation_cases(id),
    text     TEXT NOT NULL CHECK (length(text) >= 1),
    at       TEXT NOT NULL
);
-- Statement domain::mediation_verify::AgreementStatement, one row per signature.
CREATE TABLE IF NOT EXISTS mediation_signatures (
    id                INTEGER PRIMARY KEY,
    case_id           INTEGER NOT NULL REFERENCES mediation_cases(id),
    addendum_id       INTEGER REFERENCES mediation_addenda(id),
    signer_name       TEXT NOT NULL,
    public_key        BLOB NOT NULL CHECK (length(public_key) = 32),
    role              TEXT NOT NULL CHECK (role IN ('mediator', 'addendum')),
    agreement_sha256  TEXT NOT NULL CHECK (length(agreement_sha256) = 64),
    prev_sha256       TEXT NOT NULL CHECK (length(prev_sha256) = 64),
    signed_at         TEXT NOT NULL,
    signature         BLOB NOT NULL CHECK (length(signature) = 64)
);
CREATE INDEX IF NOT EXISTS mediation_signatures_case ON mediation_signatures (case_id);
-- Follow-up: each check of the agreement's performance, with its note.
CREATE TABLE IF NOT EXISTS mediation_checks (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES mediation_cases(id),
    checked_on  TEXT NOT NULL CHECK (length(checked_on) = 10),
    performed   INTEGER NOT NULL CHECK (performed IN (0, 1)),
    note        TEXT NOT NULL CHECK (length(note) >= 1),
    at          TEXT NOT NULL
);
-- Signed agreements imported at the district: the exported bundle as it verified.
CREATE TABLE IF NOT EXISTS mediation_imports (
    community_uid  TEXT NOT NULL,
    case_uid       TEXT NOT NULL,
    bundle         TEXT NOT NULL,
    imported_at    TEXT NOT NULL,
    PRIMARY KEY (community_uid, case_uid)
);
CREATE TRIGGER IF NOT EXISTS lock_mediation_cases_update
    BEFORE UPDATE OF uid, community_id, number, kind, title, facts, issue, opened_on
    ON mediation_cases
    WHEN EXISTS (SELECT 1 FROM mediation_signatures s WHERE s.case_id = OLD.id AND s.addendum_id IS NULL)
BEGIN SELECT RAISE(ABORT, 'locked: agreement is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_mediation_cases_delete BEFORE DELETE ON mediation_cases
    WHEN EXISTS (SELECT 1 FROM mediation_signatures s WHERE s.case_id = OLD.id AND s.addendum_id IS NULL)
BEGIN SELECT RAISE(ABORT, 'locked: agreement is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_mediation_parties_insert BEFORE INSERT ON mediation_parties
    WHEN EXISTS (SELECT 1 FROM mediation_signatures s WHERE s.case_id = NEW.case_id AND s.addendum_id IS NULL)
BEGIN SELECT RAISE(ABORT, 'locked: agreement is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_mediation_parties_update BEFORE UPDATE ON mediation_parties
    WHEN EXISTS (SELECT 1 FROM mediation_signatures s WHERE s.case_id = OLD.case_id AND s.addendum_id IS NULL)
BEGIN SELECT RAISE(ABORT, 'locked: agreement is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_mediation_parties_delete BEFORE DELETE ON mediation_parties
    WHEN EXISTS (SELECT 1 FROM mediation_signatures s WHERE s.case_id = OLD.case_id AND s.addendum_id IS NULL)
BEGIN SELECT RAISE(ABORT, 'locked: agreement is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_mediation_mediators_insert BEFORE INSERT ON mediation_mediators
    WHEN EXISTS (SELECT 1 FROM mediation_signatures s WHERE s.case_id = NEW.case_id AND s.addendum_id IS NULL)
BEGIN SELECT RAISE(ABORT, 'locked: agreement is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_mediation_mediators_update BEFORE UPDATE ON mediation_mediators
    WHEN EXISTS (SELECT 1 FROM mediation_signatures s WHERE s.case_id = OLD.case_id AND s.addendum_id IS NULL)
BEGIN SELECT RAISE(ABORT, 'locked: agreement is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_mediation_mediators_delete BEFORE DELETE ON mediation_mediators
    WHEN EXISTS (SELECT 1 FROM mediation_signatures s WHERE s.case_id = OLD.case_id AND s.addendum_id IS NULL)
BEGIN SELECT RAISE(ABORT, 'locked: agreement is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_mediation_terms_insert BEFORE INSERT ON mediation_terms
    WHEN EXISTS (SELECT 1 FROM mediation_signatures s WHERE s.case_id = NEW.case_id AND s.addendum_id IS NULL)
BEGIN SELECT RAISE(ABORT, 'locked: agreement is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_mediation_terms_update BEFORE UPDATE ON mediation_terms
    WHEN EXISTS (SELECT 1 FROM mediation_signatures s WHERE s.case_id = OLD.case_id AND s.addendum_id IS NULL)
BEGIN SELECT RAISE(ABORT, 'locked: agreement is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_mediation_terms_delete BEFORE DELETE ON mediation_terms
    WHEN EXISTS (SELECT 1 FROM mediation_signatures s WHERE s.case_id = OLD.case_id AND s.addendum_id IS NULL)
BEGIN SELECT RAISE(ABORT, 'locked: agreement is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_mediation_paper_insert BEFORE INSERT ON mediation_paper
    WHEN EXISTS (SELECT 1 FROM mediation_signatures s WHERE s.case_id = NEW.case_id AND s.addendum_id IS NULL)
BEGIN SELECT RAISE(ABORT, 'locked: agreement is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_mediation_paper_update BEFORE UPDATE ON mediation_paper
    WHEN EXISTS (SELECT 1 FROM mediation_signatures s WHERE s.case_id = OLD.case_id AND s.addendum_id IS NULL)
BEGIN SELECT RAISE(ABORT, 'locked: agreement is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_mediation_paper_delete BEFORE DELETE ON mediation_paper
    WHEN EXISTS (SELECT 1 FROM mediation_signatures s WHERE s.case_id = OLD.case_id AND s.addendum_id IS NULL)
BEGIN SELECT RAISE(ABORT, 'locked: agreement is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_mediation_sessions_update BEFORE UPDATE ON mediation_sessions
    WHEN EXISTS (SELECT 1 FROM mediation_signatures s WHERE s.case_id = OLD.case_id AND s.addendum_id IS NULL)
BEGIN SELECT RAISE(ABORT, 'locked: agreement is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_mediation_sessions_delete BEFORE DELETE ON mediation_sessions
    WHEN EXISTS (SELECT 1 FROM mediation_signatures s WHERE s.case_id = OLD.case_id AND s.addendum_id IS NULL)
BEGIN SELECT RAISE(ABORT, 'locked: agreement is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_mediation_agreements_insert BEFORE INSERT ON mediation_agreements
    WHEN EXISTS (SELECT 1 FROM mediation_signatures s WHERE s.case_id = NEW.case_id AND s.addendum_id IS NULL)
BEGIN SELECT RAISE(ABORT, 'locked: agreement is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_mediation_agreements_update BEFORE UPDATE ON mediation_agreements
    WHEN EXISTS (SELECT 1 FROM mediation_signatures s WHERE s.case_id = OLD.case_id AND s.addendum_id IS NULL)
BEGIN SELECT RAISE(ABORT, 'locked: agreement is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_mediation_agreements_delete BEFORE DELETE ON mediation_agreements
    WHEN EXISTS (SELECT 1 FROM mediation_signatures s WHERE s.case_id = OLD.case_id AND s.addendum_id IS NULL)
BEGIN SELECT RAISE(ABORT, 'locked: agreement is signed'); END;
CREATE TRIGGER IF NOT EXISTS keep_mediation_signatures_update BEFORE UPDATE ON mediation_signatures
BEGIN SELECT RAISE(ABORT, 'locked: kept as written'); END;
CREATE TRIGGER IF NOT EXISTS keep_mediation_signatures_delete BEFORE DELETE ON mediation_signatures
BEGIN SELECT RAISE(ABORT, 'locked: kept as written'); END;
CREATE TRIGGER IF NOT EXISTS keep_mediation_addenda_update BEFORE UPDATE ON mediation_addenda
BEGIN SELECT RAISE(ABORT, 'locked: kept as written'); END;
CREATE TRIGGER IF NOT EXISTS keep_mediation_addenda_delete BEFORE DELETE ON mediation_addenda
BEGIN SELECT RAISE(ABORT, 'locked: kept as written'); END;
CREATE TRIGGER IF NOT EXISTS keep_mediation_checks_update BEFORE UPDATE ON mediation_checks
BEGIN SELECT RAISE(ABORT, 'locked: kept as written'); END;
CREATE TRIGGER IF NOT EXISTS keep_mediation_checks_delete BEFORE DELETE ON mediation_checks
BEGIN SELECT RAISE(ABORT, 'locked: kept as written'); END;
-- end of part: mediation

-- part: civic (also a migration step: src/store/open.rs)
-- Residents' suggestions and cost plans (issue 18): tables of their own (no ALTER TABLE),
-- so the step runs on any earlier file and again.
-- A suggestion (居民意见) as the secretary logged it. `contact` is private: never printed,
-- exported or shown in a list. No key to agenda_items here: the link to an item is
-- item_sources, which is part of the meeting's record and locked with it, while the
-- suggestion's own status goes on after the meeting is signed.
CREATE TABLE IF NOT EXISTS suggestions (
    id            INTEGER PRIMARY KEY,
    community_id  INTEGER NOT NULL REFERENCES communities(id),
    channel       TEXT NOT NULL CHECK (channel IN ('box', 'wechat', 'door', 'phone', 'other')),
    raised_by     TEXT NOT NULL CHECK (length(raised_by) BETWEEN 1 AND 100),
    contact       TEXT NOT NULL DEFAULT '',
    text          TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
    category      TEXT NOT NULL DEFAULT 'other',
    status        TEXT NOT NULL DEFAULT 'new'
                  CHECK (status IN ('new', 'acknowledged', 'answered', 'handed_over',
                                    'on_agenda', 'decided', 'done', 'closed')),
    raised_on     TEXT NOT NULL CHECK (length(raised_on) = 10),   -- YYYY-MM-DD
    created_at    TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS suggestions_status ON suggestions (community_id, status, raised_on);
-- Every change of a suggestion's status, with its note (the answer, to whom it was handed).
CREATE TABLE IF NOT EXISTS suggestion_history (
    id             INTEGER PRIMARY KEY,
    suggestion_id  INTEGER NOT NULL REFERENCES suggestions(id),
    status         TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    at             TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS suggestion_history_of ON suggestion_history (suggestion_id, id);
-- Where an item came from, as its minutes print it ("来源：居民意见 #12，2026-03-02"):
-- the suggestion's number and date are kept here, so an imported item keeps its source
-- without the suggestion; `suggestion_id` is the local suggestion (NULL when imported).
CREATE TABLE IF NOT EXISTS item_sources (
    item_id        INTEGER PRIMARY KEY REFERENCES agenda_items(id),
    suggestion_id  INTEGER REFERENCES suggestions(id),
    number         INTEGER NOT NULL,
    raised_on      TEXT NOT NULL CHECK (length(raised_on) = 10)
);
CREATE INDEX IF NOT EXISTS item_sources_suggestion ON item_sources (suggestion_id);
-- An item's cost plan (费用分摊): total in fen, the fixed shares (JSON list of party and
-- fen), the method and its floor coefficients in thousandths (JSON).
CREATE TABLE IF NOT EXISTS cost_plans (
    item_id    INTEGER PRIMARY KEY REFERENCES agenda_items(id),
    total_fen  INTEGER NOT NULL CHECK (total_fen >= 0),
    fixed      TEXT NOT NULL DEFAULT '[]',
    method     TEXT NOT NULL CHECK (method IN ('area', 'equal', 'floor', 'floor_area')),
    coefs      TEXT NOT NULL DEFAULT '[]'
);
-- The allocation per unit as it was shown before the vote (computed when the plan was
-- saved, from the units of the item's scope): what the minutes print and sign.
CREATE TABLE IF NOT EXISTS cost_shares (
    item_id     INTEGER NOT NULL REFERENCES agenda_items(id),
    position    INTEGER NOT NULL,
    label       TEXT NOT NULL,
    name        TEXT NOT NULL,
    area_centi  INTEGER NOT NULL CHECK (area_centi >= 0),
    floor       INTEGER,
    fen         INTEGER NOT NULL CHECK (fen >= 0),
    PRIMARY KEY (item_id, position)
);
CREATE TRIGGER IF NOT EXISTS lock_sources_insert BEFORE INSERT ON item_sources
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = NEW.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_sources_update BEFORE UPDATE ON item_sources
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_sources_delete BEFORE DELETE ON item_sources
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_cost_plans_insert BEFORE INSERT ON cost_plans
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = NEW.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_cost_plans_update BEFORE UPDATE ON cost_plans
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_cost_plans_delete BEFORE DELETE ON cost_plans
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_cost_shares_insert BEFORE INSERT ON cost_shares
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = NEW.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_cost_shares_update BEFORE UPDATE ON cost_shares
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
CREATE TRIGGER IF NOT EXISTS lock_cost_shares_delete BEFORE DELETE ON cost_shares
    WHEN (SELECT m.status FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
          WHERE i.id = OLD.item_id) = 'signed'
BEGIN SELECT RAISE(ABORT, 'locked: meeting is signed'); END;
-- end of part: civic
