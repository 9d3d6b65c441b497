//! Numbers, dates, times and durations in Arabic news text.
//!
//! [`extract`] tokenizes the cleaned text (isnad-text tokens), folds every
//! word to its lossy matching form, strips the clitics و ف ب ل ك (and لل →
//! ال), and runs a small grammar of combinators over the tokens
//! (`grammar/`): hedges, numerals in digits and words, percentages,
//! fractions, vague counts, ordinals, time units, calendar dates (Gregorian
//! in all the Arabic month-name sets, Hijri), weekdays, parts of the day,
//! clock times and relative expressions. Each matcher looks ahead a bounded
//! number of tokens, so the scan is linear. Dates are then resolved against
//! a reference date: the publication date, or a full date near the top of
//! the text.
//!
//! Hijri dates are converted with the tabular Islamic calendar (civil epoch,
//! leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each 30-year
//! cycle), the published arithmetic algorithm; it can differ from Umm
//! al-Qura or sighting by a day or two. See [`hijri_to_gregorian`].

mod grammar;
mod lexicon;
mod scan;

use isnad_model::{DateMention, Duration, DurationUnit, Grain, Number, Reference, Span};
use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

use grammar::{DateC, Dv, Found, Mod, Res};
use isnad_text::Analysis;
use scan::Scan;

/// Everything found in one text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Quantities {
    /// Numbers, in text order.
    pub numbers: Vec<Number>,
    /// Dates, times and relative time expressions, in text order.
    pub dates: Vec<DateMention>,
    /// Lengths of time, in text order.
    pub durations: Vec<Duration>,
    /// The date the dates were resolved against, if any.
    pub reference: Option<Reference>,
}

/// How far into the text a full date may stand to be taken as the reference (chars).
const REFERENCE_WINDOW: usize = 400;

/// Extracts numbers, dates and durations.
///
/// `text` is the cleaned text; `sentences` the sentence spans (char offsets)
/// from isnad-text; `published` the metadata date string if any (ISO 8601
/// date or datetime).
pub fn extract(text: &str, sentences: &[Span], published: Option<&str>) -> Quantities {
    extract_analysis(&Analysis::new(text, sentences, &[]), published)
}

/// Extracts numbers, dates and durations from the document's [`Analysis`].
pub fn extract_analysis(an: &Analysis<'_>, published: Option<&str>) -> Quantities {
    let sentences = an.sentences();
    let scan = Scan::new(an);
    let chars = scan.chars;
    let found = run(&scan);

    // The reference date.
    let mut reference =
        published.and_then(parse_published).map(|d| (d, Reference { value: iso(d), inferred: false, evidence: None }));
    if reference.is_none() {
        let window =
            sentences.first().map(|s| s.end.max(REFERENCE_WINDOW.min(chars.len()))).unwrap_or(REFERENCE_WINDOW);
        for d in &found.dates {
            let start = scan.toks[d.s].start;
            if start > window {
                break;
            }
            if let Dv::Full { y, m, d: day } = d.dv {
                if let Ok(date) = Date::new(y as i16, m as i8, day as i8) {
                    let end = scan.toks[d.e - 1].end;
                    reference = Some((
                        date,
                        Reference { value: iso(date), inferred: true, evidence: Some(Span::new(start, end)) },
                    ));
                    break;
                }
            }
        }
    }
    let rd = reference.as_ref().map(|r| r.0);
    let surface = |s: usize, e: usize| -> (usize, usize, String) {
        let a = scan.toks[s].start;
        let b = scan.toks[e.max(s + 1) - 1].end;
        (a, b, chars[a..b].iter().collect())
    };
    let mut out = Quantities { reference: reference.map(|r| r.1), ..Default::default() };
    for n in &found.numbers {
        let (start, end, surface) = surface(n.s, n.e);
        let (ns, ne, _) = (scan.toks[n.ns].start, scan.toks[n.ne.max(n.ns + 1) - 1].end, ());
        out.numbers.push(Number {
            value: n.value,
            low: n.low,
            high: n.high,
            hedge: n.hedge,
            kind: n.kind,
            start,
            end,
            surface,
            number: Span::new(ns, ne.max(ns)),
            unit: n.unit,
        });
    }
    for d in &found.durations {
        let (start, end, surface) = surface(d.s, d.e);
        out.durations.push(Duration {
            value: d.value,
            low: d.low,
            high: d.high,
            unit: d.unit,
            hedge: d.hedge,
            iso: duration_iso(d.value, d.unit),
            start,
            end,
            surface,
        });
    }
    for d in &found.dates {
        let (start, end, surface) = surface(d.s, d.e);
        let (value, literal, grain, resolved) = resolve(d, rd);
        out.dates.push(DateMention {
            value,
            literal,
            grain,
            resolved,
            part_of_day: d.part.map(|p| grammar::part_name(p).to_string()),
            start,
            end,
            surface,
        });
    }
    out.numbers.sort_by_key(|n| (n.start, n.end));
    out.dates.sort_by_key(|d| (d.start, d.end));
    out.durations.sort_by_key(|d| (d.start, d.end));
    out
}

