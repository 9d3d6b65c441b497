//! The `numbers`, `dates` and `date_value` categories.
//!
//! Gold gives verbatim surfaces, not offsets: each surface is found in the
//! text ([`find_all`]: exactly, else by its folded form), and mentions are
//! matched by span overlap, then by value.
//!
//! * `numbers`: a gold figure is found when a number overlapping one of its
//!   occurrences has its `value` (and, when the gold gives one, its `hedge`).
//!   A number overlapping no gold figure (optional ones included) is a false
//!   positive; ordinals are not counted, as the gold does not list them.
//! * `dates`: a gold date is found when a mention overlapping one of its
//!   occurrences has its value: equal `value` or `literal`, equal to the gold
//!   `resolved` date, both `relative:` (glosses are free text), or the same
//!   value once spaces and case are ignored. A mention overlapping no gold
//!   date is a false positive.
//! * `date_value`: over the gold dates matched by surface (a mention overlaps
//!   one of its occurrences), the share whose value is right ([`date_value_ok`]),
//!   as an accuracy like `figure_what`.

use isnad_model::{DateMention, Document, Hedge, NumberKind};
use serde_json::Value;

use crate::{find_all, DocScore, GoldDoc, Prf};

fn items(v: &Option<Value>) -> &[Value] {
    v.as_ref().and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
}

fn optional(v: &Value) -> bool {
    v.get("optional").and_then(Value::as_bool).unwrap_or(false)
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

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).flat_map(|c| c.to_lowercase()).collect()
}

/// Scores the numbers behind the gold figures (value and hedge).
pub fn score_numbers(gold: &GoldDoc, doc: &Document) -> DocScore {
    let numbers = doc.numbers.as_deref().unwrap_or(&[]);
    let mut s = Prf::default();
    let mut covered = vec![false; numbers.len()];
    for fig in items(&gold.figures) {
        let surface = fig.get("surface").and_then(Value::as_str).unwrap_or("");
        let occ = find_all(&doc.text, surface);
        let value = fig.get("value").and_then(Value::as_f64);
        let hedge = fig.get("hedge").and_then(Value::as_str);
        let mut hit = false;
        for (k, n) in numbers.iter().enumerate() {
            if !occ.iter().any(|&o| overlaps(o, n.start, n.end)) {
                continue;
            }
            covered[k] = true;
            let v_ok = value.is_some_and(|v| (v - n.value).abs() <= 1e-6 * v.abs().max(1.0));
            let h_ok = hedge.is_none_or(|h| h == hedge_name(n.hedge));
            hit |= v_ok && h_ok;
        }
        if hit {
            s.tp += 1;
        } else if !optional(fig) {
            s.fn_ += 1;
        }
    }
    s.fp += numbers.iter().zip(&covered).filter(|(n, c)| !**c && n.kind != NumberKind::Ordinal).count();
    s.into()
}

/// The value check of the `dates` category (kept as it was when `date_value`
/// was added, so that the `dates` numbers stay comparable).
fn dates_ok(g: &Value, d: &DateMention) -> bool {
    let gv = g.get("value").and_then(Value::as_str).unwrap_or("");
    let gr = g.get("resolved").and_then(Value::as_str);
    squash(gv) == squash(&d.value)
        || squash(gv) == squash(&d.literal)
        || d.part_of_day.as_ref().is_some_and(|p| squash(gv) == squash(&format!("{} {p}", d.literal)))
        || gr.is_some_and(|r| r == d.value)
        || (gv.starts_with("relative:") && d.literal.starts_with("relative:"))
}

/// The mentions overlapping an occurrence of a gold date's surface.
fn overlapping<'a>(text: &str, g: &Value, dates: &'a [DateMention]) -> Vec<(usize, &'a DateMention)> {
    let surface = g.get("surface").and_then(Value::as_str).unwrap_or("");
    let occ = find_all(text, surface);
    dates.iter().enumerate().filter(|(_, d)| occ.iter().any(|&o| overlaps(o, d.start, d.end))).collect()
}

/// Scores the gold dates (surface, then value).
pub fn score_dates(gold: &GoldDoc, doc: &Document) -> DocScore {
    let dates = doc.dates.as_deref().unwrap_or(&[]);
    let mut s = Prf::default();
    let mut covered = vec![false; dates.len()];
    for g in items(&gold.dates) {
        let mut hit = false;
        for (k, d) in overlapping(&doc.text, g, dates) {
            covered[k] = true;
            hit |= dates_ok(g, d);
        }
        if hit {
            s.tp += 1;
        } else if !optional(g) {
            s.fn_ += 1;
        }
    }
    s.fp += covered.iter().filter(|c| !**c).count();
    s.into()
}

