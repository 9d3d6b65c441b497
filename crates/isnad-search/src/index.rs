//! The search index: schema, writing documents, searching.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Bound;
use std::path::{Path, PathBuf};

use isnad_model::Document;
use tantivy::collector::{Count, TopDocs};
use tantivy::directory::MmapDirectory;
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, STORED,
    STRING,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DateTime, Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::analyzer::{ArabicTokenizer, HighlightTokenizer, ANALYZER, STEM_ANALYZER};
use crate::date::parse_iso;

/// An error of the search index, naming the index directory.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// The directory could not be created or read.
    #[error("search index {path}: {source}")]
    Io {
        /// The index directory.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// Tantivy failed (corrupt index, incompatible schema, lock held by another writer, …).
    #[error("search index {path}: {source}")]
    Tantivy {
        /// The index directory.
        path: PathBuf,
        /// The tantivy error.
        source: tantivy::TantivyError,
    },
    /// A write was attempted on an index opened with [`SearchIndex::open_read_only`].
    #[error("search index {path}: opened read-only")]
    ReadOnly {
        /// The index directory.
        path: PathBuf,
    },
    /// A `from`/`to` bound of a query is not an ISO 8601 date.
    #[error("search index {path}: not an ISO 8601 date: {value:?}")]
    InvalidDate {
        /// The index directory.
        path: PathBuf,
        /// The rejected value.
        value: String,
    },
}

/// Result alias of this crate.
pub type Result<T> = std::result::Result<T, SearchError>;

/// A search request. Empty `text` with no filter matches every document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    /// Free text: words (all must match, exact or light-stemmed) and `"quoted phrases"`
    /// (exact forms, adjacent; a quoted single word matches its exact form only).
    pub text: String,
    /// Only documents of this outlet (exact `meta.outlet`).
    pub outlet: Option<String>,
    /// Only documents published at or after this ISO 8601 date or date-time.
    pub from: Option<String>,
    /// Only documents published at or before this ISO 8601 date (the whole day) or date-time.
    pub to: Option<String>,
    /// Only documents naming this entity: an entity id, or a canonical name.
    pub entity: Option<String>,
    /// Only documents with this fact type (`figure`, `quote`, `event`, `citation`) or figure `what` (`killed`).
    pub fact_type: Option<String>,
    /// Maximum hits returned (0 means 10; capped at 1000).
    pub limit: usize,
    /// Hits to skip, for paging.
    pub offset: usize,
}

/// A snippet of a hit's text with the matched words marked.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Snippet {
    /// Plain text (not HTML; the caller escapes).
    pub text: String,
    /// Highlighted ranges as `(start, end)` char offsets into `text`, sorted, not overlapping.
    pub highlights: Vec<(usize, usize)>,
}

/// One search hit.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Hit {
    /// The document id.
    pub doc_id: String,
    /// The headline, if any.
    pub title: Option<String>,
    /// The outlet, if any.
    pub outlet: Option<String>,
    /// The publication date as given in the document, if any.
    pub published: Option<String>,
    /// The relevance score (BM25 with field boosts).
    pub score: f32,
    /// The best passage of the text.
    pub snippet: Snippet,
}

/// The results of a search.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SearchResults {
    /// Number of matching documents (not only those returned).
    pub total: usize,
    /// The hits of the requested page, best first.
    pub hits: Vec<Hit>,
}

#[derive(Debug, Clone, Copy)]
struct Fields {
    id: Field,
    title: Field,
    text: Field,
    text_stem: Field,
    outlet: Field,
    published: Field,
    published_raw: Field,
    entity: Field,
    entity_name: Field,
    fact: Field,
}

