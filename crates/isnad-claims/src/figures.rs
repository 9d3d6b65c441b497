//! Figures: numbers tied to what they count, with attribution and modality.

use isnad_model::{DateMention, Document, EntityType, Grain, NumberKind};

use crate::context::{is_word, with_document, Ctx};
use crate::cues::{CAPTIVES, FIGURE_ATTRIBUTION, FIGURE_COUNTED, FIGURE_WORDS};
use crate::model::{Figure, Modality, Source, What};
use crate::text::{in_lex, slice};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Killed,
    Wounded,
    Hostage,
    Captive,
    People,
    Displaced,
    Missing,
    Arrested,
    Aid,
    Population,
    Money,
}

/// What a word counts: the first kind of `figure_counted.tsv`, in this order,
/// holding one of its stems; else `People` for a Palestinian nisba.
fn classify(norm: &str) -> Option<Kind> {
    let c = &*FIGURE_COUNTED;
    let table: [(&[&str], Kind); 10] = [
        (&c.killed, Kind::Killed),
        (&c.wounded, Kind::Wounded),
        (&c.hostage, Kind::Hostage),
        (&c.captive, Kind::Captive),
        (&c.displaced, Kind::Displaced),
        (&c.missing, Kind::Missing),
        (&c.arrested, Kind::Arrested),
        (&c.aid, Kind::Aid),
        (&c.population, Kind::Population),
        (&c.money, Kind::Money),
    ];
    if let Some((_, k)) = table.iter().find(|(lex, _)| in_lex(norm, lex)) {
        return Some(*k);
    }
    if norm.trim_start_matches('و').starts_with("فلسطيني") {
        return Some(Kind::People);
    }
    None
}

/// An attribution found in a sentence.
struct Attribution {
    cue_start: usize,
    /// True for a verb cue, which only covers what follows it.
    verb: bool,
    /// True for a phrase cue opening its sentence, which covers what follows it.
    leading: bool,
    source: Source,
}

fn attributions(ctx: &Ctx, unit: (usize, usize)) -> Vec<Attribution> {
    let cues = &*FIGURE_ATTRIBUTION;
    let mut out = Vec::new();
    let first = ctx.token_at_or_after(unit.0);
    let last = ctx.tokens_before(unit.1);
    let mut i = first;
    while i < last {
        let n = ctx.norm(i).to_string();
        let phrase = is_word(&n, &cues.phrase);
        let verb = !phrase && is_word(&n, &cues.verb);
        if !(phrase || verb) || i + 1 >= last || ctx.punct_between(ctx.tokens[i].end, ctx.tokens[i + 1].start) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        if n.ends_with("نقلا") && ctx.norm(j) == "عن" {
            j += 1;
            if j >= last {
                break;
            }
        }
        let tok = &ctx.tokens[j];
        if cues.stop.contains(&tok.norm.as_str()) {
            i += 1;
            continue;
        }
        let mut start = tok.start;
        if phrase && tok.norm.starts_with('ل') && !tok.norm.starts_with("لل") {
            start += 1;
        }
        let end = if let Some((end, _)) = ctx.mention_starting_at(start).filter(|_| verb) {
            end
        } else {
            let max = if verb { 3 } else { 6 };
            let mut k = j;
            let mut end = ctx.tokens[j].end;
            while k + 1 < last && k + 1 - j < max {
                let next = &ctx.tokens[k + 1];
                if ctx.punct_between(ctx.tokens[k].end, next.start)
                    || cues.stop.contains(&next.norm.as_str())
                    || (verb && next.norm.starts_with('و'))
                {
                    break;
                }
                k += 1;
                end = next.end;
            }
            end
        };
        out.push(Attribution {
            cue_start: ctx.tokens[i].start,
            verb,
            leading: i <= first + 1,
            source: ctx.source(start, end),
        });
        i = j + 1;
    }
    out
}

