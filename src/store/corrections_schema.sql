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
