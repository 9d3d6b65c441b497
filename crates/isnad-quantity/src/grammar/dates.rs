//! Dates: calendar, Hijri, weekday, relative and numeric dates, and the date expression at a token.

use isnad_model::NumberKind;
use isnad_text::tokens::TokenKind;

use super::{
    fmt_num, unit_name, DateC, Dv, Found, Mod, Res, CURRENT, FUTURE, PAST, PREPS, YEAR_CUES, YEAR_FOLLOWERS, YEAR_PREPS,
};
use crate::lexicon::{Cal, TForm, E, LEX};
use crate::scan::Scan;

impl Scan<'_> {
    /// A month name at `i`: (end, calendar, month, ambiguous).
    pub(super) fn month(&self, i: usize) -> Option<(usize, Cal, u8, bool)> {
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
    pub(super) fn month_alt(&self, i: usize) -> Option<(usize, Cal, u8, bool)> {
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

    pub(super) fn year_at(&self, i: usize, cal: Cal) -> Option<(i32, usize)> {
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

    pub(super) fn day_at(&self, i: usize) -> Option<(u8, usize)> {
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

    pub(super) fn tense_at(&self, i: usize) -> (i8, usize) {
        if self.is_any(i, PAST) {
            (-1, i + 1)
        } else if self.is_any(i, FUTURE) {
            (1, i + 1)
        } else {
            (0, i)
        }
    }

    /// `[day] month [year]` at `i`.
    pub(super) fn calendar_date(&self, i: usize, cue: bool) -> Option<(usize, Dv, i8)> {
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
    pub(super) fn weekday(&self, i: usize) -> Option<(usize, u8)> {
        let j = if self.is(i, "يوم") { i + 1 } else { i };
        if let Some(E::Weekday(w)) = self.lex(j) {
            return Some((j + 1, w));
        }
        None
    }

    pub(super) fn rel(&self, s: usize, e: usize, gloss: &str, res: Res) -> DateC {
        DateC { s, e, dv: Dv::Rel { gloss: gloss.to_string(), res, md: Mod::None }, tense: 0, part: None }
    }

    /// A date, time or relative time expression starting at `i`.
    /// True when token `i` cannot be what a number before it counts: the end,
    /// punctuation, a conjoined word (`وقتل`) or a preposition.
    fn nothing_counted_after(&self, i: usize) -> bool {
        match self.kind(i) {
            None | Some(TokenKind::Punct) => true,
            Some(TokenKind::Arabic) => self.f(i).starts_with('و') || self.is_any(i, YEAR_FOLLOWERS),
            _ => false,
        }
    }

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
                    // A bare year after a cue word, or after a preposition when
                    // nothing is counted after it (`في 2006.`, `من 2003 إلى 2011`,
                    // `في 2015 وقتل`; not `من 2000 شخص`).
                    let year_cue = i > 0 && self.is_any(i - 1, YEAR_CUES);
                    let prep_year = i > 0 && self.is_any(i - 1, YEAR_PREPS) && self.nothing_counted_after(i + 1);
                    if (year_cue || prep_year) && (1900.0..=2100.0).contains(&d.value) {
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
    pub(super) fn adverb(&self, i: usize) -> Option<DateC> {
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
    pub(super) fn period(&self, i: usize) -> Option<DateC> {
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
    pub(super) fn anchor_day(&self, i: usize) -> Option<DateC> {
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
        // أمس الأحد, غدا الاثنين: the weekday names the same day; one date.
        let with_weekday = |e: usize| self.weekday(e).map_or(e, |(we, _)| we);
        if self.is_any(i, "امس|البارحه") {
            return Some(self.rel(i, with_weekday(i + 1), "yesterday", Res::Day(-1)));
        }
        if self.is_any(i, "غد|الغد|غدا") {
            return Some(self.rel(i, with_weekday(i + 1), "tomorrow", Res::Day(1)));
        }
        if let Some((e, dv, t)) = self.calendar_date(i, false) {
            if matches!(dv, Dv::Full { .. } | Dv::DayMonth { .. }) {
                return Some(DateC { s: i, e, dv, tense: t, part: None });
            }
        }
        None
    }

    /// `29/1/2024`, `2024-01-29`.
    pub(super) fn numeric_date(&self, i: usize) -> Option<DateC> {
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
    pub(super) fn is_date_start(&self, i: usize) -> bool {
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

#[cfg(test)]
mod bare_year_tests {
    use isnad_text::Analysis;

    fn dates_and_numbers(text: &str) -> (Vec<String>, Vec<String>) {
        let q = crate::extract_analysis(&Analysis::new(text, &[], &[]), None);
        (q.dates.into_iter().map(|d| d.surface).collect(), q.numbers.into_iter().map(|n| n.surface).collect())
    }

    #[test]
    fn a_weekday_after_yesterday_or_tomorrow_is_the_same_day() {
        let (dates, _) = dates_and_numbers("وصل الوفد أمس الأحد، ويغادر غدا يوم الاثنين.");
        assert_eq!(dates, ["أمس الأحد", "غدا يوم الاثنين"]);
    }

    #[test]
    fn a_bare_year_after_a_preposition_is_a_date_when_nothing_is_counted() {
        let (dates, numbers) = dates_and_numbers("افتتح الجسر في 1998، وجدد من 2004 إلى 2009 وفي 2012 وأغلق.");
        assert_eq!(dates, ["1998", "2004", "2009", "2012"]);
        assert!(numbers.is_empty(), "{numbers:?}");
        // A count after a preposition stays a number.
        let (dates, numbers) = dates_and_numbers("نزح أكثر من 2000 شخص في يوم واحد.");
        assert!(dates.is_empty(), "{dates:?}");
        assert!(numbers.iter().any(|n| n.contains("2000")), "{numbers:?}");
    }
}