fn build_schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let exact =
        TextFieldIndexing::default().set_tokenizer(ANALYZER).set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let stem = TextFieldIndexing::default().set_tokenizer(STEM_ANALYZER).set_index_option(IndexRecordOption::WithFreqs);
    let stored_exact = TextOptions::default().set_indexing_options(exact.clone()).set_stored();
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        title: b.add_text_field("title", stored_exact.clone()),
        text: b.add_text_field("text", stored_exact),
        text_stem: b.add_text_field("text_stem", TextOptions::default().set_indexing_options(stem)),
        outlet: b.add_text_field("outlet", STRING | STORED),
        published: b.add_date_field(
            "published",
            DateOptions::default().set_indexed().set_fast().set_precision(DateTimePrecision::Seconds),
        ),
        published_raw: b.add_text_field("published_raw", STORED),
        entity: b.add_text_field("entity", STRING),
        entity_name: b.add_text_field("entity_name", TextOptions::default().set_indexing_options(exact)),
        fact: b.add_text_field("fact", STRING),
    };
    (b.build(), fields)
}

/// A tantivy index of isnad documents in one directory.
///
/// Opened for writing with [`open`](Self::open) (one writer per directory at
/// a time, enforced by tantivy's lock) or for reading with
/// [`open_read_only`](Self::open_read_only). Added documents become visible
/// to searches after [`commit`](Self::commit).
pub struct SearchIndex {
    path: PathBuf,
    reader: IndexReader,
    writer: Option<IndexWriter>,
    fields: Fields,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").field("path", &self.path).field("writable", &self.writer.is_some()).finish()
    }
}

/// Indexing memory budget of the writer.
const WRITER_MEMORY: usize = 64_000_000;
/// Maximum snippet length in chars (approximate: tantivy counts bytes).
const SNIPPET_CHARS: usize = 300;
/// Maximum hits per page.
const MAX_LIMIT: usize = 1000;

impl SearchIndex {
    /// Opens the index in `dir` for writing, creating the directory and the index if needed.
    pub fn open(dir: impl AsRef<Path>) -> Result<Self> {
        let path = dir.as_ref().to_path_buf();
        std::fs::create_dir_all(&path).map_err(|source| SearchError::Io { path: path.clone(), source })?;
        let (schema, fields) = build_schema();
        let tv = |source| SearchError::Tantivy { path: path.clone(), source };
        let directory = MmapDirectory::open(&path).map_err(|e| tv(e.into()))?;
        let index = Index::open_or_create(directory, schema).map_err(tv)?;
        register(&index);
        let writer = index.writer(WRITER_MEMORY).map_err(tv)?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into().map_err(tv)?;
        Ok(SearchIndex { path, reader, writer: Some(writer), fields })
    }

    /// Opens an existing index in `dir` for searching only; it sees later commits of a writer.
    pub fn open_read_only(dir: impl AsRef<Path>) -> Result<Self> {
        let path = dir.as_ref().to_path_buf();
        let tv = |source| SearchError::Tantivy { path: path.clone(), source };
        let index = Index::open_in_dir(&path).map_err(tv)?;
        let (schema, fields) = build_schema();
        if index.schema() != schema {
            return Err(tv(tantivy::TantivyError::SchemaError("the index has another schema".into())));
        }
        register(&index);
        let reader = index.reader_builder().reload_policy(ReloadPolicy::OnCommitWithDelay).try_into().map_err(tv)?;
        Ok(SearchIndex { path, reader, writer: None, fields })
    }

    /// The index directory.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Number of searchable documents (as of the last commit).
    pub fn num_docs(&self) -> u64 {
        self.reader.searcher().num_docs()
    }

    fn tv(&self, source: tantivy::TantivyError) -> SearchError {
        SearchError::Tantivy { path: self.path.clone(), source }
    }

    /// Adds documents, replacing any earlier entry with the same id. Call [`commit`](Self::commit) to publish.
    pub fn add(&mut self, docs: &[&Document]) -> Result<()> {
        let f = self.fields;
        let writer = self.writer.as_mut().ok_or_else(|| SearchError::ReadOnly { path: self.path.clone() })?;
        for doc in docs {
            writer.delete_term(Term::from_field_text(f.id, &doc.id));
            let td = to_tantivy(doc, &f);
            writer.add_document(td).map_err(|source| SearchError::Tantivy { path: self.path.clone(), source })?;
        }
        Ok(())
    }

    /// Removes the document with this id. Call [`commit`](Self::commit) to publish.
    pub fn delete(&mut self, doc_id: &str) -> Result<()> {
        let f = self.fields;
        let writer = self.writer.as_mut().ok_or_else(|| SearchError::ReadOnly { path: self.path.clone() })?;
        writer.delete_term(Term::from_field_text(f.id, doc_id));
        Ok(())
    }

