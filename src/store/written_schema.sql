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
