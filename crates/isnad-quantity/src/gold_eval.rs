//! Scoring against the gold annotations of `shared/gold` (see its README).
//!
//! Gold gives verbatim surfaces, not offsets: each surface is found in the
//! text (exactly, else by its matching form), and mentions are matched by
//! span overlap, then by value.
//!
//! * numbers: a gold figure is found when a number overlapping one of its
//!   occurrences has its `value` (and, when the gold gives one, its `hedge`).
//!   A number of ours overlapping no gold figure (optional ones included) is a
//!   false positive; ordinals are not counted, as the gold does not list them.
//! * dates: a gold date is found when a mention overlapping one of its
//!   occurrences has its value: equal `value` or `literal`, equal to the gold
//!   `resolved` date, both `relative:` (glosses are free text), or the same
//!   value once spaces and case are ignored. A mention of ours overlapping no
//!   gold date is a false positive.

use isnad_model::{Hedge, NumberKind};
use isnad_text::fold::{fold_char, Fold};
use serde_json::Value;

use crate::Quantities;

/// True/false positives and misses.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Found and right.
    pub tp: usize,
    /// Reported, not in gold.
    pub fp: usize,
    /// In gold, not found.
    pub fn_: usize,
}

impl Counts {
    /// tp / (tp + fn).
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    /// tp / (tp + fp).
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    /// Adds another count.
    pub fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// Char spans where `needle` occurs in `hay`: exact matches, else matches of the lossy folded forms.
pub fn find_all(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    for (b, _) in hay.match_indices(needle) {
        let s = hay[..b].chars().count();
        out.push((s, s + needle.chars().count()));
    }
    if !out.is_empty() {
        return out;
    }
    // Folded search with a map back to chars.
    let mut ft: Vec<char> = Vec::new();
    let mut origin: Vec<usize> = Vec::new();
    for (i, c) in hay.chars().enumerate() {
        if let Some(f) = fold_char(c, Fold::Letters) {
            ft.push(f);
            origin.push(i);
        }
    }
    let fn_: Vec<char> = needle.chars().filter_map(|c| fold_char(c, Fold::Letters)).collect();
    if fn_.is_empty() || fn_.len() > ft.len() {
        return out;
    }
    for s in 0..=ft.len() - fn_.len() {
        if ft[s..s + fn_.len()] == fn_[..] {
            out.push((origin[s], origin[s + fn_.len() - 1] + 1));
        }
    }
    out
}

fn overlaps(a: (usize, usize), s: usize, e: usize) -> bool {
    a.0 < e && s < a.1
}

fn hedge_name(h: Hedge) -> &'static str {
    match h {
        Hedge::Exact => "exact",
        Hedge::About => "about",
        Hedge::MoreThan => "more_than",
        Hedge::AtLeast => "at_least",
        Hedge::LessThan => "less_than",
        Hedge::UpTo => "up_to",
    }
}

fn norm(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).flat_map(|c| c.to_lowercase()).collect()
}

/// Scores numbers and dates of `q` against one gold document: `(numbers, dates)`.
pub fn score_numbers_dates(gold_json: &Value, doc_text: &str, q: &Quantities) -> (Counts, Counts) {
    let empty = Vec::new();
    let figures = gold_json.get("figures").and_then(Value::as_array).unwrap_or(&empty);
    let dates = gold_json.get("dates").and_then(Value::as_array).unwrap_or(&empty);

    let mut nums = Counts::default();
    let mut covered_n = vec![false; q.numbers.len()];
    for fig in figures {
        let optional = fig.get("optional").and_then(Value::as_bool).unwrap_or(false);
        let surface = fig.get("surface").and_then(Value::as_str).unwrap_or("");
        let occ = find_all(doc_text, surface);
        let value = fig.get("value").and_then(Value::as_f64);
        let hedge = fig.get("hedge").and_then(Value::as_str);
        let mut hit = false;
        for (k, n) in q.numbers.iter().enumerate() {
            if !occ.iter().any(|&o| overlaps(o, n.start, n.end)) {
                continue;
            }
            covered_n[k] = true;
            let v_ok = value.is_some_and(|v| (v - n.value).abs() <= 1e-6 * v.abs().max(1.0));
            let h_ok = hedge.is_none_or(|h| h == hedge_name(n.hedge));
            if v_ok && h_ok {
                hit = true;
            }
        }
        if hit {
            nums.tp += 1;
        } else if !optional {
            nums.fn_ += 1;
        }
    }
    nums.fp += q.numbers.iter().zip(&covered_n).filter(|(n, c)| !**c && n.kind != NumberKind::Ordinal).count();

    let mut ds = Counts::default();
    let mut covered_d = vec![false; q.dates.len()];
    for g in dates {
        let optional = g.get("optional").and_then(Value::as_bool).unwrap_or(false);
        let surface = g.get("surface").and_then(Value::as_str).unwrap_or("");
        let gv = g.get("value").and_then(Value::as_str).unwrap_or("");
        let gr = g.get("resolved").and_then(Value::as_str);
        let occ = find_all(doc_text, surface);
        let mut hit = false;
        for (k, d) in q.dates.iter().enumerate() {
            if !occ.iter().any(|&o| overlaps(o, d.start, d.end)) {
                continue;
            }
            covered_d[k] = true;
            let ok = norm(gv) == norm(&d.value)
                || norm(gv) == norm(&d.literal)
                || d.part_of_day.as_ref().is_some_and(|p| norm(gv) == norm(&format!("{} {p}", d.literal)))
                || gr.is_some_and(|r| r == d.value)
                || (gv.starts_with("relative:") && d.literal.starts_with("relative:"));
            if ok {
                hit = true;
            }
        }
        if hit {
            ds.tp += 1;
        } else if !optional {
            ds.fn_ += 1;
        }
    }
    ds.fp += covered_d.iter().filter(|c| !**c).count();
    (nums, ds)
}
