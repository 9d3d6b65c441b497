//! Reading: documents, facts, entities, stories and counts as plain serializable rows.

use isnad_model::{Document, EntityType, EventKind, Hedge, Modality, What};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, OptionalExtension, Row};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::write::enum_name;
use crate::{RunRow, Store, StoreError, StoryRow};

/// Filter for [`Store::documents`]. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DocFilter {
    /// Exact outlet.
    pub outlet: Option<String>,
    /// Published on or after this ISO date.
    pub from: Option<String>,
    /// Published on or before this ISO date (a date includes the whole day).
    pub to: Option<String>,
    /// Mentions this entity id.
    pub entity: Option<String>,
    /// Belongs to this story.
    pub story: Option<String>,
    /// At most this many rows (all when absent).
    pub limit: Option<u32>,
    /// Skip this many rows.
    pub offset: Option<u32>,
}

/// A stored document without its text and facts. Newest first in listings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocSummary {
    /// Content id.
    pub id: String,
    /// Article URL.
    pub url: Option<String>,
    /// Where the input came from.
    pub source: String,
    /// Outlet.
    pub outlet: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date as given.
    pub published: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// Language tag.
    pub lang: Option<String>,
    /// Unix seconds of ingestion.
    pub ingested_at: i64,
    /// Previous revision of the same URL.
    pub revision_of: Option<String>,
    /// The document this one near-duplicates.
    pub duplicate_of: Option<String>,
    /// Story id.
    pub story: Option<String>,
}

/// Filter for [`Store::figures`]. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FigureFilter {
    /// What is counted.
    pub what: Option<What>,
    /// Place: an entity id or an exact canonical name (folding is the caller's job).
    pub place: Option<String>,
    /// Story id.
    pub story: Option<String>,
    /// Document id.
    pub doc: Option<String>,
    /// Source: the source's entity id, or a substring of its surface or of the cited outlet.
    pub source: Option<String>,
    /// Published on or after this ISO date.
    pub from: Option<String>,
    /// Published on or before this ISO date (a date includes the whole day).
    pub to: Option<String>,
    /// At most this many rows.
    pub limit: Option<u32>,
    /// Skip this many rows.
    pub offset: Option<u32>,
}

/// A stored figure with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureRow {
    /// Document id.
    pub doc: String,
    /// The document's outlet.
    pub outlet: Option<String>,
    /// The document's publication date.
    pub published: Option<String>,
    /// Index in the document's figures.
    pub idx: usize,
    /// What is counted.
    pub what: What,
    /// The value.
    pub value: f64,
    /// Lower bound.
    pub low: Option<f64>,
    /// Upper bound.
    pub high: Option<f64>,
    /// Qualifier.
    pub hedge: Hedge,
    /// The counted noun.
    pub counted: Option<String>,
    /// Place entity id.
    pub place: Option<String>,
    /// Canonical name of the place entity, when stored.
    pub place_name: Option<String>,
    /// Date the figure holds as of.
    pub as_of: Option<String>,
    /// Source surface.
    pub source: Option<String>,
    /// Source entity id.
    pub source_entity: Option<String>,
    /// True for unnamed sources.
    pub anonymous: bool,
    /// Reported, proposed or demanded.
    pub modality: Modality,
    /// The cited outlet's surface when relayed through a citation.
    pub cited_outlet: Option<String>,
    /// Span start (chars in the cleaned text).
    pub start: usize,
    /// Span end.
    pub end: usize,
    /// The figure's text.
    pub surface: String,
}

/// Filter for [`Store::quotes`]. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QuoteFilter {
    /// Substring of the speaker surface or of the speaker entity's canonical name.
    pub speaker: Option<String>,
    /// Story id.
    pub story: Option<String>,
    /// Document id.
    pub doc: Option<String>,
    /// At most this many rows.
    pub limit: Option<u32>,
    /// Skip this many rows.
    pub offset: Option<u32>,
}

