//! The claims categories: `figures` matched by value; `attribution` over the
//! matched figures (a source found and agreeing with the gold `source`);
//! `quotes` matched by the start of their content; the matched figures'
//! `what` and hedge and the matched quotes' speaker as accuracies (a wrong
//! value counts as one false positive and one false negative, so precision =
//! recall = F1 = accuracy); `citations` by outlet and `citation_source` by
//! whom the outlet cites; `events` by type and a shared participant or place.
//!
//! Names are compared as [`words_key`]s (the scorer's own folding, never the
//! pipeline's).

use isnad_model::{Document, Event, EventKind, Source};
use serde_json::Value;

use crate::{words_key, DocScore, GoldDoc, Prf};

/// Figure and quote counts of one document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct ClaimCounts {
    /// Figures matched by value.
    figures: Prf,
    /// Matched figures with the right `what`.
    figure_what: usize,
    /// Matched figures with the right hedge.
    figure_hedge: usize,
    /// Attribution over matched figures: a source found and agreeing.
    attribution: Prf,
    /// Quotes matched by content start.
    quotes: Prf,
    /// Matched quotes with the right speaker.
    quote_speaker: usize,
}

fn items(v: &Option<Value>) -> &[Value] {
    v.as_ref().and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[])
}

fn optional(v: &Value) -> bool {
    v.get("optional").and_then(Value::as_bool).unwrap_or(false)
}

fn first_words(s: &str, n: usize) -> String {
    words_key(s).split(' ').take(n).collect::<Vec<_>>().join(" ")
}

/// The snake_case name of a serialized enum value.
fn name<T: serde::Serialize>(v: T) -> Option<String> {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string))
}

/// True when a found source or speaker agrees with a gold name: one key
/// contains the other, for the surface or the linked entity's canonical name.
fn agrees(doc: &Document, found: &Source, gold: &str) -> bool {
    let g = words_key(gold);
    let f = words_key(&found.surface);
    if g.is_empty() || f.is_empty() {
        return false;
    }
    if f.contains(&g) || g.contains(&f) {
        return true;
    }
    let canonical = found
        .entity
        .as_ref()
        .and_then(|id| doc.entities.iter().flatten().find(|e| &e.id == id))
        .map(|e| words_key(&e.canonical));
    canonical.is_some_and(|c| !c.is_empty() && (c.contains(&g) || g.contains(&c)))
}

