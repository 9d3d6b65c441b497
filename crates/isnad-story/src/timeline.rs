//! A timeline of events, attributed quotes and reported figures across documents.

use isnad_model::{Document, EventKind, Modality};
use serde::{Deserialize, Serialize};

use crate::series::what_name;
use crate::util::date_key;

/// What a timeline item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemKind {
    /// An event.
    Event,
    /// A quote with a speaker.
    Quote,
    /// A reported figure.
    Figure,
}

/// One entry of a timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineItem {
    /// The item's date: the event time or the figure's as-of date, else the
    /// document's published day (`2024-01-29`, or a month `2024-01`).
    pub date: Option<String>,
    /// Event, quote or figure.
    pub kind: ItemKind,
    /// The document.
    pub doc_id: String,
    /// Start in the document's text (chars).
    pub start: usize,
    /// End (chars).
    pub end: usize,
    /// The text of the span.
    pub surface: String,
    /// A one-line description.
    pub summary: String,
}

/// Longest quote content kept in a summary, in chars.
const SUMMARY_CHARS: usize = 140;

fn clip(s: &str) -> String {
    let s = s.trim();
    if s.chars().count() <= SUMMARY_CHARS {
        return s.to_string();
    }
    let mut out: String = s.chars().take(SUMMARY_CHARS).collect();
    out.push('…');
    out
}

fn event_name(k: EventKind) -> &'static str {
    match k {
        EventKind::Meeting => "meeting",
        EventKind::Proposal => "proposal",
        EventKind::Demand => "demand",
        EventKind::Agreement => "agreement",
        EventKind::Truce => "truce",
        EventKind::Release => "release",
        EventKind::Exchange => "exchange",
        EventKind::Decision => "decision",
        EventKind::Attack => "attack",
    }
}

