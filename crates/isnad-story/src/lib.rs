//! The story layer: near-duplicates, story clustering, figure series,
//! contradictions and timelines. Everything here is pure computation over
//! [`isnad_model::Document`]s; state that must outlive a process
//! ([`cluster::StoryClusterer`], signature bytes) is serializable so a store
//! can persist it.
//!
//! # Words
//!
//! Shingles and terms use `isnad_text`: tokens are reduced to the clitic
//! analysis whose stem is the most frequent listed word, folded with
//! `Fold::Letters` (alef forms, ى/ي, ة/ه) and stripped of the article, so
//! `والرهائن` and `للرهائن` match `الرهائن`.
//!
//! # Near-duplicates ([`dedup`])
//!
//! MinHash (gaoya `MinHasher64V1`, 128 hashes kept as u32) of 5-word shingles
//! of the cleaned text; banded LSH (32 bands × 4 rows) to find candidates,
//! verified by the estimated Jaccard similarity. Default threshold 0.8.
//! Measured on news-dev (see `examples/measure.rs`, numbers in the README of
//! this crate's tests): copies with a new dateline/headline line and an
//! appended "read also" line score ≥ 0.85; different articles on the same
//! event score < 0.3; the best-match similarity of distinct articles is
//! bimodal (almost all below 0.3, exact re-publications above 0.9).
//!
//! # Stories ([`cluster`])
//!
//! Online single-pass clustering against decayed story centroids of
//! entity and salient-term vectors, with a time factor; see the module docs
//! for the scoring and thresholds. [`cluster::label`] names a story by its
//! heaviest entities and terms.
//!
//! # Figure series and contradictions ([`series`], [`contradict`])
//!
//! Reported figures grouped by (what, place, holder) with place names
//! normalized; within a series, points from different sources at the same
//! time whose hedge-widened ranges do not overlap are contradictions, and a
//! source changing its own figure over time is an update.
//!
//! # Timeline ([`timeline`])
//!
//! Events, quotes with a speaker and reported figures ordered by their own
//! date, else the document's publication date.

pub mod cluster;
pub mod contradict;
pub mod dedup;
pub mod series;
pub mod timeline;

mod terms;
mod util;

pub use cluster::{label, Assignment, StoryClusterer, StoryProfile};
pub use contradict::{contradictions, updates, Contradiction, ContradictionKind, Update};
pub use dedup::{DupIndex, Signature, SignatureError};
pub use series::{series, FigurePoint, Series, SeriesKey};
pub use timeline::{timeline, ItemKind, TimelineItem};