/// Figures by value, then `what`, hedge and source; quotes by content
/// start, then speaker.
fn claim_counts(gold: &GoldDoc, doc: &Document) -> ClaimCounts {
    let mut sc = ClaimCounts::default();
    let figs = doc.figures.as_deref().unwrap_or(&[]);
    let mut used = vec![false; figs.len()];
    for g in items(&gold.figures) {
        let Some(value) = g.get("value").and_then(Value::as_f64) else { continue };
        let what = g.get("what").and_then(Value::as_str).unwrap_or("");
        let candidates: Vec<usize> =
            (0..figs.len()).filter(|&i| !used[i] && (figs[i].value - value).abs() < 1e-6).collect();
        let pick = candidates
            .iter()
            .copied()
            .find(|&i| name(figs[i].what).as_deref() == Some(what))
            .or(candidates.first().copied());
        let Some(i) = pick else {
            if !optional(g) {
                sc.figures.fn_ += 1;
            }
            continue;
        };
        used[i] = true;
        if optional(g) {
            continue;
        }
        sc.figures.tp += 1;
        let f = &figs[i];
        if name(f.what).as_deref() == Some(what) {
            sc.figure_what += 1;
        }
        if name(f.hedge).as_deref() == g.get("hedge").and_then(Value::as_str) {
            sc.figure_hedge += 1;
        }
        let gs = g.get("source").and_then(Value::as_str);
        match (&f.source, gs) {
            (Some(s), Some(gs)) if agrees(doc, s, gs) => sc.attribution.tp += 1,
            (Some(_), Some(_)) => {
                sc.attribution.fp += 1;
                sc.attribution.fn_ += 1;
            }
            (Some(_), None) => sc.attribution.fp += 1,
            (None, Some(_)) => sc.attribution.fn_ += 1,
            (None, None) => {}
        }
    }
    sc.figures.fp += used.iter().filter(|u| !**u).count();

    let quotes = doc.quotes.as_deref().unwrap_or(&[]);
    let mut used = vec![false; quotes.len()];
    for g in items(&gold.quotes) {
        let Some(cs) = g.get("content_start").and_then(Value::as_str) else { continue };
        let gw = first_words(cs, 3);
        let pick = (0..quotes.len()).find(|&i| {
            if used[i] {
                return false;
            }
            let content = doc.text_of(quotes[i].content_start, quotes[i].content_end);
            let head: String = words_key(content).chars().take(80).collect();
            let qw = first_words(content, 3);
            !gw.is_empty() && (head.contains(&gw) || words_key(cs).contains(&qw))
        });
        let Some(i) = pick else {
            if !optional(g) {
                sc.quotes.fn_ += 1;
            }
            continue;
        };
        used[i] = true;
        if optional(g) {
            continue;
        }
        sc.quotes.tp += 1;
        let gs = g.get("speaker").and_then(Value::as_str).unwrap_or("");
        if quotes[i].speaker.as_ref().is_some_and(|s| agrees(doc, s, gs)) {
            sc.quote_speaker += 1;
        }
    }
    sc.quotes.fp += used.iter().filter(|u| !**u).count();
    sc
}

/// Scores figures matched by value.
pub fn score_figures(gold: &GoldDoc, doc: &Document) -> DocScore {
    claim_counts(gold, doc).figures.into()
}

/// Scores the attribution of the matched figures.
pub fn score_attribution(gold: &GoldDoc, doc: &Document) -> DocScore {
    claim_counts(gold, doc).attribution.into()
}

/// Scores quotes matched by the start of their content.
pub fn score_quotes(gold: &GoldDoc, doc: &Document) -> DocScore {
    claim_counts(gold, doc).quotes.into()
}

/// Scores `what` over the figures matched by value (an accuracy).
pub fn score_figure_what(gold: &GoldDoc, doc: &Document) -> DocScore {
    let c = claim_counts(gold, doc);
    Prf::accuracy(c.figure_what, c.figures.tp).into()
}

/// Scores the hedge over the figures matched by value (an accuracy).
pub fn score_figure_hedge(gold: &GoldDoc, doc: &Document) -> DocScore {
    let c = claim_counts(gold, doc);
    Prf::accuracy(c.figure_hedge, c.figures.tp).into()
}

/// Scores the speaker over the quotes matched by content (an accuracy).
pub fn score_quote_speaker(gold: &GoldDoc, doc: &Document) -> DocScore {
    let c = claim_counts(gold, doc);
    Prf::accuracy(c.quote_speaker, c.quotes.tp).into()
}