/// True when the place mention starting at `pos` is introduced as a location:
/// an attached `ب`/`ل` (`بغزة`, `لغزة`) or a preceding `في`, `على`, `جنوب`….
fn locative(ctx: &Ctx, pos: usize) -> bool {
    let k = ctx.tokens.partition_point(|t| t.start <= pos).saturating_sub(1);
    if let Some(t) = ctx.tokens.get(k) {
        if t.start < pos && t.end > pos {
            let prefix: String = ctx.chars[t.start..pos].iter().collect();
            let prefix = prefix.trim_start_matches(['و', 'ف']);
            if prefix.starts_with('ب') || prefix.starts_with('ل') {
                return true;
            }
        }
    }
    let before = ctx.tokens_before(pos);
    before > 0
        && !ctx.punct_between(ctx.tokens[before - 1].end, pos)
        && is_word(ctx.norm(before - 1), &FIGURE_WORDS.locative)
}

/// The place a figure holds for: a place inside its span or right after it; else
/// a place introduced as a location later in its clause (`قتل 40 شخصا في الغارات
/// على غزة`); else, when the figure is the result of an event (`… لغزة، مما أسفر
/// عن مقتل 40`), the location of that event earlier in the sentence.
fn place_of(ctx: &Ctx, unit: (usize, usize), start: usize, end: usize) -> Option<String> {
    let places: Vec<(usize, usize, &str)> = ctx
        .mentions_from(unit.0, unit.1)
        .filter(|m| m.3 == EntityType::Place && m.1 <= unit.1)
        .map(|m| (m.0, m.1, m.2))
        .collect();
    let near = places
        .iter()
        .filter(|m| (m.0 >= start && m.1 <= end) || (m.0 >= end && m.0 <= end + 12))
        .find(|m| !ctx.punct_between(end, m.0));
    if let Some(m) = near {
        return Some(m.2.to_string());
    }
    let later = places
        .iter()
        .filter(|m| m.0 >= end && m.0 <= end + 48 && !ctx.punct_between(end, m.0))
        .find(|m| locative(ctx, m.0));
    if let Some(m) = later {
        return Some(m.2.to_string());
    }
    let first = ctx.token_at_or_after(unit.0);
    let cue = (first..ctx.tokens_before(start)).rev().find(|&k| is_word(ctx.norm(k), &FIGURE_WORDS.result))?;
    places
        .iter()
        .filter(|m| m.1 <= ctx.tokens[cue].start && locative(ctx, m.0))
        .max_by_key(|m| m.0)
        .map(|m| m.2.to_string())
}

/// The day a figure holds for: a resolved day in its sentence after `حتى`
/// (`حتى الإثنين`), else a resolved day in its clause (no punctuation between)
/// that is not the start of a period (`منذ 7 أكتوبر`): the day of the event
/// counted (`قتل 1,200 شخص في هجوم 7 أكتوبر`).
fn as_of(ctx: &Ctx, dates: &[DateMention], unit: (usize, usize), start: usize, end: usize) -> Option<String> {
    // Dates come in text order: only those starting in the unit are looked at.
    let dates = &dates[dates.partition_point(|d| d.start < unit.0)..dates.partition_point(|d| d.start < unit.1)];
    let in_unit = |d: &&DateMention| d.start >= unit.0 && d.end <= unit.1 && d.resolved;
    if let Some(d) =
        dates.iter().filter(in_unit).find(|d| slice(ctx.chars, d.start.saturating_sub(5), d.start).contains("حتى"))
    {
        return Some(d.value.clone());
    }
    dates
        .iter()
        .filter(in_unit)
        .filter(|d| d.grain == Grain::Day && d.value.len() == 10)
        .filter(|d| if d.start >= end { !ctx.punct_between(end, d.start) } else { !ctx.punct_between(d.end, start) })
        .filter(|d| {
            let before = ctx.tokens_before(d.start);
            before == 0 || !is_word(ctx.norm(before - 1), &FIGURE_WORDS.period_start)
        })
        .min_by_key(|d| if d.start >= end { d.start - end } else { start.saturating_sub(d.end) })
        .map(|d| d.value.clone())
}

/// True when a percentage overlaps `[start, end)` (`numbers` in text order).
fn percent_within(numbers: &[isnad_model::Number], start: usize, end: usize) -> bool {
    let k = numbers.partition_point(|m| m.end <= start);
    numbers.get(k).is_some_and(|m| m.start < end && m.kind == NumberKind::Percent)
}

/// Finds the figures of a document: its numbers tied to what they count.
pub fn figures(doc: &Document) -> Vec<Figure> {
    with_document(doc, find)
}

