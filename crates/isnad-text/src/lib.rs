//! The Arabic text layer of isnad.
//!
//! Stages, each in its own module:
//! - [`analysis`]: the one per-document analysis every extraction stage
//!   reads (tokens, fold keys, clitic readings, sentence and heading units);
//! - [`clean`]: raw text → cleaned text, with noise, repairs, headings,
//!   truncation and an offset map back to the raw input;
//! - [`fold`]: matching forms (orthographic and lossy), never replacing the text;
//! - [`tokens`]: tokens and clitic analyses;
//! - [`sentences`]: sentence boundaries;
//! - [`lexicon`]: the bundled Arabic word list.

pub mod analysis;
pub mod clean;
pub mod fold;
pub mod lexicon;
pub mod memo;
pub mod sentences;
pub mod tokens;

pub use analysis::Analysis;
pub use isnad_model::{char_slice, CharIndex, Span};
