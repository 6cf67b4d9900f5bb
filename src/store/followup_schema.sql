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
