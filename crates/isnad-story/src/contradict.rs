//! Contradictions and updates inside a figure series.
//!
//! Each point stands for a range: the union of the bounds the extractor gave
//! (`low`, `high`) and the range its hedge implies:
//!
//! | hedge | range |
//! |---|---|
//! | `Exact` | `v ± half its rounding unit` (`26,422` → ±0.5; `1,200` → ±50; `27,000` → ±500) |
//! | `About` (نحو، حوالي) | `[v − 10%, v + 10%]` |
//! | `MoreThan`, `AtLeast` | `[v, ∞)` |
//! | `LessThan`, `UpTo` | `[0, v]` |
//!
//!
//! Two points of a series are compared when they speak of the same time: the
//! same `as_of` day when both have one, else effective dates (as_of or
//! published day) at most [`WINDOW_DAYS`] apart. Undated points are not compared.
//! Points are attributed to a source key: the source entity id, else the
//! folded source name, else the outlet, else the document. Disjoint ranges
//! from different sources are a [`Contradiction`]; from the same source, a
//! change of value over time is an [`Update`].
//!
//! Two points of one document are never a contradiction: an article giving
//! two tolls without saying they disagree counts different things (1,200
//! killed in Israel and 11,500 in Gaza, when the places were not resolved).
//! Only running tallies are checked ([`is_tally`]): truce lengths, aid and
//! money describe distinct instances, not one quantity over time.

use isnad_model::{Hedge, What};
use isnad_text::fold::{fold, Fold};
use serde::{Deserialize, Serialize};

use crate::series::{FigurePoint, Series, SeriesKey};
use crate::util::day_number;

/// Days apart that published dates may be to count as the same time.
pub const WINDOW_DAYS: i64 = 2;

/// How two points disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContradictionKind {
    /// Two point estimates (exact or approximate) whose ranges do not overlap.
    Values,
    /// A stated bound (more than, at least, less than, up to) that the other figure falls outside.
    Bound,
}

/// Two sources disagreeing on the same quantity at the same time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contradiction {
    /// The series.
    pub key: SeriesKey,
    /// The earlier point.
    pub a: FigurePoint,
    /// The later point.
    pub b: FigurePoint,
    /// How they disagree.
    pub kind: ContradictionKind,
}

/// A source revising its own figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Update {
    /// The series.
    pub key: SeriesKey,
    /// The earlier figure.
    pub from: FigurePoint,
    /// The later figure.
    pub to: FigurePoint,
}

/// The range a point stands for (see the module docs).
pub fn range(p: &FigurePoint) -> (f64, f64) {
    let v = p.value;
    let (lo, hi) = match p.hedge {
        Hedge::Exact => (v - rounding(v) / 2.0, v + rounding(v) / 2.0),
        Hedge::About => (v * 0.9, v * 1.1),
        Hedge::MoreThan | Hedge::AtLeast => (v, f64::INFINITY),
        Hedge::LessThan | Hedge::UpTo => (0.0, v),
    };
    (p.low.map_or(lo, |l| l.min(lo)), p.high.map_or(hi, |h| h.max(hi)))
}

/// The rounding unit a stated whole number implies: the largest power of ten
/// dividing it (`26,422` → 1, `1,200` → 100, `27,000` → 1,000); 1 otherwise.
fn rounding(v: f64) -> f64 {
    if v.fract() != 0.0 || v <= 0.0 || v > 1e15 {
        return 1.0;
    }
    let mut unit = 1.0;
    while v % (unit * 10.0) == 0.0 {
        unit *= 10.0;
    }
    unit
}

fn bounded(p: &FigurePoint) -> bool {
    !matches!(p.hedge, Hedge::Exact | Hedge::About)
}

/// Who a point is attributed to, as a comparable key.
pub fn source_key(p: &FigurePoint) -> String {
    if let Some(e) = &p.source_entity {
        return format!("entity:{e}");
    }
    if let Some(s) = &p.source {
        return format!("source:{}", fold(s, Fold::Letters));
    }
    if let Some(o) = &p.outlet {
        return format!("outlet:{}", fold(o, Fold::Letters));
    }
    format!("doc:{}", p.doc_id)
}

/// True when the two points speak of the same time.
fn same_time(a: &FigurePoint, b: &FigurePoint) -> bool {
    let day = |s: &Option<String>| s.as_deref().and_then(day_number);
    if let (Some(x), Some(y)) = (day(&a.as_of), day(&b.as_of)) {
        return x == y;
    }
    let eff = |p: &FigurePoint| day(&p.as_of).or_else(|| day(&p.published));
    match (eff(a), eff(b)) {
        (Some(x), Some(y)) => (x - y).abs() <= WINDOW_DAYS,
        _ => false,
    }
}

/// True for the quantities checked for contradictions: running tallies of people.
pub fn is_tally(what: What) -> bool {
    matches!(
        what,
        What::Killed
            | What::Wounded
            | What::HostagesHeld
            | What::HostagesReleased
            | What::HostagesDead
            | What::PrisonersHeld
            | What::PrisonersReleased
            | What::Arrested
            | What::Displaced
            | What::Missing
    )
}

fn disjoint(a: &FigurePoint, b: &FigurePoint) -> bool {
    let (alo, ahi) = range(a);
    let (blo, bhi) = range(b);
    ahi < blo || bhi < alo
}

