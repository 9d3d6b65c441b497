//! Quotes: direct quotes and reported speech, with speaker and venue.

use isnad_model::Document;

use crate::context::{fold, with_document, Ctx};
use crate::cues::{QUOTE_CUES, QUOTE_WORDS};
use crate::model::{Quote, Source};
use crate::text::{in_lex, is_quote_mark, normalize, slice, stems, verb_stems};

fn cue_lemma(norm: &str) -> Option<&'static str> {
    let st = verb_stems(norm);
    QUOTE_CUES.iter().find(|(_, forms)| st.iter().any(|s| forms.contains(&&**s))).map(|(l, _)| *l)
}

/// The closing mark for an opening quotation mark.
fn closing(open: char) -> char {
    match open {
        '«' => '»',
        '“' => '”',
        '„' => '“',
        c => c,
    }
}

/// A short quoted name (`"كان 11"`, a programme title) followed in the
/// same sentence by a complementizer: returns the offset after its closing mark.
fn short_title(ctx: &Ctx, open: usize, limit: usize) -> Option<usize> {
    let close = closing(ctx.chars[open]);
    let rel = ctx.chars.get(open + 1..limit)?.iter().position(|&c| c == close)?;
    let after = open + 1 + rel + 1;
    let inner = slice(ctx.chars, open + 1, after - 1);
    if inner.split_whitespace().count() > 3 {
        return None;
    }
    let k = ctx.token_at_or_after(after);
    let follows = ctx.tokens[k..]
        .iter()
        .take(8)
        .take_while(|t| t.start < limit)
        .any(|t| QUOTE_WORDS.that.contains(&t.norm.as_str()));
    follows.then_some(after)
}

/// The end of reported speech: the sentence end, or a comma before a new cue (`، مضيفا أن`).
fn indirect_end(ctx: &Ctx, start: usize, unit_end: usize) -> usize {
    let first = ctx.token_at_or_after(start);
    for k in first + 1..ctx.tokens.len() {
        let t = &ctx.tokens[k];
        if t.start >= unit_end {
            break;
        }
        if ctx.punct_between(ctx.tokens[k - 1].end, t.start) && cue_lemma(&t.norm).is_some() {
            return ctx.tokens[k - 1].end;
        }
    }
    unit_end
}

/// True when `s` is a bare definite noun repeating the head of `previous`.
fn is_anaphor(s: &Source, previous: &Source) -> bool {
    let f = fold(&s.surface);
    s.entity.is_none()
        && !f.contains(' ')
        && normalize(&s.surface).starts_with("ال")
        && fold(&previous.surface).split(' ').next() == Some(f.as_str())
}

/// Finds direct quotes and reported speech.
pub fn quotes(doc: &Document) -> Vec<Quote> {
    with_document(doc, find)
}

/// [`quotes`] over the document's context.
pub(crate) fn find(ctx: &Ctx<'_>) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    let mut resume = 0usize;
    let mut i = 0;
    while i < ctx.tokens.len() {
        if ctx.tokens[i].start < resume {
            i += 1;
            continue;
        }
        let Some(cue) = cue_lemma(ctx.norm(i)) else {
            i += 1;
            continue;
        };
        // `يذكر أن`, `جدير بالذكر أن`: the writer's background, not speech.
        let next_is_that = ctx.tokens.get(i + 1).is_some_and(|t| QUOTE_WORDS.that.contains(&t.norm.as_str()));
        if next_is_that && in_lex(ctx.norm(i), &QUOTE_WORDS.writer_voice) {
            i += 1;
            continue;
        }
        match quote_at(ctx, i, cue, out.last().and_then(|q| q.speaker.clone())) {
            Some(q) => {
                resume = q.end;
                out.push(q);
            }
            None => i += 1,
        }
    }
    out
}

