//! Serde types of the claims layer: figures and quotes.
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
