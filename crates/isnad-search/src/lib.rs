//! Full-text search over isnad documents: tantivy with an Arabic analyzer built on the isnad text layer.

pub mod analyzer;

pub use analyzer::{ArabicTokenizer, ANALYZER, STEM_ANALYZER};
