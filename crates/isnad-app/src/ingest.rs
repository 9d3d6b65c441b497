//! Ingestion: inputs → extraction (parallel) → near-duplicates → stories → store → index.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use isnad_extract::{Extractor, Options};
use isnad_input::{InputDoc, InputError};
use isnad_model::Document;
use isnad_store::{Item, Outcome, StoryRow};
use isnad_story::{label, Signature};
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

impl Workspace {
    /// Ingests a stream of inputs; bad inputs are reported in the result and skipped.
    ///
    /// Memory is bounded by one batch of documents. Errors of the store or the
    /// index (a full disk) stop the run: the batch in flight is rolled back and
    /// the batches before it stay stored.
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
        let mut batch: Vec<InputDoc> = Vec::with_capacity(opts.batch);
        let batch_size = opts.batch.max(1);
        for item in inputs {
            match item {
                Ok(doc) => {
                    batch.push(doc);
                    if batch.len() >= batch_size {
                        self.ingest_batch(std::mem::take(&mut batch), opts.ner, &mut report, progress)?;
                    }
                }
                Err(e) => {
                    let f = Failure::from(&e);
                    progress(Progress::Failed(&f));
                    report.failed.push(f);
                }
            }
        }
        if !batch.is_empty() {
            self.ingest_batch(batch, opts.ner, &mut report, progress)?;
        }
        Ok(report)
    }

    /// Ingests already-read inputs (the HTTP API's `POST /documents`).
    pub fn ingest_documents(&mut self, inputs: Vec<InputDoc>) -> Result<IngestReport, AppError> {
        self.ingest(inputs.into_iter().map(Ok), &IngestOptions::default(), &mut |_| {})
    }

    fn ingest_batch(
        &mut self,
        inputs: Vec<InputDoc>,
        ner: bool,
        report: &mut IngestReport,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<(), AppError> {
        let ex = extractor(ner);
        let docs: Vec<Document> = inputs.into_par_iter().map(|i| ex.extract(i.meta, i.raw, i.warnings)).collect();
        report.read += docs.len();
        // Near-duplicates and stories, in input order, for documents not yet stored.
        let mut seen: HashSet<String> = HashSet::new();
        let mut extras: Vec<Extras> = Vec::new();
        let mut touched: BTreeSet<u64> = BTreeSet::new();
        let mut story_of: HashMap<String, String> = HashMap::new();
        for doc in &docs {
            report.ids.push(doc.id.clone());
            if !seen.insert(doc.id.clone()) || self.store.document_exists(&doc.id)? {
                extras.push((None, None, None));
                continue;
            }
            let sig = Signature::of(doc);
            let dup = if sig.is_empty() { None } else { self.dups.find(&sig) };
            let story = match &dup {
                // A near-duplicate joins its canonical document's story without weighing on it.
                Some((canonical, _)) => match story_of.get(canonical) {
                    Some(s) => Some(s.clone()),
                    None => self.store.story_of(canonical)?,
                },
                None => {
                    let a = self.clusterer.assign(doc);
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
        }
        let stories: Vec<StoryRow> = touched
            .iter()
            .filter_map(|id| self.clusterer.story(*id))
            .map(|p| StoryRow {
                id: p.id.to_string(),
                label: Some(label(p)),
                first: p.first.clone(),
                last: p.last.clone(),
                documents: 0,
                profile: None,
            })
            .collect();
        let items: Vec<Item> = docs
            .iter()
            .zip(extras)
            .map(|(doc, (signature, duplicate_of, story))| Item { doc, signature, duplicate_of, story })
            .collect();
        let dup_count = items.iter().filter(|i| i.duplicate_of.is_some()).count();
        let outcome = self.store.put_batch(&items, &stories)?;
        report.new += outcome.new;
        report.unchanged += outcome.unchanged;
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
            self.index.commit()?;
            self.save_clusterer()?;
        }
        progress(Progress::Stored(docs.len()));
        Ok(())
    }
}
