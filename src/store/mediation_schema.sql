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