    /// Commits added and deleted documents and makes them visible to searches.
    pub fn commit(&mut self) -> Result<()> {
        let writer = self.writer.as_mut().ok_or_else(|| SearchError::ReadOnly { path: self.path.clone() })?;
        writer.commit().map_err(|source| SearchError::Tantivy { path: self.path.clone(), source })?;
        self.reader.reload().map_err(|e| self.tv(e))
    }

    /// Waits for background segment merges to finish (after a large load, before measuring or
    /// archiving the index), then reopens the writer.
    pub fn wait_merges(&mut self) -> Result<()> {
        let writer = self.writer.take().ok_or_else(|| SearchError::ReadOnly { path: self.path.clone() })?;
        let index = writer.index().clone();
        writer.wait_merging_threads().map_err(|e| self.tv(e))?;
        self.writer = Some(index.writer(WRITER_MEMORY).map_err(|e| self.tv(e))?);
        self.reader.reload().map_err(|e| self.tv(e))
    }

    /// Number of segments of the searchable index (fewer is faster to search).
    pub fn num_segments(&self) -> usize {
        self.reader.searcher().segment_readers().len()
    }

    /// Runs a query. Never fails on the query text: words and phrases are analyzed, not parsed.
    pub fn search(&self, q: &SearchQuery) -> Result<SearchResults> {
        let query = self.build_query(q)?;
        let searcher = self.reader.searcher();
        let limit = if q.limit == 0 { 10 } else { q.limit.min(MAX_LIMIT) };
        // The collector allocates for offset + limit: no need to go past the last document.
        let offset = q.offset.min(usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX / 4));
        let collector = (TopDocs::with_limit(limit).and_offset(offset).order_by_score(), Count);
        let (top, total) = searcher.search(&query, &collector).map_err(|e| self.tv(e))?;
        let f = self.fields;
        let exact_snippets = self.snippet_generator(&searcher, &*query, f.text, ANALYZER)?;
        let stem_snippets = self.snippet_generator(&searcher, &*query, f.text_stem, STEM_ANALYZER)?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, addr) in top {
            let doc: TantivyDocument = searcher.doc(addr).map_err(|e| self.tv(e))?;
            let get = |field: Field| doc.get_first(field).and_then(|v| v.as_str()).map(str::to_string);
            let text = get(f.text).unwrap_or_default();
            let mut snippet = convert(&exact_snippets.snippet(&text));
            if snippet.highlights.is_empty() {
                snippet = convert(&stem_snippets.snippet(&text));
            }
            if snippet.text.is_empty() {
                snippet = Snippet { text: lead(&text, SNIPPET_CHARS), highlights: vec![] };
            }
            hits.push(Hit {
                doc_id: get(f.id).unwrap_or_default(),
                title: get(f.title),
                outlet: get(f.outlet),
                published: get(f.published_raw),
                score,
                snippet,
            });
        }
        Ok(SearchResults { total, hits })
    }

    /// A snippet generator for the query terms of `field`, highlighting in the stored text.
    fn snippet_generator(
        &self,
        searcher: &tantivy::Searcher,
        query: &dyn Query,
        field: Field,
        analyzer: &str,
    ) -> Result<SnippetGenerator> {
        let mut terms: BTreeSet<Term> = BTreeSet::new();
        query.query_terms(&mut |term, _| {
            if term.field() == field {
                terms.insert(term.clone());
            }
        });
        let mut weights = BTreeMap::new();
        for term in terms {
            let value = term.value();
            let Some(s) = value.as_str() else { continue };
            let df = searcher.doc_freq(&term).map_err(|e| self.tv(e))?;
            if df > 0 {
                weights.insert(s.to_string(), 1.0 / (1.0 + df as f32));
            }
        }
        let needles = std::sync::Arc::new(weights.keys().cloned().collect());
        let tokenizer = TextAnalyzer::from(HighlightTokenizer { stem: analyzer == STEM_ANALYZER, needles });
        Ok(SnippetGenerator::new(weights, tokenizer, self.fields.text, SNIPPET_CHARS))
    }

    fn build_query(&self, q: &SearchQuery) -> Result<Box<dyn Query>> {
        let f = self.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for part in split_phrases(&q.text) {
            match part {
                Part::Words(s) => {
                    let exact = ArabicTokenizer::exact().positions(s);
                    let stem = ArabicTokenizer::stemming().positions(s);
                    for (e, st) in exact.iter().zip(&stem) {
                        clauses.push((Occur::Must, word_query(&f, e, st)));
                    }
                }
                Part::Phrase(s) => {
                    // Quoted: exact forms only (clitics and spelling still normalized), adjacent.
                    // The first form of each word (the whole word for an unknown one).
                    let exact = ArabicTokenizer::exact().positions(s);
                    let words: Vec<&str> = exact.iter().map(|t| t[0].as_str()).collect();
                    let in_field = |field: Field| match words.len() {
                        1 => term(field, words[0]),
                        _ => phrase(field, &words),
                    };
                    if !words.is_empty() {
                        let either: Vec<(Occur, Box<dyn Query>)> = vec![
                            (Occur::Should, boost(in_field(f.text), 2.0)),
                            (Occur::Should, boost(in_field(f.title), 3.0)),
                        ];
                        clauses.push((Occur::Must, Box::new(BooleanQuery::new(either))));
                    }
                }
            }
        }
        let filter =
            |q: Box<dyn Query>| -> (Occur, Box<dyn Query>) { (Occur::Must, Box::new(ConstScoreQuery::new(q, 0.0))) };
        if let Some(outlet) = q.outlet.as_deref() {
            clauses.push(filter(term(f.outlet, outlet)));
        }
        let from = q.from.as_deref().map(|s| self.date(s, false)).transpose()?;
        let to = q.to.as_deref().map(|s| self.date(s, true)).transpose()?;
        if from.is_some() || to.is_some() {
            let bound = |b: Option<i64>| match b {
                Some(secs) => {
                    Bound::Included(Term::from_field_date_for_search(f.published, DateTime::from_timestamp_secs(secs)))
                }
                None => Bound::Unbounded,
            };
            clauses.push(filter(Box::new(RangeQuery::new(bound(from), bound(to)))));
        }
        if let Some(entity) = q.entity.as_deref() {
            let mut either: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, term(f.entity, entity))];
            let words: Vec<String> =
                ArabicTokenizer::exact().positions(entity).into_iter().map(|mut t| t.swap_remove(0)).collect();
            match words.len() {
                0 => {}
                1 => either.push((Occur::Should, term(f.entity_name, &words[0]))),
                _ => {
                    let words: Vec<&str> = words.iter().map(String::as_str).collect();
                    either.push((Occur::Should, phrase(f.entity_name, &words)));
                }
            }
            clauses.push(filter(Box::new(BooleanQuery::new(either))));
        }
        if let Some(fact) = q.fact_type.as_deref() {
            clauses.push(filter(term(f.fact, fact.trim())));
        }
        if clauses.is_empty() {
            return Ok(Box::new(AllQuery));
        }
        Ok(Box::new(BooleanQuery::new(clauses)))
    }

    /// A date bound in Unix seconds; a date-only upper bound covers its whole day.
    fn date(&self, s: &str, upper: bool) -> Result<i64> {
        match parse_iso(s) {
            Some((secs, false)) if upper => Ok(secs + 86_399),
            Some((secs, _)) => Ok(secs),
            None => Err(SearchError::InvalidDate { path: self.path.clone(), value: s.to_string() }),
        }
    }
}

