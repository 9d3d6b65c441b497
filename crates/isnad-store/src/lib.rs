//! The embedded isnad store: SQLite (WAL) with versioned migrations, documents, facts, duplicates and stories.
//!
//! A [`Store`] lives in a data directory as `isnad.sqlite` (plus SQLite's `-wal`/`-shm` files).
//! It is opened with WAL journaling, `synchronous=NORMAL`, foreign keys on and a busy timeout,
//! so one writer and any number of readers ([`Store::open_read_only`]) can share it.
//! Writes go through [`Store::put_batch`], one transaction per batch: a crash or a full disk
//! never leaves half a batch behind.
//!
//! # Schema (version 2)
//!
//! The schema version is `PRAGMA user_version`; migrations are an ordered list of SQL scripts,
//! each applied in its own transaction. A store newer than the binary is refused.
//! Spans (`start`, `end`, …) are char offsets into the document's cleaned text; entity
//! references (`place`, `*_entity`) are model entity ids.
//!
//! | table | columns |
//! |---|---|
//! | `documents` | `seq` (ingest order), `id` (content hash, unique), `url`, `source`, `record_id`, `outlet`, `title`, `published`, `author`, `lang`, `ingested_at` (unix seconds), `revision_of` (previous document of the same URL), `story_id`, `truncated`, `text` (cleaned), `raw`, `json` (the full [`Document`] with `text` and `raw` emptied) |
//! | `entities` | `key` (row id), `id` + `type` (the global key, unique), `canonical`, `english`, `country` |
//! | `mentions` | `doc`, `entity` (→ `entities.key`), `start`, `end`, `surface`, `role`, `metonymy` |
//! | `figures` | `doc`, `idx` (index in `doc.figures`), `what`, `value`, `low`, `high`, `hedge`, `counted`, `place`, `as_of`, `source_surface`, `source_entity`, `anonymous`, `modality`, `citation`, `cited_outlet`, `start`, `end`, `surface`, `published` (copied from the document) |
//! | `quotes` | `doc`, `idx`, `speaker_surface`, `speaker_entity`, `anonymous`, `cue`, `cue_start`, `cue_end`, `direct`, `content_start`, `content_end`, `content` (the quoted text), `venue`, `venue_entity`, `citation`, `cited_outlet`, `start`, `end`, `surface`, `published` |
//! | `citations` | `doc`, `idx`, `cue`, `outlet_surface`, `outlet_entity`, `via_surface`, `via_entity`, `via_anonymous`, `start`, `end`, `surface` |
//! | `events` | `doc`, `idx`, `kind`, `trigger`, `start`, `end`, `sentence`, `participants` (JSON array of entity ids), `place`, `time`, `figures` (JSON array of figure indices), `negated` |
//! | `duplicates` | `doc` (the near-duplicate), `canonical` (the document it duplicates), `similarity` |
//! | `stories` | `id`, `label`, `first`, `last`, `profile` (JSON, opaque to the store) |
//! | `signatures` | `doc`, `signature` (opaque MinHash blob for rebuilding the near-duplicate index) |
//! | `ingest_runs` | `id`, `started`, `finished` (unix seconds; `finished` stays empty for an interrupted run), `batches`, `new`, `unchanged`, `revised` (added to in each batch's transaction) |
//!
//! An entity row is created by the first document naming it; later documents only fill in a
//! missing `english` or `country`.
//!
//! Enum values (`what`, `hedge`, `modality`, `kind`, `type`) are stored as their JSON names
//! (`killed`, `about`, `PERSON`, …). Dates are ISO strings as given by the input; date filters
//! compare them as strings, so a `to` of `2024-05-01` includes the whole day.

mod query;
mod schema;
mod write;

#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags};

pub use isnad_model::Document;
pub use query::*;
pub use write::*;

/// The file name of the database inside the store directory.
pub const DB_FILE: &str = "isnad.sqlite";