/// A stored quote with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteRow {
    /// Document id.
    pub doc: String,
    /// The document's outlet.
    pub outlet: Option<String>,
    /// The document's publication date.
    pub published: Option<String>,
    /// Index in the document's quotes.
    pub idx: usize,
    /// Speaker surface.
    pub speaker: Option<String>,
    /// Speaker entity id.
    pub speaker_entity: Option<String>,
    /// Canonical name of the speaker entity, when stored.
    pub speaker_name: Option<String>,
    /// True for an unnamed speaker.
    pub anonymous: bool,
    /// Reporting verb lemma.
    pub cue: String,
    /// True for quoted speech.
    pub direct: bool,
    /// Content span start.
    pub content_start: usize,
    /// Content span end.
    pub content_end: usize,
    /// The content text.
    pub content: String,
    /// Venue surface.
    pub venue: Option<String>,
    /// The cited outlet's surface when relayed through a citation.
    pub cited_outlet: Option<String>,
    /// Span start.
    pub start: usize,
    /// Span end.
    pub end: usize,
}

/// Filter for [`Store::entities`]. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EntityFilter {
    /// Entity type.
    pub entity_type: Option<EntityType>,
    /// Substring of the canonical or English name.
    pub name: Option<String>,
    /// At most this many rows.
    pub limit: Option<u32>,
    /// Skip this many rows.
    pub offset: Option<u32>,
}

/// An entity with how much it is mentioned. Most mentioned first in listings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityRow {
    /// Entity id.
    pub id: String,
    /// Canonical name.
    pub canonical: String,
    /// Type.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// English name.
    pub english: Option<String>,
    /// ISO country code.
    pub country: Option<String>,
    /// Documents mentioning it.
    pub documents: u64,
    /// Mentions in all documents.
    pub mentions: u64,
    /// Earliest publication date of a mentioning document.
    pub first: Option<String>,
    /// Latest publication date of a mentioning document.
    pub last: Option<String>,
}

/// Mentions of an entity on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayCount {
    /// The date (first ten chars of `published`; empty for undated documents).
    pub day: String,
    /// Documents that day.
    pub documents: u64,
    /// Mentions that day.
    pub mentions: u64,
}

/// An entity with its mentions per day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityDetail {
    /// The entity and its totals.
    pub entity: EntityRow,
    /// Mentions per day, oldest first.
    pub days: Vec<DayCount>,
}

/// Filter for [`Store::events`]. Empty fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventFilter {
    /// Story id.
    pub story: Option<String>,
    /// Document id.
    pub doc: Option<String>,
    /// Event kind.
    pub kind: Option<EventKind>,
    /// At most this many rows.
    pub limit: Option<u32>,
    /// Skip this many rows.
    pub offset: Option<u32>,
}

/// A stored event with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    /// Document id.
    pub doc: String,
    /// The document's outlet.
    pub outlet: Option<String>,
    /// The document's publication date.
    pub published: Option<String>,
    /// Index in the document's events.
    pub idx: usize,
    /// Kind.
    pub kind: EventKind,
    /// The trigger text.
    pub trigger: String,
    /// Trigger span start.
    pub start: usize,
    /// Trigger span end.
    pub end: usize,
    /// Sentence index.
    pub sentence: usize,
    /// Participant entity ids.
    pub participants: Vec<String>,
    /// Place entity id.
    pub place: Option<String>,
    /// Event time.
    pub time: Option<String>,
    /// Indices of the figures the event carries.
    pub figures: Vec<usize>,
    /// True when negated.
    pub negated: bool,
}

/// A near-duplicate link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DuplicateRow {
    /// The near-duplicate document.
    pub doc: String,
    /// The document it duplicates.
    pub canonical: String,
    /// Similarity in `[0, 1]`.
    pub similarity: f64,
    /// The duplicate's outlet.
    pub outlet: Option<String>,
    /// The duplicate's publication date.
    pub published: Option<String>,
}

/// Row counts of the main tables.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoreCounts {
    /// Documents (all revisions).
    pub documents: u64,
    /// Distinct entities.
    pub entities: u64,
    /// Figures.
    pub figures: u64,
    /// Quotes.
    pub quotes: u64,
    /// Stories.
    pub stories: u64,
    /// Near-duplicate links.
    pub duplicates: u64,
}

/// A dynamically built WHERE clause with its parameters.
#[derive(Default)]
struct Where {
    conds: Vec<String>,
    params: Vec<Value>,
}

impl Where {
    /// Adds a condition whose `?` placeholders take `values` in order.
    fn add(&mut self, cond: &str, values: impl IntoIterator<Item = Value>) {
        self.conds.push(cond.to_string());
        self.params.extend(values);
    }

    fn opt(&mut self, cond: &str, value: &Option<String>) {
        if let Some(v) = value {
            let n = cond.matches('?').count();
            self.add(cond, std::iter::repeat_n(Value::Text(v.clone()), n));
        }
    }

