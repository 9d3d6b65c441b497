//! Versioned migrations. `PRAGMA user_version` holds the number of migrations applied.

/// Migrations in order; migration `i` brings the store from version `i` to `i + 1`.
/// Never edit a released entry: append a new one.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: the initial schema.
    r#"
CREATE TABLE stories (
    id       TEXT PRIMARY KEY,
    label    TEXT,
    first    TEXT,
    last     TEXT,
    profile  TEXT
);

CREATE TABLE documents (
    seq          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    url          TEXT,
    source       TEXT NOT NULL,
    record_id    TEXT,
    outlet       TEXT,
    title        TEXT,
    published    TEXT,
    author       TEXT,
    lang         TEXT,
    ingested_at  INTEGER NOT NULL,
    revision_of  TEXT REFERENCES documents(id),
    story_id     TEXT REFERENCES stories(id) ON DELETE SET NULL,
    truncated    INTEGER NOT NULL DEFAULT 0,
    text         TEXT NOT NULL,
    raw          TEXT NOT NULL,
    json         TEXT NOT NULL
);
CREATE INDEX documents_url ON documents(url, seq);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_outlet ON documents(outlet, published);
CREATE INDEX documents_story ON documents(story_id, published);

CREATE TABLE entities (
    key        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL,
    type       TEXT NOT NULL,
    canonical  TEXT NOT NULL,
    english    TEXT,
    country    TEXT,
    UNIQUE (id, type)
);
CREATE INDEX entities_canonical ON entities(canonical);
CREATE INDEX entities_type ON entities(type);

CREATE TABLE mentions (
    doc       TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    entity    INTEGER NOT NULL REFERENCES entities(key),
    start     INTEGER NOT NULL,
    end       INTEGER NOT NULL,
    surface   TEXT NOT NULL,
    role      INTEGER NOT NULL DEFAULT 0,
    metonymy  TEXT
);
CREATE INDEX mentions_entity ON mentions(entity, doc);
CREATE INDEX mentions_doc ON mentions(doc);

CREATE TABLE citations (
    doc                TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx                INTEGER NOT NULL,
    cue                TEXT NOT NULL,
    outlet_surface     TEXT NOT NULL,
    outlet_entity      TEXT,
    via_surface        TEXT,
    via_entity         TEXT,
    via_anonymous      INTEGER NOT NULL DEFAULT 0,
    start              INTEGER NOT NULL,
    end                INTEGER NOT NULL,
    surface            TEXT NOT NULL,
    PRIMARY KEY (doc, idx)
);
CREATE INDEX citations_outlet ON citations(outlet_entity);

CREATE TABLE figures (
    doc             TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx             INTEGER NOT NULL,
    what            TEXT NOT NULL,
    value           REAL NOT NULL,
    low             REAL,
    high            REAL,
    hedge           TEXT NOT NULL,
    counted         TEXT,
    place           TEXT,
    as_of           TEXT,
    source_surface  TEXT,
    source_entity   TEXT,
    anonymous       INTEGER NOT NULL DEFAULT 0,
    modality        TEXT NOT NULL,
    citation        INTEGER,
    cited_outlet    TEXT,
    start           INTEGER NOT NULL,
    end             INTEGER NOT NULL,
    surface         TEXT NOT NULL,
    published       TEXT,
    PRIMARY KEY (doc, idx)
);
CREATE INDEX figures_what ON figures(what, published);
CREATE INDEX figures_place ON figures(place);
CREATE INDEX figures_source ON figures(source_entity);

CREATE TABLE quotes (
    doc              TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx              INTEGER NOT NULL,
    speaker_surface  TEXT,
    speaker_entity   TEXT,
    anonymous        INTEGER NOT NULL DEFAULT 0,
    cue              TEXT NOT NULL,
    cue_start        INTEGER NOT NULL,
    cue_end          INTEGER NOT NULL,
    direct           INTEGER NOT NULL,
    content_start    INTEGER NOT NULL,
    content_end      INTEGER NOT NULL,
    content          TEXT NOT NULL,
    venue            TEXT,
    venue_entity     TEXT,
    citation         INTEGER,
    cited_outlet     TEXT,
    start            INTEGER NOT NULL,
    end              INTEGER NOT NULL,
    surface          TEXT NOT NULL,
    published        TEXT,
    PRIMARY KEY (doc, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker_entity);

CREATE TABLE events (
    doc           TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx           INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    trigger       TEXT NOT NULL,
    start         INTEGER NOT NULL,
    end           INTEGER NOT NULL,
    sentence      INTEGER NOT NULL,
    participants  TEXT NOT NULL,
    place         TEXT,
    time          TEXT,
    figures       TEXT NOT NULL,
    negated       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (doc, idx)
);
CREATE INDEX events_kind ON events(kind);

CREATE TABLE duplicates (
    doc         TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    canonical   TEXT NOT NULL REFERENCES documents(id),
    similarity  REAL NOT NULL
);
CREATE INDEX duplicates_canonical ON duplicates(canonical);

CREATE TABLE signatures (
    doc        TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    signature  BLOB NOT NULL
);
"#,
    // 2: ingest runs, updated in the same transaction as each batch.
    r#"
CREATE TABLE ingest_runs (
    id         INTEGER PRIMARY KEY,
    started    INTEGER NOT NULL,
    finished   INTEGER,
    batches    INTEGER NOT NULL DEFAULT 0,
    new        INTEGER NOT NULL DEFAULT 0,
    unchanged  INTEGER NOT NULL DEFAULT 0,
    revised    INTEGER NOT NULL DEFAULT 0
);
"#,
];

/// The schema version this binary writes and reads.
pub(crate) fn current_version() -> i64 {
    MIGRATIONS.len() as i64
}
