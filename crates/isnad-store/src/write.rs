//! Writing: batches of documents with their facts, duplicate links, stories and signatures.

use std::time::{SystemTime, UNIX_EPOCH};

use isnad_model::{Document, Source};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::{sqlite_error, Store, StoreError};

/// One document to store, with what the caller knows about it beyond the document itself.
///
/// The extras (`signature`, `duplicate_of`, `story`) are written in the same transaction as
/// the document, and only when the document is stored (new or a revision): for a document
/// already in the store they are ignored, like the document itself.
#[derive(Debug, Clone)]
pub struct Item<'a> {
    /// The document.
    pub doc: &'a Document,
    /// An opaque near-duplicate signature (e.g. MinHash) to keep for rebuilding the index.
    pub signature: Option<Vec<u8>>,
    /// The document this one near-duplicates, with the similarity. The canonical document
    /// must already be stored or come earlier in the same batch.
    pub duplicate_of: Option<(String, f32)>,
    /// The story the document belongs to. The story must exist or be in the batch's stories.
    pub story: Option<String>,
}

impl<'a> Item<'a> {
    /// An item with no extras.
    pub fn new(doc: &'a Document) -> Self {
        Item { doc, signature: None, duplicate_of: None, story: None }
    }
}

/// A story: a cluster of documents about the same events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryRow {
    /// Story id, chosen by the caller.
    pub id: String,
    /// A human-readable label.
    pub label: Option<String>,
    /// Date of the first document (ISO), as the caller tracks it.
    pub first: Option<String>,
    /// Date of the last document (ISO), as the caller tracks it.
    pub last: Option<String>,
    /// Number of documents assigned to the story (computed on read; ignored on write).
    #[serde(default)]
    pub documents: u64,
    /// The caller's story profile, stored as JSON and never interpreted by the store.
    pub profile: Option<serde_json::Value>,
}

/// What happened to one document of a batch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "outcome")]
pub enum Outcome {
    /// Stored for the first time.
    New,
    /// Already stored under the same content id; nothing was written.
    Unchanged,
    /// Stored as a new revision of the latest document with the same URL.
    Revision {
        /// Id of the previous revision.
        of: String,
    },
}

/// The result of [`Store::put_batch`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchOutcome {
    /// One outcome per item, in item order.
    pub outcomes: Vec<Outcome>,
    /// Documents stored for the first time.
    pub new: usize,
    /// Documents already stored.
    pub unchanged: usize,
    /// Documents stored as revisions of an earlier URL.
    pub revised: usize,
}

impl Store {
    /// Stores a batch in ONE transaction: the stories first (upserted), then every item.
    ///
    /// A document whose id is already stored is [`Outcome::Unchanged`] and not rewritten.
    /// A document whose URL is known under another id is stored as a [`Outcome::Revision`] of
    /// the latest document for that URL. On any error the whole batch is rolled back.
    pub fn put_batch(&mut self, items: &[Item<'_>], stories: &[StoryRow]) -> Result<BatchOutcome, StoreError> {
        self.check_writable()?;
        let path = self.path.clone();
        let now = unix_now();
        let tx = self.conn.transaction().map_err(|e| sqlite_error(&path, e))?;
        for story in stories {
            upsert_story(&tx, story).map_err(|e| wrap(&path, e))?;
        }
        let mut out = BatchOutcome::default();
        for item in items {
            let outcome = put_item(&tx, item, now).map_err(|e| wrap(&path, e))?;
            match outcome {
                Outcome::New => out.new += 1,
                Outcome::Unchanged => out.unchanged += 1,
                Outcome::Revision { .. } => out.revised += 1,
            }
            out.outcomes.push(outcome);
        }
        if let Some(run) = self.run {
            tx.prepare_cached(
                "UPDATE ingest_runs SET batches = batches + 1, new = new + ?2, unchanged = unchanged + ?3,
                     revised = revised + ?4 WHERE id = ?1",
            )
            .and_then(|mut s| s.execute(params![run, out.new as i64, out.unchanged as i64, out.revised as i64]))
            .map_err(|e| sqlite_error(&path, e))?;
        }
        tx.commit().map_err(|e| sqlite_error(&path, e))?;
        Ok(out)
    }

    /// Starts an ingest run: until [`Store::finish_run`], every batch adds its counts to the
    /// run's row in its own transaction, so the counts always match what was stored.
    /// Returns the run id. A run still open is left unfinished.
    pub fn begin_run(&mut self) -> Result<i64, StoreError> {
        self.check_writable()?;
        self.conn.execute("INSERT INTO ingest_runs (started) VALUES (?1)", [unix_now()]).map_err(|e| self.err(e))?;
        let id = self.conn.last_insert_rowid();
        self.run = Some(id);
        Ok(id)
    }

    /// Marks the current ingest run finished and returns it; `None` when no run was begun.
    pub fn finish_run(&mut self) -> Result<Option<RunRow>, StoreError> {
        self.check_writable()?;
        let Some(run) = self.run.take() else { return Ok(None) };
        self.conn
            .execute("UPDATE ingest_runs SET finished = ?2 WHERE id = ?1", params![run, unix_now()])
            .map_err(|e| self.err(e))?;
        Ok(self.runs()?.into_iter().find(|r| r.id == run))
    }

    /// Stores documents with no extras; see [`Store::put_batch`].
    pub fn put_documents(&mut self, docs: &[Document]) -> Result<BatchOutcome, StoreError> {
        let items: Vec<Item<'_>> = docs.iter().map(Item::new).collect();
        self.put_batch(&items, &[])
    }

    /// Inserts or replaces a story's label, dates and profile.
    pub fn upsert_story(&mut self, story: &StoryRow) -> Result<(), StoreError> {
        self.check_writable()?;
        upsert_story(&self.conn, story).map_err(|e| wrap(&self.path, e))
    }

    /// Assigns a stored document to a stored story. Returns false when the document is unknown.
    pub fn set_story(&mut self, doc_id: &str, story_id: &str) -> Result<bool, StoreError> {
        self.check_writable()?;
        let n = self
            .conn
            .execute("UPDATE documents SET story_id = ?2 WHERE id = ?1", params![doc_id, story_id])
            .map_err(|e| self.err(e))?;
        Ok(n > 0)
    }
}

/// One ingest run (see [`Store::begin_run`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunRow {
    /// Run id.
    pub id: i64,
    /// Unix seconds at the start.
    pub started: i64,
    /// Unix seconds at the end; `None` for a run still going or interrupted.
    pub finished: Option<i64>,
    /// Batches committed.
    pub batches: u64,
    /// Documents stored new.
    pub new: u64,
    /// Documents found already stored.
    pub unchanged: u64,
    /// Documents stored as revisions.
    pub revised: u64,
}

