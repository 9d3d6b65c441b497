//! The grammar: small combinators over the token stream. Every matcher looks
//! ahead a bounded number of tokens, so a scan is linear in the text.
//!
//! One file per family of matchers, each an `impl Scan` block: `numbers`,
//! `hedges`, `quantities` (numbers with a percent or time unit), `dates`
//! and `clock` times.

mod clock;
mod dates;
mod hedges;
mod numbers;
mod quantities;

use crate::lexicon::PARTS;
use isnad_model::{DurationUnit, Hedge, NumberKind};

/// A number found, in token indices.
#[derive(Debug, Clone)]
pub struct NumC {
    /// Mention span (hedge words included).
    pub s: usize,
    pub e: usize,
    /// The bare number.
    pub ns: usize,
    pub ne: usize,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub hedge: Hedge,
    pub kind: NumberKind,
    pub unit: Option<DurationUnit>,
}

#[derive(Debug, Clone)]
pub struct DurC {
    pub s: usize,
    pub e: usize,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub unit: DurationUnit,
    pub hedge: Hedge,
}

/// Early, middle or late part of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mod {
    None,
    Early,
    Mid,
    Late,
}

/// What a relative expression resolves to, given a reference date.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Res {
    None,
    Day(i32),
    Week(i32),
    Month(i32),
    Year(i32),
    /// The weekend before (-1/0) or after (1) the reference.
    Weekend(i32),
    /// A count of units before the reference.
    Ago(f64, DurationUnit),
}

/// A date as the text states it.
#[derive(Debug, Clone, PartialEq)]
pub enum Dv {
    Full { y: i32, m: u8, d: u8 },
    DayMonth { m: u8, d: u8 },
    MonthYear { y: i32, m: u8, md: Mod },
    Month { m: u8, md: Mod },
    Year { y: i32, md: Mod },
    Hijri { y: Option<i32>, m: u8, d: Option<u8> },
    Weekday { wd: u8, wd2: Option<u8> },
    Rel { gloss: String, res: Res, md: Mod },
    Time { h: u8, mi: u8 },
}

#[derive(Debug, Clone)]
pub struct DateC {
    pub s: usize,
    pub e: usize,
    pub dv: Dv,
    /// -1 past (الماضي), 1 future (المقبل), 0 unknown.
    pub tense: i8,
    pub part: Option<u8>,
}

#[derive(Debug, Default)]
pub struct Found {
    pub numbers: Vec<NumC>,
    pub dates: Vec<DateC>,
    pub durations: Vec<DurC>,
}

const PAST: &str = "الماضي|الماضيه|المنصرم|المنصرمه|الفائت|الفائته|السابق|السابقه";
const FUTURE: &str = "المقبل|المقبله|القادم|القادمه|التالي|التاليه";
const CURRENT: &str = "الجاري|الجاريه|الحالي|الحاليه";
const PERCENT_WORDS: &str = "المئه|المائه|الميه";
const YEAR_CUES: &str = "عام|العام|سنه|السنه|لعام|لسنه|مطلع|اوائل|اواخر|منتصف|اواسط|نهايه|بدايه|صيف|شتاء|ربيع|خريف|منذ|حتي|خلال|موسم|انتخابات";
/// Prepositions before a bare year when nothing counted follows it (`في 2006.`).
const YEAR_PREPS: &str = "في|من|الي|قبل|بعد|ثوره|احداث|حرب";
/// Words after a bare year that show it counts nothing (prepositions, `حين`).
const YEAR_FOLLOWERS: &str = "الي|حتي|في|علي|عندما|حين|حيث|بعد|قبل|ضد|مع|من|عن|الا|لكن|ثم";
/// Words before a number that make it a name or an identifier, not a quantity.
const ID_WORDS: &str = "القناه|قناه|الماده|ماده|القرار|قرار|رقم|الرقم|البند|بند|الفقره|فقره|الفصل|الحلقه|حلقه|الصفحه|صفحه|الطريق|طريق|شارع|الشارع|الطابق|الرحله|رحله|الغرفه|الاصدار|النسخه|المنطقه|الكيلو|كيلو|الكيلومتر|الكتيبه|اللواء|الفرقه|كوفيد|فيروس|طراز|موديل|صاروخ|الصاروخ|مقاتلات|مقاتله|طائرات|طائره|منظومه|اس|اف|تي|بي|جي|ام";
/// First words of every pattern that does not start with a lexicon word or a digit.
pub const TRIGGERS: &str =
    "الساعه|عام|العام|سنه|السنه|ال|يوم|اليوم|امس|البارحه|غد|الغد|غدا|مطلع|اوائل|بدايه|مستهل|اول|\
منتصف|اواسط|وسط|اواخر|نهايه|اخر|ختام|في|غضون|عطله|هذا|هذه|الاسبوع|الشهر|الايام|الاسابيع|الاشهر|الشهور|الساعات|\
السنوات|الاعوام|السنين|العقود|الدقائق|حتي|مؤخرا|اخيرا|قريبا|لاحقا|سابقا|حاليا|بعد|ما|لا|اكثر|ازيد|يزيد|يربو|تزيد|\
يصل|تصل|يقرب|اقل|علي|يفوق|تفوق|لمده|مده|طوال|طيله|لفتره|منذ|قبل|خلال|مع|الليله|برنامج|البرنامج|برامج|شهر";
const PREPS: &str = "في|خلال|منذ|حتي|مع|قبل|بعد|طوال|طيله";

