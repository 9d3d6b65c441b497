//! Named entities in Arabic news: people, organisations, places and
//! outlets, one identity each.
//!
//! [`recognise`] finds mentions in the cleaned text of a document from
//! gazetteers compiled into a finite-state map on first use (countries,
//! cities and nationality adjectives generated from CLDR/GeoNames, plus the
//! team-curated outlets, organisations, people, places, titles and given
//! names in `data/gazetteers/`), and from patterns whose cue words are in
//! `data/cues/entities/`: title + name, given name + surname, nasab and
//! laqab chains (بن, آل, أبو, عبد ال…), initials,
//! Latin-script names after a cue, clitics seen through (`لحماس` is a
//! mention of `حماس` starting after `ل`). It then gives each entity one
//! identity: short forms resolve to the full name, roles to the person they
//! name, the epithet `دولة الاحتلال` to Israel, and a capital next to a verb
//! of saying to its government (`metonymy: "government"`). Nationality
//! adjectives are not mentions: they come back apart as [`Attribute`]s.
//!
//! Across documents, ids are stable (type + normalized canonical name) and
//! [`phonetic_key`] / [`merge`] decide transliteration variants.
//!
//! Candidates from a statistical tagger can be passed in: gazetteer and
//! pattern evidence wins when they conflict, tagger-only people are
//! accepted, other types only with support (a head word or a cue).

mod cues;
mod gazetteer;
mod identity;
mod recognise;
mod scan;

pub use gazetteer::{gazetteer_stats, GazetteerStats};
pub use identity::{merge, phonetic_key, MergeDecision};
pub use isnad_model::{Attribute, Entity, EntityType, Mention};

use isnad_model::Span;

/// A span proposed by a tagger, with its class and confidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Char span in the cleaned text.
    pub span: Span,
    /// The class the tagger gives it.
    pub class: EntityType,
    /// Confidence in `[0, 1]`.
    pub score: f32,
}

/// What [`recognise`] finds in a document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Entities {
    /// One item per real-world entity, in order of first mention.
    pub entities: Vec<Entity>,
    /// Nationality adjectives outside names, in text order.
    pub nationalities: Vec<Attribute>,
}

/// Finds the entities of a cleaned text.
///
/// `sentences` are the document's sentence spans (a name never crosses a
/// boundary; text outside them, such as headings, is still read); `tagged`
/// are optional candidates from a statistical tagger. Every mention and
/// attribute satisfies `text[start..end] == surface` (char offsets). Never
/// panics.
pub fn recognise(text: &str, sentences: &[Span], tagged: &[Candidate]) -> Entities {
    recognise::run(text, sentences, tagged)
}

/// [`recognise`] over the document's [`Analysis`]: its sentences and
/// headings are the units a name never crosses.
pub fn recognise_analysis(an: &isnad_text::Analysis<'_>, tagged: &[Candidate]) -> Entities {
    recognise::run_analysis(an, tagged)
}
