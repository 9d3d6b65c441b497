//! Figure series: the same quantity (what, place, holder) reported over time.
//!
//! Places are grouped by a normalized name, not the raw entity id: the
//! place's canonical name folded with `Fold::Letters`, with a leading generic
//! head word (`قطاع`, `مدينة`, `محافظة`, `منطقة`, `إقليم`) and the article
//! removed, so `غزة`, `قطاع غزة` and `مدينة غزة` group together (the entity
//! ids of those differ, as they are derived from the canonical names).
//! `What::Other` and `What::Population` figures form no series. Truce
//! durations are converted to days (`value`, `low`, `high`), whatever unit
//! the text used. A point without a place forms its own series (`place: None`):
//! it is not guessed into a place's series.

use isnad_model::{Document, DurationUnit, Hedge, Modality, What};
use isnad_text::fold::{fold, Fold};
use serde::{Deserialize, Serialize};

use crate::util::date_key;

/// One reported figure with the context needed to compare it across documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigurePoint {
    /// The document it comes from.
    pub doc_id: String,
    /// The document's outlet.
    pub outlet: Option<String>,
    /// The document's publication date or date-time (ISO).
    pub published: Option<String>,
    /// The date the figure holds as of (ISO), when the text gives one.
    pub as_of: Option<String>,
    /// What is counted.
    pub what: What,
    /// The place's canonical name, when one is named.
    pub place: Option<String>,
    /// Who holds the hostages or prisoners (canonical name), when the text says.
    pub holder: Option<String>,
    /// The value.
    pub value: f64,
    /// Lower bound given by the extractor.
    pub low: Option<f64>,
    /// Upper bound given by the extractor.
    pub high: Option<f64>,
    /// The qualifier.
    pub hedge: Hedge,
    /// Who it is attributed to: the source entity's canonical name, else the
    /// source surface, else the cited outlet.
    pub source: Option<String>,
    /// The source's entity id, when known.
    pub source_entity: Option<String>,
    /// Reported, proposed or demanded (only reported figures come from documents).
    pub modality: Modality,
    /// Start of the figure in the document's text (chars).
    pub start: usize,
    /// End of the figure (chars).
    pub end: usize,
    /// The figure's text.
    pub surface: String,
}

/// Words before the holder of hostages or prisoners.
const HOLDER_CUES: &[&str] = &["لدى", "تحتجز", "يحتجز", "محتجزين في", "سجون", "قبضة", "بحوزة", "بيد"];

impl FigurePoint {
    /// The reported figures of a document (proposed and demanded ones are left out).
    pub fn from_document(doc: &Document) -> Vec<FigurePoint> {
        let entities = doc.entities.as_deref().unwrap_or(&[]);
        let name = |id: &str| entities.iter().find(|e| e.id == id).map(|e| e.canonical.clone());
        let citations = doc.citations.as_deref().unwrap_or(&[]);
        let mut out = Vec::new();
        for f in doc.figures.iter().flatten() {
            if f.modality != Modality::Reported {
                continue;
            }
            let (source, source_entity) = match &f.source {
                Some(s) => {
                    let canon = s.entity.as_deref().and_then(name);
                    (Some(canon.unwrap_or_else(|| s.surface.clone())), s.entity.clone())
                }
                None => match f.citation.and_then(|i| citations.get(i)) {
                    Some(c) => (Some(c.outlet.surface.clone()), c.outlet.entity.clone()),
                    None => (None, None),
                },
            };
            // Truce lengths in days, whatever unit the text used.
            let days = match doc.numbers.as_deref().and_then(|n| n.get(f.number)).and_then(|n| n.unit) {
                Some(u) if f.what == What::TruceDuration => unit_days(u),
                _ => 1.0,
            };
            let holder =
                if matches!(f.what, What::HostagesHeld | What::PrisonersHeld) { holder(doc, f.end) } else { None };
            out.push(FigurePoint {
                doc_id: doc.id.clone(),
                outlet: doc.meta.outlet.clone(),
                published: doc.meta.published.clone(),
                as_of: f.as_of.clone(),
                what: f.what,
                place: f.place.as_deref().and_then(name),
                holder,
                value: f.value * days,
                low: f.low.map(|v| v * days),
                high: f.high.map(|v| v * days),
                hedge: f.hedge,
                source,
                source_entity,
                modality: f.modality,
                start: f.start,
                end: f.end,
                surface: f.surface.clone(),
            });
        }
        out
    }

    /// The date used to order and compare points: `as_of`, else the published day.
    pub fn date(&self) -> Option<String> {
        self.as_of.as_deref().and_then(date_key).or_else(|| self.published.as_deref().and_then(date_key))
    }
}

/// Days in a duration unit (months of 30 days, years of 365).
fn unit_days(u: DurationUnit) -> f64 {
    match u {
        DurationUnit::Second => 1.0 / 86_400.0,
        DurationUnit::Minute => 1.0 / 1_440.0,
        DurationUnit::Hour => 1.0 / 24.0,
        DurationUnit::Day => 1.0,
        DurationUnit::Week => 7.0,
        DurationUnit::Month => 30.0,
        DurationUnit::Year => 365.0,
        DurationUnit::Decade => 3_650.0,
    }
}

