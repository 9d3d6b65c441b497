//! The `numbers` and `dates` categories, scored by the quantity layer's own
//! gold matcher ([`isnad_quantity::gold_eval`]): a gold figure counts when a
//! number overlapping its surface has the gold value and hedge; a gold date
//! when an overlapping mention has its value.

use isnad_model::Document;
use isnad_quantity::gold_eval::{score_numbers_dates, Counts};
use isnad_quantity::Quantities;
use serde_json::{json, Value};

use crate::{DocScore, GoldDoc};

fn counts(gold: &GoldDoc, doc: &Document) -> (Counts, Counts) {
    let gold_json = json!({
        "figures": gold.figures.clone().unwrap_or(Value::Null),
        "dates": gold.dates.clone().unwrap_or(Value::Null),
    });
    let q = Quantities {
        numbers: doc.numbers.clone().unwrap_or_default(),
        dates: doc.dates.clone().unwrap_or_default(),
        durations: doc.durations.clone().unwrap_or_default(),
        reference: doc.reference.clone(),
    };
    score_numbers_dates(&gold_json, &doc.text, &q)
}

fn to_score(c: Counts) -> DocScore {
    DocScore { tp: c.tp, fp: c.fp, fn_: c.fn_, ..Default::default() }
}

/// Scores the numbers behind the gold figures (value and hedge).
pub fn score_numbers(gold: &GoldDoc, doc: &Document) -> DocScore {
    to_score(counts(gold, doc).0)
}

/// Scores the gold dates (surface, then value).
pub fn score_dates(gold: &GoldDoc, doc: &Document) -> DocScore {
    to_score(counts(gold, doc).1)
}