fn register(index: &Index) {
    index.tokenizers().register(ANALYZER, ArabicTokenizer::exact().analyzer());
    index.tokenizers().register(STEM_ANALYZER, ArabicTokenizer::stemming().analyzer());
}

fn term(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(Term::from_field_text(field, value), IndexRecordOption::WithFreqs))
}

fn boost(q: Box<dyn Query>, by: f32) -> Box<dyn Query> {
    Box::new(BoostQuery::new(q, by))
}

fn phrase(field: Field, words: &[&str]) -> Box<dyn Query> {
    Box::new(PhraseQuery::new(words.iter().map(|w| Term::from_field_text(field, w)).collect()))
}

/// One query word (its forms): exact in text (×2) or title (×3), or light-stemmed in text and title (×1).
fn word_query(f: &Fields, exact: &[String], stem: &[String]) -> Box<dyn Query> {
    let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for e in exact {
        any.push((Occur::Should, boost(term(f.text, e), 2.0)));
        any.push((Occur::Should, boost(term(f.title, e), 3.0)));
    }
    for st in stem {
        any.push((Occur::Should, term(f.text_stem, st)));
    }
    Box::new(BooleanQuery::new(any))
}

enum Part<'a> {
    Words(&'a str),
    Phrase(&'a str),
}

/// Splits query text on double quotes (ASCII, `«»`, `“”`); an unclosed quote runs to the end.
fn split_phrases(text: &str) -> Vec<Part<'_>> {
    let mut parts = Vec::new();
    let mut in_phrase = false;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '"' | '«' | '»' | '“' | '”') {
            let s = &text[start..i];
            parts.push(if in_phrase { Part::Phrase(s) } else { Part::Words(s) });
            in_phrase = !in_phrase;
            start = i + c.len_utf8();
        }
    }
    let s = &text[start..];
    parts.push(if in_phrase { Part::Phrase(s) } else { Part::Words(s) });
    parts
}