    /// Date range on a `published` column: `to` is a prefix, so `2024-05-01` covers the day.
    fn dates(&mut self, col: &str, from: &Option<String>, to: &Option<String>) {
        self.opt(&format!("{col} >= ?"), from);
        if let Some(to) = to {
            self.add(&format!("{col} < ?"), [Value::Text(format!("{to}\u{10FFFF}"))]);
        }
    }

    fn sql(&self) -> String {
        if self.conds.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.conds.join(" AND "))
        }
    }

    fn page(&mut self, limit: Option<u32>, offset: Option<u32>) -> &'static str {
        self.params.push(Value::Integer(limit.map_or(-1, i64::from)));
        self.params.push(Value::Integer(offset.map_or(0, i64::from)));
        " LIMIT ? OFFSET ?"
    }
}

/// Parses an enum stored as its JSON name.
fn enum_col<T: DeserializeOwned>(row: &Row<'_>, idx: usize) -> rusqlite::Result<T> {
    let s: String = row.get(idx)?;
    serde_json::from_value(serde_json::Value::String(s))
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e)))
}

fn json_col<T: DeserializeOwned>(row: &Row<'_>, idx: usize) -> rusqlite::Result<T> {
    let s: String = row.get(idx)?;
    serde_json::from_str(&s)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e)))
}

fn usize_col(row: &Row<'_>, idx: usize) -> rusqlite::Result<usize> {
    let v: i64 = row.get(idx)?;
    usize::try_from(v)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Integer, Box::new(e)))
}

fn u64_col(row: &Row<'_>, idx: usize) -> rusqlite::Result<u64> {
    let v: i64 = row.get(idx)?;
    Ok(v.max(0) as u64)
}

const ENTITY_ROW: &str = "SELECT e.id, e.type, e.canonical, e.english, e.country,
        COUNT(DISTINCT m.doc), COUNT(m.doc), MIN(d.published), MAX(d.published)
    FROM entities e LEFT JOIN mentions m ON m.entity = e.key LEFT JOIN documents d ON d.id = m.doc";

fn entity_row(r: &Row<'_>) -> rusqlite::Result<EntityRow> {
    Ok(EntityRow {
        id: r.get(0)?,
        entity_type: enum_col(r, 1)?,
        canonical: r.get(2)?,
        english: r.get(3)?,
        country: r.get(4)?,
        documents: u64_col(r, 5)?,
        mentions: u64_col(r, 6)?,
        first: r.get(7)?,
        last: r.get(8)?,
    })
}