fn unix_now() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

/// An error inside a write: SQLite or JSON encoding.
enum WriteError {
    Sql(rusqlite::Error),
    Json(String, serde_json::Error),
}

impl From<rusqlite::Error> for WriteError {
    fn from(e: rusqlite::Error) -> Self {
        WriteError::Sql(e)
    }
}

fn wrap(path: &std::path::Path, e: WriteError) -> StoreError {
    match e {
        WriteError::Sql(e) => sqlite_error(path, e),
        WriteError::Json(what, source) => StoreError::Json { path: path.to_path_buf(), what, source },
    }
}

fn to_json<T: Serialize>(what: &str, v: &T) -> Result<String, WriteError> {
    serde_json::to_string(v).map_err(|e| WriteError::Json(what.to_string(), e))
}

/// The JSON name of a unit enum value (`killed`, `about`, `PERSON`).
pub(crate) fn enum_name<T: Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

fn upsert_story(conn: &rusqlite::Connection, story: &StoryRow) -> Result<(), WriteError> {
    let profile = story.profile.as_ref().map(|p| to_json("story profile", p)).transpose()?;
    conn.prepare_cached(
        "INSERT INTO stories (id, label, first, last, profile) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(id) DO UPDATE SET label = excluded.label, first = excluded.first,
             last = excluded.last, profile = excluded.profile",
    )?
    .execute(params![story.id, story.label, story.first, story.last, profile])?;
    Ok(())
}

