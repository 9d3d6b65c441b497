//! Numbers, dates and durations found in the cleaned text.
//!
//! All offsets are char offsets into the cleaned text, half-open.

use serde::{Deserialize, Serialize};

use crate::Span;

/// How a number is qualified by the words around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Hedge {
    /// No qualifier: the number is stated as is.
    #[default]
    Exact,
    /// نحو، حوالي، قرابة، زهاء، ما يقرب من، تقريباً.
    About,
    /// أكثر من، ما يزيد على، ما يربو على.
    MoreThan,
    /// ما لا يقل عن، على الأقل، أو أكثر.
    AtLeast,
    /// أقل من.
    LessThan,
    /// حتى، ما يصل إلى.
    UpTo,
}

/// What sort of quantity a number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NumberKind {
    /// A count or amount (`240`, `ثلاثة آلاف و500`, `مليون ونصف`).
    Cardinal,
    /// A rank (`الأول`, `الحادي عشر`).
    Ordinal,
    /// A fraction or proportion of something (`ربع`, `ثلثي`, `معظم`).
    Fraction,
    /// A percentage (`12%`, `خمسة في المئة`); `value` is the percentage itself (12, not 0.12).
    Percent,
    /// A vague count given as a range (`عشرات`, `بضعة`, `عشرات الآلاف`).
    Vague,
}

/// A quantity mentioned in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Number {
    /// The value as stated (for a vague quantity, the low bound).
    pub value: f64,
    /// Lower bound implied by the hedge or the vague word, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    /// Upper bound implied by the hedge or the vague word, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// The qualifier.
    pub hedge: Hedge,
    /// The sort of quantity.
    pub kind: NumberKind,
    /// Start of the mention, hedge words included (chars).
    pub start: usize,
    /// End of the mention, hedge words included (chars).
    pub end: usize,
    /// The text of `start..end`.
    pub surface: String,
    /// The span of the bare number, without hedge words.
    pub number: Span,
    /// The time unit when the number counts time (`شهرين` → `month`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<DurationUnit>,
}

/// How precise a date mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grain {
    /// A year (`2024`, `العام الماضي`).
    Year,
    /// A month (`يناير 2024`, `الشهر الماضي`).
    Month,
    /// A week (`الأسبوع الماضي`).
    Week,
    /// A weekend (`عطلة نهاية الأسبوع`).
    Weekend,
    /// A day (`29 يناير`, `يوم الأحد`, `أمس`).
    Day,
    /// A part of a day (`مساء الخميس`, `فجر اليوم`).
    PartOfDay,
    /// A clock time (`10:30`, `الساعة الثامنة مساءً`).
    Time,
    /// A vague reference to a time (`في الأيام المقبلة`, `منذ أشهر`).
    Relative,
}

/// A date, time or relative time expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// ISO 8601 value, resolved against the reference date where possible:
    /// `2024-01-29`, `2024-01`, `2024`, an interval `2024-01-22/2024-01-28`,
    /// `T20:30`, or, when it cannot be resolved, the partial form of
    /// [`DateMention::literal`] (`--10-07`, `weekday:Sunday`, `relative:…`).
    pub value: String,
    /// What the text itself says, without outside knowledge: `2024-01-29`,
    /// `--10-07` (no year), `--11` (month without year), `weekday:Sunday`,
    /// `weekday:Thursday-Friday`, `relative:<english gloss>`, `T10:30`, `hijri:1445-09-10`.
    pub literal: String,
    /// How precise it is.
    pub grain: Grain,
    /// True when `value` is a complete calendar date, month, year or interval.
    pub resolved: bool,
    /// The part of the day, if one is named (`morning`, `evening`, `night`, `dawn`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of_day: Option<String>,
    /// Start (chars).
    pub start: usize,
    /// End (chars).
    pub end: usize,
    /// The text of `start..end`.
    pub surface: String,
}

/// The unit of a duration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DurationUnit {
    /// ثانية.
    Second,
    /// دقيقة.
    Minute,
    /// ساعة.
    Hour,
    /// يوم.
    Day,
    /// أسبوع.
    Week,
    /// شهر.
    Month,
    /// سنة، عام.
    Year,
    /// عقد.
    Decade,
}

/// A length of time (`لمدة خمسة أيام`, `شهرين`, `أسبوعاً`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Duration {
    /// How many units (for a vague count, the low bound).
    pub value: f64,
    /// Lower bound, if the count is hedged or vague.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    /// Upper bound, if the count is hedged or vague.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
    /// The unit.
    pub unit: DurationUnit,
    /// The qualifier of the count.
    pub hedge: Hedge,
    /// ISO 8601 duration (`P5D`, `P2M`, `PT1.5H`).
    pub iso: String,
    /// Start (chars).
    pub start: usize,
    /// End (chars).
    pub end: usize,
    /// The text of `start..end`.
    pub surface: String,
}

/// The date relative expressions are resolved against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reference {
    /// ISO 8601 date (`2024-01-29`).
    pub value: String,
    /// False when it is the publication date from the metadata; true when it
    /// was inferred from a date in the text.
    pub inferred: bool,
    /// Where the evidence is in the cleaned text, when inferred.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Span>,
}
