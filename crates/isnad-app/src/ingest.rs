//! Ingestion: inputs → extraction (parallel) → near-duplicates → stories → store → index.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use isnad_extract::{Extractor, Options};
use isnad_input::{InputDoc, InputError};
use isnad_model::Document;
use isnad_store::{Item, Outcome, StoryRow};
use isnad_story::{label, DocCounts, Signature};
use rayon::prelude::*;
use serde::Serialize;

use crate::{AppError, Workspace};

/// Per-document extras of a batch: signature, duplicate link, story.
type Extras = (Option<Vec<u8>>, Option<(String, f32)>, Option<String>);

/// How ingestion runs.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Documents extracted in parallel and written in one transaction.
    pub batch: usize,
    /// Run the statistical NER tagger (slower, better recall on unknown names).
    pub ner: bool,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions { batch: 64, ner: true }
    }
}

/// One input that could not be ingested.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failure {
    /// The file, URL or record.
    pub file: String,
    /// The line or record number, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// The full message.
    pub message: String,
}

impl From<&InputError> for Failure {
    fn from(e: &InputError) -> Self {
        Failure { file: e.file().to_string(), line: e.line(), message: e.to_string() }
    }
}

/// What an ingestion did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IngestReport {
    /// Inputs read (good ones).
    pub read: usize,
    /// Documents stored for the first time.
    pub new: usize,
    /// Documents already in the store (re-ingesting is a no-op).
    pub unchanged: usize,
    /// New versions of a known URL.
    pub revised: usize,
    /// New documents that near-duplicate a stored one (stored and linked).
    pub duplicates: usize,
    /// Stories started.
    pub new_stories: usize,
    /// Inputs that failed, each naming its file or record.
    pub failed: Vec<Failure>,
    /// Ids of the documents of this run, in input order.
    pub ids: Vec<String>,
    /// Inputs extracted in this run (known content is not extracted again).
    #[serde(skip)]
    pub extracted: usize,
}

/// A progress event, for a progress bar.
#[derive(Debug)]
pub enum Progress<'a> {
    /// A batch of `n` documents was stored.
    Stored(usize),
    /// An input failed.
    Failed(&'a Failure),
}

fn extractor(ner: bool) -> &'static Extractor {
    static WITH: OnceLock<Extractor> = OnceLock::new();
    static WITHOUT: OnceLock<Extractor> = OnceLock::new();
    if ner {
        WITH.get_or_init(|| Extractor::with_options(Options { ner: true }))
    } else {
        WITHOUT.get_or_init(|| Extractor::with_options(Options { ner: false }))
    }
}

/// Extracts one input (all layers, with the tagger): pure, no store.
pub fn extract(input: InputDoc) -> Document {
    extractor(true).extract(input.meta, input.raw, input.warnings)
}

/// An input of a batch: new content to extract, or content already stored
/// (or already met in this run), known by its content id and not extracted again.
enum Slot {
    New(Box<InputDoc>),
    Known(String),
}

/// A document extracted, with its MinHash signature and clustering counts.
struct Extracted {
    doc: Document,
    signature: Signature,
    counts: DocCounts,
}

/// A document ready for the serial stage.
enum Prepared {
    /// Extracted, with what the serial stage needs computed beforehand.
    New(Box<Extracted>),
    /// Already stored: only its id is reported.
    Known(String),
}

impl Prepared {
    fn of(doc: Document) -> Prepared {
        let signature = Signature::of(&doc);
        let counts = DocCounts::of(&doc);
        Prepared::New(Box::new(Extracted { doc, signature, counts }))
    }
}

/// Extracts the new inputs of a batch in parallel, with the MinHash
/// signatures and clustering counts.
fn prepare(inputs: Vec<Slot>, ner: bool) -> Vec<Prepared> {
    let ex = extractor(ner);
    inputs
        .into_par_iter()
        .map(|slot| match slot {
            Slot::New(i) => Prepared::of(ex.extract(i.meta, i.raw, i.warnings)),
            Slot::Known(id) => Prepared::Known(id),
        })
        .collect()
}

/// Documents between two commits of the search index and saves of the story state.
const CHECKPOINT_DOCS: usize = 2048;