fn put_item(tx: &Transaction<'_>, item: &Item<'_>, now: i64) -> Result<Outcome, WriteError> {
    let doc = item.doc;
    let exists =
        tx.prepare_cached("SELECT 1 FROM documents WHERE id = ?1")?.query_row([&doc.id], |_| Ok(())).optional()?;
    if exists.is_some() {
        return Ok(Outcome::Unchanged);
    }
    let previous: Option<String> = match &doc.meta.url {
        Some(url) => tx
            .prepare_cached("SELECT id FROM documents WHERE url = ?1 ORDER BY seq DESC LIMIT 1")?
            .query_row([url], |r| r.get(0))
            .optional()?,
        None => None,
    };

    // The JSON keeps everything but the two big strings, which have their own columns.
    let mut json = serde_json::to_value(doc).map_err(|e| WriteError::Json(format!("document {}", doc.id), e))?;
    if let Some(obj) = json.as_object_mut() {
        obj.insert("text".into(), serde_json::Value::String(String::new()));
        obj.insert("raw".into(), serde_json::Value::String(String::new()));
    }
    let m = &doc.meta;
    tx.prepare_cached(
        "INSERT INTO documents (id, url, source, record_id, outlet, title, published, author, lang,
             ingested_at, revision_of, story_id, truncated, text, raw, json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?
    .execute(params![
        doc.id,
        m.url,
        m.source,
        m.record_id,
        m.outlet,
        m.title,
        m.published,
        m.author,
        m.lang,
        now,
        previous,
        item.story,
        doc.truncated,
        doc.text,
        doc.raw,
        json.to_string(),
    ])?;

    put_facts(tx, doc)?;

    if let Some(sig) = &item.signature {
        tx.prepare_cached("INSERT OR REPLACE INTO signatures (doc, signature) VALUES (?1, ?2)")?
            .execute(params![doc.id, sig])?;
    }
    if let Some((canonical, similarity)) = &item.duplicate_of {
        tx.prepare_cached("INSERT OR REPLACE INTO duplicates (doc, canonical, similarity) VALUES (?1, ?2, ?3)")?
            .execute(params![doc.id, canonical, f64::from(*similarity)])?;
    }
    Ok(match previous {
        Some(of) => Outcome::Revision { of },
        None => Outcome::New,
    })
}

fn surface(s: &Option<Source>) -> Option<&str> {
    s.as_ref().map(|s| s.surface.as_str())
}

fn entity(s: &Option<Source>) -> Option<&str> {
    s.as_ref().and_then(|s| s.entity.as_deref())
}

fn put_facts(tx: &Transaction<'_>, doc: &Document) -> Result<(), WriteError> {
    let id = doc.id.as_str();
    let published = doc.meta.published.as_deref();
    let citations = doc.citations.as_deref().unwrap_or_default();
    let cited_outlet = |c: Option<usize>| c.and_then(|i| citations.get(i)).map(|c| c.outlet.surface.as_str());

    for e in doc.entities.as_deref().unwrap_or_default() {
        let key: i64 = tx
            .prepare_cached(
                "INSERT INTO entities (id, type, canonical, english, country) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(id, type) DO UPDATE SET
                     english = COALESCE(entities.english, excluded.english),
                     country = COALESCE(entities.country, excluded.country)
                 RETURNING key",
            )?
            .query_row(params![e.id, e.entity_type.as_str(), e.canonical, e.english, e.country], |r| r.get(0))?;
        let mut stmt = tx.prepare_cached(
            "INSERT INTO mentions (doc, entity, start, end, surface, role, metonymy) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for mention in &e.mentions {
            stmt.execute(params![
                id,
                key,
                mention.start as i64,
                mention.end as i64,
                mention.surface,
                mention.role,
                mention.metonymy
            ])?;
        }
    }

    for (i, c) in citations.iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO citations (doc, idx, cue, outlet_surface, outlet_entity, via_surface, via_entity,
                 via_anonymous, start, end, surface) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?
        .execute(params![
            id,
            i as i64,
            c.cue,
            c.outlet.surface,
            c.outlet.entity,
            surface(&c.via),
            entity(&c.via),
            c.via.as_ref().is_some_and(|v| v.anonymous),
            c.start as i64,
            c.end as i64,
            c.surface,
        ])?;
    }

    for (i, f) in doc.figures.as_deref().unwrap_or_default().iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO figures (doc, idx, what, value, low, high, hedge, counted, place, as_of, source_surface,
                 source_entity, anonymous, modality, citation, cited_outlet, start, end, surface, published)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
        )?
        .execute(params![
            id,
            i as i64,
            enum_name(&f.what),
            f.value,
            f.low,
            f.high,
            enum_name(&f.hedge),
            f.counted,
            f.place,
            f.as_of,
            surface(&f.source),
            entity(&f.source),
            f.source.as_ref().is_some_and(|s| s.anonymous),
            enum_name(&f.modality),
            f.citation.map(|c| c as i64),
            cited_outlet(f.citation),
            f.start as i64,
            f.end as i64,
            f.surface,
            published,
        ])?;
    }

    for (i, q) in doc.quotes.as_deref().unwrap_or_default().iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO quotes (doc, idx, speaker_surface, speaker_entity, anonymous, cue, cue_start, cue_end,
                 direct, content_start, content_end, content, venue, venue_entity, citation, cited_outlet,
                 start, end, surface, published)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
        )?
        .execute(params![
            id,
            i as i64,
            surface(&q.speaker),
            entity(&q.speaker),
            q.speaker.as_ref().is_some_and(|s| s.anonymous),
            q.cue,
            q.cue_start as i64,
            q.cue_end as i64,
            q.direct,
            q.content_start as i64,
            q.content_end as i64,
            doc.text_of(q.content_start, q.content_end),
            surface(&q.venue),
            entity(&q.venue),
            q.citation.map(|c| c as i64),
            cited_outlet(q.citation),
            q.start as i64,
            q.end as i64,
            q.surface,
            published,
        ])?;
    }

    for (i, ev) in doc.events.as_deref().unwrap_or_default().iter().enumerate() {
        tx.prepare_cached(
            "INSERT INTO events (doc, idx, kind, trigger, start, end, sentence, participants, place, time,
                 figures, negated) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?
        .execute(params![
            id,
            i as i64,
            enum_name(&ev.kind),
            ev.surface,
            ev.start as i64,
            ev.end as i64,
            ev.sentence as i64,
            to_json("event participants", &ev.participants)?,
            ev.place,
            ev.time,
            to_json("event figures", &ev.figures)?,
            ev.negated,
        ])?;
    }
    Ok(())
}
