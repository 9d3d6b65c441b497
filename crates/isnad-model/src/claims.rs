//! Serde types of the claims layer: figures, quotes, citations and events.
//!
//! Every span is a half-open char range into the document's cleaned text.

use crate::Hedge;
use serde::{Deserialize, Serialize};

/// What a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum What {
    /// People killed.
    Killed,
    /// People wounded.
    Wounded,
    /// Hostages held.
    HostagesHeld,
    /// Hostages released.
    HostagesReleased,
    /// Hostages who died in captivity.
    HostagesDead,
    /// Prisoners held.
    PrisonersHeld,
    /// Prisoners released.
    PrisonersReleased,
    /// People arrested.
    Arrested,
    /// People displaced.
    Displaced,
    /// People missing.
    Missing,
    /// Inhabitants of a place.
    Population,
    /// Length of a truce or ceasefire.
    TruceDuration,
    /// Aid (trucks, shipments).
    Aid,
    /// An amount of money.
    Money,
    /// Any other quantity.
    Other,
}

/// Whether a figure is stated as fact, proposed or demanded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// Reported as a fact.
    #[default]
    Reported,
    /// Part of a proposal or offer.
    Proposed,
    /// Part of a demand.
    Demanded,
}

/// Who a figure or quote is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Start (chars).
    pub start: usize,
    /// End (chars).
    pub end: usize,
    /// `text[start..end]`.
    pub surface: String,
    /// The entity id, when an entity mention overlaps the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// True for unnamed sources (`مصادر مطلعة`, `مسؤول إسرائيلي`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub anonymous: bool,
}

/// A reported quantity: a number and what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Start of the figure (number and counted noun or trigger).
    pub start: usize,
    /// End of the figure.
    pub end: usize,
    /// `text[start..end]`.
    pub surface: String,
    /// Index into `doc.numbers`.
    pub number: usize,
    /// The value.
    pub value: f64,
    /// Lower bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    /// Upper bound.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// The qualifier.
    pub hedge: Hedge,
    /// What is counted.
    pub what: What,
    /// The counted noun, verbatim, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub counted: Option<String>,
    /// Entity id of the place, when one is named next to the figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// ISO date the figure holds as of, when stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// Who the figure is attributed to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// Reported, proposed or demanded.
    pub modality: Modality,
    /// Index into `doc.citations` when the figure is reported through a cited outlet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<usize>,
}

/// A direct quote or a piece of reported speech.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Start: the cue or the content, whichever comes first.
    pub start: usize,
    /// End: the end of the content.
    pub end: usize,
    /// `text[start..end]`.
    pub surface: String,
    /// Who spoke.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Source>,
    /// Lemma of the reporting verb (`قال`, `أضاف`).
    pub cue: String,
    /// Start of the cue token.
    pub cue_start: usize,
    /// End of the cue token.
    pub cue_end: usize,
    /// True when the content is in quotation marks.
    pub direct: bool,
    /// Start of the content.
    pub content_start: usize,
    /// End of the content.
    pub content_end: usize,
    /// Where it was said (`في مقابلة مع شبكة …`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue: Option<Source>,
    /// Index into `doc.citations` when the quote is relayed by a cited outlet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<usize>,
}

/// An outlet cited as the source of reporting, with whom it cites in turn.
///
/// The full chain of a fact is: the article's outlet (`meta.outlet`) → `outlet` → `via`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// Start of the citing phrase (cue through the last source).
    pub start: usize,
    /// End of the citing phrase.
    pub end: usize,
    /// `text[start..end]`.
    pub surface: String,
    /// The citing word as written (`بحسب`, `نقلت`, `أفادت`).
    pub cue: String,
    /// The cited outlet (`صحيفة واشنطن بوست`), with its entity id when known.
    pub outlet: Source,
    /// Whom the outlet cites in turn (`مسؤولين مطلعين`), named or unnamed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<Source>,
}

/// The kind of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// Meetings, talks, summits, visits.
    Meeting,
    /// A proposal or offer.
    Proposal,
    /// A demand or condition.
    Demand,
    /// An agreement or deal.
    Agreement,
    /// A truce, ceasefire or pause.
    Truce,
    /// A release or handover of hostages or prisoners.
    Release,
    /// An exchange of hostages and prisoners.
    Exchange,
    /// A decision, approval or vote.
    Decision,
    /// An attack, strike or bombardment.
    Attack,
}

/// Something that happened (or was proposed) in the story, anchored on its trigger word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The kind.
    pub kind: EventKind,
    /// Start of the trigger.
    pub start: usize,
    /// End of the trigger.
    pub end: usize,
    /// `text[start..end]`, the trigger (`اجتمع`, `هدنة`, `وقف إطلاق النار`).
    pub surface: String,
    /// Index into `doc.sentences` of the sentence holding the trigger.
    pub sentence: usize,
    /// Entity ids of the participants (people, organisations, countries).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub participants: Vec<String>,
    /// Entity id of the place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// ISO date (or month/year) of the event when the text gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// Indices into `doc.figures` of the figures the event carries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<usize>,
    /// True when the event is negated or denied (`لم يتم التوصل إلى اتفاق`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub negated: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enums_serialize_snake_case() {
        assert_eq!(serde_json::to_string(&What::HostagesReleased).unwrap(), "\"hostages_released\"");
        assert_eq!(serde_json::to_string(&What::TruceDuration).unwrap(), "\"truce_duration\"");
        assert_eq!(serde_json::to_string(&Modality::Demanded).unwrap(), "\"demanded\"");
        let s = Source { start: 0, end: 3, surface: "مصدر".into(), entity: None, anonymous: true };
        let v = serde_json::to_value(&s).unwrap();
        assert_eq!(v["anonymous"], true);
        assert!(v.get("entity").is_none());
        let back: Source = serde_json::from_value(v).unwrap();
        assert_eq!(back, s);
    }
}