/// The speaker of a cue at token `i` given before it: the antecedent of a
/// relative pronoun (`المحافظ الذي قال`, a name or a definite noun), or the
/// topic of `أما X، فأكد`.
fn speaker_before(ctx: &Ctx, i: usize, unit: (usize, usize)) -> Option<Source> {
    let first = ctx.token_at_or_after(unit.0);
    if i >= first + 2 && matches!(ctx.norm(i - 1), "الذي" | "التي" | "الذين" | "اللذين" | "اللتين")
    {
        let end = ctx.tokens[i - 2].end;
        if ctx.punct_between(end, ctx.tokens[i - 1].start) {
            return None;
        }
        if let Some(m) = ctx.mentions_from(ctx.tokens[first].start, end).filter(|m| m.1 == end).min_by_key(|m| m.0) {
            return Some(ctx.source(m.0, m.1));
        }
        let t = &ctx.tokens[i - 2];
        return (t.norm.starts_with("ال") && t.norm.chars().count() > 3).then(|| ctx.source(t.start, t.end));
    }
    // أما X، فـ<cue>: X runs from after أما to the comma.
    if ctx.norm(i).starts_with('ف') && i > first + 1 && matches!(ctx.norm(first), "اما" | "واما") {
        let start = ctx.tokens[first + 1].start;
        let end = ctx.tokens[first + 1..i]
            .iter()
            .position(|t| {
                ctx.punct_between(t.end, ctx.tokens.get(ctx.token_at_or_after(t.end)).map_or(t.end, |n| n.start))
            })
            .map(|k| ctx.tokens[first + 1 + k].end)?;
        return (end > start && end <= ctx.tokens[i].start).then(|| ctx.source(start, end));
    }
    None
}