/// Pairs of points from different sources that disagree at the same time.
pub fn contradictions(series: &Series) -> Vec<Contradiction> {
    let mut out = Vec::new();
    if !is_tally(series.key.what) {
        return out;
    }
    for (i, a) in series.points.iter().enumerate() {
        for b in &series.points[i + 1..] {
            if a.doc_id == b.doc_id || source_key(a) == source_key(b) || !same_time(a, b) || !disjoint(a, b) {
                continue;
            }
            let kind = if bounded(a) || bounded(b) { ContradictionKind::Bound } else { ContradictionKind::Values };
            out.push(Contradiction { key: series.key.clone(), a: a.clone(), b: b.clone(), kind });
        }
    }
    out
}

/// Consecutive points of the same source whose value changed.
pub fn updates(series: &Series) -> Vec<Update> {
    let mut out = Vec::new();
    for (i, a) in series.points.iter().enumerate() {
        let key = source_key(a);
        let Some(b) = series.points[i + 1..].iter().find(|b| source_key(b) == key) else { continue };
        if (a.value, a.hedge, a.low, a.high) != (b.value, b.hedge, b.low, b.high) {
            out.push(Update { key: series.key.clone(), from: a.clone(), to: b.clone() });
        }
    }
    out
}

/// [`contradictions`] over many series.
pub fn all_contradictions(series: &[Series]) -> Vec<Contradiction> {
    series.iter().flat_map(contradictions).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::series::series;
    use isnad_model::Modality;

    fn point(doc: &str, source: &str, day: &str, value: f64, hedge: Hedge) -> FigurePoint {
        FigurePoint {
            doc_id: doc.into(),
            outlet: Some(format!("outlet-{doc}")),
            published: Some(format!("{day}T09:00:00+00:00")),
            as_of: None,
            what: What::Killed,
            place: Some("قطاع غزة".into()),
            holder: None,
            value,
            low: None,
            high: None,
            hedge,
            source: Some(source.into()),
            source_entity: None,
            modality: Modality::Reported,
            start: 0,
            end: 10,
            surface: format!("{value} قتيلا"),
        }
    }

    #[test]
    fn different_sources_disagreeing_on_the_same_day_are_flagged() {
        let mut b = point("d2", "الجيش الإسرائيلي", "2024-01-29", 21000.0, Hedge::Exact);
        b.place = Some("غزة".into());
        let pts = vec![point("d1", "وزارة الصحة", "2024-01-29", 26422.0, Hedge::Exact), b];
        let s = series(&pts);
        assert_eq!(s.len(), 1, "غزة and قطاع غزة group together");
        let c = contradictions(&s[0]);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].kind, ContradictionKind::Values);
        assert!(updates(&s[0]).is_empty());
    }

    #[test]
    fn exact_figures_allow_only_their_rounding() {
        assert_eq!(rounding(26422.0), 1.0);
        assert_eq!(rounding(1200.0), 100.0);
        assert_eq!(rounding(27000.0), 1000.0);
        assert_eq!(rounding(2.5), 1.0);
        // A precise toll and a bound above it a day later, from two sources: flagged.
        let a = point("d1", "السلطات الفلسطينية", "2024-01-29", 26422.0, Hedge::Exact);
        let b = point("d2", "مسؤولو الصحة", "2024-01-30", 26600.0, Hedge::MoreThan);
        let c = contradictions(&series(&[a.clone(), b])[0]);
        assert_eq!(c.iter().map(|c| c.kind).collect::<Vec<_>>(), vec![ContradictionKind::Bound]);
        // A round figure covers what rounds to it: 1,200 and 1,239 agree.
        let d = point("d3", "مسؤولون", "2024-01-29", 1200.0, Hedge::Exact);
        let e = point("d4", "الجيش", "2024-01-29", 1239.0, Hedge::Exact);
        assert!(contradictions(&series(&[d, e])[0]).is_empty());
    }

    #[test]
    fn same_source_revising_is_an_update_not_a_contradiction() {
        let pts = vec![
            point("d2", "وزارة الصحة", "2024-01-30", 26637.0, Hedge::Exact),
            point("d1", "وزارة الصحة", "2024-01-29", 26422.0, Hedge::Exact),
        ];
        let s = series(&pts);
        assert!(contradictions(&s[0]).is_empty());
        let u = updates(&s[0]);
        assert_eq!(u.len(), 1);
        assert_eq!((u[0].from.value, u[0].to.value), (26422.0, 26637.0));
        assert_eq!(s[0].latest.value, 26637.0);
    }

    #[test]
    fn overlapping_hedged_ranges_and_distant_dates_are_not_flagged() {
        let mut a = point("d1", "مسؤولون إسرائيليون", "2023-11-20", 240.0, Hedge::About);
        let mut b = point("d2", "الجيش الإسرائيلي", "2023-11-21", 245.0, Hedge::Exact);
        a.what = What::HostagesHeld;
        b.what = What::HostagesHeld;
        let far = FigurePoint { published: Some("2024-05-26".into()), value: 120.0, ..b.clone() };
        let s = series(&[a, b, far]);
        assert_eq!(s.len(), 1);
        assert!(contradictions(&s[0]).is_empty());
        // A bound the other figure falls short of is flagged as a bound conflict.
        let c = point("d3", "حماس", "2024-01-29", 30000.0, Hedge::MoreThan);
        let d = point("d4", "وزارة الصحة", "2024-01-29", 26422.0, Hedge::Exact);
        let s = series(&[c, d]);
        assert_eq!(contradictions(&s[0]).iter().map(|c| c.kind).collect::<Vec<_>>(), vec![ContradictionKind::Bound]);
        // Two tolls in one article are different counts, not a disagreement.
        let e = point("d5", "مسؤولون إسرائيليون", "2023-11-20", 1200.0, Hedge::About);
        let f = point("d5", "مسؤولون فلسطينيون", "2023-11-20", 11500.0, Hedge::About);
        assert!(contradictions(&series(&[e, f])[0]).is_empty());
    }
}
