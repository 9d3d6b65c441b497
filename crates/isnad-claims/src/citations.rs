//! Citations: outlets cited as the source of reporting, and whom they cite in turn.
//!
//! A citation is a cue (`بحسب`, `وفقا لـ`, `نقلت`, `أفادت`, `ذكرت`, `بحسب ما أفادت`)
//! whose subject is an outlet: an OUTLET entity, or a phrase headed by an outlet
//! noun (`صحيفة`, `موقع`, `قناة`, `شبكة`, `وكالة`, `إذاعة`, `هيئة البث`). The
//! outlet's own source follows `عن` (`نقلت صحيفة … عن مسؤولين مطلعين`,
//! `… نقلا عن مصادر`). An interview given to an outlet (`قال لشبكة …`) is a
//! venue, not a citation.
//!
//! Figures and quotes link to a citation ([`link`]) when they sit in the
//! citing sentence, or when a later sentence continues the report with a
//! definite outlet noun (`وأضافت الصحيفة`, `وبحسب الهيئة`).

use isnad_model::{Citation, Document, EntityType, Figure, Quote};

use crate::context::{is_word, with_document, Ctx};
use crate::cues::CITATION_CUES;
use crate::text::{in_lex, is_quote_mark, slice};

/// Finds the citations of a document, in text order.
pub fn citations(doc: &Document) -> Vec<Citation> {
    with_document(doc, find)
}

/// [`citations`] over the document's context.
pub(crate) fn find(ctx: &Ctx<'_>) -> Vec<Citation> {
    let mut out = Vec::new();
    for &unit in &ctx.units {
        let first = ctx.token_at_or_after(unit.0);
        let last = ctx.tokens_before(unit.1);
        let mut i = first;
        while i < last {
            match citation_at(ctx, i, last) {
                Some((c, next)) => {
                    out.push(c);
                    i = next;
                }
                None => i += 1,
            }
        }
    }
    out.sort_by_key(|c| c.start);
    out.dedup_by_key(|c| c.start);
    out
}

/// A citation whose cue is token `i`, and the token after it.
fn citation_at(ctx: &Ctx, i: usize, last: usize) -> Option<(Citation, usize)> {
    let cues = &*CITATION_CUES;
    let n = ctx.norm(i);
    let phrase = cues.phrase.contains(&n) || is_word(n, &cues.phrase);
    let verb = !phrase && (cues.verb.contains(&n) || in_lex(n, &cues.verb));
    if !(phrase || verb) {
        return None;
    }
    let mut j = i + 1;
    if j >= last || ctx.punct_between(ctx.tokens[i].end, ctx.tokens[j].start) {
        return None;
    }
    // `نقلا عن`, `استنادا إلى`, `بحسب ما أفادت/ذكرت/نقلت`.
    if phrase && matches!(ctx.norm(j), "عن" | "الي") {
        j += 1;
    }
    if phrase && j < last && ctx.norm(j) == "ما" && j + 1 < last && in_lex(ctx.norm(j + 1), &cues.verb) {
        j += 2;
    }
    if j >= last {
        return None;
    }
    // `ونقلت الهيئة عن …` / `الهيئة نقلت عن …`: a definite outlet noun that
    // refers back to an outlet cited before starts a new citation only when it
    // names a source of its own.
    let anaphor_after = verb && is_anaphor(ctx.norm(j)) && j + 1 < last && ctx.norm(j + 1) == "عن";
    let anaphor_before = verb && i > 0 && is_anaphor(ctx.norm(i - 1)) && ctx.norm(j) == "عن";
    let (o_start, o_end, o_last, outlet) = if anaphor_after || anaphor_before {
        let a = if anaphor_after { j } else { i - 1 };
        let prior = previous_outlet(ctx, ctx.tokens[a].start)?;
        let mut src = ctx.source(ctx.tokens[a].start, ctx.tokens[a].end);
        src.entity = src.entity.or(prior);
        (src.start, src.end, if anaphor_after { j } else { i }, src)
    } else {
        let (s, e, l) = outlet_at(ctx, j, last, phrase)?;
        (s, e, l, ctx.source(s, e))
    };
    // The outlet's own source: `عن X` (or `نقلا عن X`) right after the outlet.
    let mut k = o_last + 1;
    let mut via = None;
    if k < last && ctx.norm(k) == "نقلا" {
        k += 1;
    }
    let gap_ok = |a: usize, b: usize| {
        ctx.chars.get(a..b).is_some_and(|g| g.iter().all(|&c| c.is_whitespace() || is_quote_mark(c)))
    };
    let attached = o_last + 1 < last && gap_ok(o_end.max(ctx.tokens[o_last].end), ctx.tokens[o_last + 1].start);
    if attached && k < last && ctx.norm(k) == "عن" {
        if let Some((s, e, vl)) = via_at(ctx, k + 1, last) {
            via = Some(ctx.source(s, e));
            k = vl + 1;
        }
    }
    let end = via.as_ref().map_or(o_end, |v| v.end).max(ctx.tokens[i].end);
    let start = ctx.tokens[i].start.min(o_start);
    let c = Citation {
        start,
        end,
        surface: slice(ctx.chars, start, end),
        cue: slice(ctx.chars, ctx.tokens[i].start, ctx.tokens[i].end),
        outlet,
        via,
    };
    Some((c, k.max(o_last + 1)))
}