/// Events, quotes with speakers and reported figures of the documents, ordered by
/// date (undated last), then by document (in the order given) and offset.
///
/// Event summaries are `kind: participants @ place` (`negated` when denied);
/// quote summaries `speaker: content`; figure summaries
/// `what = value (hedge) — source`.
pub fn timeline(docs: &[&Document]) -> Vec<TimelineItem> {
    let mut items: Vec<(usize, TimelineItem)> = Vec::new();
    for (order, doc) in docs.iter().enumerate() {
        let published = doc.meta.published.as_deref().and_then(date_key);
        let entities = doc.entities.as_deref().unwrap_or(&[]);
        let name =
            |id: &str| entities.iter().find(|e| e.id == id).map_or_else(|| id.to_string(), |e| e.canonical.clone());
        for e in doc.events.iter().flatten() {
            let mut summary = event_name(e.kind).to_string();
            if e.negated {
                summary.push_str(" (negated)");
            }
            summary.push_str(": ");
            summary.push_str(&e.participants.iter().map(|p| name(p)).collect::<Vec<_>>().join("، "));
            if let Some(p) = &e.place {
                summary.push_str(" @ ");
                summary.push_str(&name(p));
            }
            summary.push_str(&format!(" [{}]", e.surface));
            let date = e.time.as_deref().and_then(date_key).or_else(|| published.clone());
            let item = TimelineItem {
                date,
                kind: ItemKind::Event,
                doc_id: doc.id.clone(),
                start: e.start,
                end: e.end,
                surface: e.surface.clone(),
                summary,
            };
            items.push((order, item));
        }
        for q in doc.quotes.iter().flatten() {
            let Some(sp) = &q.speaker else { continue };
            let speaker = sp.entity.as_deref().map_or_else(|| sp.surface.clone(), name);
            let content = doc.text_of(q.content_start, q.content_end);
            let item = TimelineItem {
                date: published.clone(),
                kind: ItemKind::Quote,
                doc_id: doc.id.clone(),
                start: q.start,
                end: q.end,
                surface: q.surface.clone(),
                summary: format!("{speaker}: {}", clip(content)),
            };
            items.push((order, item));
        }
        for f in doc.figures.iter().flatten() {
            if f.modality != Modality::Reported {
                continue;
            }
            let mut summary = format!("{} = {}", what_name(f.what), f.value);
            if f.hedge != isnad_model::Hedge::Exact {
                summary.push_str(&format!(" ({:?})", f.hedge).to_lowercase());
            }
            if let Some(s) = &f.source {
                summary.push_str(" — ");
                summary.push_str(&s.entity.as_deref().map_or_else(|| s.surface.clone(), name));
            }
            let date = f.as_of.as_deref().and_then(date_key).or_else(|| published.clone());
            let item = TimelineItem {
                date,
                kind: ItemKind::Figure,
                doc_id: doc.id.clone(),
                start: f.start,
                end: f.end,
                surface: f.surface.clone(),
                summary,
            };
            items.push((order, item));
        }
    }
    items.sort_by(|(oa, a), (ob, b)| {
        (a.date.is_none(), &a.date, oa, a.start, a.end).cmp(&(b.date.is_none(), &b.date, ob, b.start, b.end))
    });
    items.into_iter().map(|(_, i)| i).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::{at, doc};
    use isnad_model::{EntityType, Event, Figure, Hedge, Quote, Source, What};

    #[test]
    fn items_are_ordered_by_their_own_date_then_publication() {
        let ta = "اجتمع الوسطاء في القاهرة يوم 20 يناير. وقال هنية إن الحركة تدرس المقترح.";
        let mut a =
            doc("a", "2024-01-29T08:00:00Z", "", ta, &[("القاهرة", EntityType::Place), ("هنية", EntityType::Person)]);
        let e = at(ta, "اجتمع");
        a.events = Some(vec![Event {
            kind: EventKind::Meeting,
            start: e,
            end: e + 5,
            surface: "اجتمع".into(),
            sentence: 0,
            participants: vec![],
            place: Some("place:القاهرة".into()),
            time: Some("2024-01-20".into()),
            figures: vec![],
            negated: false,
        }]);
        let q = at(ta, "وقال");
        let sp = at(ta, "هنية");
        let cs = at(ta, "الحركة");
        let end = ta.chars().count() - 1;
        let quote = |speaker: Option<Source>| Quote {
            start: q,
            end,
            surface: a.text_of(q, end).to_string(),
            speaker,
            cue: "قال".into(),
            cue_start: q,
            cue_end: q + 4,
            direct: false,
            content_start: cs,
            content_end: end,
            venue: None,
            citation: None,
        };
        let speaker = Source {
            start: sp,
            end: sp + 4,
            surface: "هنية".into(),
            entity: Some("person:هنية".into()),
            anonymous: false,
        };
        a.quotes = Some(vec![quote(Some(speaker)), quote(None)]);
        let tb = "ارتفع عدد القتلى إلى 26 ألفا.";
        let mut b = doc("b", "2024-01-25", "", tb, &[]);
        b.figures = Some(vec![Figure {
            start: 0,
            end: 16,
            surface: "ارتفع عدد القتلى".into(),
            number: 0,
            value: 26000.0,
            low: None,
            high: None,
            hedge: Hedge::Exact,
            what: What::Killed,
            counted: None,
            place: None,
            as_of: None,
            source: None,
            modality: Modality::Reported,
            citation: None,
        }]);
        let items = timeline(&[&a, &b]);
        let kinds: Vec<(ItemKind, Option<&str>)> = items.iter().map(|i| (i.kind, i.date.as_deref())).collect();
        assert_eq!(
            kinds,
            vec![
                (ItemKind::Event, Some("2024-01-20")),
                (ItemKind::Figure, Some("2024-01-25")),
                (ItemKind::Quote, Some("2024-01-29")),
            ],
            "the quote without a speaker is left out"
        );
        assert!(
            items[0].summary.starts_with("meeting") && items[0].summary.contains("القاهرة"),
            "{}",
            items[0].summary
        );
        assert!(items[2].summary.starts_with("هنية: الحركة"), "{}", items[2].summary);
        assert_eq!(items[1].summary, "killed = 26000");
    }
}