/// True for a calendar value: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, optionally
/// with `THH:MM`, or a range of those written `start/end`.
fn is_calendar(v: &str) -> bool {
    let one = |p: &str| {
        let (date, time) = p.split_once('T').unwrap_or((p, ""));
        let parts: Vec<&str> = date.split('-').collect();
        let date_ok = !parts.is_empty()
            && parts.len() <= 3
            && parts[0].len() == 4
            && parts.iter().all(|x| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit()))
            && parts[1..].iter().all(|x| x.len() == 2);
        date_ok && (time.is_empty() || clock(time).is_some())
    };
    !v.is_empty() && v.split('/').count() <= 2 && v.split('/').all(one)
}

/// `HH:MM` at the start of `s` (`15:00 local` → `15:00`), hours zero-padded.
fn clock(s: &str) -> Option<String> {
    let t = s.split_whitespace().next()?;
    let (h, m) = t.split_once(':')?;
    let ok = |x: &str, max: u32| x.len() <= 2 && !x.is_empty() && x.parse::<u32>().is_ok_and(|n| n <= max);
    (ok(h, 23) && m.len() == 2 && ok(m, 59)).then(|| format!("{h:0>2}:{m}"))
}

/// The weekday names of a gold `weekday:` value (`weekday:Thursday-Friday
/// night` → `thursday-friday`), lowercase, without the part of day.
fn weekday_key(v: &str) -> Option<String> {
    let rest = v.strip_prefix("weekday:")?;
    Some(rest.split_whitespace().next().unwrap_or("").to_lowercase())
}

/// True when a produced date has the gold date's value.
///
/// * A produced date resolved to a calendar value (`resolved`) is compared
///   with the gold's calendar value: its `resolved` (`2023-10-07`,
///   `2024-05-24/2024-05-26`, `2018-05-03T15:00`), else its `value` when that
///   is calendar itself (`2024-01-29`, `2024-01`, `2015`, `2003/2011`). They
///   must be equal: a date resolved to the wrong day, month or year is wrong.
/// * Otherwise (the produced date is unresolved, or the gold has no calendar
///   value) what the text says is compared: a calendar gold `value` with the
///   produced `literal`; `--MM-DD` and `--MM` likewise; `weekday:<Name>` with
///   the produced weekday (a part of day is left aside); `time:HH:MM` with
///   the produced clock time; `relative:<gloss>` with any produced
///   `relative:` literal (glosses are free text).
pub fn date_value_ok(gold_value: &str, gold_resolved: Option<&str>, d: &DateMention) -> bool {
    let value = d.value.trim();
    let literal = d.literal.trim();
    let target = gold_resolved.filter(|r| is_calendar(r)).or(Some(gold_value).filter(|v| is_calendar(v)));
    if let Some(t) = target.filter(|_| d.resolved || is_calendar(value)) {
        return value == t;
    }
    if is_calendar(gold_value) || gold_value.starts_with("--") {
        return literal == gold_value || value == gold_value;
    }
    if let Some(w) = weekday_key(gold_value) {
        return weekday_key(literal).is_some_and(|l| l == w);
    }
    if let Some(t) = gold_value.strip_prefix("time:") {
        let Some(t) = clock(t) else { return false };
        let time_of = |x: &str| x.rsplit_once('T').and_then(|(_, c)| clock(c));
        return time_of(literal).or_else(|| time_of(value)).is_some_and(|c| c == t);
    }
    if gold_value.starts_with("relative:") {
        return literal.starts_with("relative:");
    }
    squash(gold_value) == squash(value) || squash(gold_value) == squash(literal)
}

/// Scores the value of the gold dates matched by surface (an accuracy over
/// the matched, non-optional gold dates; a date is right when one of the
/// mentions overlapping it has its value, [`date_value_ok`]).
pub fn score_date_value(gold: &GoldDoc, doc: &Document) -> DocScore {
    let dates = doc.dates.as_deref().unwrap_or(&[]);
    let (mut right, mut matched) = (0, 0);
    let mut wrong = Vec::new();
    for g in items(&gold.dates).iter().filter(|g| !optional(g)) {
        let found = overlapping(&doc.text, g, dates);
        if found.is_empty() {
            continue;
        }
        matched += 1;
        let gv = g.get("value").and_then(Value::as_str).unwrap_or("");
        let gr = g.get("resolved").and_then(Value::as_str);
        if found.iter().any(|(_, d)| date_value_ok(gv, gr, d)) {
            right += 1;
        } else {
            let surface = g.get("surface").and_then(Value::as_str).unwrap_or("");
            let got: Vec<String> = found.iter().map(|(_, d)| format!("{} ({})", d.value, d.literal)).collect();
            wrong.push(format!(
                "{surface}: gold {gv}{} got {}",
                gr.map(|r| format!(" = {r}")).unwrap_or_default(),
                got.join(", ")
            ));
        }
    }
    let mut s = DocScore::from(Prf::accuracy(right, matched));
    s.misses = wrong;
    s
}