impl Workspace {
    /// Ingests a stream of inputs; bad inputs are reported in the result and skipped.
    ///
    /// An input whose content id ([`Document::content_id`] of its raw text)
    /// is already stored, or was already met in this run, is counted as
    /// unchanged without being extracted, so re-ingesting costs little more
    /// than reading. Memory is bounded by two batches of documents: one being extracted
    /// (in parallel) while the one before it is written. Errors of the store
    /// or the index (a full disk) stop the run: the batch in flight is rolled
    /// back and the batches before it stay stored.
    pub fn ingest(
        &mut self,
        inputs: impl Iterator<Item = Result<InputDoc, InputError>>,
        opts: &IngestOptions,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<IngestReport, AppError> {
        if self.read_only {
            return Err(AppError::ReadOnly(self.dir.display().to_string()));
        }
        let mut report = IngestReport::default();
        let batch_size = opts.batch.max(1);
        let mut batch: Vec<Slot> = Vec::with_capacity(batch_size);
        let mut pending: Option<Vec<Prepared>> = None;
        let mut since_checkpoint = 0usize;
        let mut inputs = inputs.fuse();
        // Content ids of the new inputs of the batch being filled and of the
        // batch extracted but not yet written; the batches before those are
        // in the store, where `document_exists` finds them.
        let mut met_now: HashSet<String> = HashSet::new();
        let mut met_pending: HashSet<String> = HashSet::new();
        loop {
            let mut new_in_batch = 0usize;
            // Known inputs cost no extraction; a batch holds up to `batch_size` new ones.
            while new_in_batch < batch_size && batch.len() < batch_size * 16 {
                match inputs.next() {
                    Some(Ok(doc)) => {
                        let id = Document::content_id(&doc.raw);
                        if met_now.contains(&id) || met_pending.contains(&id) || self.store.document_exists(&id)? {
                            batch.push(Slot::Known(id));
                        } else {
                            met_now.insert(id);
                            batch.push(Slot::New(Box::new(doc)));
                            new_in_batch += 1;
                            report.extracted += 1;
                        }
                    }
                    Some(Err(e)) => {
                        let f = Failure::from(&e);
                        progress(Progress::Failed(&f));
                        report.failed.push(f);
                    }
                    None => break,
                }
            }
            if batch.is_empty() && pending.is_none() {
                break;
            }
            // Extract this batch while the previous one is written.
            let inputs_now = std::mem::take(&mut batch);
            let previous = pending.take();
            let (prepared, written) = rayon::join(
                || prepare(inputs_now, opts.ner),
                || match previous {
                    Some(p) => self.write_batch(p, &mut report),
                    None => Ok(0),
                },
            );
            let written = written?;
            met_pending = std::mem::take(&mut met_now);
            if written > 0 {
                since_checkpoint += written;
                progress(Progress::Stored(written));
            }
            if since_checkpoint >= CHECKPOINT_DOCS {
                self.checkpoint()?;
                since_checkpoint = 0;
            }
            if !prepared.is_empty() {
                pending = Some(prepared);
            }
        }
        self.checkpoint()?;
        Ok(report)
    }

    /// Ingests already-read inputs.
    pub fn ingest_documents(&mut self, inputs: Vec<InputDoc>) -> Result<IngestReport, AppError> {
        self.ingest(inputs.into_iter().map(Ok), &IngestOptions::default(), &mut |_| {})
    }

    /// Ingests documents already extracted (the HTTP API's `POST /documents`,
    /// which extracts before taking the store): nothing is extracted again.
    pub fn ingest_extracted(&mut self, docs: Vec<Document>) -> Result<IngestReport, AppError> {
        if self.read_only {
            return Err(AppError::ReadOnly(self.dir.display().to_string()));
        }
        let mut report = IngestReport::default();
        let prepared = docs.into_iter().map(Prepared::of).collect();
        self.write_batch(prepared, &mut report)?;
        self.checkpoint()?;
        Ok(report)
    }

    /// Commits the search index and saves the story state with the store position it includes.
    fn checkpoint(&mut self) -> Result<(), AppError> {
        self.index.commit()?;
        self.clusterer.position = self.store.last_seq()?;
        self.save_clusterer()
    }

    /// Near-duplicates, stories, one store transaction and the index for one
    /// extracted batch; returns how many documents it held.
    fn write_batch(&mut self, batch: Vec<Prepared>, report: &mut IngestReport) -> Result<usize, AppError> {
        report.read += batch.len();
        // Near-duplicates and stories, in input order, for documents not yet stored.
        let mut seen: HashSet<String> = HashSet::new();
        let mut extras: Vec<Extras> = Vec::new();
        let mut touched: BTreeSet<u64> = BTreeSet::new();
        let mut story_of: HashMap<String, String> = HashMap::new();
        let mut docs: Vec<Document> = Vec::with_capacity(batch.len());
        let mut known = 0usize;
        for prepared in batch {
            let (doc, sig, counts) = match prepared {
                Prepared::New(e) => (e.doc, e.signature, e.counts),
                Prepared::Known(id) => {
                    report.ids.push(id);
                    known += 1;
                    continue;
                }
            };
            report.ids.push(doc.id.clone());
            if !seen.insert(doc.id.clone()) || self.store.document_exists(&doc.id)? {
                extras.push((None, None, None));
                docs.push(doc);
                continue;
            }
            let dup = if sig.is_empty() { None } else { self.dups.find(&sig) };
            let story = match &dup {
                // A near-duplicate joins its canonical document's story without weighing on it.
                Some((canonical, _)) => match story_of.get(canonical) {
                    Some(s) => Some(s.clone()),
                    None => self.store.story_of(canonical)?,
                },
                None => {
                    let a = self.clusterer.assign_counts(counts);
                    if a.new {
                        report.new_stories += 1;
                    }
                    touched.insert(a.story_id);
                    Some(a.story_id.to_string())
                }
            };
            if let Some(s) = &story {
                story_of.insert(doc.id.clone(), s.clone());
            }
            if !sig.is_empty() {
                self.dups.insert(doc.id.clone(), &sig);
            }
            extras.push((Some(sig.to_bytes()), dup.map(|(d, s)| (d, s as f32)), story));
            docs.push(doc);
        }
        let stories: Vec<StoryRow> = touched.iter().filter_map(|id| self.clusterer.story(*id)).map(story_row).collect();
        let items: Vec<Item> = docs
            .iter()
            .zip(extras)
            .map(|(doc, (signature, duplicate_of, story))| Item { doc, signature, duplicate_of, story })
            .collect();
        let dup_count = items.iter().filter(|i| i.duplicate_of.is_some()).count();
        let outcome = self.store.put_batch(&items, &stories)?;
        report.new += outcome.new;
        report.unchanged += outcome.unchanged + known;
        report.revised += outcome.revised;
        report.duplicates += dup_count;
        let stored: Vec<&Document> = docs
            .iter()
            .zip(&outcome.outcomes)
            .filter(|(_, o)| !matches!(o, Outcome::Unchanged))
            .map(|(d, _)| d)
            .collect();
        if !stored.is_empty() {
            self.index.add(&stored)?;
        }
        Ok(docs.len() + known)
    }

    /// Replays story assignment for the documents stored after the saved story
    /// state (the process died between a store commit and a checkpoint).
    /// Assignment is deterministic, so the replay gives the stories the store
    /// already records; a document whose story differs is moved to the replayed one.
    pub(crate) fn replay_stories(&mut self) -> Result<usize, AppError> {
        let missing = self.store.originals_after(self.clusterer.position)?;
        if missing.is_empty() {
            return Ok(0);
        }
        let mut touched: BTreeSet<u64> = BTreeSet::new();
        let mut moved: Vec<(String, String)> = Vec::new();
        for (_, id, stored_story) in &missing {
            let Some(doc) = self.store.document(id)? else { continue };
            let a = self.clusterer.assign_counts(DocCounts::of(&doc));
            touched.insert(a.story_id);
            let story = a.story_id.to_string();
            if stored_story.as_deref() != Some(story.as_str()) {
                moved.push((id.clone(), story));
            }
        }
        for row in touched.iter().filter_map(|id| self.clusterer.story(*id)).map(story_row) {
            self.store.upsert_story(&row)?;
        }
        for (doc, story) in &moved {
            self.store.set_story(doc, story)?;
        }
        if !moved.is_empty() {
            tracing::warn!(documents = moved.len(), "story replay moved documents to other stories");
        }
        self.clusterer.position = self.store.last_seq()?;
        self.save_clusterer()?;
        Ok(missing.len())
    }
}

/// The store row of a story profile.
fn story_row(p: &isnad_story::StoryProfile) -> StoryRow {
    StoryRow {
        id: p.id.to_string(),
        label: Some(label(p)),
        first: p.first.clone(),
        last: p.last.clone(),
        documents: 0,
        profile: None,
    }
}