fn quote_at(ctx: &Ctx, i: usize, cue: &'static str, previous: Option<Source>) -> Option<Quote> {
    let words = &*QUOTE_WORDS;
    let cue_tok = &ctx.tokens[i];
    let unit = ctx.unit_of(cue_tok.start);
    let last = ctx.tokens_before(unit.1);
    let mut j = i + 1;
    if cue == "نقل" {
        // نقلت <outlet> عن <speaker>
        let k = (j..last.min(j + 8)).find(|&k| ctx.norm(k) == "عن")?;
        j = k + 1;
    }
    // Speaker.
    let mut speaker = None;
    let mut after_speaker = if j > i + 1 { ctx.tokens[j - 1].end } else { cue_tok.end };
    if j < last && !ctx.punct_between(after_speaker, ctx.tokens[j].start) && !words.that.contains(&ctx.norm(j)) {
        let start = ctx.tokens[j].start;
        let end = if let Some((end, _)) = ctx.mention_starting_at(start) {
            end
        } else {
            let mut k = j;
            let mut end = start;
            while k < last && k - j < 8 {
                let t = &ctx.tokens[k];
                if (k > j && ctx.punct_between(ctx.tokens[k - 1].end, t.start))
                    || words.speaker_stop.contains(&t.norm.as_str())
                    || words.that.contains(&t.norm.as_str())
                    || (k > j && (t.norm.starts_with("لل") || cue_lemma(&t.norm).is_some()))
                    || stems(&t.norm).iter().any(|s| words.venue.contains(&s.as_str()))
                {
                    break;
                }
                end = t.end;
                k += 1;
            }
            // A name that starts inside the phrase runs to its end.
            ctx.mentions_from(start, end).map(|m| m.1).fold(end, usize::max)
        };
        if end > start {
            speaker = Some(ctx.source(start, end));
            after_speaker = end;
        }
    }
    // No subject after the cue: one before it.
    if speaker.is_none() {
        speaker = speaker_before(ctx, i, unit);
    }
    // Content: the first quotation mark or complementizer after the speaker.
    let limit = unit.1.min(after_speaker + 160);
    let mut pos = after_speaker;
    let mut content = None;
    let mut venue = None;
    let mut k = ctx.token_at_or_after(after_speaker);
    while pos < limit {
        let next_tok = ctx.tokens.get(k).filter(|t| t.start < limit);
        let mark = ctx.chars[pos..next_tok.map_or(limit, |t| t.start)].iter().position(|&c| is_quote_mark(c));
        if let Some(m) = mark {
            let open = pos + m;
            match short_title(ctx, open, limit) {
                Some(after) => {
                    pos = after;
                    k = ctx.token_at_or_after(after);
                    continue;
                }
                None => {
                    content = Some((open, true));
                    break;
                }
            }
        }
        let Some(t) = next_tok else { break };
        if words.that.contains(&t.norm.as_str()) {
            content = Some((t.end, false));
            break;
        }
        if venue.is_none() && stems(&t.norm).iter().any(|s| words.venue.contains(&s.as_str())) {
            venue = Some(t.start);
        }
        pos = t.end;
        k += 1;
    }
    let (mut cstart, mut direct) = content?;
    let venue = venue.map(|v| {
        let mut e = if direct { cstart } else { ctx.tokens[k].start };
        while e > v && (ctx.chars[e - 1].is_whitespace() || matches!(ctx.chars[e - 1], '،' | ',' | ':')) {
            e -= 1;
        }
        ctx.source(v, e.max(v))
    });
    if !direct {
        // إنه "…": the content is quoted.
        let mut p = cstart;
        while p < ctx.chars.len() && (ctx.chars[p].is_whitespace() || ctx.chars[p] == ':') {
            p += 1;
        }
        if p < ctx.chars.len() && is_quote_mark(ctx.chars[p]) {
            cstart = p;
            direct = true;
        }
    }
    let (content_start, content_end, end) = if direct {
        let open = ctx.chars[cstart];
        let close = closing(open);
        let s = cstart + 1;
        let search_end = ctx.chars.len().min(s + 2000);
        match ctx.chars[s..search_end].iter().position(|&c| c == close || (close != '"' && c == '"' && open == '"')) {
            Some(off) => (s, s + off, s + off + 1),
            None => (s, unit.1, unit.1),
        }
    } else {
        let end = indirect_end(ctx, cstart, unit.1);
        (cstart, end, end)
    };
    let (mut cs, mut ce) = (content_start, content_end);
    while cs < ce && ctx.chars[cs].is_whitespace() {
        cs += 1;
    }
    while ce > cs && (ctx.chars[ce - 1].is_whitespace() || matches!(ctx.chars[ce - 1], '.' | '،' | ',' | '؛')) {
        ce -= 1;
    }
    if ce <= cs {
        return None;
    }
    let end = if direct { end } else { ce };
    // A definite anaphor (`المسؤول`, `المصدر`) refers back to the previous speaker.
    let speaker = match (speaker, previous) {
        (Some(s), Some(p)) if is_anaphor(&s, &p) => Some(p),
        (s, p) => s.or(p),
    };
    Some(Quote {
        start: cue_tok.start,
        end,
        surface: slice(ctx.chars, cue_tok.start, end),
        speaker,
        cue: cue.to_string(),
        cue_start: cue_tok.start,
        cue_end: cue_tok.end,
        direct,
        content_start: cs,
        content_end: ce,
        venue,
        citation: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::doc;

    fn content(d: &Document, q: &Quote) -> String {
        d.text_of(q.content_start, q.content_end).to_string()
    }

    #[test]
    fn reported_speech_with_named_speaker() {
        let d = doc("وقال المتحدث باسم الوزارة إن المحادثات مستمرة.");
        let qs = quotes(&d);
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].cue, "قال");
        assert!(!qs[0].direct);
        assert_eq!(qs[0].speaker.as_ref().unwrap().surface, "المتحدث باسم الوزارة");
        assert_eq!(content(&d, &qs[0]), "المحادثات مستمرة");
    }

    #[test]
    fn speakers_given_before_the_cue() {
        let d = doc("والتقى السفير المحافظ الذي قال للصحفيين إن الوضع مستقر.");
        let q = quotes(&d);
        assert_eq!(q[0].speaker.as_ref().map(|s| s.surface.as_str()), Some("المحافظ"));
        let d = doc("أما رئيس البلدية، فأكد أن الأعمال ستنتهي قريبا.");
        let q = quotes(&d);
        assert_eq!(q[0].speaker.as_ref().map(|s| s.surface.as_str()), Some("رئيس البلدية"));
    }

    #[test]
    fn the_writers_background_is_no_quote() {
        let d = doc("وقال الوزير إن الاتفاق قريب. يذكر أن الحرب اندلعت قبل عامين. وجدير بالذكر أن المدينة تضررت.");
        let q = quotes(&d);
        assert_eq!(q.len(), 1, "{q:?}");
        // With a subject it is a report: `يذكر التقرير أن`.
        let d = doc("يذكر التقرير أن الأسعار ارتفعت.");
        assert_eq!(quotes(&d).len(), 1);
    }

    #[test]
    fn cue_verbs_beyond_say() {
        let d =
            doc("وكشفت وزارة الزراعة أن المحصول تضرر. وأردف المهندس أن الخسائر كبيرة. وتوقع الخبير أن ترتفع الأسعار.");
        let cues: Vec<String> = quotes(&d).into_iter().map(|q| q.cue).collect();
        assert_eq!(cues, ["كشف", "أردف", "توقع"]);
    }

    #[test]
    fn direct_quote_in_guillemets_and_previous_speaker() {
        let d = doc("وأكد وزير الخارجية أن الوضع صعب. وأضاف: «لن نتراجع عن موقفنا».");
        let qs = quotes(&d);
        assert_eq!(qs.len(), 2);
        assert!(qs[1].direct);
        assert_eq!(qs[1].cue, "أضاف");
        assert_eq!(content(&d, &qs[1]), "لن نتراجع عن موقفنا");
        assert_eq!(qs[1].speaker.as_ref().unwrap().surface, "وزير الخارجية");
    }

    #[test]
    fn inna_followed_by_quote_is_direct() {
        let d = doc("وقالت المتحدثة إنه \"لا يوجد اتفاق حتى الآن\" بين الطرفين.");
        let q = &quotes(&d)[0];
        assert!(q.direct);
        assert_eq!(content(&d, q), "لا يوجد اتفاق حتى الآن");
    }

    #[test]
    fn feminine_cue_with_ila_anna_and_venue() {
        let d = doc("وأشارت الصحيفة في مقابلة مع شبكة محلية إلى أن الاجتماع انتهى.");
        let q = &quotes(&d)[0];
        assert_eq!(q.cue, "أشار");
        assert_eq!(q.speaker.as_ref().unwrap().surface, "الصحيفة");
        assert_eq!(q.venue.as_ref().unwrap().surface, "مقابلة مع شبكة محلية إلى");
        assert_eq!(content(&d, q), "الاجتماع انتهى");
    }

    #[test]
    fn transmitted_speech_takes_the_speaker_after_an() {
        let d = doc("ونقلت الإذاعة عن مسؤول كبير قوله إن الوفد سيعود غدا.");
        let q = &quotes(&d)[0];
        assert_eq!(q.speaker.as_ref().unwrap().surface, "مسؤول كبير");
        assert!(q.speaker.as_ref().unwrap().anonymous);
        assert_eq!(content(&d, q), "الوفد سيعود غدا");
    }

    #[test]
    fn short_quoted_title_is_skipped() {
        let d = doc("وقال السفير لبرنامج \"لقاء خاص\" إنه يأمل في اتفاق قريب.");
        let q = &quotes(&d)[0];
        assert!(!q.direct);
        assert_eq!(content(&d, q), "يأمل في اتفاق قريب");
    }

    #[test]
    fn definite_anaphor_takes_the_previous_speaker() {
        let d = doc("وقال مسؤول أمني إن الهجوم فشل. وأكد المسؤول أن التحقيق مستمر.");
        let qs = quotes(&d);
        assert_eq!(qs.len(), 2);
        assert_eq!(qs[1].speaker.as_ref().unwrap().surface, "مسؤول أمني");
    }

    #[test]
    fn adverbs_are_not_speakers() {
        let d = doc("وقال الوزير إن الوفد وصل. وأضاف بالقول: «نحن مستعدون». وقال الوزير أيضا إن الرد قريب.");
        let qs = quotes(&d);
        assert_eq!(qs.len(), 3);
        assert_eq!(qs[1].speaker.as_ref().unwrap().surface, "الوزير");
        assert_eq!(qs[2].speaker.as_ref().unwrap().surface, "الوزير");
    }

    #[test]
    fn second_cue_after_comma_starts_a_new_quote() {
        let d = doc("وقال الوزير إن الاتفاق قريب، مضيفا أن الخلافات تقلصت.");
        let qs = quotes(&d);
        assert_eq!(qs.len(), 2);
        assert_eq!(content(&d, &qs[0]), "الاتفاق قريب");
        assert_eq!(qs[1].cue, "أضاف");
        assert_eq!(content(&d, &qs[1]), "الخلافات تقلصت");
        assert_eq!(qs[1].speaker.as_ref().unwrap().surface, "الوزير");
    }

    #[test]
    fn spans_are_exact() {
        let d = doc("وقال المسؤول للصحفيين: «سنواصل العمل». وحذرت الأمم المتحدة من أن الوضع يتدهور.");
        let qs = quotes(&d);
        assert_eq!(qs.len(), 2);
        for q in &qs {
            assert_eq!(d.text_of(q.start, q.end), q.surface);
        }
        assert_eq!(d.text_of(qs[0].cue_start, qs[0].cue_end), "وقال");
        assert_eq!(d.text_of(qs[1].cue_start, qs[1].cue_end), "وحذرت");
        assert_eq!(qs[1].speaker.as_ref().unwrap().surface, "الأمم المتحدة");
    }
}