/// The outlet phrase starting at token `j`: `(start, end, last token)`.
fn outlet_at(ctx: &Ctx, j: usize, last: usize, phrase: bool) -> Option<(usize, usize, usize)> {
    let tok = &ctx.tokens[j];
    // A prepositional cue glues `لـ` to its object (`وفقا لصحيفة`).
    let mut start = tok.start;
    let norm = tok.norm.as_str();
    let mut head_norm = norm.to_string();
    if phrase && norm.starts_with('ل') && !norm.starts_with("لل") && norm.chars().count() > 3 {
        start += 1;
        head_norm = norm.chars().skip(1).collect();
    }
    let is_noun = CITATION_CUES.outlet_noun.iter().any(|w| is_word(&head_norm, &[w]) || head_norm == *w);
    let mention_at = |pos: usize| {
        ctx.mentions_from(pos, pos + 3)
            .filter(|m| m.3 == EntityType::Outlet && m.1 > pos)
            .max_by_key(|m| m.1)
            .map(|m| m.1)
    };
    // The outlet entity: at the cue's object, or right after an outlet noun.
    let mut end = mention_at(start);
    let mut k = j;
    if end.is_none() && is_noun && j + 1 < last && !ctx.punct_between(tok.end, ctx.tokens[j + 1].start) {
        end = mention_at(ctx.tokens[j + 1].start).or_else(|| {
            // A quoted name after the noun (`موقع "والا"`).
            let next = ctx.tokens[j + 1].start;
            ctx.chars
                .get(tok.end..next)
                .filter(|gap| gap.iter().any(|&c| is_quote_mark(c)))
                .map(|_| ctx.tokens[j + 1].end)
        });
    }
    if end.is_none() && is_noun {
        // An unknown outlet named after its noun: up to 4 words, not past a stop word.
        let mut e = tok.end;
        let mut m = j;
        while m + 1 < last && m + 1 - j <= 4 {
            let next = &ctx.tokens[m + 1];
            if ctx.punct_between(ctx.tokens[m].end, next.start)
                || CITATION_CUES.via_stop.contains(&next.norm.as_str())
                || matches!(next.norm.as_str(), "عن" | "في" | "الي" | "علي" | "من" | "مع" | "خلال")
                || next.norm.starts_with('و')
            {
                break;
            }
            m += 1;
            e = next.end;
        }
        // `الهيئة` or `الصحيفة (الرسمية)` is an anaphor, not a new outlet.
        if is_anaphor(&head_norm) {
            return None;
        }
        end = Some(e);
    }
    let mut end = end?;
    while k + 1 < last && ctx.tokens[k + 1].end <= end {
        k += 1;
    }
    // Trailing nisba (`الإسرائيلية`, `الأمريكية`) and a quoted alias (`"كان 11"`).
    while k + 1 < last {
        let next = &ctx.tokens[k + 1];
        let gap_quote = ctx.chars.get(end..next.start).is_some_and(|g| g.iter().any(|&c| is_quote_mark(c)));
        let nisba = next.norm.starts_with("ال") && (next.norm.ends_with("يه") || next.norm.ends_with("ي"));
        if !ctx.punct_between(end, next.start) && nisba && next.norm.chars().count() > 4 {
            k += 1;
            end = next.end;
        } else if gap_quote {
            // Take the quoted alias whole, up to its closing mark.
            let close = (next.start..ctx.chars.len().min(next.start + 24)).find(|&p| is_quote_mark(ctx.chars[p]));
            let Some(close) = close else { break };
            while k + 1 < last && ctx.tokens[k + 1].end <= close {
                k += 1;
            }
            end = close + 1;
        } else {
            break;
        }
    }
    Some((start, end, k))
}