fn run(scan: &Scan) -> Found {
    let mut found = Found::default();
    let n = scan.len();
    let mut i = 0;
    while i < n {
        if !scan.toks[i].trigger {
            i += 1;
            continue;
        }
        if scan.in_title(i) {
            // Skip the quoted title.
            let mut j = i;
            while j < n && j < i + 8 && !matches!(scan.punct(j), Some('"' | '»' | '”' | '\'' | '“')) {
                j += 1;
            }
            i = j + 1;
            continue;
        }
        if let Some(f) = scan.date_at(i) {
            let end = f
                .dates
                .iter()
                .map(|d| d.e)
                .chain(f.numbers.iter().map(|x| x.e))
                .chain(f.durations.iter().map(|x| x.e))
                .max()
                .unwrap_or(i + 1);
            found.dates.extend(f.dates);
            found.numbers.extend(f.numbers);
            found.durations.extend(f.durations);
            i = end.max(i + 1);
            continue;
        }
        if let Some(e) = scan.quantity_at(i, &mut found) {
            i = e.max(i + 1);
            continue;
        }
        i += 1;
    }
    found.numbers.sort_by_key(|n| (n.s, n.e));
    scan.merge_ranges(&mut found.numbers);
    found
}

fn parse_published(s: &str) -> Option<Date> {
    let s = s.trim();
    s.get(..10).and_then(|p| p.parse::<Date>().ok())
}

fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn ym(d: Date) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

const WEEKDAYS: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

fn weekday_name(w: u8) -> &'static str {
    WEEKDAYS.get((w.max(1) - 1) as usize).copied().unwrap_or("Monday")
}

fn wd_of(d: Date) -> u8 {
    d.weekday().to_monday_one_offset() as u8
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.days()).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.months()).ok()
}

/// The part of a month named by a modifier, as an interval.
fn month_value(y: i32, m: u8, md: Mod) -> Option<String> {
    let first = Date::new(y as i16, m as i8, 1).ok()?;
    let last = first.last_of_month();
    Some(match md {
        Mod::None => ym(first),
        Mod::Early => format!("{}/{}", iso(first), iso(add_days(first, 9)?)),
        Mod::Mid => format!("{}/{}", iso(add_days(first, 10)?), iso(add_days(first, 19)?)),
        Mod::Late => format!("{}/{}", iso(add_days(first, 20)?), iso(last)),
    })
}

fn year_value(y: i32, md: Mod) -> String {
    match md {
        Mod::None => format!("{y:04}"),
        Mod::Early => format!("{y:04}-01/{y:04}-04"),
        Mod::Mid => format!("{y:04}-05/{y:04}-08"),
        Mod::Late => format!("{y:04}-09/{y:04}-12"),
    }
}

/// The year that puts month `m` (day `d`) nearest to the reference, respecting tense.
fn nearest_year(r: Date, m: u8, d: Option<u8>, tense: i8) -> Option<Date> {
    let mut best: Option<(i64, Date)> = None;
    for y in [r.year() - 1, r.year(), r.year() + 1] {
        let date = match d {
            Some(d) => Date::new(y, m as i8, d as i8).ok(),
            None => Date::new(y, m as i8, 1).ok(),
        };
        let Some(date) = date else { continue };
        let cmp_date = if d.is_none() && date <= r && r <= date.last_of_month() { r } else { date };
        let diff = (cmp_date - r).get_days() as i64;
        let diff = if d.is_none() && date.year() == r.year() && date.month() == r.month() { 0 } else { diff };
        if tense < 0 && diff > 0 || tense > 0 && diff < 0 {
            continue;
        }
        if best.is_none_or(|(b, _)| diff.abs() < b) {
            best = Some((diff.abs(), date));
        }
    }
    best.map(|b| b.1)
}

