//! The isnad application layer: one data directory holding everything.
//!
//! A [`Workspace`] is a directory (`--data DIR`, default `./isnad-data`) with:
//!
//! * `isnad.sqlite`: the store ([`isnad_store::Store`]): documents, facts,
//!   duplicate links, stories, MinHash signatures;
//! * `index/`: the tantivy full-text index ([`isnad_search::SearchIndex`]);
//! * `stories.json`: the online story clusterer's state
//!   ([`isnad_story::StoryClusterer`]), written atomically at each checkpoint.
//!
//! [`Workspace::ingest`] runs the whole pipeline over a stream of inputs:
//! extraction in parallel (rayon, one bounded batch at a time), then, in
//! order, the near-duplicate check against every stored signature, story
//! assignment, one store transaction per batch, and the search index. A bad
//! input is reported and skipped; the batch goes on.
//!
//! Extraction of one batch overlaps the writing of the batch before it. The
//! search index is committed, and the story state saved, every 2,048
//! documents and at the end of a run (a checkpoint), not after every batch.
//!
//! The store is the source of truth. If the process dies between a store
//! commit and the next checkpoint, [`Workspace::open`] re-indexes the
//! documents the index lacks (it checks the counts) and replays story
//! assignment for the documents stored after the position the saved story
//! state records; assignment is deterministic, so the replay reproduces the
//! stories the store already holds.
//!
//! The query side composes the store with the story layer:
//! [`Workspace::stories`], [`Workspace::story`] (timeline, figure series,
//! contradictions, updates) and [`Workspace::series`].

mod ingest;
mod query;

use std::path::{Path, PathBuf};

use isnad_search::SearchIndex;
use isnad_store::Store;
use isnad_story::{DupIndex, Signature, StoryClusterer};

pub use ingest::{extract, Failure, IngestOptions, IngestReport, Progress};
pub use query::{StorySummary, StoryView};

/// The default data directory.
pub const DEFAULT_DATA_DIR: &str = "isnad-data";
/// The clusterer state file inside the data directory.
const STORIES_FILE: &str = "stories.json";

/// Why a workspace operation failed.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The store failed.
    #[error(transparent)]
    Store(#[from] isnad_store::StoreError),
    /// The search index failed.
    #[error(transparent)]
    Search(#[from] isnad_search::SearchError),
    /// A state file could not be read or written.
    #[error("{path}: {message}")]
    State {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// A write was asked of a read-only workspace.
    #[error("{0}: the data directory is open read-only")]
    ReadOnly(String),
}

/// A data directory: store, search index and story state.
pub struct Workspace {
    dir: PathBuf,
    store: Store,
    index: SearchIndex,
    clusterer: StoryClusterer,
    dups: DupIndex,
    read_only: bool,
}

impl Workspace {
    /// Opens (creating it if needed) a data directory for reading and writing.
    pub fn open(dir: &Path) -> Result<Workspace, AppError> {
        let store = Store::open(dir)?;
        let index = SearchIndex::open(dir.join("index"))?;
        let clusterer = load_clusterer(dir)?;
        let mut dups = DupIndex::default();
        for (doc, bytes) in store.signatures()? {
            if let Ok(sig) = Signature::from_bytes(&bytes) {
                dups.insert(doc, &sig);
            }
        }
        let mut ws = Workspace { dir: dir.to_path_buf(), store, index, clusterer, dups, read_only: false };
        ws.catch_up_index()?;
        ws.replay_stories()?;
        Ok(ws)
    }

    /// Opens an existing data directory read-only (for serving).
    pub fn open_read_only(dir: &Path) -> Result<Workspace, AppError> {
        let store = Store::open_read_only(dir)?;
        let index = SearchIndex::open_read_only(dir.join("index"))?;
        let clusterer = load_clusterer(dir)?;
        Ok(Workspace { dir: dir.to_path_buf(), store, index, clusterer, dups: DupIndex::default(), read_only: true })
    }

    /// The data directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// True when opened with [`Workspace::open_read_only`].
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// The store, for the plain queries (documents, figures, quotes, entities, events).
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Full-text search.
    pub fn search(&self, q: &isnad_search::SearchQuery) -> Result<isnad_search::SearchResults, AppError> {
        Ok(self.index.search(q)?)
    }

    /// Adds to the index the stored documents it lacks (after a crash between
    /// the store commit and the index commit).
    fn catch_up_index(&mut self) -> Result<(), AppError> {
        let stored = self.store.counts()?.documents;
        if self.index.num_docs() >= stored {
            return Ok(());
        }
        let mut offset = 0u32;
        loop {
            let page = self.store.documents(&isnad_store::DocFilter {
                limit: Some(500),
                offset: Some(offset),
                ..Default::default()
            })?;
            if page.is_empty() {
                break;
            }
            let docs: Vec<_> = page.iter().filter_map(|d| self.store.document(&d.id).ok().flatten()).collect();
            let refs: Vec<&isnad_model::Document> = docs.iter().collect();
            self.index.add(&refs)?;
            offset += page.len() as u32;
        }
        self.index.commit()?;
        Ok(())
    }

    fn save_clusterer(&self) -> Result<(), AppError> {
        let path = self.dir.join(STORIES_FILE);
        let tmp = self.dir.join(format!("{STORIES_FILE}.tmp"));
        let err = |e: std::io::Error| AppError::State { path: path.display().to_string(), message: e.to_string() };
        let json = serde_json::to_vec(&self.clusterer)
            .map_err(|e| AppError::State { path: path.display().to_string(), message: e.to_string() })?;
        std::fs::write(&tmp, json).map_err(err)?;
        std::fs::rename(&tmp, &path).map_err(err)?;
        Ok(())
    }
}

fn load_clusterer(dir: &Path) -> Result<StoryClusterer, AppError> {
    let path = dir.join(STORIES_FILE);
    match std::fs::read(&path) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map_err(|e| AppError::State { path: path.display().to_string(), message: e.to_string() }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(StoryClusterer::new()),
        Err(e) => Err(AppError::State { path: path.display().to_string(), message: e.to_string() }),
    }
}