/// The holder named right after a hostage or prisoner figure: a holder cue
/// within 40 chars after the figure, then an organisation or place mention
/// within 25 chars after the cue, in the same sentence.
fn holder(doc: &Document, end: usize) -> Option<String> {
    let sentence_end = doc.sentences.iter().find(|s| s.start <= end && end <= s.end).map_or(end + 80, |s| s.end);
    let window_end = (end + 40).min(sentence_end);
    let window: String = doc.text.chars().skip(end).take(window_end.saturating_sub(end)).collect();
    let cue_at = HOLDER_CUES
        .iter()
        .filter_map(|c| window.find(c).map(|b| window[..b].chars().count() + c.chars().count()))
        .min()?;
    let from = end + cue_at;
    let mut best: Option<(usize, &str)> = None;
    for e in doc.entities.iter().flatten() {
        if !matches!(e.entity_type, isnad_model::EntityType::Org | isnad_model::EntityType::Place) {
            continue;
        }
        for m in &e.mentions {
            if m.start >= from
                && m.start <= from + 25
                && m.start < sentence_end
                && best.is_none_or(|(s, _)| m.start < s)
            {
                best = Some((m.start, e.canonical.as_str()));
            }
        }
    }
    best.map(|(_, n)| n.to_string())
}

/// Heads dropped from place names before grouping.
const PLACE_HEADS: &[&str] = &["قطاع", "مدينه", "محافظه", "منطقه", "اقليم"];

/// The grouping key of a place or holder name (see the module docs).
pub fn place_key(name: &str) -> String {
    let folded = fold(name.trim(), Fold::Letters);
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    if words.len() > 1 && PLACE_HEADS.contains(&words[0]) {
        words.remove(0);
    }
    let mut out: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    if let Some(first) = out.first_mut() {
        if first.chars().count() > 3 && first.starts_with("ال") {
            *first = first.chars().skip(2).collect();
        }
    }
    out.join(" ")
}

/// What identifies a series.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SeriesKey {
    /// What is counted.
    pub what: What,
    /// The [`place_key`] of the place.
    pub place: Option<String>,
    /// The [`place_key`] of the holder.
    pub holder: Option<String>,
}

impl PartialOrd for WhatOrd {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// `What` ordered by its serialized name (for sorting keys).
#[derive(PartialEq, Eq)]
struct WhatOrd(What);

impl Ord for WhatOrd {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        what_name(self.0).cmp(what_name(other.0))
    }
}

/// The snake_case name of a `What`.
pub fn what_name(w: What) -> &'static str {
    match w {
        What::Killed => "killed",
        What::Wounded => "wounded",
        What::HostagesHeld => "hostages_held",
        What::HostagesReleased => "hostages_released",
        What::HostagesDead => "hostages_dead",
        What::PrisonersHeld => "prisoners_held",
        What::PrisonersReleased => "prisoners_released",
        What::Arrested => "arrested",
        What::Displaced => "displaced",
        What::Missing => "missing",
        What::Population => "population",
        What::TruceDuration => "truce_duration",
        What::Aid => "aid",
        What::Money => "money",
        What::Other => "other",
    }
}

/// Points of one quantity, in time order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    /// What, where, held by whom.
    pub key: SeriesKey,
    /// Points sorted by [`FigurePoint::date`] (undated last), then document and offset.
    pub points: Vec<FigurePoint>,
    /// The last point.
    pub latest: FigurePoint,
}

/// The key of a point.
pub fn key_of(p: &FigurePoint) -> SeriesKey {
    SeriesKey {
        what: p.what,
        place: p.place.as_deref().map(place_key).filter(|k| !k.is_empty()),
        holder: p.holder.as_deref().map(place_key).filter(|k| !k.is_empty()),
    }
}