/// Resolves a date: (value, literal, grain, resolved).
fn resolve(d: &DateC, r: Option<Date>) -> (String, String, Grain, bool) {
    let day_grain = if d.part.is_some() { Grain::PartOfDay } else { Grain::Day };
    match &d.dv {
        Dv::Full { y, m, d: day } => {
            let lit = format!("{y:04}-{m:02}-{day:02}");
            let ok = Date::new(*y as i16, *m as i8, *day as i8).is_ok();
            (lit.clone(), lit, day_grain, ok)
        }
        Dv::DayMonth { m, d: day } => {
            let lit = format!("--{m:02}-{day:02}");
            match r.and_then(|r| nearest_year(r, *m, Some(*day), d.tense)) {
                Some(x) => (iso(x), lit, day_grain, true),
                None => (lit.clone(), lit, day_grain, false),
            }
        }
        Dv::Month { m, md } => {
            let lit = format!("--{m:02}");
            match r.and_then(|r| nearest_year(r, *m, None, d.tense)).and_then(|x| month_value(x.year() as i32, *m, *md))
            {
                Some(v) => (v, lit, Grain::Month, true),
                None => (lit.clone(), lit, Grain::Month, false),
            }
        }
        Dv::MonthYear { y, m, md } => {
            let lit = format!("{y:04}-{m:02}");
            match month_value(*y, *m, *md) {
                Some(v) => (v, lit, Grain::Month, true),
                None => (lit.clone(), lit, Grain::Month, false),
            }
        }
        Dv::Year { y, md } => {
            let lit = format!("{y:04}");
            (year_value(*y, *md), lit, Grain::Year, true)
        }
        Dv::Hijri { y, m, d: day } => {
            let lit = match (y, day) {
                (Some(y), Some(dd)) => format!("hijri:{y:04}-{m:02}-{dd:02}"),
                (Some(y), None) if *m == 0 => format!("hijri:{y:04}"),
                (Some(y), None) => format!("hijri:{y:04}-{m:02}"),
                (None, Some(dd)) => format!("hijri:--{m:02}-{dd:02}"),
                (None, None) => format!("hijri:--{m:02}"),
            };
            let conv = match (y, day) {
                (Some(y), Some(dd)) => hijri_to_gregorian(*y, *m, *dd).map(|g| (iso(g), day_grain)),
                (Some(y), None) if *m == 0 => {
                    let a = hijri_to_gregorian(*y, 1, 1);
                    let b = hijri_to_gregorian(y + 1, 1, 1).and_then(|b| add_days(b, -1));
                    a.zip(b).map(|(a, b)| (format!("{}/{}", iso(a), iso(b)), Grain::Year))
                }
                (Some(y), None) => {
                    let a = hijri_to_gregorian(*y, *m, 1);
                    let b = if *m == 12 { hijri_to_gregorian(y + 1, 1, 1) } else { hijri_to_gregorian(*y, m + 1, 1) };
                    a.zip(b.and_then(|b| add_days(b, -1)))
                        .map(|(a, b)| (format!("{}/{}", iso(a), iso(b)), Grain::Month))
                }
                _ => None,
            };
            match conv {
                Some((v, g)) => (v, lit, g, true),
                None => (lit.clone(), lit, if day.is_some() { day_grain } else { Grain::Month }, false),
            }
        }
        Dv::Weekday { wd, wd2 } => {
            let lit = match wd2 {
                Some(w2) => format!("weekday:{}-{}", weekday_name(*wd), weekday_name(*w2)),
                None => format!("weekday:{}", weekday_name(*wd)),
            };
            let v = r.and_then(|r| {
                let back = (wd_of(r) as i64 - *wd as i64).rem_euclid(7);
                let date = match d.tense {
                    t if t < 0 => add_days(r, -(if back == 0 { 7 } else { back })),
                    t if t > 0 => {
                        let fwd = (*wd as i64 - wd_of(r) as i64).rem_euclid(7);
                        add_days(r, if fwd == 0 { 7 } else { fwd })
                    }
                    _ => add_days(r, -back),
                }?;
                Some(match wd2 {
                    Some(_) => format!("{}/{}", iso(date), iso(add_days(date, 1)?)),
                    None => iso(date),
                })
            });
            match v {
                Some(v) => (v, lit, day_grain, true),
                None => (lit.clone(), lit, day_grain, false),
            }
        }
        Dv::Rel { gloss, res, md } => {
            let lit = format!("relative:{gloss}");
            let grain = match res {
                Res::Day(_) => day_grain,
                Res::Week(_) => Grain::Week,
                Res::Month(_) => Grain::Month,
                Res::Year(_) => Grain::Year,
                Res::Weekend(_) => Grain::Weekend,
                Res::Ago(_, u) => match u {
                    DurationUnit::Month => Grain::Month,
                    DurationUnit::Year | DurationUnit::Decade => Grain::Year,
                    _ => Grain::Day,
                },
                Res::None => Grain::Relative,
            };
            let v = r.and_then(|r| resolve_rel(*res, *md, r));
            match v {
                Some(v) => (v, lit, grain, true),
                None => (lit.clone(), lit, grain, false),
            }
        }
        Dv::Time { h, mi } => {
            let lit = format!("T{h:02}:{mi:02}");
            (lit.clone(), lit, Grain::Time, false)
        }
    }
}