impl Store {
    fn rows<T>(
        &self,
        sql: &str,
        params: Vec<Value>,
        f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>, StoreError> {
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = stmt.query_map(params_from_iter(params), f).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<T>>>().map_err(|e| self.err(e))
    }

    /// The full document, or `None` when the id is unknown.
    pub fn document(&self, id: &str) -> Result<Option<Document>, StoreError> {
        let row: Option<(String, String, String)> = self
            .conn
            .prepare_cached("SELECT json, text, raw FROM documents WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).optional())
            .map_err(|e| self.err(e))?;
        let Some((json, text, raw)) = row else { return Ok(None) };
        let mut doc: Document = serde_json::from_str(&json).map_err(|e| self.json_err(format!("document {id}"), e))?;
        doc.text = text;
        doc.raw = raw;
        Ok(Some(doc))
    }

    /// True when a document with this id is stored.
    pub fn document_exists(&self, id: &str) -> Result<bool, StoreError> {
        self.conn
            .prepare_cached("SELECT 1 FROM documents WHERE id = ?1")
            .and_then(|mut s| s.exists([id]))
            .map_err(|e| self.err(e))
    }

    /// Ids of every document linked as a near-duplicate of another.
    pub fn duplicate_ids(&self) -> Result<std::collections::HashSet<String>, StoreError> {
        let mut stmt = self.conn.prepare_cached("SELECT doc FROM duplicates").map_err(|e| self.err(e))?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// The highest document sequence number (insertion order), 0 for an empty store.
    pub fn last_seq(&self) -> Result<i64, StoreError> {
        self.conn
            .prepare_cached("SELECT COALESCE(MAX(seq), 0) FROM documents")
            .and_then(|mut s| s.query_row([], |r| r.get(0)))
            .map_err(|e| self.err(e))
    }

    /// `(seq, id, story)` of the documents stored after `seq` that are not
    /// near-duplicates, in insertion order (to replay story assignment).
    pub fn originals_after(&self, seq: i64) -> Result<Vec<(i64, String, Option<String>)>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT seq, id, story_id FROM documents WHERE seq > ?1 \
                 AND id NOT IN (SELECT doc FROM duplicates) ORDER BY seq",
            )
            .map_err(|e| self.err(e))?;
        let rows = stmt.query_map([seq], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).map_err(|e| self.err(e))?;
        rows.collect::<Result<_, _>>().map_err(|e| self.err(e))
    }

    /// The story a stored document belongs to.
    pub fn story_of(&self, id: &str) -> Result<Option<String>, StoreError> {
        let row: Option<Option<String>> = self
            .conn
            .prepare_cached("SELECT story_id FROM documents WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], |r| r.get(0)).optional())
            .map_err(|e| self.err(e))?;
        Ok(row.flatten())
    }

    /// Documents matching the filter, newest first.
    pub fn documents(&self, filter: &DocFilter) -> Result<Vec<DocSummary>, StoreError> {
        let mut w = Where::default();
        w.opt("d.outlet = ?", &filter.outlet);
        w.dates("d.published", &filter.from, &filter.to);
        w.opt("d.story_id = ?", &filter.story);
        w.opt(
            "EXISTS (SELECT 1 FROM mentions m JOIN entities e ON e.key = m.entity WHERE m.doc = d.id AND e.id = ?)",
            &filter.entity,
        );
        let mut sql = "SELECT d.id, d.url, d.source, d.outlet, d.title, d.published, d.author, d.lang, d.ingested_at,
                d.revision_of, (SELECT canonical FROM duplicates WHERE doc = d.id), d.story_id
             FROM documents d"
            .to_string();
        sql += &w.sql();
        sql += " ORDER BY d.published DESC, d.seq DESC";
        sql += w.page(filter.limit, filter.offset);
        self.rows(&sql, w.params, |r| {
            Ok(DocSummary {
                id: r.get(0)?,
                url: r.get(1)?,
                source: r.get(2)?,
                outlet: r.get(3)?,
                title: r.get(4)?,
                published: r.get(5)?,
                author: r.get(6)?,
                lang: r.get(7)?,
                ingested_at: r.get(8)?,
                revision_of: r.get(9)?,
                duplicate_of: r.get(10)?,
                story: r.get(11)?,
            })
        })
    }

    /// Figures matching the filter, newest document first, in text order within a document.
    pub fn figures(&self, filter: &FigureFilter) -> Result<Vec<FigureRow>, StoreError> {
        let mut w = Where::default();
        if let Some(what) = &filter.what {
            w.add("f.what = ?", [Value::Text(enum_name(what))]);
        }
        w.opt("(f.place = ? OR f.place IN (SELECT id FROM entities WHERE canonical = ?))", &filter.place);
        w.opt("d.story_id = ?", &filter.story);
        w.opt("f.doc = ?", &filter.doc);
        w.opt(
            "(f.source_entity = ? OR instr(f.source_surface, ?) > 0 OR instr(f.cited_outlet, ?) > 0)",
            &filter.source,
        );
        w.dates("f.published", &filter.from, &filter.to);
        let mut sql = "SELECT f.doc, d.outlet, f.published, f.idx, f.what, f.value, f.low, f.high, f.hedge, f.counted,
                f.place, (SELECT canonical FROM entities WHERE id = f.place LIMIT 1), f.as_of, f.source_surface,
                f.source_entity, f.anonymous, f.modality, f.cited_outlet, f.start, f.end, f.surface
             FROM figures f JOIN documents d ON d.id = f.doc"
            .to_string();
        sql += &w.sql();
        sql += " ORDER BY f.published DESC, d.seq DESC, f.idx";
        sql += w.page(filter.limit, filter.offset);
        self.rows(&sql, w.params, |r| {
            Ok(FigureRow {
                doc: r.get(0)?,
                outlet: r.get(1)?,
                published: r.get(2)?,
                idx: usize_col(r, 3)?,
                what: enum_col(r, 4)?,
                value: r.get(5)?,
                low: r.get(6)?,
                high: r.get(7)?,
                hedge: enum_col(r, 8)?,
                counted: r.get(9)?,
                place: r.get(10)?,
                place_name: r.get(11)?,
                as_of: r.get(12)?,
                source: r.get(13)?,
                source_entity: r.get(14)?,
                anonymous: r.get(15)?,
                modality: enum_col(r, 16)?,
                cited_outlet: r.get(17)?,
                start: usize_col(r, 18)?,
                end: usize_col(r, 19)?,
                surface: r.get(20)?,
            })
        })
    }

    /// Quotes matching the filter, newest document first, in text order within a document.
    pub fn quotes(&self, filter: &QuoteFilter) -> Result<Vec<QuoteRow>, StoreError> {
        let mut w = Where::default();
        w.opt(
            "(instr(q.speaker_surface, ?) > 0 OR EXISTS (SELECT 1 FROM entities e
                WHERE e.id = q.speaker_entity AND instr(e.canonical, ?) > 0))",
            &filter.speaker,
        );
        w.opt("d.story_id = ?", &filter.story);
        w.opt("q.doc = ?", &filter.doc);
        let mut sql = "SELECT q.doc, d.outlet, q.published, q.idx, q.speaker_surface, q.speaker_entity,
                (SELECT canonical FROM entities WHERE id = q.speaker_entity LIMIT 1), q.anonymous, q.cue, q.direct,
                q.content_start, q.content_end, q.content, q.venue, q.cited_outlet, q.start, q.end
             FROM quotes q JOIN documents d ON d.id = q.doc"
            .to_string();
        sql += &w.sql();
        sql += " ORDER BY q.published DESC, d.seq DESC, q.idx";
        sql += w.page(filter.limit, filter.offset);
        self.rows(&sql, w.params, |r| {
            Ok(QuoteRow {
                doc: r.get(0)?,
                outlet: r.get(1)?,
                published: r.get(2)?,
                idx: usize_col(r, 3)?,
                speaker: r.get(4)?,
                speaker_entity: r.get(5)?,
                speaker_name: r.get(6)?,
                anonymous: r.get(7)?,
                cue: r.get(8)?,
                direct: r.get(9)?,
                content_start: usize_col(r, 10)?,
                content_end: usize_col(r, 11)?,
                content: r.get(12)?,
                venue: r.get(13)?,
                cited_outlet: r.get(14)?,
                start: usize_col(r, 15)?,
                end: usize_col(r, 16)?,
            })
        })
    }

