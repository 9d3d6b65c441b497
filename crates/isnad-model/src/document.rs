use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::{OffsetMap, Span};

/// Where a document came from and what is known about it besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// Path, URL or `-` for standard input; with a record number for JSONL (`file.jsonl:12`).
    pub source: String,
    /// The record id given by the input, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record_id: Option<String>,
    /// The article URL, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The publishing outlet (from metadata, `--outlet`, or the dateline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Publication date or date-time, normalized at input
    /// ([`crate::Published::to_iso`]): `2024-01-29`, `2024-01-29T10:00:00` or
    /// `2024-01-29T10:00:00+03:00`. Read it typed with [`Metadata::published_at`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Author or byline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// Language tag of the page (`<html lang>`), when the input gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

/// What kind of noise was removed from the raw input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoiseKind {
    /// Scraper ad placeholders such as `[ad_1]`.
    AdMarker,
    /// A trailing "Source" label line (`المصدر`).
    SourceTrailer,
    /// "Read also" teasers and related-article links.
    RelatedLink,
    /// A dateline (`المدينة – الوكالة`); its parts go to [`Dateline`].
    Dateline,
    /// An author line.
    Byline,
    /// Contributor and photo credits.
    Credit,
    /// The dangling fragment of an article cut off mid-sentence.
    TruncatedFragment,
    /// Zero-width characters, bidi controls and byte-order marks.
    Invisible,
    /// Markup left in the text (tags, comments).
    Markup,
    /// Site boilerplate: app promotions, follow-us lines, opinion disclaimers.
    Boilerplate,
}

/// A piece of the raw input that is not in the cleaned text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Noise {
    /// What it is.
    pub kind: NoiseKind,
    /// Where it was in the raw input (chars).
    pub raw: Span,
    /// The removed text, verbatim (escaped for invisible characters).
    pub surface: String,
}

/// What kind of change was made to the raw input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RepairKind {
    /// A space restored between words the scrape joined together.
    JoinedWords,
    /// An HTML entity (`&quot;`, `&#1604;`) decoded.
    HtmlEntity,
    /// A no-break or other unusual space made an ordinary space.
    Space,
    /// Line endings made `\n` (`\r\n`, `\r`, U+2028, U+2029).
    LineBreak,
}

/// A change made to the raw input on the way to the cleaned text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repair {
    /// What kind of change.
    pub kind: RepairKind,
    /// The raw text, verbatim.
    pub before: String,
    /// What it became in the cleaned text.
    pub after: String,
    /// Where it was in the raw input (chars).
    pub raw: Span,
    /// Where it is in the cleaned text (chars).
    pub text: Span,
}

/// A dateline found at the start of the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The place part (`القدس`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The outlet or agency part (`وكالة الأنباء`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// Where the dateline was in the raw input.
    pub raw: Span,
}

/// A heading kept in the cleaned text but outside sentences.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heading {
    /// `title` for a headline line at the top, `subheading` inside the body.
    pub level: HeadingLevel,
    /// Span in the cleaned text.
    pub start: usize,
    /// End of the span in the cleaned text.
    pub end: usize,
    /// The heading text.
    pub surface: String,
}

/// Where a heading stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadingLevel {
    /// The article's first line, a headline.
    Title,
    /// A crosshead inside the body.
    Subheading,
}

/// A sentence of the cleaned text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// Start in the cleaned text (chars).
    pub start: usize,
    /// End in the cleaned text (chars).
    pub end: usize,
    /// True for the last, unfinished sentence of a truncated article.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub incomplete: bool,
}

/// A non-fatal problem met while reading or cleaning a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// Machine-readable code, e.g. `empty_input`.
    pub code: String,
    /// Human-readable explanation.
    pub message: String,
}

/// One article, cleaned and accounted for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Always [`crate::SCHEMA`].
    pub schema: String,
    /// Stable content hash of `raw` (hex SHA-256, first 16 bytes).
    pub id: String,
    /// Source and metadata.
    #[serde(flatten)]
    pub meta: Metadata,
    /// The cleaned text. Every fact's offsets point into it.
    pub text: String,
    /// The input exactly as given (after decoding to Unicode).
    pub raw: String,
    /// Maps `text` back to `raw`.
    pub offset_map: OffsetMap,
    /// What was removed.
    pub noise: Vec<Noise>,
    /// What was changed.
    pub repairs: Vec<Repair>,
    /// The dateline, when the article starts with one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
    /// Headline and crossheads, kept out of sentences.
    pub headings: Vec<Heading>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// True when the article was cut off mid-sentence.
    pub truncated: bool,
    /// Non-fatal problems.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
    /// The reference date relative expressions were resolved against.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<crate::Reference>,
    /// Numbers and quantities, with hedges and bounds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbers: Option<Vec<crate::Number>>,
    /// Dates, times and relative expressions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<Vec<crate::DateMention>>,
    /// Durations (`لمدة خمسة أيام`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub durations: Option<Vec<crate::Duration>>,
    /// People, organisations, places and outlets, one item per identity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entities: Option<Vec<crate::Entity>>,
    /// Nationality adjectives (nisba) with the country they name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationalities: Option<Vec<crate::Attribute>>,
    /// Reported figures: a number, what it counts, where, and who reported it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub figures: Option<Vec<crate::Figure>>,
    /// Direct quotations and reported speech with speaker, cue and venue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quotes: Option<Vec<crate::Quote>>,
    /// Outlets cited as sources of reporting, with whom they cite in turn.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citations: Option<Vec<crate::Citation>>,
    /// Events: meetings, proposals, agreements, truces, releases, decisions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub events: Option<Vec<crate::Event>>,
}

impl Document {
    /// A document with no processing recorded: no noise, repairs or sentences,
    /// an empty offset map and no fact layers (for tests and tools that fill
    /// only what they need). The id is the content id of `raw`.
    pub fn new(meta: Metadata, raw: String, text: String) -> Document {
        Document {
            schema: crate::SCHEMA.to_string(),
            id: Document::content_id(&raw),
            meta,
            text,
            raw,
            offset_map: crate::OffsetMap::new(),
            noise: vec![],
            repairs: vec![],
            dateline: None,
            headings: vec![],
            sentences: vec![],
            truncated: false,
            warnings: vec![],
            reference: None,
            numbers: None,
            dates: None,
            durations: None,
            entities: None,
            nationalities: None,
            figures: None,
            quotes: None,
            citations: None,
            events: None,
        }
    }

    /// The stable id of a raw text: hex of the first 16 bytes of its SHA-256.
    pub fn content_id(raw: &str) -> String {
        let digest = Sha256::digest(raw.as_bytes());
        digest[..16].iter().map(|b| format!("{b:02x}")).collect()
    }

    /// The cleaned text of a span.
    pub fn text_of(&self, start: usize, end: usize) -> &str {
        crate::char_slice(&self.text, start, end)
    }

    /// The raw text of a raw span.
    pub fn raw_of(&self, span: Span) -> &str {
        crate::char_slice(&self.raw, span.start, span.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_id_is_stable_and_content_based() {
        let a = Document::content_id("غزة");
        assert_eq!(a.len(), 32);
        assert_eq!(a, Document::content_id("غزة"));
        assert_ne!(a, Document::content_id("غزه"));
    }
}