/// How long a connection waits for another writer's lock before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// Everything that can go wrong with a store. Every message names the store file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The store directory could not be created.
    #[error("cannot create store directory {path}: {source}")]
    CreateDir {
        /// The directory.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A read-only open found no store.
    #[error("no store at {path}")]
    NotFound {
        /// The database file looked for.
        path: PathBuf,
    },
    /// The store was written by a newer isnad.
    #[error(
        "store {path} has schema version {found}, newer than this binary supports ({supported}); use a newer isnad"
    )]
    TooNew {
        /// The database file.
        path: PathBuf,
        /// The version found in the store.
        found: i64,
        /// The newest version this binary knows.
        supported: i64,
    },
    /// A read-only open found a store that still needs migrations.
    #[error("store {path} has schema version {found} but {supported} is needed; open it read-write once to migrate")]
    NeedsMigration {
        /// The database file.
        path: PathBuf,
        /// The version found in the store.
        found: i64,
        /// The version this binary needs.
        supported: i64,
    },
    /// A write was attempted on a store opened read-only.
    #[error("store {path} is open read-only; writes are refused")]
    ReadOnly {
        /// The database file.
        path: PathBuf,
    },
    /// The disk filled up during a write.
    #[error("disk full while writing {path}; the batch was rolled back")]
    DiskFull {
        /// The database file.
        path: PathBuf,
    },
    /// Any other SQLite error.
    #[error("store {path}: {source}")]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// The SQLite error.
        source: rusqlite::Error,
    },
    /// A stored JSON value could not be read or a value could not be encoded.
    #[error("store {path}: bad JSON for {what}: {source}")]
    Json {
        /// The database file.
        path: PathBuf,
        /// What was being read or written.
        what: String,
        /// The serde error.
        source: serde_json::Error,
    },
}

/// The isnad store: one SQLite database in a data directory.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    read_only: bool,
    /// The ingest run begun with [`Store::begin_run`], if any.
    run: Option<i64>,
}

impl Store {
    /// Opens (creating if needed) the store in `dir` and brings its schema up to date.
    pub fn open(dir: &Path) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir { path: dir.to_path_buf(), source })?;
        let path = dir.join(DB_FILE);
        let sql = |source| sqlite_error(&path, source);
        let conn = Connection::open(&path).map_err(sql)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sql)?;
        conn.pragma_update(None, "journal_mode", "WAL").map_err(sql)?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(sql)?;
        conn.pragma_update(None, "foreign_keys", true).map_err(sql)?;
        let mut store = Store { conn, path, read_only: false, run: None };
        store.migrate()?;
        Ok(store)
    }

    /// Opens an existing store for reading only (for serving). Fails when there is no store
    /// or its schema is not the one this binary reads.
    pub fn open_read_only(dir: &Path) -> Result<Store, StoreError> {
        let path = dir.join(DB_FILE);
        if !path.is_file() {
            return Err(StoreError::NotFound { path });
        }
        let sql = |source| sqlite_error(&path, source);
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(&path, flags).map_err(sql)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sql)?;
        let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(sql)?;
        let supported = schema::current_version();
        if found > supported {
            return Err(StoreError::TooNew { path, found, supported });
        }
        if found < supported {
            return Err(StoreError::NeedsMigration { path, found, supported });
        }
        Ok(Store { conn, path, read_only: true, run: None })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True when opened with [`Store::open_read_only`].
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The schema version of the open store.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(|e| self.err(e))
    }

    /// Runs SQLite's `PRAGMA integrity_check`; returns the problems found (empty when the store is sound).
    pub fn integrity_check(&self) -> Result<Vec<String>, StoreError> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check").map_err(|e| self.err(e))?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).map_err(|e| self.err(e))?;
        let mut problems = Vec::new();
        for row in rows {
            let row = row.map_err(|e| self.err(e))?;
            if row != "ok" {
                problems.push(row);
            }
        }
        Ok(problems)
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        self.migrate_with(schema::MIGRATIONS)
    }

    /// Applies the migrations the store lacks, each in its own transaction.
    fn migrate_with(&mut self, migrations: &[&str]) -> Result<(), StoreError> {
        let supported = migrations.len() as i64;
        let found = self.schema_version()?;
        if found > supported {
            return Err(StoreError::TooNew { path: self.path.clone(), found, supported });
        }
        for (i, sql) in migrations.iter().enumerate().skip(found.max(0) as usize) {
            let path = self.path.clone();
            let tx = self.conn.transaction().map_err(|e| sqlite_error(&path, e))?;
            tx.execute_batch(sql).map_err(|e| sqlite_error(&path, e))?;
            tx.pragma_update(None, "user_version", i as i64 + 1).map_err(|e| sqlite_error(&path, e))?;
            tx.commit().map_err(|e| sqlite_error(&path, e))?;
        }
        Ok(())
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        sqlite_error(&self.path, e)
    }

    fn json_err(&self, what: impl Into<String>, source: serde_json::Error) -> StoreError {
        StoreError::Json { path: self.path.clone(), what: what.into(), source }
    }

    fn check_writable(&self) -> Result<(), StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly { path: self.path.clone() });
        }
        Ok(())
    }
}

/// Maps a SQLite error to a [`StoreError`], singling out a full disk and read-only refusals.
fn sqlite_error(path: &Path, e: rusqlite::Error) -> StoreError {
    match e.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => StoreError::DiskFull { path: path.to_path_buf() },
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path: path.to_path_buf() },
        _ => StoreError::Sqlite { path: path.to_path_buf(), source: e },
    }
}
