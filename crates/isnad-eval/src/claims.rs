//! The `figures`, `attribution` and `quotes` categories, scored by the claims
//! layer's own gold matcher ([`isnad_claims::score_seed`]): figures matched by
//! value; attribution over matched figures (a source found and agreeing with
//! the gold `source`); quotes matched by the start of their content; the
//! matched figures' `what` and hedge and the matched quotes' speaker as
//! accuracies (a wrong value counts as one false positive and one false
//! negative, so precision = recall = F1 = accuracy); citations by outlet and
//! then their own source; events by type and a shared participant or place.

use isnad_claims::{score_citations, score_events, score_seed, Prf, ScoreCounts};
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

fn accuracy(right: usize, matched: usize) -> DocScore {
    let wrong = matched.saturating_sub(right);
    DocScore { tp: right, fp: wrong, fn_: wrong, ..Default::default() }
}

/// Scores `what` over the figures matched by value.
pub fn score_figure_what(gold: &GoldDoc, doc: &Document) -> DocScore {
    let c = counts(gold, doc);
    accuracy(c.figure_what, c.figures.tp)
}

/// Scores the hedge over the figures matched by value.
pub fn score_figure_hedge(gold: &GoldDoc, doc: &Document) -> DocScore {
    let c = counts(gold, doc);
    accuracy(c.figure_hedge, c.figures.tp)
}

/// Scores the speaker over the quotes matched by content.
pub fn score_quote_speaker(gold: &GoldDoc, doc: &Document) -> DocScore {
    let c = counts(gold, doc);
    accuracy(c.quote_speaker, c.quotes.tp)
}

fn gold_json(gold: &GoldDoc) -> Value {
    json!({
        "citations": gold.citations.clone().unwrap_or(Value::Null),
        "events": gold.events.clone().unwrap_or(Value::Null),
    })
}

/// Scores cited outlets.
pub fn score_citations_outlets(gold: &GoldDoc, doc: &Document) -> DocScore {
    to_score(score_citations(&gold_json(gold), doc).0)
}

/// Scores the sources cited outlets cite in turn.
pub fn score_citation_sources(gold: &GoldDoc, doc: &Document) -> DocScore {
    to_score(score_citations(&gold_json(gold), doc).1)
}

/// Scores events.
pub fn score_events_gold(gold: &GoldDoc, doc: &Document) -> DocScore {
    to_score(score_events(&gold_json(gold), doc))
}
