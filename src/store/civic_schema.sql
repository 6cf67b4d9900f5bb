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
