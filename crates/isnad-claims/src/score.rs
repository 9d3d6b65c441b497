//! Scoring figures and quotes against a gold seed annotation.

use isnad_model::Document;
use serde_json::Value;

use crate::context::fold;
use crate::model::{Figure, Quote, Source};

/// True positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prf {
    /// Found and in the gold.
    pub tp: usize,
    /// Found but not in the gold.
    pub fp: usize,
    /// In the gold but not found.
    pub fn_: usize,
}

impl Prf {
    /// Precision (1 when nothing was found).
    pub fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    /// Recall (1 when the gold is empty).
    pub fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    /// Adds another count.
    pub fn add(&mut self, o: Prf) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

/// Counts for one document (or summed over several).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScoreCounts {
    /// Figures matched by value.
    pub figures: Prf,
    /// Matched figures with the right `what`.
    pub figure_what: usize,
    /// Matched figures with the right hedge.
    pub figure_hedge: usize,
    /// Attribution over matched figures: a source found and agreeing.
    pub attribution: Prf,
    /// Quotes matched by content start.
    pub quotes: Prf,
    /// Matched quotes with the right speaker.
    pub quote_speaker: usize,
}

impl ScoreCounts {
    /// Adds another document's counts.
    pub fn add(&mut self, o: ScoreCounts) {
        self.figures.add(o.figures);
        self.figure_what += o.figure_what;
        self.figure_hedge += o.figure_hedge;
        self.attribution.add(o.attribution);
        self.quotes.add(o.quotes);
        self.quote_speaker += o.quote_speaker;
    }
}

fn optional(v: &Value) -> bool {
    v.get("optional").and_then(Value::as_bool).unwrap_or(false)
}

fn first_words(s: &str, n: usize) -> String {
    fold(s).split(' ').take(n).collect::<Vec<_>>().join(" ")
}

/// True when a found source or speaker agrees with a gold name.
fn agrees(doc: &Document, found: &Source, gold: &str) -> bool {
    let g = fold(gold);
    let f = fold(&found.surface);
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
        .map(|e| fold(&e.canonical));
    canonical.is_some_and(|c| !c.is_empty() && (c.contains(&g) || g.contains(&c)))
}