/// Groups reported points into series, ordered by what, place and holder.
pub fn series(points: &[FigurePoint]) -> Vec<Series> {
    let mut groups: Vec<(SeriesKey, Vec<FigurePoint>)> = Vec::new();
    for p in points {
        if p.modality != Modality::Reported || matches!(p.what, What::Other | What::Population) {
            continue;
        }
        let k = key_of(p);
        match groups.iter_mut().find(|(g, _)| *g == k) {
            Some((_, v)) => v.push(p.clone()),
            None => groups.push((k, vec![p.clone()])),
        }
    }
    groups.sort_by(|a, b| {
        WhatOrd(a.0.what)
            .cmp(&WhatOrd(b.0.what))
            .then_with(|| (&a.0.place, &a.0.holder).cmp(&(&b.0.place, &b.0.holder)))
    });
    groups
        .into_iter()
        .filter_map(|(key, mut points)| {
            points.sort_by(|a, b| {
                let (da, db) = (a.date(), b.date());
                (da.is_none(), da, &a.published, &a.doc_id, a.start).cmp(&(
                    db.is_none(),
                    db,
                    &b.published,
                    &b.doc_id,
                    b.start,
                ))
            });
            let latest = points.last()?.clone();
            Some(Series { key, points, latest })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{at, doc};
    use isnad_model::{EntityType, Figure, Number, NumberKind, Source, Span};

    fn figure(text: &str, surface: &str, value: f64, what: What, number: usize) -> Figure {
        let start = at(text, surface);
        Figure {
            start,
            end: start + surface.chars().count(),
            surface: surface.into(),
            number,
            value,
            low: None,
            high: None,
            hedge: Hedge::Exact,
            what,
            counted: None,
            place: None,
            as_of: None,
            source: None,
            modality: Modality::Reported,
            citation: None,
        }
    }

    #[test]
    fn points_keep_reported_figures_with_place_holder_source_and_days() {
        let text = "قالت وزارة الصحة في قطاع غزة إن 120 شخصا قتلوا، وما زال 130 رهينة لدى حماس. \
                    ويقترح الوسطاء إطلاق 40 رهينة خلال هدنة لمدة أسبوعين.";
        let mut d = doc(
            "d1",
            "2024-02-01",
            "",
            text,
            &[("وزارة الصحة", EntityType::Org), ("قطاع غزة", EntityType::Place), ("حماس", EntityType::Org)],
        );
        let mut killed = figure(text, "120 شخصا قتلوا", 120.0, What::Killed, 0);
        killed.place = Some("place:قطاع_غزة".into());
        let s = at(text, "وزارة الصحة");
        killed.source = Some(Source {
            start: s,
            end: s + 11,
            surface: "وزارة الصحة".into(),
            entity: Some("org:وزارة_الصحة".into()),
            anonymous: false,
        });
        let held = figure(text, "130 رهينة", 130.0, What::HostagesHeld, 1);
        let mut proposed = figure(text, "40 رهينة", 40.0, What::HostagesReleased, 2);
        proposed.modality = Modality::Proposed;
        let truce = figure(text, "لمدة أسبوعين", 2.0, What::TruceDuration, 3);
        let number = |value: f64, unit| Number {
            value,
            low: None,
            high: None,
            hedge: Hedge::Exact,
            kind: NumberKind::Cardinal,
            start: 0,
            end: 1,
            surface: String::new(),
            number: Span { start: 0, end: 1 },
            unit,
        };
        d.numbers = Some(vec![
            number(120.0, None),
            number(130.0, None),
            number(40.0, None),
            number(2.0, Some(DurationUnit::Week)),
        ]);
        d.figures = Some(vec![killed, held, proposed, truce]);
        let pts = FigurePoint::from_document(&d);
        assert_eq!(pts.len(), 3, "the proposed figure is left out");
        assert_eq!(pts[0].place.as_deref(), Some("قطاع غزة"));
        assert_eq!(pts[0].source.as_deref(), Some("وزارة الصحة"));
        assert_eq!(pts[0].source_entity.as_deref(), Some("org:وزارة_الصحة"));
        assert_eq!(pts[0].date().as_deref(), Some("2024-02-01"));
        assert_eq!(pts[1].holder.as_deref(), Some("حماس"));
        assert_eq!(pts[2].value, 14.0, "two weeks in days");
        let all = series(&pts);
        assert_eq!(all.len(), 3);
        let k = all.iter().find(|s| s.key.what == What::Killed).expect("killed series");
        assert_eq!(k.key.place.as_deref(), Some("غزه"));
        let h = all.iter().find(|s| s.key.what == What::HostagesHeld).expect("hostage series");
        assert_eq!(h.key.holder.as_deref(), Some("حماس"));
    }

    #[test]
    fn place_keys_merge_generic_heads_and_spelling() {
        assert_eq!(place_key("قطاع غزة"), place_key("غزه"));
        assert_eq!(place_key("مدينة غزة"), place_key("غزة"));
        assert_ne!(place_key("شمال غزة"), place_key("غزة"));
        assert_eq!(place_key("قطاع"), "قطاع");
    }

    #[test]
    fn series_sort_by_as_of_then_published() {
        let text = "قتل 10 أشخاص";
        let base = FigurePoint {
            doc_id: "a".into(),
            outlet: None,
            published: Some("2024-03-05T10:00:00Z".into()),
            as_of: None,
            what: What::Killed,
            place: None,
            holder: None,
            value: 10.0,
            low: None,
            high: None,
            hedge: Hedge::Exact,
            source: None,
            source_entity: None,
            modality: Modality::Reported,
            start: 0,
            end: text.chars().count(),
            surface: text.into(),
        };
        let older = FigurePoint { doc_id: "b".into(), as_of: Some("2024-03-01".into()), value: 8.0, ..base.clone() };
        let undated = FigurePoint { doc_id: "c".into(), published: None, value: 12.0, ..base.clone() };
        let s = series(&[undated, base, older]);
        let values: Vec<f64> = s[0].points.iter().map(|p| p.value).collect();
        assert_eq!(values, vec![8.0, 10.0, 12.0]);
        assert_eq!(s[0].latest.value, 12.0);
    }
}