/// The outlet's own source starting at token `j`: `(start, end, last token)`.
fn via_at(ctx: &Ctx, j: usize, last: usize) -> Option<(usize, usize, usize)> {
    if j >= last || CITATION_CUES.via_stop.contains(&ctx.norm(j)) {
        return None;
    }
    let mut k = j;
    let mut end = ctx.tokens[j].end;
    if let Some((e, _)) = ctx.mention_starting_at(ctx.tokens[j].start) {
        end = end.max(e);
        while k + 1 < last && ctx.tokens[k + 1].end <= end {
            k += 1;
        }
    }
    while k + 1 < last && k + 1 - j < 8 {
        let next = &ctx.tokens[k + 1];
        if ctx.punct_between(ctx.tokens[k].end, next.start) || CITATION_CUES.via_stop.contains(&next.norm.as_str()) {
            break;
        }
        // `مصادر مطلعة على المفاوضات`: a following clause with a verb ends it.
        if next.norm.starts_with('و') && next.norm.chars().count() > 3 && k > j {
            break;
        }
        k += 1;
        end = next.end;
    }
    // An apposition naming the person: `عن وزير الخارجية، فلان الفلاني، قوله`.
    if k + 1 < last {
        let next = &ctx.tokens[k + 1];
        if let Some((pe, _)) = ctx
            .mention_starting_at(next.start)
            .filter(|_| ctx.chars.get(end..next.start).is_some_and(|g| g.iter().any(|&c| c == '،' || c == ',')))
            .filter(|(_, id)| ctx.mentions().any(|m| m.2 == id && m.3 == EntityType::Person))
        {
            end = pe;
            while k + 1 < last && ctx.tokens[k + 1].end <= end {
                k += 1;
            }
        }
    }
    Some((ctx.tokens[j].start, end, k))
}

/// True for a definite outlet noun (`الصحيفة`, `الهيئة`).
fn is_anaphor(norm: &str) -> bool {
    let s = norm.strip_prefix('و').unwrap_or(norm);
    let anaphors = &CITATION_CUES.anaphor;
    anaphors.contains(&s) || s.strip_prefix('ب').is_some_and(|r| anaphors.contains(&r))
}

/// The entity of the last outlet mentioned before `pos` (the referent of an anaphor).
fn previous_outlet(ctx: &Ctx, pos: usize) -> Option<Option<String>> {
    let m = ctx.mentions().filter(|m| m.3 == EntityType::Outlet && m.1 <= pos).max_by_key(|m| m.0);
    match m {
        Some(m) => Some(Some(m.2.to_string())),
        // An outlet phrase that is not an entity still counts as a referent.
        None => ctx
            .tokens
            .iter()
            .any(|t| t.end <= pos && CITATION_CUES.outlet_noun.contains(&t.norm.as_str()))
            .then_some(None),
    }
}

/// Links figures and quotes to the citation they are reported under.
///
/// A fact in the citing sentence links to it when the fact follows the cue,
/// or when a sentence-final citation covers the sentence. A later sentence
/// continuing with a definite outlet noun (`وأضافت الصحيفة`) links its facts
/// to the last citation of that outlet kind.
pub fn link(doc: &Document, citations: &[Citation], figures: &mut [Figure], quotes: &mut [Quote]) {
    if !citations.is_empty() {
        with_document(doc, |ctx| link_in(ctx, citations, figures, quotes));
    }
}

