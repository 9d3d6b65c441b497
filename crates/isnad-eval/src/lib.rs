//! Scoring isnad documents against gold annotations.
//!
//! Gold files (`shared/gold/README.md` format) are read with [`load_gold_dir`]
//! into [`GoldDoc`]s; [`evaluate`] scores `(gold, document)` pairs and returns
//! a [`Report`] with true positives, false positives and misses per category,
//! precision, recall and F1, and per-document lists of misses and false
//! positives for debugging.
//!
//! # Categories
//!
//! Each category is a [`ScoreFn`] in [`SCORERS`]: a function from one gold
//! document and one produced [`Document`] to a [`DocScore`]. To add a
//! category (entities, figures, dates, …): model its gold items (the
//! corresponding [`GoldDoc`] field is kept as raw JSON until then), write a
//! `fn score_x(gold: &GoldDoc, doc: &Document) -> DocScore`, and append
//! `("x", score_x)` to [`SCORERS`]. [`evaluate`] sums counts over documents;
//! nothing else changes.
//!
//! # Surface matching
//!
//! Surfaces are compared after [`normalize`]: alef forms (أ إ آ ٱ) → ا,
//! ى → ي, ة → ه, diacritics and tatweel removed, any whitespace (NBSP
//! included) collapsed to one space, ends trimmed. Two surfaces match when
//! they are equal, or when one contains the other and the shorter has at
//! least 80% of the longer's chars ([`surfaces_match`]). Gold surfaces are
//! found in a text by [`find_all`]; names and phrases are compared as
//! [`words_key`]s (leading clitics off). This folding is the scorer's own:
//! it never calls the pipeline's (`isnad-text`, `isnad-claims`), so that the
//! scorer does not share a folding bug with the system it scores.
//!
//! # Counts
//!
//! Every category counts true positives, false positives and misses in a
//! [`Prf`], which gives precision, recall and F1. Accuracies over matched
//! items (`figure_what`, `figure_hedge`, `quote_speaker`, `date_value`) are
//! [`Prf::accuracy`] counts: a wrong value is one false positive and one
//! miss, so precision = recall = F1 = accuracy.

mod claims;
mod entities;
mod gold;
mod normalize;
mod quantities;
mod report;
mod score;
mod shared;

pub use claims::{
    score_attribution, score_citation_sources, score_citations_outlets, score_events_gold, score_figure_hedge,
    score_figure_what, score_figures, score_quote_speaker, score_quotes,
};
pub use entities::{gold_entities, produced_entities, score_entities, score_entity_list, GoldEntity};
pub use gold::{load_gold_dir, load_gold_file, GoldDoc, GoldJoined, GoldNoise};
pub use normalize::{find_all, fold_char, normalize, surfaces_match, words_key};
pub use quantities::{date_value_ok, score_date_value, score_dates, score_numbers};
pub use report::{CategoryReport, DocReport, DocScore, Prf, Report};
pub use score::{score_joined_words, score_noise, score_truncation, ScoreFn, SCORERS};
pub use shared::{shared_dir, shared_path, SHARED_ENV};

use isnad_model::Document;

/// Why gold files could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file or directory could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A gold file is not valid gold JSON.
    #[error("{path}: invalid gold JSON: {source}")]
    Json {
        /// The path.
        path: String,
        /// The parser error.
        #[source]
        source: serde_json::Error,
    },
}

/// Scores every pair with every category of [`SCORERS`].
pub fn evaluate(pairs: &[(GoldDoc, Document)]) -> Report {
    evaluate_with(pairs, SCORERS)
}

/// Scores every pair with the given named scoring functions.
pub fn evaluate_with(pairs: &[(GoldDoc, Document)], scorers: &[(&str, ScoreFn)]) -> Report {
    let mut categories: Vec<CategoryReport> = scorers.iter().map(|(name, _)| CategoryReport::new(name)).collect();
    let mut documents = Vec::with_capacity(pairs.len());
    for (gold, doc) in pairs {
        let mut scores = Vec::with_capacity(scorers.len());
        for ((name, f), total) in scorers.iter().zip(categories.iter_mut()) {
            let mut s = f(gold, doc);
            s.category = (*name).to_string();
            total.prf.add(s.prf);
            scores.push(s);
        }
        documents.push(DocReport { doc: gold.doc.clone(), scores });
    }
    Report { categories, documents }
}

#[cfg(test)]
mod tests;