/// Citations: outlets matched by name (one gold item per cited outlet), then
/// the outlet's own source (`cites`) checked over the matched outlets whose
/// gold names one. Returns `(outlets, sources)`.
fn citation_counts(gold: &GoldDoc, doc: &Document) -> (Prf, Prf) {
    let found = doc.citations.as_deref().unwrap_or(&[]);
    let mut outlets = Prf::default();
    let mut via = Prf::default();
    let mut used = vec![false; found.len()];
    for g in items(&gold.citations) {
        let name = g.get("outlet").and_then(Value::as_str).unwrap_or("");
        let matching: Vec<usize> = (0..found.len()).filter(|&i| agrees(doc, &found[i].outlet, name)).collect();
        if matching.is_empty() {
            if !optional(g) {
                outlets.fn_ += 1;
                if g.get("cites").is_some_and(|c| !c.is_null()) {
                    via.fn_ += 1;
                }
            }
            continue;
        }
        for &i in &matching {
            used[i] = true;
        }
        if optional(g) {
            continue;
        }
        outlets.tp += 1;
        if let Some(cites) = g.get("cites").and_then(Value::as_str) {
            let ok = matching.iter().any(|&i| found[i].via.as_ref().is_some_and(|v| agrees(doc, v, cites)));
            if ok {
                via.tp += 1;
            } else {
                via.fn_ += 1;
                if matching.iter().any(|&i| found[i].via.is_some()) {
                    via.fp += 1;
                }
            }
        }
    }
    // Extra citations count once per distinct outlet.
    let mut extra: Vec<String> = Vec::new();
    for (i, c) in found.iter().enumerate() {
        if !used[i] {
            let key = c.outlet.entity.clone().unwrap_or_else(|| words_key(&c.outlet.surface));
            if !extra.contains(&key) {
                extra.push(key);
            }
        }
    }
    outlets.fp += extra.len();
    (outlets, via)
}

/// Scores cited outlets.
pub fn score_citations_outlets(gold: &GoldDoc, doc: &Document) -> DocScore {
    citation_counts(gold, doc).0.into()
}

/// Scores the sources cited outlets cite in turn.
pub fn score_citation_sources(gold: &GoldDoc, doc: &Document) -> DocScore {
    citation_counts(gold, doc).1.into()
}

/// The gold event type each produced kind can match.
fn event_type(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Meeting => "meeting",
        EventKind::Proposal | EventKind::Demand | EventKind::Agreement => "proposal",
        EventKind::Truce => "truce",
        EventKind::Release | EventKind::Exchange => "release",
        EventKind::Decision => "decision",
        EventKind::Attack => "attack",
    }
}

/// Scores events. Gold `statement` and `other` events (covered by quotes)
/// are left out. A gold event is found when a produced event of a matching
/// type shares a participant or the place with it; a produced event is
/// correct when it matches some gold event (several mentions of one real
/// event may all be correct). Negated events are skipped.
pub fn score_events_gold(gold: &GoldDoc, doc: &Document) -> DocScore {
    let found: Vec<&Event> = doc.events.iter().flatten().filter(|e| !e.negated).collect();
    let gold_e: Vec<&Value> = items(&gold.events)
        .iter()
        .filter(|g| matches!(g.get("type").and_then(Value::as_str), Some(t) if t != "statement" && t != "other"))
        .collect();
    let names = |id: &str| -> Vec<String> {
        doc.entities
            .iter()
            .flatten()
            .filter(|e| e.id == id)
            .flat_map(|e| {
                std::iter::once(words_key(&e.canonical))
                    .chain(e.mentions.iter().map(|m| words_key(&m.surface)))
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let matches = |e: &Event, g: &Value| -> bool {
        if g.get("type").and_then(Value::as_str) != Some(event_type(e.kind)) {
            return false;
        }
        let mut gold_names: Vec<String> = g
            .get("participants")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).map(words_key).collect())
            .unwrap_or_default();
        if let Some(p) = g.get("place").and_then(Value::as_str) {
            gold_names.push(words_key(p));
        }
        let ids = e.participants.iter().chain(e.place.iter());
        ids.flat_map(|id| names(id)).any(|n| {
            !n.is_empty() && gold_names.iter().any(|g| !g.is_empty() && (g.contains(&n) || n.contains(g.as_str())))
        })
    };
    let mut prf = Prf::default();
    for g in &gold_e {
        if found.iter().any(|e| matches(e, g)) {
            if !optional(g) {
                prf.tp += 1;
            }
        } else if !optional(g) {
            prf.fn_ += 1;
        }
    }
    prf.fp = found.iter().filter(|e| !gold_e.iter().any(|g| matches(e, g))).count();
    prf.into()
}