/// Scores found figures and quotes against a gold seed annotation: figures
/// by value, then `what`, hedge and source; quotes by content start, then speaker.
pub fn score_seed(gold: &Value, doc: &Document, figs: &[Figure], quotes: &[Quote]) -> ScoreCounts {
    let mut sc = ScoreCounts::default();
    let empty = Vec::new();
    let gold_figs = gold.get("figures").and_then(Value::as_array).unwrap_or(&empty);
    let mut used = vec![false; figs.len()];
    for g in gold_figs {
        let Some(value) = g.get("value").and_then(Value::as_f64) else { continue };
        let what = g.get("what").and_then(Value::as_str).unwrap_or("");
        let candidates: Vec<usize> =
            (0..figs.len()).filter(|&i| !used[i] && (figs[i].value - value).abs() < 1e-6).collect();
        let pick = candidates
            .iter()
            .copied()
            .find(|&i| {
                serde_json::to_value(figs[i].what).ok().and_then(|v| v.as_str().map(|s| s == what)) == Some(true)
            })
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
        if serde_json::to_value(f.what).ok().as_ref().and_then(Value::as_str) == Some(what) {
            sc.figure_what += 1;
        }
        if serde_json::to_value(f.hedge).ok().as_ref().and_then(Value::as_str) == g.get("hedge").and_then(Value::as_str)
        {
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

    let gold_quotes = gold.get("quotes").and_then(Value::as_array).unwrap_or(&empty);
    let mut used = vec![false; quotes.len()];
    for g in gold_quotes {
        let Some(cs) = g.get("content_start").and_then(Value::as_str) else { continue };
        let gw = first_words(cs, 3);
        let pick = (0..quotes.len()).find(|&i| {
            if used[i] {
                return false;
            }
            let content = doc.text_of(quotes[i].content_start, quotes[i].content_end);
            let head: String = fold(content).chars().take(80).collect();
            let qw = first_words(content, 3);
            !gw.is_empty() && (head.contains(&gw) || fold(cs).contains(&qw))
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

/// Scores citations against a gold annotation: outlets matched by name
/// (one gold item per cited outlet), then the outlet's own source (`cites`)
/// checked over the matched outlets whose gold names one.
pub fn score_citations(gold: &Value, doc: &Document) -> (Prf, Prf) {
    let empty = Vec::new();
    let found = doc.citations.as_deref().unwrap_or(&[]);
    let gold_c = gold.get("citations").and_then(Value::as_array).unwrap_or(&empty);
    let mut outlets = Prf::default();
    let mut via = Prf::default();
    let mut used = vec![false; found.len()];
    for g in gold_c {
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
            let key = c.outlet.entity.clone().unwrap_or_else(|| fold(&c.outlet.surface));
            if !extra.contains(&key) {
                extra.push(key);
            }
        }
    }
    outlets.fp += extra.len();
    (outlets, via)
}

/// The gold event types each produced kind can match.
fn event_type(kind: isnad_model::EventKind) -> &'static str {
    use isnad_model::EventKind as K;
    match kind {
        K::Meeting => "meeting",
        K::Proposal | K::Demand | K::Agreement => "proposal",
        K::Truce => "truce",
        K::Release | K::Exchange => "release",
        K::Decision => "decision",
        K::Attack => "attack",
    }
}

/// Scores events against a gold annotation. Gold `statement` and `other`
/// events (covered by quotes) are left out. A gold event is found when a
/// produced event of a matching type shares a participant or the place with
/// it; a produced event is correct when it matches some gold event (several
/// mentions of one real event may all be correct). Negated events are skipped.
pub fn score_events(gold: &Value, doc: &Document) -> Prf {
    let empty = Vec::new();
    let found: Vec<&isnad_model::Event> = doc.events.iter().flatten().filter(|e| !e.negated).collect();
    let gold_e: Vec<&Value> = gold
        .get("events")
        .and_then(Value::as_array)
        .unwrap_or(&empty)
        .iter()
        .filter(|g| matches!(g.get("type").and_then(Value::as_str), Some(t) if t != "statement" && t != "other"))
        .collect();
    let names = |id: &str| -> Vec<String> {
        doc.entities
            .iter()
            .flatten()
            .filter(|e| e.id == id)
            .flat_map(|e| {
                std::iter::once(fold(&e.canonical))
                    .chain(e.mentions.iter().map(|m| fold(&m.surface)))
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let matches = |e: &isnad_model::Event, g: &Value| -> bool {
        if g.get("type").and_then(Value::as_str) != Some(event_type(e.kind)) {
            return false;
        }
        let mut gold_names: Vec<String> = g
            .get("participants")
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).map(fold).collect())
            .unwrap_or_default();
        if let Some(p) = g.get("place").and_then(Value::as_str) {
            gold_names.push(fold(p));
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
    prf
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::doc;
    use crate::{figures, quotes};

    #[test]
    fn scores_figures_and_quotes_against_gold() {
        let d = doc("قتل 12 شخصا، وفقا لمسؤولين محليين. وقال الوزير إن الوضع هادئ. وأصيب 30 آخرون.");
        let gold = serde_json::json!({
            "figures": [
                {"value": 12, "what": "killed", "hedge": "exact", "source": "مسؤولين محليين"},
                {"value": 30, "what": "wounded", "hedge": "exact", "source": null},
                {"value": 99, "what": "killed", "hedge": "exact", "source": null},
                {"value": 7, "what": "other", "hedge": "exact", "source": null, "optional": true}
            ],
            "quotes": [{"speaker": "الوزير", "content_start": "الوضع هادئ"}]
        });
        let sc = score_seed(&gold, &d, &figures(&d), &quotes(&d));
        assert_eq!(sc.figures, Prf { tp: 2, fp: 0, fn_: 1 });
        assert_eq!(sc.figure_what, 2);
        assert_eq!(sc.attribution, Prf { tp: 1, fp: 0, fn_: 0 });
        assert_eq!(sc.quotes, Prf { tp: 1, fp: 0, fn_: 0 });
        assert_eq!(sc.quote_speaker, 1);
        assert!((sc.figures.f1() - 0.8).abs() < 1e-9);
    }
}