fn to_tantivy(doc: &Document, f: &Fields) -> TantivyDocument {
    let mut td = TantivyDocument::default();
    td.add_text(f.id, &doc.id);
    if let Some(title) = &doc.meta.title {
        td.add_text(f.title, title);
        td.add_text(f.text_stem, title);
    }
    td.add_text(f.text, &doc.text);
    td.add_text(f.text_stem, &doc.text);
    if let Some(outlet) = &doc.meta.outlet {
        td.add_text(f.outlet, outlet);
    }
    if let Some(published) = &doc.meta.published {
        td.add_text(f.published_raw, published);
        if let Some(p) = doc.meta.published_at() {
            td.add_date(f.published, DateTime::from_timestamp_secs(p.timestamp().as_second()));
        }
    }
    for e in doc.entities.iter().flatten() {
        td.add_text(f.entity, &e.id);
        td.add_text(f.entity_name, &e.canonical);
    }
    for fact in fact_types(doc) {
        td.add_text(f.fact, &fact);
    }
    td
}

/// The fact-type keywords of a document: `figure`, `quote`, `event`, `citation`
/// when present, and every figure's `what` (`killed`, `wounded`, …).
pub fn fact_types(doc: &Document) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let present = |v: Option<usize>| v.is_some_and(|n| n > 0);
    if present(doc.figures.as_ref().map(Vec::len)) {
        out.insert("figure".to_string());
    }
    if present(doc.quotes.as_ref().map(Vec::len)) {
        out.insert("quote".to_string());
    }
    if present(doc.events.as_ref().map(Vec::len)) {
        out.insert("event".to_string());
    }
    if present(doc.citations.as_ref().map(Vec::len)) {
        out.insert("citation".to_string());
    }
    for fig in doc.figures.iter().flatten() {
        if let Ok(serde_json::Value::String(s)) = serde_json::to_value(fig.what) {
            out.insert(s);
        }
    }
    out
}

/// Converts a tantivy snippet (byte ranges) to plain text with char ranges.
fn convert(s: &tantivy::snippet::Snippet) -> Snippet {
    let text = s.fragment();
    let mut ranges: Vec<(usize, usize)> = s.highlighted().iter().map(|r| (r.start, r.end)).collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (a, b) in ranges {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    let char_at = |b: usize| text.get(..b).map_or_else(|| text.chars().count(), |p| p.chars().count());
    Snippet { text: text.to_string(), highlights: merged.into_iter().map(|(a, b)| (char_at(a), char_at(b))).collect() }
}

/// The first `max` chars of `text`, cut at a space when there is one.
fn lead(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((end, _)) => {
            let head = &text[..end];
            head.rfind(char::is_whitespace).map_or(head, |i| &head[..i]).to_string()
        }
    }
}
