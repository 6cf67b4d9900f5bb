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