    /// Entities matching the filter, most mentioned first.
    pub fn entities(&self, filter: &EntityFilter) -> Result<Vec<EntityRow>, StoreError> {
        let mut w = Where::default();
        if let Some(t) = filter.entity_type {
            w.add("e.type = ?", [Value::Text(t.as_str().to_string())]);
        }
        w.opt("(instr(e.canonical, ?) > 0 OR instr(e.english, ?) > 0)", &filter.name);
        let mut sql = ENTITY_ROW.to_string();
        sql += &w.sql();
        sql += " GROUP BY e.key ORDER BY COUNT(m.doc) DESC, e.canonical";
        sql += w.page(filter.limit, filter.offset);
        self.rows(&sql, w.params, entity_row)
    }

    /// One entity by id with its mentions per day, or `None` when unknown.
    pub fn entity(&self, id: &str) -> Result<Option<EntityDetail>, StoreError> {
        let sql = format!("{ENTITY_ROW} WHERE e.id = ? GROUP BY e.key ORDER BY e.key LIMIT 1");
        let Some(entity) = self.rows(&sql, vec![Value::Text(id.to_string())], entity_row)?.into_iter().next() else {
            return Ok(None);
        };
        let days = self.rows(
            "SELECT COALESCE(substr(d.published, 1, 10), ''), COUNT(DISTINCT m.doc), COUNT(*)
             FROM mentions m JOIN entities e ON e.key = m.entity JOIN documents d ON d.id = m.doc
             WHERE e.id = ? AND e.type = ? GROUP BY 1 ORDER BY 1",
            vec![Value::Text(id.to_string()), Value::Text(entity.entity_type.as_str().to_string())],
            |r| Ok(DayCount { day: r.get(0)?, documents: u64_col(r, 1)?, mentions: u64_col(r, 2)? }),
        )?;
        Ok(Some(EntityDetail { entity, days }))
    }