fn resolve_rel(res: Res, md: Mod, r: Date) -> Option<String> {
    Some(match res {
        Res::None => return None,
        Res::Day(k) => iso(add_days(r, k as i64)?),
        Res::Week(k) => {
            let monday = add_days(r, -(wd_of(r) as i64 - 1) + 7 * k as i64)?;
            format!("{}/{}", iso(monday), iso(add_days(monday, 6)?))
        }
        Res::Month(k) => {
            let x = add_months(r.first_of_month(), k as i64)?;
            month_value(x.year() as i32, x.month() as u8, md)?
        }
        Res::Year(k) => year_value(r.year() as i32 + k, md),
        Res::Weekend(k) => {
            let sat = Weekday::Saturday.to_monday_one_offset() as i64;
            let sat_date = if k > 0 {
                let fwd = (sat - wd_of(r) as i64).rem_euclid(7);
                add_days(r, if fwd == 0 { 7 } else { fwd })?
            } else if k == 0 {
                let x = add_days(r, -1)?;
                add_days(x, (sat - wd_of(x) as i64).rem_euclid(7))?
            } else {
                let x = add_days(r, -1)?;
                add_days(x, -((wd_of(x) as i64 - sat).rem_euclid(7)))?
            };
            format!("{}/{}", iso(sat_date), iso(add_days(sat_date, 1)?))
        }
        Res::Ago(n, u) => {
            if n.fract() != 0.0 || n > 10000.0 {
                return None;
            }
            let n = n as i64;
            match u {
                DurationUnit::Second | DurationUnit::Minute | DurationUnit::Hour => iso(r),
                DurationUnit::Day => iso(add_days(r, -n)?),
                DurationUnit::Week => iso(add_days(r, -7 * n)?),
                DurationUnit::Month => ym(add_months(r, -n)?),
                DurationUnit::Year => format!("{:04}", r.year() as i64 - n),
                DurationUnit::Decade => format!("{:04}", r.year() as i64 - 10 * n),
            }
        }
    })
}

fn duration_iso(v: f64, u: DurationUnit) -> String {
    let n = grammar::num_str(v);
    match u {
        DurationUnit::Second => format!("PT{n}S"),
        DurationUnit::Minute => format!("PT{n}M"),
        DurationUnit::Hour => format!("PT{n}H"),
        DurationUnit::Day => format!("P{n}D"),
        DurationUnit::Week => format!("P{n}W"),
        DurationUnit::Month => format!("P{n}M"),
        DurationUnit::Year => format!("P{n}Y"),
        DurationUnit::Decade => format!("P{}Y", grammar::num_str(v * 10.0)),
    }
}

/// Converts a Hijri date to the Gregorian calendar with the tabular Islamic
/// calendar (civil epoch 16 July 622 Julian = 19 July 622 proleptic
/// Gregorian; leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29 of each
/// 30-year cycle). `None` for an invalid date.
pub fn hijri_to_gregorian(y: i32, m: u8, d: u8) -> Option<Date> {
    if !(1..=9000).contains(&y) || !(1..=12).contains(&m) || !(1..=30).contains(&d) {
        return None;
    }
    let (y, m, d) = (y as i64, m as i64, d as i64);
    let days = (y - 1) * 354 + (3 + 11 * y).div_euclid(30) + (59 * (m - 1) + 1) / 2 + d - 1;
    let epoch = Date::new(622, 7, 19).ok()?;
    add_days(epoch, days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hijri_known_dates() {
        // 1 Muharram 1 AH = 19 July 622 (proleptic Gregorian, civil epoch).
        assert_eq!(hijri_to_gregorian(1, 1, 1).map(iso).as_deref(), Some("0622-07-19"));
        // 1 Ramadan 1445: 11 March 2024 (Umm al-Qura); tabular gives the same or a day off.
        let r = hijri_to_gregorian(1445, 9, 1).unwrap();
        let um = Date::new(2024, 3, 11).unwrap();
        assert!((r - um).get_days().abs() <= 1, "{r}");
        let m = hijri_to_gregorian(1446, 1, 1).unwrap();
        let um = Date::new(2024, 7, 7).unwrap();
        assert!((m - um).get_days().abs() <= 1, "{m}");
    }
}