/// [`figures`] over the document's context.
pub(crate) fn find(ctx: &Ctx<'_>) -> Vec<Figure> {
    let numbers = ctx.layers.numbers;
    // Dates by start, for binary searches (the extractor gives them in text order).
    let mut dates: Vec<DateMention> = ctx.layers.dates.to_vec();
    if !dates.windows(2).all(|w| w[0].start <= w[1].start) {
        dates.sort_by_key(|d| d.start);
    }
    let dates = dates.as_slice();
    // The longest date, to bound the search for dates overlapping a number.
    let longest = dates.iter().map(|d| d.end - d.start).max().unwrap_or(0);
    let (words, captives) = (&*FIGURE_WORDS, &*CAPTIVES);
    let mut out = Vec::new();
    for (idx, n) in numbers.iter().enumerate() {
        let near =
            &dates[dates.partition_point(|d| d.start + longest < n.start)..dates.partition_point(|d| d.start < n.end)];
        if n.kind == NumberKind::Ordinal
            || (n.unit.is_none() && near.iter().any(|d| d.start < n.end && n.start < d.end))
        {
            continue;
        }
        let unit = ctx.unit_of(n.start);
        let first = ctx.token_at_or_after(unit.0);
        let last = ctx.tokens_before(unit.1);
        let after0 = ctx.token_at_or_after(n.end);
        let before0 = ctx.tokens_before(n.start);
        // Tokens after the number, nearest first, up to punctuation.
        let mut after = Vec::new();
        let mut prev_end = n.end;
        for k in after0..last.min(after0 + 3) {
            if ctx.punct_between(prev_end, ctx.tokens[k].start) {
                break;
            }
            after.push(k);
            prev_end = ctx.tokens[k].end;
        }
        let mut before = Vec::new();
        let mut next_start = n.start;
        for k in (first.max(before0.saturating_sub(6))..before0).rev() {
            // Punctuation, or a percentage (the noun beyond it is what the percentage is of), ends the window.
            if ctx.punct_between(ctx.tokens[k].end, next_start)
                || percent_within(numbers, ctx.tokens[k].start, ctx.tokens[k].end)
            {
                break;
            }
            before.push(k);
            next_start = ctx.tokens[k].start;
        }
        let found = after
            .iter()
            .chain(before.iter())
            .find_map(|&k| classify(ctx.norm(k)).filter(|c| *c != Kind::People).map(|c| (k, c)))
            .or_else(|| after.iter().find_map(|&k| classify(ctx.norm(k)).map(|c| (k, c))));
        let released = before.iter().any(|&k| in_lex(ctx.norm(k), &words.release));
        let local: String = ctx.tokens[after0.min(last)..last.min(after0 + 6)]
            .iter()
            .map(|t| t.norm.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let prison = |s: &str| captives.prison.iter().any(|p| s.contains(p));
        let prison_context = prison(&local) || before.iter().any(|&k| prison(ctx.norm(k)));
        let hostage_place = captives.hostage_place.iter().any(|p| local.contains(p));
        let nationality = ctx
            .layers
            .nationalities
            .iter()
            .find(|a| a.start >= n.end && a.start <= prev_end.max(n.end) + 1)
            .map(|a| a.country_code.as_str());
        let truce_tok = if n.unit.is_some() {
            before.iter().copied().find_map(|k| {
                if in_lex(ctx.norm(k), &words.truce) {
                    Some(k)
                } else if ctx.norm(k) == "لمده" && k > first && in_lex(ctx.norm(k - 1), &words.truce) {
                    Some(k - 1)
                } else {
                    None
                }
            })
        } else {
            None
        };
        let truce = truce_tok.is_some();
        let captive = |hostage_default: bool| -> What {
            let hostage = match nationality {
                Some(c) if captives.nationality_hostage.contains(&c) => true,
                Some(c) if captives.nationality_prisoner.contains(&c) => false,
                _ => (hostage_default || hostage_place) && !prison_context,
            };
            match (hostage, released) {
                (true, true) => What::HostagesReleased,
                (true, false) => What::HostagesHeld,
                (false, true) => What::PrisonersReleased,
                (false, false) => What::PrisonersHeld,
            }
        };
        let (what, trigger) = if truce {
            (What::TruceDuration, truce_tok)
        } else {
            match found {
                Some((k, kind)) => {
                    let what = match kind {
                        Kind::Killed => What::Killed,
                        Kind::Wounded => What::Wounded,
                        Kind::Hostage => captive(true),
                        Kind::Captive => {
                            let n = ctx.norm(k);
                            captive(in_lex(n, &captives.hostage_word))
                        }
                        Kind::People if released || prison_context => captive(false),
                        Kind::People => What::Other,
                        Kind::Displaced => What::Displaced,
                        Kind::Missing => What::Missing,
                        Kind::Arrested => What::Arrested,
                        Kind::Aid => What::Aid,
                        Kind::Population => What::Population,
                        Kind::Money => What::Money,
                    };
                    (what, Some(k))
                }
                None => (What::Other, None),
            }
        };
        if n.kind == NumberKind::Percent && !matches!(what, What::Money | What::Other) {
            continue;
        }
        // A share of a group (`ربعهم لقوا حتفهم`, `ثلثا السكان`) is a proportion, not a
        // count of what the sentence counts: it stays a figure, of kind `other`. So is
        // `one` in `دفعة واحدة` / `مرة واحدة` (all at once).
        let at_once = n.value == 1.0 && before0 > first && is_word(ctx.norm(before0 - 1), &words.at_once);
        let what = if (n.kind == NumberKind::Fraction && n.value < 1.0) || at_once { What::Other } else { what };
        let is_year = n.kind == NumberKind::Cardinal
            && (1900.0..=2100.0).contains(&n.value)
            && n.value.fract() == 0.0
            && n.surface.chars().all(|c| c.is_ascii_digit());
        if (is_year || n.kind == NumberKind::Vague) && trigger.is_none() {
            continue;
        }
        let (mut start, mut end) = (n.start, n.end);
        // A duration or a nationality right after the number belongs to it.
        if let Some(d) = ctx.layers.durations.iter().find(|d| d.start <= n.start && n.end <= d.end) {
            end = end.max(d.end);
        }
        if let Some(a) = ctx.layers.nationalities.iter().find(|a| a.start > end && a.start <= end + 1 + 12) {
            if !ctx.punct_between(end, a.start) && ctx.tokens_before(a.start) <= ctx.token_at_or_after(end) + 1 {
                end = a.end;
            }
        }
        let mut counted = None;
        if let Some(k) = trigger {
            let t = &ctx.tokens[k];
            start = start.min(t.start);
            end = end.max(t.end);
            if !truce {
                counted = Some(slice(ctx.chars, t.start, t.end));
            }
        }
        let place = place_of(ctx, unit, start, end);
        let as_of = as_of(ctx, dates, unit, start, end);
        // Attribution: the nearest in the sentence; verb cues only cover what follows them.
        let source = attributions(ctx, unit)
            .into_iter()
            .filter(|a| !(a.verb && a.cue_start > start))
            .filter(|a| a.verb || a.leading || a.cue_start > start)
            .filter(|a| !(a.source.start < end && start < a.source.end))
            .min_by_key(|a| {
                if a.cue_start < start {
                    start - a.source.end.min(start)
                } else {
                    a.cue_start - end.min(a.cue_start)
                }
            })
            .map(|a| a.source);
        let window_start = ctx.tokens.get(before0.saturating_sub(10).max(first)).map(|t| t.start).unwrap_or(unit.0);
        let modal_from = ctx.token_at_or_after(window_start).min(before0);
        let modal_tokens = ctx.tokens[modal_from..before0].iter();
        let mut modality = Modality::Reported;
        if ctx.tokens[first.min(before0)..before0].iter().any(|t| in_lex(&t.norm, &words.discussed)) {
            modality = Modality::Proposed;
        }
        for t in modal_tokens {
            if in_lex(&t.norm, &words.proposed) {
                modality = Modality::Proposed;
            } else if in_lex(&t.norm, &words.demanded) {
                modality = Modality::Demanded;
            }
        }
        out.push(Figure {
            start,
            end,
            surface: slice(ctx.chars, start, end),
            number: idx,
            value: n.value,
            low: n.low,
            high: n.high,
            hedge: n.hedge,
            what,
            counted,
            place,
            as_of,
            source,
            modality,
            citation: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::doc;

    fn one(text: &str, value: f64) -> Figure {
        let d = doc(text);
        let figs = figures(&d);
        figs.into_iter().find(|f| f.value == value).unwrap_or_else(|| panic!("no figure {value} in {text}"))
    }

    #[test]
    fn killed_by_verb_before_with_phrase_source() {
        let f = one("وقتل نحو 300 شخص في المدينة، وفقا لمسؤولين محليين.", 300.0);
        assert_eq!(f.what, What::Killed);
        let s = f.source.expect("source");
        assert_eq!(s.surface, "مسؤولين محليين");
        assert!(s.anonymous);
    }

    #[test]
    fn killed_and_wounded_by_noun_after() {
        let d = doc("سقط 12 قتيلا و40 جريحا في القصف.");
        let figs = figures(&d);
        assert!(figs.iter().any(|f| f.value == 12.0 && f.what == What::Killed));
        assert!(figs.iter().any(|f| f.value == 40.0 && f.what == What::Wounded));
    }

    #[test]
    fn place_later_in_the_clause_or_where_the_event_happened() {
        let place = |text: &str, value: f64| one(text, value).place;
        // A location later in the clause.
        assert!(place("قتل نحو 300 شخص في الغارات الجوية على غزة أمس.", 300.0).is_some_and(|p| p.contains("غز")));
        // The event's location before a result connective.
        let p = place("شنت الطائرات غارات على رفح، مما أسفر عن مقتل 45 شخصا.", 45.0);
        assert!(p.is_some_and(|p| p.contains("رفح")));
        // A place that is not a location (the subject) is not taken.
        assert_eq!(place("قالت مصر إن 20 شخصا أصيبوا.", 20.0), None);
    }

    #[test]
    fn as_of_is_the_day_counted_not_the_start_of_a_period() {
        let d = doc("قتل 70 شخصا في هجوم 7 أكتوبر 2023، وقتل 900 آخرون منذ 10 أكتوبر 2023.");
        let figs = figures(&d);
        let f = |v: f64| figs.iter().find(|f| f.value == v).unwrap_or_else(|| panic!("{v}: {figs:?}"));
        assert_eq!(f(70.0).as_of.as_deref(), Some("2023-10-07"));
        assert_eq!(f(900.0).as_of, None);
    }

    #[test]
    fn figures_under_discussion_are_proposed() {
        let d = doc("ناقش الوسطاء في القاهرة هدنة لمدة أسبوعين تقريبا، مقابل الإفراج عن نحو 40 رهينة.");
        let f = figures(&d).into_iter().find(|f| f.value == 40.0).expect("40");
        assert_eq!(f.modality, Modality::Proposed);
        let d = doc("وتطالب العائلات بإطلاق سراح الأسرى دفعة واحدة.");
        let figs = figures(&d);
        assert!(figs.iter().any(|f| f.value == 1.0) && figs.iter().all(|f| f.what == What::Other), "{figs:?}");
        let d = doc("أفرجت الحركة عن 12 رهينة أمس.");
        assert_eq!(figures(&d)[0].modality, Modality::Reported);
    }

    #[test]
    fn a_share_of_a_group_is_not_a_count() {
        let d = doc("قتل 80 شخصا في القصف، وكان ربعهم تقريبا من الأطفال، ونزح نصف السكان.");
        let figs = figures(&d);
        assert!(figs.iter().any(|f| f.value == 80.0 && f.what == What::Killed), "{figs:?}");
        assert!(figs.iter().filter(|f| f.value < 1.0).all(|f| f.what == What::Other), "{figs:?}");
        assert!(figs.iter().any(|f| f.value == 0.25), "{figs:?}");
    }

    #[test]
    fn hostages_and_prisoners() {
        let f = one("ما زال هناك 50 رهينة لدى الحركة.", 50.0);
        assert_eq!(f.what, What::HostagesHeld);
        let f = one("ينص الاتفاق على الإفراج عن 90 معتقلا من السجون.", 90.0);
        assert_eq!(f.what, What::PrisonersReleased);
        let f = one("تم إطلاق سراح 20 أسيرا الأسبوع الماضي.", 20.0);
        assert_eq!(f.what, What::HostagesReleased);
    }

    #[test]
    fn population_money_aid_displaced() {
        assert_eq!(one("المخيم يقطنه 40 ألف شخص.", 40000.0).what, What::Population);
        assert_eq!(one("خصص البنك 500 مليون دولار للإعمار.", 500_000_000.0).what, What::Money);
        assert_eq!(one("دخلت 70 شاحنة إلى المعبر.", 70.0).what, What::Aid);
        assert_eq!(one("هناك 3 آلاف نازح في المدارس.", 3000.0).what, What::Displaced);
        assert_eq!(one("لا يزال 15 مفقودا تحت الأنقاض.", 15.0).what, What::Missing);
    }

    #[test]
    fn truce_duration_and_modality() {
        let f = one("يتضمن المقترح هدنة لمدة ستة أسابيع.", 6.0);
        assert_eq!(f.what, What::TruceDuration);
        assert_eq!(f.modality, Modality::Proposed);
        let f = one("وتطالب الحركة بالإفراج عن 500 أسير فلسطيني.", 500.0);
        assert_eq!(f.modality, Modality::Demanded);
        assert_eq!(f.what, What::PrisonersReleased);
    }

    #[test]
    fn verb_source_covers_following_figures() {
        let f = one("وقالت مصادر طبية إن 25 شخصا قتلوا.", 25.0);
        let s = f.source.expect("source");
        assert_eq!(s.surface, "مصادر طبية");
        assert!(s.anonymous);
        let f = one("قتل 7 أشخاص، بحسب وزارة الصحة.", 7.0);
        assert_eq!(f.source.expect("source").surface, "وزارة الصحة");
    }

    #[test]
    fn spans_are_exact() {
        let text = "وقتل نحو 300 شخص في المدينة، وفقا لمسؤولين محليين.";
        let d = doc(text);
        for f in figures(&d) {
            assert_eq!(d.text_of(f.start, f.end), f.surface);
        }
    }
}

#[cfg(test)]
mod more_tests {
    use super::*;
    use crate::test_util::doc;

    #[test]
    fn local_context_decides_hostage_or_prisoner() {
        let d = doc("وتقدر الحكومة وجود 80 أسيرا في غزة، مقابل 3000 أسير في سجونها.");
        let figs = figures(&d);
        assert!(figs.iter().any(|f| f.value == 80.0 && f.what == What::HostagesHeld));
        assert!(figs.iter().any(|f| f.value == 3000.0 && f.what == What::PrisonersHeld));
    }

    #[test]
    fn a_percentage_ends_the_look_back_for_what_is_counted() {
        let d = doc("تضاعف عدد سكان القرى بنسبة 12.5% في الأعوام الخمسة الأخيرة.");
        let figs = figures(&d);
        assert!(figs.iter().all(|f| f.what != What::Population), "{figs:?}");
    }

    #[test]
    fn held_verb_and_ka_clitic() {
        let d = doc("احتجز المسلحون نحو 60 شخصا كرهائن.");
        assert_eq!(figures(&d).iter().find(|f| f.value == 60.0).map(|f| f.what), Some(What::HostagesHeld));
    }

    #[test]
    fn trailing_phrase_source_does_not_reach_forward() {
        let d = doc("قتل 9 أشخاص وفقا للشرطة في المدينة التي يقطنها 500 ألف نسمة.");
        let figs = figures(&d);
        let pop = figs.iter().find(|f| f.what == What::Population).expect("population");
        assert!(pop.source.is_none());
        let killed = figs.iter().find(|f| f.what == What::Killed).expect("killed");
        assert_eq!(killed.source.as_ref().map(|s| s.surface.as_str()), Some("للشرطة"));
    }

    #[test]
    fn truce_span_and_prison_before() {
        let d = doc("وطالبت الحركة بهدنة لمدة عشرة أيام.");
        let f = figures(&d).into_iter().find(|f| f.value == 10.0).expect("truce");
        assert_eq!(f.what, What::TruceDuration);
        assert!(f.surface.starts_with("بهدنة"), "{}", f.surface);
        let d = doc("وتحتجز في سجونها أكثر من 900 فلسطيني.");
        assert_eq!(figures(&d).iter().find(|f| f.value == 900.0).map(|f| f.what), Some(What::PrisonersHeld));
    }

    #[test]
    fn verb_far_before_with_nationality_noun() {
        let d = doc("قتل الجيش في المدينة 40 فلسطينيا.");
        assert_eq!(figures(&d).iter().find(|f| f.value == 40.0).map(|f| f.what), Some(What::Killed));
    }
}