    /// Events matching the filter, newest document first, in text order within a document.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRow>, StoreError> {
        let mut w = Where::default();
        w.opt("d.story_id = ?", &filter.story);
        w.opt("v.doc = ?", &filter.doc);
        if let Some(kind) = &filter.kind {
            w.add("v.kind = ?", [Value::Text(enum_name(kind))]);
        }
        let mut sql = "SELECT v.doc, d.outlet, d.published, v.idx, v.kind, v.trigger, v.start, v.end, v.sentence,
                v.participants, v.place, v.time, v.figures, v.negated
             FROM events v JOIN documents d ON d.id = v.doc"
            .to_string();
        sql += &w.sql();
        sql += " ORDER BY d.published DESC, d.seq DESC, v.idx";
        sql += w.page(filter.limit, filter.offset);
        self.rows(&sql, w.params, |r| {
            Ok(EventRow {
                doc: r.get(0)?,
                outlet: r.get(1)?,
                published: r.get(2)?,
                idx: usize_col(r, 3)?,
                kind: enum_col(r, 4)?,
                trigger: r.get(5)?,
                start: usize_col(r, 6)?,
                end: usize_col(r, 7)?,
                sentence: usize_col(r, 8)?,
                participants: json_col(r, 9)?,
                place: r.get(10)?,
                time: r.get(11)?,
                figures: json_col(r, 12)?,
                negated: r.get(13)?,
            })
        })
    }

    /// The documents recorded as near-duplicates of `doc`.
    pub fn duplicates_of(&self, doc: &str) -> Result<Vec<DuplicateRow>, StoreError> {
        self.rows(
            "SELECT u.doc, u.canonical, u.similarity, d.outlet, d.published
             FROM duplicates u JOIN documents d ON d.id = u.doc WHERE u.canonical = ? ORDER BY d.seq",
            vec![Value::Text(doc.to_string())],
            |r| {
                Ok(DuplicateRow {
                    doc: r.get(0)?,
                    canonical: r.get(1)?,
                    similarity: r.get(2)?,
                    outlet: r.get(3)?,
                    published: r.get(4)?,
                })
            },
        )
    }

    /// All stories with their document counts, by first date.
    pub fn stories(&self) -> Result<Vec<StoryRow>, StoreError> {
        let rows = self.rows(
            "SELECT s.id, s.label, s.first, s.last, (SELECT COUNT(*) FROM documents WHERE story_id = s.id), s.profile
             FROM stories s ORDER BY s.first, s.id",
            Vec::new(),
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    u64_col(r, 4)?,
                    r.get::<_, Option<String>>(5)?,
                ))
            },
        )?;
        rows.into_iter()
            .map(|(id, label, first, last, documents, profile)| {
                let profile = match profile {
                    Some(p) => Some(serde_json::from_str(&p).map_err(|e| self.json_err(format!("story {id}"), e))?),
                    None => None,
                };
                Ok(StoryRow { id, label, first, last, documents, profile })
            })
            .collect()
    }

    /// Every stored signature with its document id, in ingest order.
    pub fn signatures(&self) -> Result<Vec<(String, Vec<u8>)>, StoreError> {
        self.rows(
            "SELECT s.doc, s.signature FROM signatures s JOIN documents d ON d.id = s.doc ORDER BY d.seq",
            Vec::new(),
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    /// All ingest runs, oldest first.
    pub fn runs(&self) -> Result<Vec<RunRow>, StoreError> {
        self.rows(
            "SELECT id, started, finished, batches, new, unchanged, revised FROM ingest_runs ORDER BY id",
            Vec::new(),
            |r| {
                Ok(RunRow {
                    id: r.get(0)?,
                    started: r.get(1)?,
                    finished: r.get(2)?,
                    batches: u64_col(r, 3)?,
                    new: u64_col(r, 4)?,
                    unchanged: u64_col(r, 5)?,
                    revised: u64_col(r, 6)?,
                })
            },
        )
    }

    /// Row counts of the main tables.
    pub fn counts(&self) -> Result<StoreCounts, StoreError> {
        self.conn
            .query_row(
                "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM entities),
                    (SELECT COUNT(*) FROM figures), (SELECT COUNT(*) FROM quotes),
                    (SELECT COUNT(*) FROM stories), (SELECT COUNT(*) FROM duplicates)",
                params![],
                |r| {
                    Ok(StoreCounts {
                        documents: u64_col(r, 0)?,
                        entities: u64_col(r, 1)?,
                        figures: u64_col(r, 2)?,
                        quotes: u64_col(r, 3)?,
                        stories: u64_col(r, 4)?,
                        duplicates: u64_col(r, 5)?,
                    })
                },
            )
            .map_err(|e| self.err(e))
    }
}