/// [`link`] over the document's context.
pub(crate) fn link_in(ctx: &Ctx<'_>, citations: &[Citation], figures: &mut [Figure], quotes: &mut [Quote]) {
    if citations.is_empty() {
        return;
    }
    let unit_citation = |pos: usize| -> Option<usize> {
        let unit = ctx.unit_of(pos);
        let in_unit: Vec<usize> =
            (0..citations.len()).filter(|&c| citations[c].start >= unit.0 && citations[c].start < unit.1).collect();
        // The nearest citation before the fact, else the first one after it.
        in_unit
            .iter()
            .copied()
            .filter(|&c| citations[c].start <= pos)
            .max_by_key(|&c| citations[c].start)
            .or_else(|| in_unit.first().copied())
    };
    // Sentences that continue a citation through an anaphor: (unit start, citation).
    let mut continued: Vec<((usize, usize), usize)> = Vec::new();
    for t in ctx.tokens.iter() {
        let anaphor = is_anaphor(&t.norm);
        if !anaphor {
            continue;
        }
        let Some(c) = (0..citations.len()).filter(|&c| citations[c].end <= t.start).max_by_key(|&c| citations[c].start)
        else {
            continue;
        };
        let unit = ctx.unit_of(t.start);
        if unit_citation(t.start).is_none() {
            continued.push((unit, c));
        }
    }
    let find = |pos: usize| -> Option<usize> {
        unit_citation(pos).or_else(|| continued.iter().find(|(u, _)| u.0 <= pos && pos < u.1).map(|(_, c)| *c))
    };
    for f in figures.iter_mut() {
        f.citation = find(f.start);
    }
    for q in quotes.iter_mut() {
        q.citation = find(q.cue_start.min(q.content_start));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::doc;

    fn outlets(text: &str) -> Vec<(String, Option<String>)> {
        let d = doc(text);
        citations(&d).into_iter().map(|c| (c.outlet.surface, c.via.map(|v| v.surface))).collect()
    }

    #[test]
    fn newspaper_citing_unnamed_officials() {
        let got = outlets("ونقلت صحيفة نيويورك تايمز عن مسؤولين مطلعين أن الاتفاق بات قريبا.");
        assert_eq!(got, vec![("صحيفة نيويورك تايمز".to_string(), Some("مسؤولين مطلعين".to_string()))]);
    }

    #[test]
    fn according_to_what_a_paper_reported() {
        let got = outlets("وتوقفت المحادثات الأسبوع الماضي، بحسب ما أفادت صحيفة الغارديان البريطانية.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, "صحيفة الغارديان البريطانية");
        assert_eq!(got[0].1, None);
    }

    #[test]
    fn broadcaster_with_alias_and_unnamed_source() {
        let got = outlets("وأفادت هيئة البث الإسرائيلية \"كان 11\" نقلا عن مصدر سياسي لم تسمه، بأن الوفد سيعود.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].0.starts_with("هيئة البث الإسرائيلية"), "{got:?}");
        assert!(got[0].0.contains("كان 11"), "{got:?}");
        assert_eq!(got[0].1.as_deref(), Some("مصدر سياسي لم تسمه"), "{got:?}");
    }

    #[test]
    fn unknown_site_after_outlet_noun() {
        let got = outlets("وذكر موقع والا العبري أن الجيش يستعد لعملية جديدة.");
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].0.starts_with("موقع والا"), "{got:?}");
    }

    #[test]
    fn interview_venue_and_plain_speaker_are_not_citations() {
        assert!(outlets("وقال الوزير لشبكة سي إن إن إن المحادثات مستمرة.").is_empty());
        assert!(outlets("وقال مسؤول إسرائيلي إن الوفد لن يسافر.").is_empty());
    }

    #[test]
    fn facts_in_the_citing_sentence_and_continuations_link() {
        let d = doc("ونقلت صحيفة نيويورك تايمز عن مسؤولين أن 40 رهينة قد يفرج عنهم. وأضافت الصحيفة أن الوسطاء متفائلون. وقال الوزير إن الأمر صعب.");
        let cs = citations(&d);
        assert_eq!(cs.len(), 1);
        let mut figs = crate::figures(&d);
        let mut qs = crate::quotes(&d);
        link(&d, &cs, &mut figs, &mut qs);
        assert!(figs.iter().any(|f| f.value == 40.0 && f.citation == Some(0)), "{figs:?}");
        let added = qs.iter().find(|q| q.cue == "أضاف").expect("the continuation is a quote");
        assert_eq!(added.citation, Some(0));
        let minister = qs.iter().find(|q| q.cue == "قال").expect("minister quote");
        assert_eq!(minister.citation, None);
    }

    #[test]
    fn anaphor_with_its_own_source_and_apposition() {
        let got = outlets(
            "وأعلنت صحيفة هآرتس أن الوفد عاد. الصحيفة نقلت عن مسؤول كبير أن الخلاف قائم. ونقل موقع \"أكسيوس\" الأمريكي عن وزير الخارجية، أنتوني بلينكن، قوله إن الاتفاق ممكن.",
        );
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(got[1], ("الصحيفة".to_string(), Some("مسؤول كبير".to_string())));
        assert!(got[2].0.contains("الأمريكي"), "{got:?}");
        assert_eq!(got[2].1.as_deref(), Some("وزير الخارجية، أنتوني بلينكن"));
    }

    #[test]
    fn definite_outlet_noun_alone_is_not_a_new_citation() {
        let got = outlets("وذكرت صحيفة هآرتس أن الوفد عاد. وشارك رئيس الموساد، بحسب الصحيفة الرسمية.");
        assert_eq!(got.len(), 1, "{got:?}");
    }
}