fn unit_name(u: DurationUnit) -> &'static str {
    match u {
        DurationUnit::Second => "second",
        DurationUnit::Minute => "minute",
        DurationUnit::Hour => "hour",
        DurationUnit::Day => "day",
        DurationUnit::Week => "week",
        DurationUnit::Month => "month",
        DurationUnit::Year => "year",
        DurationUnit::Decade => "decade",
    }
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn round9(x: f64) -> f64 {
    (x * 1e9).round() / 1e9
}

/// Bounds implied by a hedge.
pub fn bounds(h: Hedge, v: f64) -> (Option<f64>, Option<f64>) {
    match h {
        Hedge::Exact => (Some(v), Some(v)),
        // ±10%, computed as v ± v/10 and rounded to 1e-9 so that bounds of
        // whole numbers print whole (1.7 million → 1530000..1870000).
        Hedge::About => (Some(round9(v - v / 10.0)), Some(round9(v + v / 10.0))),
        Hedge::MoreThan | Hedge::AtLeast => (Some(v), None),
        Hedge::LessThan | Hedge::UpTo => (None, Some(v)),
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Last {
    Start,
    Digits,
    Unit,
    Ten,
    Hundred,
    Scale(f64),
}

/// A parsed numeral before any unit: value, end, kind, bounds.
#[derive(Debug, Clone, Copy)]
struct Numeral {
    value: f64,
    e: usize,
    kind: NumberKind,
    low: Option<f64>,
    high: Option<f64>,
    most: bool,
}

pub fn part_name(p: u8) -> &'static str {
    PARTS.get(p as usize).copied().unwrap_or("night")
}

pub fn num_str(v: f64) -> String {
    fmt_num(v)
}

#[cfg(test)]
mod word_list_tests {
    use super::*;
    use isnad_text::analysis::is_folded_entry;

    #[test]
    fn every_grammar_word_list_is_in_its_folded_form() {
        let lists = [
            ("PAST", PAST),
            ("FUTURE", FUTURE),
            ("CURRENT", CURRENT),
            ("PERCENT_WORDS", PERCENT_WORDS),
            ("YEAR_CUES", YEAR_CUES),
            ("YEAR_PREPS", YEAR_PREPS),
            ("YEAR_FOLLOWERS", YEAR_FOLLOWERS),
            ("ID_WORDS", ID_WORDS),
            ("PREPS", PREPS),
            ("TRIGGERS", TRIGGERS),
        ];
        for (name, list) in lists {
            for w in list.split('|') {
                assert!(!w.is_empty() && is_folded_entry(w), "{name}: {w:?} is not in its Fold::Letters form");
            }
        }
    }
}
