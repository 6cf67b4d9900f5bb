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
