//! The grammar: small combinators over the token stream. Every matcher looks
//! ahead a bounded number of tokens, so a scan is linear in the text.

use isnad_model::{DurationUnit, Hedge, NumberKind};
use isnad_text::tokens::TokenKind;

use crate::lexicon::{Cal, TForm, E, LEX, PARTS};
use crate::scan::Scan;

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

impl Scan<'_> {
    // ---------- numbers ----------

    /// A digit run usable as a quantity (with thin-space groups merged).
    fn digit_atom(&self, i: usize) -> Option<(f64, usize, bool)> {
        let d = self.digits(i)?;
        if !d.value.is_finite() || d.ndigits > 15 {
            return None;
        }
        // Glued to Latin letters (i24, F16) or part of a code (COVID-19, 3-1, 24/7, 10:30).
        if self.glued(i) && i > 0 && matches!(self.kind(i - 1), Some(TokenKind::Latin)) {
            return None;
        }
        if self.glued(i + 1) && matches!(self.kind(i + 1), Some(TokenKind::Latin)) {
            return None;
        }
        if i > 0
            && self.glued(i)
            && matches!(self.punct(i - 1), Some('-' | '/' | ':' | '+' | '_' | '.'))
            && i > 1
            && self.glued(i - 1)
        {
            return None;
        }
        if self.glued(i + 1)
            && matches!(self.punct(i + 1), Some('-' | '/' | ':' | '_'))
            && self.glued(i + 2)
            && self.digits(i + 2).is_some()
        {
            return None;
        }
        // Phone-like.
        if d.leading_zero && d.ndigits >= 7 && !d.grouped {
            return None;
        }
        let mut v = d.value;
        let mut e = i + 1;
        let mut int = d.int;
        // Thin-space grouping: 26 600.
        if d.int && (d.grouped || d.ndigits <= 3) {
            while let Some(n) = self.digits(e) {
                let g = self.gap_chars(e);
                if v < 1e15
                    && n.ndigits == 3
                    && n.int
                    && !n.grouped
                    && g.len() == 1
                    && matches!(g[0], '\u{2009}' | '\u{202F}' | '\u{2007}' | '\u{00A0}')
                {
                    v = v * 1000.0 + n.value;
                    e += 1;
                } else {
                    break;
                }
            }
        }
        if e > i + 1 {
            int = true;
        }
        Some((v, e, int))
    }

    /// A cardinal numeral in words, digits or both (`26 ألفاً و422`,
    /// `ثلاثة آلاف وخمسمئة`, `مليون ونصف`, `2.3 مليون`).
    fn cardinal(&self, i: usize) -> Option<(f64, usize)> {
        let mut total = 0.0f64;
        let mut cur = 0.0f64;
        let mut last = Last::Start;
        let mut j = i;
        loop {
            let first = last == Last::Start;
            // A scale or hundred directly after a small number multiplies it.
            if !first && !matches!(last, Last::Scale(_)) {
                match self.lex(j) {
                    Some(E::Scale { mult, .. }) if !self.toks[j].clitic && cur > 0.0 => {
                        total += cur * mult;
                        cur = 0.0;
                        last = Last::Scale(mult);
                        j += 1;
                        continue;
                    }
                    Some(E::Hundred(100)) if last == Last::Unit && cur < 10.0 && !self.toks[j].clitic => {
                        cur *= 100.0;
                        last = Last::Hundred;
                        j += 1;
                        continue;
                    }
                    _ => {}
                }
            }
            // Otherwise the next part must be joined with و.
            let (k, joined) = if first {
                (j, false)
            } else if self.bare(j, "و") {
                (j + 1, true)
            } else if self.toks.get(j).is_some_and(|t| t.wa) {
                (j, true)
            } else {
                break;
            };
            let cap = match last {
                Last::Scale(m) => m,
                Last::Hundred => 100.0,
                Last::Unit => 100.0,
                _ => 0.0,
            };
            if joined && cap == 0.0 {
                break;
            }
            if joined && self.bare(j, "و") && self.kind(k) == Some(TokenKind::Arabic) && self.toks[k].clitic {
                break;
            }
            // Atom at k.
            if let Some((v, e, _)) = self.digit_atom(k) {
                if !first && (!joined || v >= cap || last == Last::Unit) {
                    break;
                }
                cur += v;
                last = Last::Digits;
                j = e;
                continue;
            }
            if joined && self.kind(k) != Some(TokenKind::Arabic) {
                break;
            }
            let teen = |at: usize| self.bare(at, "عشر") || self.bare(at, "عشره");
            match self.lex(k) {
                Some(E::Unit(u)) if first || (joined && last != Last::Unit && (u as f64) < cap) => {
                    if u < 10 && teen(k + 1) {
                        cur += 10.0 + u as f64;
                        last = Last::Ten;
                        j = k + 2;
                    } else {
                        cur += u as f64;
                        last = if u < 10 { Last::Unit } else { Last::Ten };
                        j = k + 1;
                    }
                }
                Some(E::TeenHead(u)) if (first || joined) && teen(k + 1) => {
                    cur += 10.0 + u as f64;
                    last = Last::Ten;
                    j = k + 2;
                }
                Some(E::Ten(t)) if first || (joined && (t as f64) < cap) => {
                    cur += t as f64;
                    last = Last::Ten;
                    j = k + 1;
                }
                Some(E::Hundred(h)) if first || (joined && matches!(last, Last::Scale(_))) => {
                    cur += h as f64;
                    last = Last::Hundred;
                    j = k + 1;
                }
                Some(E::Scale { mult, count }) if count > 0 && (first || (joined && mult < cap)) => {
                    total += count as f64 * mult;
                    last = Last::Scale(mult);
                    j = k + 1;
                }
                Some(E::Frac(f)) if joined && matches!(last, Last::Scale(_)) => {
                    if let Last::Scale(m) = last {
                        total += f * m;
                    }
                    j = k + 1;
                    break;
                }
                _ => break,
            }
        }
        if last == Last::Start {
            return None;
        }
        Some((total + cur, j))
    }

    fn numeral(&self, i: usize) -> Option<Numeral> {
        let plain =
            |value: f64, e: usize, kind: NumberKind| Numeral { value, e, kind, low: None, high: None, most: false };
        // A compound fraction: a unit word before a plural denominator (ثلاثة أرباع = 3/4).
        if let (Some(E::Unit(n)), Some(E::FracPlural(d))) = (self.lex(i), self.lex(i + 1)) {
            if n >= 2 && n < d {
                return Some(plain(n as f64 / d as f64, i + 2, NumberKind::Fraction));
            }
        }
        match self.lex(i) {
            Some(E::Vague { low, high }) => {
                let (mut lo, mut hi, mut e) = (low, high, i + 1);
                if high < 1000.0 {
                    let m = if self.is_any(i + 1, "الاف|الالاف|الالوف") {
                        1e3
                    } else if self.is_any(i + 1, "ملايين|الملايين") {
                        1e6
                    } else if self.is_any(i + 1, "مليارات|المليارات") {
                        1e9
                    } else {
                        1.0
                    };
                    if m > 1.0 {
                        lo *= m;
                        hi *= m;
                        e += 1;
                    }
                }
                return Some(Numeral {
                    value: lo,
                    e,
                    kind: NumberKind::Vague,
                    low: Some(lo),
                    high: Some(hi),
                    most: false,
                });
            }
            Some(E::Scale { mult, count: 0 }) => {
                return Some(Numeral {
                    value: 3.0 * mult,
                    e: i + 1,
                    kind: NumberKind::Vague,
                    low: Some(3.0 * mult),
                    high: Some(10.0 * mult),
                    most: false,
                });
            }
            Some(E::Frac(f)) => {
                if let Some(E::Scale { mult, count: 1 }) = self.lex(i + 1) {
                    return Some(plain(f * mult, i + 2, NumberKind::Cardinal));
                }
                return Some(plain(f, i + 1, NumberKind::Fraction));
            }
            Some(E::Most) => {
                return Some(Numeral {
                    value: 0.5,
                    e: i + 1,
                    kind: NumberKind::Fraction,
                    low: Some(0.5),
                    high: Some(1.0),
                    most: true,
                });
            }
            Some(E::Ord { v, teen_only }) => {
                if self.bare(i + 1, "عشر") || self.bare(i + 1, "عشره") {
                    return Some(plain(10.0 + v as f64, i + 2, NumberKind::Ordinal));
                }
                if teen_only {
                    return None;
                }
                return Some(plain(v as f64, i + 1, NumberKind::Ordinal));
            }
            _ => {}
        }
        let (v, e) = self.cardinal(i)?;
        Some(plain(v, e, NumberKind::Cardinal))
    }

    /// A hedge before a number: returns (hedge, index after it).
    fn prefix_hedge(&self, i: usize) -> Option<(Hedge, usize)> {
        const TABLE: &[(&[&str], Hedge)] = &[
            (&["ما", "لا", "يقل|تقل", "عن"], Hedge::AtLeast),
            (&["لا", "يقل|تقل", "عن"], Hedge::AtLeast),
            (&["ما", "يقرب|يقارب", "من"], Hedge::About),
            (&["ما", "يزيد|يربو|تزيد", "علي|عن"], Hedge::MoreThan),
            (&["ما", "يصل|تصل", "الي"], Hedge::UpTo),
            (&["ما", "يقل|تقل", "عن"], Hedge::LessThan),
            (&["ما", "يناهز|يقارب|يفوق"], Hedge::About),
            (&["يزيد|يربو|تزيد|يربو", "علي|عن"], Hedge::MoreThan),
            (&["اكثر|ازيد", "من"], Hedge::MoreThan),
            (&["يصل|تصل", "الي"], Hedge::UpTo),
            (&["يقرب", "من"], Hedge::About),
            (&["اقل", "من"], Hedge::LessThan),
            (&["علي", "الاقل"], Hedge::AtLeast),
            (&["يفوق|تفوق"], Hedge::MoreThan),
            (&["حتي"], Hedge::UpTo),
        ];
        for (pat, h) in TABLE {
            if let Some(e) = self.seq(i, pat) {
                return Some((*h, e));
            }
        }
        if let Some(E::Hedge(h)) = self.lex(i) {
            return Some((h, i + 1));
        }
        None
    }

    /// A hedge after the number (and its counted noun): returns (hedge, end).
    fn suffix_hedge(&self, e: usize) -> Option<(Hedge, usize)> {
        for skip in 0..=2 {
            let at = e + skip;
            // Only plain words may stand between.
            if skip > 0 {
                let w = at - 1;
                if self.kind(w) != Some(TokenKind::Arabic) || self.lex(w).is_some_and(|x| !matches!(x, E::Time(..))) {
                    return None;
                }
            }
            if self.bare(at, "تقريبا") {
                return Some((Hedge::About, at + 1));
            }
            if let Some(x) = self.seq(at, &["علي", "الاقل"]) {
                return Some((Hedge::AtLeast, x));
            }
            if let Some(x) = self.seq(at, &["او", "اكثر"]) {
                return Some((Hedge::AtLeast, x));
            }
            if self.bare(at, "فاكثر") {
                return Some((Hedge::AtLeast, at + 1));
            }
            if let Some(x) = self.seq(at, &["علي", "الاكثر"]) {
                return Some((Hedge::UpTo, x));
            }
            if self.punct(at).is_some() {
                return None;
            }
        }
        None
    }

    /// True when the number at `i` is a name or an identifier (القناة 12, كان 11, فرانس 24).
    fn is_identifier(&self, i: usize, v: f64) -> bool {
        if i == 0 {
            return false;
        }
        let p = i - 1;
        if self.digits(i).is_some() && self.is_any(p, ID_WORDS) {
            return true;
        }
        if (self.bare(p, "كان") && v == 11.0) || (self.is(p, "فرانس") && v == 24.0) {
            return true;
        }
        // Latin name right before (BBC 1, i 24).
        if self.digits(i).is_some() && self.kind(p) == Some(TokenKind::Latin) && v < 100.0 {
            return true;
        }
        false
    }

    /// A time-unit noun at `i` following a count.
    fn unit_after(&self, i: usize) -> Option<DurationUnit> {
        match self.lex(i) {
            Some(E::Time(u, f)) if f != TForm::Dual => Some(u),
            _ => None,
        }
    }

    /// A quantity starting at `i` (hedge, number, percent or unit, trailing hedge).
    pub fn quantity_at(&self, i: usize, out: &mut Found) -> Option<usize> {
        self.quantity_opts(i, out, false)
    }

    /// [`Scan::quantity_at`]; `one` lets a bare singular unit count one (`قبل أسبوع`).
    fn quantity_opts(&self, i: usize, out: &mut Found, one: bool) -> Option<usize> {
        let mut j = i;
        let intro = if let Some(e) = self.seq(j, &["لمده|مده|طوال|طيله|لفتره"]) {
            j = e;
            true
        } else if let Some(e) = self.seq(j, &["علي", "مدي|مدار"]) {
            j = e;
            true
        } else {
            false
        };
        let mut hedge = None;
        if let Some((h, e)) = self.prefix_hedge(j) {
            hedge = Some(h);
            j = e;
        }
        if j > i && self.is_date_start(j) {
            return None;
        }
        let ns = j;
        // Time units that carry their own count.
        if let Some(E::Time(u, form)) = self.lex(j) {
            {
                let (v, mut e) = match form {
                    TForm::Dual => (2.0, j + 1),
                    TForm::SingAcc if !self.bare(j + 1, "ما") => (1.0, j + 1),
                    TForm::Sing if intro || one || hedge.is_some() => (1.0, j + 1),
                    _ => return None,
                };
                let mut v = v;
                if form != TForm::Dual && self.seq(e, &["ونصف"]).is_some() {
                    v += 0.5;
                    e += 1;
                }
                let ne = e;
                let (h, end) = self.finish_hedge(hedge, e);
                let s = if hedge.is_some() { i } else { ns };
                let (low, high) = bounds(h, v);
                if form != TForm::Sing || hedge.is_some() || intro {
                    out.numbers.push(NumC {
                        s,
                        e: end,
                        ns,
                        ne,
                        value: v,
                        low,
                        high,
                        hedge: h,
                        kind: NumberKind::Cardinal,
                        unit: Some(u),
                    });
                }
                out.durations.push(DurC {
                    s: if intro { i } else { s },
                    e: end,
                    value: v,
                    low,
                    high,
                    unit: u,
                    hedge: h,
                });
                return Some(end);
            }
        }
        let num = self.numeral(j)?;
        if num.kind == NumberKind::Cardinal && hedge.is_none() && self.is_identifier(j, num.value) {
            return Some(num.e);
        }
        if num.kind == NumberKind::Ordinal && hedge.is_some() {
            return None;
        }
        let mut kind = num.kind;
        let mut e = num.e;
        let mut unit = None;
        if matches!(kind, NumberKind::Cardinal) {
            if matches!(self.punct(e), Some('%' | '\u{066A}')) || matches!(self.lex(e), Some(E::Percent)) {
                kind = NumberKind::Percent;
                e += 1;
            } else if self.bare(e, "في") && self.is_any(e + 1, PERCENT_WORDS) {
                kind = NumberKind::Percent;
                e += 2;
            }
        }
        let ne = e;
        if matches!(kind, NumberKind::Cardinal | NumberKind::Vague | NumberKind::Fraction) {
            unit = self.unit_after(e);
            if unit.is_some() && kind == NumberKind::Fraction && !matches!(self.lex(e), Some(E::Time(_, TForm::Sing))) {
                unit = None;
            }
        }
        // A bare "حتى" is a hedge only before a number with something counted.
        let mut hedge_v = hedge;
        if hedge == Some(Hedge::UpTo)
            && self.is(j - 1, "حتي")
            && kind == NumberKind::Cardinal
            && unit.is_none()
            && self.digits(j).is_none()
        {
            hedge_v = None;
        }
        let after = if unit.is_some() { e + 1 } else { e };
        let (mut h, end_h) = self.finish_hedge(hedge_v, after);
        if num.most {
            h = Hedge::MoreThan;
        }
        let s = if hedge_v.is_some() { i } else { ns };
        let end = if end_h > after { end_h } else { ne };
        let (low, high) =
            if num.low.is_some() || num.high.is_some() { (num.low, num.high) } else { bounds(h, num.value) };
        out.numbers.push(NumC { s, e: end, ns, ne, value: num.value, low, high, hedge: h, kind, unit });
        if let Some(u) = unit {
            let dur_end = end.max(after);
            out.durations.push(DurC {
                s: if intro { i } else { s },
                e: dur_end,
                value: num.value,
                low,
                high,
                unit: u,
                hedge: h,
            });
            return Some(dur_end);
        }
        Some(end.max(ne))
    }

    fn finish_hedge(&self, hedge: Option<Hedge>, e: usize) -> (Hedge, usize) {
        match hedge {
            Some(h) => (h, e),
            None => match self.suffix_hedge(e) {
                Some((h, end)) => (h, end),
                None => (Hedge::Exact, e),
            },
        }
    }

    // ---------- dates ----------

    /// A month name at `i`: (end, calendar, month, ambiguous).
    fn month(&self, i: usize) -> Option<(usize, Cal, u8, bool)> {
        let t = self.toks.get(i)?;
        if t.kind != TokenKind::Arabic {
            return None;
        }
        for h in self.heads(i) {
            if let Some(v) = LEX.month_pairs.get(h) {
                for (second, cal, m) in v {
                    if self.bare(i + 1, second) {
                        return Some((i + 2, *cal, *m, false));
                    }
                }
            }
        }
        if let Some(E::Month(cal, m, amb)) = t.lex {
            return Some((i + 1, cal, m, amb));
        }
        None
    }

    /// `month`, optionally with an alternative name: `يناير/كانون الثاني`, `كانون الثاني (يناير)`.
    fn month_alt(&self, i: usize) -> Option<(usize, Cal, u8, bool)> {
        let (mut e, cal, m, mut amb) = self.month(i)?;
        match self.punct(e) {
            Some('/' | '-' | '\\') => {
                if let Some((e2, _, m2, _)) = self.month(e + 1) {
                    if m2 == m {
                        e = e2;
                        amb = false;
                    }
                }
            }
            Some('(') => {
                if let Some((e2, _, m2, _)) = self.month(e + 1) {
                    if m2 == m && self.punct(e2) == Some(')') {
                        e = e2 + 1;
                        amb = false;
                    }
                }
            }
            _ => {}
        }
        Some((e, cal, m, amb))
    }

    fn year_at(&self, i: usize, cal: Cal) -> Option<(i32, usize)> {
        let d = self.digits(i)?;
        if !d.int || d.grouped || d.ndigits != 4 {
            return None;
        }
        let y = d.value as i32;
        let ok = match cal {
            Cal::Gregorian => (1000..=2200).contains(&y),
            Cal::Hijri => (1..=1600).contains(&y),
        };
        if !ok {
            return None;
        }
        let mut e = i + 1;
        if self.is_any(e, "م|ميلادي|ميلاديه") && cal == Cal::Gregorian {
            e += 1;
        }
        if cal == Cal::Hijri && self.is_any(e, "ه|هجري|هجريه|للهجره") {
            e += 1;
        }
        Some((y, e))
    }

    fn day_at(&self, i: usize) -> Option<(u8, usize)> {
        if let Some(d) = self.digits(i) {
            if d.int && !d.grouped && d.ndigits <= 2 && (1.0..=31.0).contains(&d.value) {
                return Some((d.value as u8, i + 1));
            }
            return None;
        }
        if let Some(E::Ord { v, teen_only }) = self.lex(i) {
            let (v, e) = if self.bare(i + 1, "عشر") || self.bare(i + 1, "عشره") {
                (v + 10, i + 2)
            } else if teen_only {
                return None;
            } else {
                (v, i + 1)
            };
            if self.bare(e, "من") {
                return Some((v, e + 1));
            }
        }
        None
    }

    fn tense_at(&self, i: usize) -> (i8, usize) {
        if self.is_any(i, PAST) {
            (-1, i + 1)
        } else if self.is_any(i, FUTURE) {
            (1, i + 1)
        } else {
            (0, i)
        }
    }

    /// `[day] month [year]` at `i`.
    fn calendar_date(&self, i: usize, cue: bool) -> Option<(usize, Dv, i8)> {
        let mut j = i;
        let mut day = None;
        // الـ7 من أكتوبر
        if self.bare(j, "ال") && self.digits(j + 1).is_some() && self.glued(j + 1) {
            j += 1;
        }
        if let Some((d, e)) = self.day_at(j) {
            day = Some(d);
            j = e;
            if self.bare(j, "من") {
                j += 1;
            }
        } else if j != i {
            return None;
        }
        let (mut e, cal, m, amb) = self.month_alt(j)?;
        let mut year = None;
        let yat = if self.punct(e) == Some(',') || self.punct(e) == Some('،') { e + 1 } else { e };
        if let Some((y, ye)) = self.year_at(yat, cal) {
            year = Some(y);
            e = ye;
        }
        if amb && day.is_none() && year.is_none() && !cue {
            return None;
        }
        if cal == Cal::Hijri {
            if amb && day.is_none() && year.is_none() && !(i > 0 && self.is(i - 1, "شهر")) {
                return None;
            }
            let (t, e2) = self.tense_at(e);
            return Some((e2, Dv::Hijri { y: year, m, d: day }, t));
        }
        let (t, e2) = self.tense_at(e);
        let dv = match (year, day) {
            (Some(y), Some(d)) => Dv::Full { y, m, d },
            (None, Some(d)) => Dv::DayMonth { m, d },
            (Some(y), None) => Dv::MonthYear { y, m, md: Mod::None },
            (None, None) => Dv::Month { m, md: Mod::None },
        };
        Some((e2, dv, t))
    }

    /// A weekday at `i` (with an optional يوم before it): (end, weekday).
    fn weekday(&self, i: usize) -> Option<(usize, u8)> {
        let j = if self.is(i, "يوم") { i + 1 } else { i };
        if let Some(E::Weekday(w)) = self.lex(j) {
            return Some((j + 1, w));
        }
        None
    }

    fn part_word(&self, i: usize) -> Option<u8> {
        match self.lex(i) {
            Some(E::Part(p)) => Some(p),
            _ => {
                if self.seq(i, &["منتصف", "ليل|الليل|ليله"]).is_some() {
                    Some(6)
                } else {
                    None
                }
            }
        }
    }

    fn rel(&self, s: usize, e: usize, gloss: &str, res: Res) -> DateC {
        DateC { s, e, dv: Dv::Rel { gloss: gloss.to_string(), res, md: Mod::None }, tense: 0, part: None }
    }

    /// A clock time at `i`: `10:30`, `الساعة 8 مساءً`, `الساعة العاشرة صباحاً`.
    fn clock(&self, i: usize) -> Option<(usize, u8, u8)> {
        let mut j = i;
        let cue = self.is(j, "الساعه");
        if cue {
            j += 1;
        }
        let (mut h, mut mi, mut e);
        if let (Some(a), Some(':'), Some(b)) = (self.digits(j), self.punct(j + 1), self.digits(j + 2)) {
            if !(self.glued(j + 1)
                && self.glued(j + 2)
                && a.int
                && b.int
                && b.ndigits == 2
                && a.value <= 24.0
                && b.value < 60.0)
            {
                return None;
            }
            h = a.value as u8;
            mi = b.value as u8;
            e = j + 3;
        } else if cue {
            if let Some(a) = self.digits(j) {
                if !(a.int && a.value <= 24.0) {
                    return None;
                }
                h = a.value as u8;
            } else if let Some(E::Ord { v, .. }) = self.lex(j) {
                h = v;
                if self.bare(j + 1, "عشر") || self.bare(j + 1, "عشره") {
                    h += 10;
                    j += 1;
                }
            } else if self.is(j, "الواحده") {
                h = 1;
            } else {
                return None;
            }
            mi = 0;
            e = j + 1;
            if self.is_any(e, "والنصف|ونصف") {
                mi = 30;
                e += 1;
            } else if self.is_any(e, "والربع|وربع") {
                mi = 15;
                e += 1;
            } else if self.is_any(e, "الا") && self.is_any(e + 1, "ربعا|الربع") {
                h = h.saturating_sub(1);
                mi = 45;
                e += 2;
            }
        } else {
            return None;
        }
        match self.part_word(e) {
            Some(1 | 3 | 5) if h < 12 => {
                h += 12;
                e += 1;
            }
            Some(_) => e += 1,
            None => {}
        }
        if self.is(e, "بتوقيت") {
            e += 1;
            if self.kind(e) == Some(TokenKind::Arabic) {
                e += 1;
            }
        }
        Some((e, h.min(24), mi))
    }

    /// A date, time or relative time expression starting at `i`.
    pub fn date_at(&self, i: usize) -> Option<Found> {
        let mut f = Found::default();
        let kind = self.kind(i)?;
        if kind == TokenKind::Number {
            if let Some((e, h, mi)) = self.clock(i) {
                f.dates.push(DateC { s: i, e, dv: Dv::Time { h, mi }, tense: 0, part: None });
                return Some(f);
            }
            if let Some(x) = self.numeric_date(i) {
                f.dates.push(x);
                return Some(f);
            }
            if let Some((e, dv, t)) = self.calendar_date(i, false) {
                f.dates.push(DateC { s: i, e, dv, tense: t, part: None });
                return Some(f);
            }
            // A year with a calendar marker: 2014م، 1445هـ.
            if let Some(d) = self.digits(i) {
                if d.int && !d.grouped && d.ndigits == 4 {
                    if self.is_any(i + 1, "م|ميلادي|ميلاديه") && self.glued(i + 1) || self.is_any(i + 1, "ميلادي|ميلاديه")
                    {
                        f.dates.push(DateC {
                            s: i,
                            e: i + 2,
                            dv: Dv::Year { y: d.value as i32, md: Mod::None },
                            tense: 0,
                            part: None,
                        });
                        return Some(f);
                    }
                    if self.is_any(i + 1, "ه|هجري|هجريه|للهجره") {
                        f.dates.push(DateC {
                            s: i,
                            e: i + 2,
                            dv: Dv::Hijri { y: Some(d.value as i32), m: 0, d: None },
                            tense: 0,
                            part: None,
                        });
                        return Some(f);
                    }
                    // A bare year after a cue word.
                    if i > 0 && self.is_any(i - 1, YEAR_CUES) && (1900.0..=2100.0).contains(&d.value) {
                        f.dates.push(DateC {
                            s: i,
                            e: i + 1,
                            dv: Dv::Year { y: d.value as i32, md: Mod::None },
                            tense: 0,
                            part: None,
                        });
                        return Some(f);
                    }
                }
            }
            return None;
        }
        if kind != TokenKind::Arabic {
            return None;
        }
        // الـ7 من أكتوبر
        if self.bare(i, "ال") {
            if let Some((e, dv, t)) = self.calendar_date(i, false) {
                f.dates.push(DateC { s: i, e, dv, tense: t, part: None });
                return Some(f);
            }
            return None;
        }
        if let Some((e, h, mi)) = self.clock(i) {
            f.dates.push(DateC { s: i, e, dv: Dv::Time { h, mi }, tense: 0, part: None });
            return Some(f);
        }
        // Year cue: عام 2024.
        if self.is_any(i, "عام|العام|سنه|السنه") {
            if let Some((y, e)) = self.year_at(i + 1, Cal::Gregorian) {
                if (1900..=2100).contains(&y) {
                    f.dates.push(DateC { s: i, e, dv: Dv::Year { y, md: Mod::None }, tense: 0, part: None });
                    return Some(f);
                }
            }
        }
        // Part of day + anchor.
        if let Some(p) = self.part_word(i) {
            let j = if self.seq(i, &["منتصف"]).is_some() { i + 2 } else { i + 1 };
            if let Some(mut d) = self.anchor_day(j) {
                d.s = i;
                d.part = Some(p);
                if let Dv::Weekday { wd2: Some(_), .. } = d.dv {
                    d.part = Some(5);
                }
                f.dates.push(d);
                return Some(f);
            }
        }
        if let Some(d) = self.anchor_day(i) {
            f.dates.push(d);
            return Some(f);
        }
        // Month with a modifier: أواخر نوفمبر، مطلع العام المقبل، منتصف الشهر الماضي.
        let md = if self.is_any(i, "مطلع|اوائل|بدايه|مستهل|اول") {
            Mod::Early
        } else if self.is_any(i, "منتصف|اواسط|وسط") {
            Mod::Mid
        } else if self.is_any(i, "اواخر|نهايه|اخر|ختام") {
            Mod::Late
        } else {
            Mod::None
        };
        if md != Mod::None {
            let j = if self.is(i + 1, "شهر") { i + 2 } else { i + 1 };
            if let Some((e, dv, t)) = self.calendar_date(j, true) {
                let dv = match dv {
                    Dv::Month { m, .. } => Dv::Month { m, md },
                    Dv::MonthYear { y, m, .. } => Dv::MonthYear { y, m, md },
                    other => other,
                };
                f.dates.push(DateC { s: i, e, dv, tense: t, part: None });
                return Some(f);
            }
            if let Some((y, e)) = self.year_at(j, Cal::Gregorian).or_else(|| {
                if self.is_any(j, "عام|العام") {
                    self.year_at(j + 1, Cal::Gregorian)
                } else {
                    None
                }
            }) {
                f.dates.push(DateC { s: i, e, dv: Dv::Year { y, md }, tense: 0, part: None });
                return Some(f);
            }
            if let Some(mut d) = self.period(j) {
                if let Dv::Rel { gloss, md: m2, .. } = &mut d.dv {
                    let word = match md {
                        Mod::Early => "early",
                        Mod::Mid => "mid",
                        _ => "late",
                    };
                    *gloss = format!("{word} {gloss}");
                    *m2 = md;
                }
                d.s = i;
                f.dates.push(d);
                return Some(f);
            }
        }
        // Month alone, or after شهر.
        let cue = i > 0 && self.is(i - 1, "شهر");
        if let Some((e, dv, t)) = self.calendar_date(i, cue) {
            f.dates.push(DateC { s: i, e, dv, tense: t, part: None });
            return Some(f);
        }
        // Relative periods and adverbs.
        let (j, prep) = if self.is_any(i, PREPS) { (i + 1, true) } else { (i, false) };
        if let Some(mut d) = self.period(j) {
            d.s = i;
            f.dates.push(d);
            return Some(f);
        }
        if let Some(d) = self.adverb(i) {
            f.dates.push(d);
            return Some(f);
        }
        // قبل/منذ/بعد/خلال + a length of time.
        if prep || self.seq(i, &["في", "غضون"]).is_some() {
            let j = if self.seq(i, &["في", "غضون"]).is_some() { i + 2 } else { j };
            let how = if self.is(i, "قبل") {
                "ago"
            } else if self.is(i, "منذ") {
                "since"
            } else if self.is(i, "بعد") {
                "later"
            } else if self.is_any(i, "خلال|غضون") || j == i + 2 {
                "within"
            } else {
                return None;
            };
            // منذ أشهر، قبل سنوات: a plural unit alone.
            if let Some(E::Time(u, TForm::Plural)) = self.lex(j) {
                let u = unit_name(u);
                let gloss = match how {
                    "ago" => format!("{u}s ago"),
                    "since" => format!("for {u}s"),
                    "later" => format!("{u}s later"),
                    _ => format!("within {u}s"),
                };
                f.dates.push(self.rel(i, j + 1, &gloss, Res::None));
                return Some(f);
            }
            let mut sub = Found::default();
            let e = self.quantity_opts(j, &mut sub, true)?;
            let dur = sub.durations.first()?.clone();
            let n = fmt_num(dur.value);
            let u = unit_name(dur.unit);
            let plural = if dur.value == 1.0 { "" } else { "s" };
            let gloss = match how {
                "ago" => format!("{n} {u}{plural} ago"),
                "since" => format!("for {n} {u}{plural}"),
                "later" => format!("{n} {u}{plural} later"),
                _ => format!("within {n} {u}{plural}"),
            };
            let vague = sub.numbers.first().is_some_and(|x| x.kind == NumberKind::Vague);
            let res = if matches!(how, "ago" | "since") && !vague { Res::Ago(dur.value, dur.unit) } else { Res::None };
            let gloss = if vague {
                match how {
                    "ago" => format!("a few {u}s ago"),
                    "since" => format!("for a few {u}s"),
                    _ => gloss,
                }
            } else {
                gloss
            };
            f.dates.push(self.rel(i, e, &gloss, res));
            f.numbers = sub.numbers;
            f.durations = sub.durations;
            return Some(f);
        }
        None
    }

    /// A plain relative adverb or fixed phrase at `i`.
    fn adverb(&self, i: usize) -> Option<DateC> {
        const TABLE: &[(&[&str], &str, Res)] = &[
            (&["في", "وقت", "سابق", "من", "هذا", "الشهر"], "earlier this month", Res::Month(0)),
            (&["في", "وقت", "سابق", "من", "هذا", "العام"], "earlier this year", Res::Year(0)),
            (&["في", "وقت", "سابق", "من", "هذا", "الاسبوع"], "earlier this week", Res::Week(0)),
            (&["في", "وقت", "سابق", "من", "اليوم"], "earlier today", Res::Day(0)),
            (&["في", "وقت", "لاحق", "من", "اليوم"], "later today", Res::Day(0)),
            (&["في", "وقت", "سابق"], "earlier", Res::None),
            (&["في", "وقت", "لاحق"], "later", Res::None),
            (&["منذ", "ذلك", "الحين|الوقت|التاريخ"], "since then", Res::None),
            (&["حتي", "الان|اللحظه"], "so far", Res::None),
            (&["حتي", "هذه", "اللحظه"], "so far", Res::None),
            (&["في", "المستقبل", "القريب"], "in the near future", Res::None),
            (&["في", "المستقبل"], "in the future", Res::None),
            (&["في", "السابق"], "previously", Res::None),
            (&["في", "الماضي"], "in the past", Res::None),
            (&["في", "الوقت", "الحالي|الراهن"], "currently", Res::None),
            (&["في", "هذه", "المرحله"], "at this stage", Res::None),
            (&["اول", "امس"], "the day before yesterday", Res::Day(-2)),
            (&["امس", "الاول"], "the day before yesterday", Res::Day(-2)),
            (&["بعد", "غد"], "the day after tomorrow", Res::Day(2)),
            (&["امس"], "yesterday", Res::Day(-1)),
            (&["البارحه"], "yesterday", Res::Day(-1)),
            (&["غدا"], "tomorrow", Res::Day(1)),
            (&["الليله"], "tonight", Res::Day(0)),
            (&["مؤخرا"], "recently", Res::None),
            (&["اخيرا"], "recently", Res::None),
            (&["قريبا"], "soon", Res::None),
            (&["لاحقا"], "later", Res::None),
            (&["سابقا"], "previously", Res::None),
            (&["حاليا"], "currently", Res::None),
        ];
        for (pat, gloss, res) in TABLE {
            if let Some(e) = self.seq(i, pat) {
                let mut d = self.rel(i, e, gloss, *res);
                if *gloss == "tonight" {
                    d.part = Some(5);
                }
                return Some(d);
            }
        }
        None
    }

    /// A named period: الأسبوع الماضي، هذا الشهر، عطلة نهاية الأسبوع، الأيام المقبلة.
    fn period(&self, i: usize) -> Option<DateC> {
        #[allow(clippy::type_complexity)]
        let units: [(&str, &str, fn(i32) -> Res); 4] = [
            ("الاسبوع", "week", Res::Week),
            ("الشهر", "month", Res::Month),
            ("العام", "year", Res::Year),
            ("السنه", "year", Res::Year),
        ];
        if let Some(e) = self.seq(i, &["عطله", "نهايه", "الاسبوع"]).or_else(|| self.seq(i, &["عطله", "الاسبوع"]))
        {
            let (t, e2) = self.tense_at(e);
            let res = if t > 0 { Res::Weekend(1) } else { Res::Weekend(-1) };
            return Some(DateC {
                s: i,
                e: e2,
                dv: Dv::Rel { gloss: "the weekend".into(), res, md: Mod::None },
                tense: t,
                part: None,
            });
        }
        if let Some(e) = self.seq(i, &["نهايه", "هذا", "الاسبوع"]) {
            return Some(self.rel(i, e, "this weekend", Res::Weekend(0)));
        }
        if let Some(e) = self.seq(i, &["نهايه", "الاسبوع"]) {
            let (t, e2) = self.tense_at(e);
            let (g, r) = match t {
                -1 => ("last weekend", Res::Weekend(-1)),
                1 => ("next weekend", Res::Weekend(1)),
                _ => ("the weekend", Res::Weekend(0)),
            };
            return Some(self.rel(i, e2, g, r));
        }
        for (w, name, mk) in units {
            if let Some(e) = self.seq(i, &["هذا|هذه", w]) {
                return Some(self.rel(i, e, &format!("this {name}"), mk(0)));
            }
            if self.is(i, w) {
                if self.is_any(i + 1, PAST) {
                    return Some(self.rel(i, i + 2, &format!("last {name}"), mk(-1)));
                }
                if self.is_any(i + 1, FUTURE) {
                    return Some(self.rel(i, i + 2, &format!("next {name}"), mk(1)));
                }
                if self.is_any(i + 1, CURRENT) {
                    return Some(self.rel(i, i + 2, &format!("this {name}"), mk(0)));
                }
            }
        }
        const PLURALS: &[(&str, &str)] = &[
            ("الايام", "days"),
            ("الاسابيع", "weeks"),
            ("الاشهر", "months"),
            ("الشهور", "months"),
            ("الساعات", "hours"),
            ("السنوات", "years"),
            ("الاعوام", "years"),
            ("السنين", "years"),
            ("العقود", "decades"),
            ("الدقائق", "minutes"),
        ];
        for (w, name) in PLURALS {
            if self.is(i, w) {
                let mut e = i + 1;
                let few = self.is_any(e, "القليله|الاخيره|القلائل");
                if few {
                    e += 1;
                }
                if self.is_any(e, PAST) || (few && self.is(e - 1, "الاخيره")) {
                    let e = if self.is_any(e, PAST) { e + 1 } else { e };
                    let g = if few { format!("the past few {name}") } else { format!("the past {name}") };
                    return Some(self.rel(i, e, &g, Res::None));
                }
                if self.is_any(e, FUTURE) {
                    let g = if few { format!("the coming few {name}") } else { format!("the coming {name}") };
                    return Some(self.rel(i, e + 1, &g, Res::None));
                }
            }
        }
        None
    }

    /// A day named by weekday, اليوم, أمس, غداً or a calendar date.
    fn anchor_day(&self, i: usize) -> Option<DateC> {
        if let Some((mut e, wd)) = self.weekday(i) {
            let mut wd2 = None;
            if let Some(E::Weekday(w2)) = self.lex(e) {
                if self.toks[e].wa {
                    wd2 = Some(w2);
                    e += 1;
                }
            }
            let (t, mut e2) = self.tense_at(e);
            // الإثنين 29 يناير 2024
            let k = if matches!(self.punct(e2), Some(',' | '،')) { e2 + 1 } else { e2 };
            if wd2.is_none() && t == 0 {
                if let Some((e3, dv, t3)) = self.calendar_date(k, false) {
                    if matches!(dv, Dv::Full { .. } | Dv::DayMonth { .. }) {
                        return Some(DateC { s: i, e: e3, dv, tense: t3, part: None });
                    }
                }
            }
            let mut part = None;
            if let Some(p) = self.part_word(e2) {
                if !self.toks[e2].clitic {
                    part = Some(p);
                    e2 += 1;
                }
            }
            return Some(DateC { s: i, e: e2, dv: Dv::Weekday { wd, wd2 }, tense: t, part });
        }
        if self.is(i, "اليوم") {
            // اليوم الأحد: the weekday is today.
            if let Some((e, wd)) = self.weekday(i + 1) {
                return Some(DateC { s: i, e, dv: Dv::Weekday { wd, wd2: None }, tense: 0, part: None });
            }
            // اليوم التالي, اليوم العالمي: not today.
            let next = self.f(i + 1);
            if next.starts_with("ال")
                || self.bare(i + 1, "من")
                || self.lex(i + 1).is_some_and(|x| matches!(x, E::Unit(_) | E::Ord { .. }))
            {
                return None;
            }
            return Some(self.rel(i, i + 1, "today", Res::Day(0)));
        }
        if self.is_any(i, "امس|البارحه") {
            return Some(self.rel(i, i + 1, "yesterday", Res::Day(-1)));
        }
        if self.is_any(i, "غد|الغد|غدا") {
            return Some(self.rel(i, i + 1, "tomorrow", Res::Day(1)));
        }
        if let Some((e, dv, t)) = self.calendar_date(i, false) {
            if matches!(dv, Dv::Full { .. } | Dv::DayMonth { .. }) {
                return Some(DateC { s: i, e, dv, tense: t, part: None });
            }
        }
        None
    }

    /// `29/1/2024`, `2024-01-29`.
    fn numeric_date(&self, i: usize) -> Option<DateC> {
        let a = self.digits(i)?;
        let sep = self.punct(i + 1)?;
        if !matches!(sep, '/' | '-' | '.') || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let b = self.digits(i + 2)?;
        if self.punct(i + 3) != Some(sep) || !self.glued(i + 3) || !self.glued(i + 4) {
            return None;
        }
        let c = self.digits(i + 4)?;
        if !(a.int && b.int && c.int) {
            return None;
        }
        let (y, m, d) = if a.ndigits == 4 {
            (a.value, b.value, c.value)
        } else if c.ndigits == 4 {
            (c.value, b.value, a.value)
        } else {
            return None;
        };
        if !(1.0..=12.0).contains(&m) || !(1.0..=31.0).contains(&d) || !(1900.0..=2100.0).contains(&y) {
            return None;
        }
        Some(DateC { s: i, e: i + 5, dv: Dv::Full { y: y as i32, m: m as u8, d: d as u8 }, tense: 0, part: None })
    }

    /// True when a date starts at `i` (a cheap check that never recurses).
    fn is_date_start(&self, i: usize) -> bool {
        self.clock(i).is_some()
            || self.numeric_date(i).is_some()
            || self.anchor_day(i).is_some()
            || self.calendar_date(i, false).is_some()
    }

    /// True when `i` starts a programme title: `برنامج "هذا الأسبوع"`.
    pub fn in_title(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let p = i - 1;
        if self.is(p, "برنامج") {
            return true;
        }
        matches!(self.punct(p), Some('"' | '«' | '“' | '\'' | '”'))
            && p > 0
            && self.is_any(p - 1, "برنامج|البرنامج|برامج")
    }
}

pub fn part_name(p: u8) -> &'static str {
    PARTS.get(p as usize).copied().unwrap_or("night")
}

pub fn num_str(v: f64) -> String {
    fmt_num(v)
}
