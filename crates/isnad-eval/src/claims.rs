//! The `figures`, `attribution` and `quotes` categories, scored by the claims
//! layer's own gold matcher ([`isnad_claims::score_seed`]): figures matched by
//! value; attribution over matched figures (a source found and agreeing with
//! the gold `source`); quotes matched by the start of their content.

use isnad_claims::{score_seed, Prf, ScoreCounts};
use isnad_model::Document;
use serde_json::{json, Value};

use crate::{DocScore, GoldDoc};

fn counts(gold: &GoldDoc, doc: &Document) -> ScoreCounts {
    let gold_json = json!({
        "figures": gold.figures.clone().unwrap_or(Value::Null),
        "quotes": gold.quotes.clone().unwrap_or(Value::Null),
    });
    let figures = doc.figures.clone().unwrap_or_default();
    let quotes = doc.quotes.clone().unwrap_or_default();
    score_seed(&gold_json, doc, &figures, &quotes)
}

fn to_score(p: Prf) -> DocScore {
    DocScore { tp: p.tp, fp: p.fp, fn_: p.fn_, ..Default::default() }
}

/// Scores figures matched by value.
pub fn score_figures(gold: &GoldDoc, doc: &Document) -> DocScore {
    to_score(counts(gold, doc).figures)
}

/// Scores the attribution of the matched figures.
pub fn score_attribution(gold: &GoldDoc, doc: &Document) -> DocScore {
    to_score(counts(gold, doc).attribution)
}

/// Scores quotes matched by the start of their content.
pub fn score_quotes(gold: &GoldDoc, doc: &Document) -> DocScore {
    to_score(counts(gold, doc).quotes)
}
