//! Cleaning: raw article text in, cleaned text out, with everything removed
//! or repaired recorded and an offset map back to the raw input.
//!
//! Two passes, each an [`edit::apply`] of non-overlapping edits:
//! 1. characters ([`chars`]): invisible characters, odd spaces, line breaks,
//!    HTML entities, stray markup;
//! 2. lines and words ([`lines`], [`joined`]): ad markers, teasers,
//!    boilerplate, credits, bylines, datelines, the source trailer, the
//!    dangling fragment of a truncated article, and joined words.
//!
//! The two maps are composed into one map from the cleaned text to the raw
//! input. Headings stay in the text and are marked, not removed.

pub mod chars;
pub mod edit;
pub mod joined;
pub mod lines;

use isnad_model::{CharIndex, Dateline, Heading, HeadingLevel, Noise, NoiseKind, OffsetMap, Repair, RepairKind, Span};

use crate::fold::is_arabic_letter;
use crate::lexicon::{words, WordList};
use edit::{apply, compose, Action, Edit};
use lines::{lines, Line};

/// The result of cleaning one raw text.
#[derive(Debug, Clone, Default)]
pub struct Cleaned {
    /// The cleaned text.
    pub text: String,
    /// Maps the cleaned text back to the raw input.
    pub map: OffsetMap,
    /// What was removed, in raw order.
    pub noise: Vec<Noise>,
    /// What was changed, in raw order.
    pub repairs: Vec<Repair>,
    /// The dateline, if any.
    pub dateline: Option<Dateline>,
    /// The author from a byline, if any.
    pub author: Option<String>,
    /// Headline and crossheads (spans of the cleaned text).
    pub headings: Vec<Heading>,
    /// True when the article was cut off mid-sentence.
    pub truncated: bool,
}

/// Characters that can end a complete paragraph.
fn ends_paragraph(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '؟' | '…' | '؛' | '»' | '”' | '“' | '"' | '\'' | '’' | ')' | ']' | ':' | '*' | '\u{06D4}'
    )
}

/// Clause boundaries inside a paragraph, used to isolate a dangling fragment.
fn is_clause_boundary(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '؛' | '،' | ',' | ':' | '\u{06D4}')
}

/// Words of a dangling fragment at most, for it to be set apart.
const MAX_FRAGMENT_WORDS: usize = 8;
/// Words of a line that counts as a body paragraph (for teaser detection).
const MIN_PARAGRAPH_WORDS: usize = 12;
/// Most lines in a block of teasers (a longer run of short lines is a list or a poem).
const MAX_TEASER_LINES: usize = 6;
/// Words a last paragraph needs before its missing full stop counts as truncation.
const MIN_TRUNCATED_WORDS: usize = 6;

/// The cleaner. Holds the word list used to repair joined words.
pub struct Cleaner<'a> {
    words: &'a WordList,
}

impl Default for Cleaner<'static> {
    fn default() -> Self {
        Cleaner { words: words() }
    }
}

struct LineNoise {
    kind: NoiseKind,
    /// Byte span of the noise content in pass-1 text.
    content: (usize, usize),
    /// Byte span to remove (content plus its line break).
    removal: (usize, usize),
}

impl<'a> Cleaner<'a> {
    /// A cleaner using the given word list.
    pub fn new(words: &'a WordList) -> Self {
        Cleaner { words }
    }

    /// Cleans a raw text.
    pub fn clean(&self, raw: &str) -> Cleaned {
        let pass1 = apply(raw, chars::edits(raw));
        let s1 = pass1.text.as_str();
        let s1_idx = CharIndex::new(s1);
        let all_lines = lines(s1);

        let mut line_noise: Vec<LineNoise> = Vec::new();
        let mut edits: Vec<Edit> = Vec::new();
        let mut dateline = None;
        let mut author = None;
        let mut truncated = false;

        let content = |l: &Line| -> (usize, usize) {
            let t = &s1[l.start..l.end];
            let lead = t.len() - t.trim_start().len();
            let trail = t.len() - t.trim_end().len();
            (l.start + lead, l.end - trail)
        };
        let removal = |k: usize| -> (usize, usize) {
            let l = all_lines[k];
            if k + 1 < all_lines.len() {
                (l.start, l.end + 1)
            } else if l.start > 0 {
                (l.start - 1, l.end)
            } else {
                (l.start, l.end)
            }
        };
        let mut is_noise = vec![false; all_lines.len()];
        let mark = |k: usize, kind: NoiseKind, is_noise: &mut Vec<bool>, line_noise: &mut Vec<LineNoise>| {
            is_noise[k] = true;
            line_noise.push(LineNoise { kind, content: content(&all_lines[k]), removal: removal(k) });
        };

        // Whole-line noise anywhere.
        for (k, l) in all_lines.iter().enumerate() {
            if let Some(kind) = lines::classify(&s1[l.start..l.end]) {
                mark(k, kind, &mut is_noise, &mut line_noise);
            }
        }
        // The "Source" trailer: the last lines, behind other noise.
        for k in (0..all_lines.len()).rev() {
            let t = &s1[all_lines[k].start..all_lines[k].end];
            if t.trim().is_empty() || is_noise[k] {
                continue;
            }
            if lines::is_source_trailer(t) {
                mark(k, NoiseKind::SourceTrailer, &mut is_noise, &mut line_noise);
                continue;
            }
            break;
        }
        // Teaser blocks: two or more headline-like lines in a row inside an
        // article of punctuated paragraphs are other stories' titles.
        let is_paragraph = |k: usize| {
            let t = s1[all_lines[k].start..all_lines[k].end].trim();
            t.split_whitespace().count() >= MIN_PARAGRAPH_WORDS && t.chars().next_back().is_some_and(ends_paragraph)
        };
        let body_paragraphs = (0..all_lines.len()).filter(|&k| is_paragraph(k)).count();
        // Lines before the first paragraph are the title and standfirst.
        let first_paragraph = (0..all_lines.len()).find(|&k| is_paragraph(k)).unwrap_or(all_lines.len());
        if body_paragraphs >= 2 {
            let teaser = |k: usize| !is_noise[k] && lines::is_headline_like(&s1[all_lines[k].start..all_lines[k].end]);
            let nonblank = |k: usize| !s1[all_lines[k].start..all_lines[k].end].trim().is_empty();
            let mut blocks: Vec<Vec<usize>> = Vec::new();
            let mut k = first_paragraph;
            while k < all_lines.len() {
                if !teaser(k) {
                    k += 1;
                    continue;
                }
                // The run of teaser lines from k (blank lines between them allowed).
                let mut run = vec![k];
                let mut j = k + 1;
                while j < all_lines.len() {
                    if !nonblank(j) {
                        j += 1;
                    } else if teaser(j) {
                        run.push(j);
                        j += 1;
                    } else {
                        break;
                    }
                }
                // A run of questions only is an interview or a list of questions.
                let all_questions = run.iter().all(|&t| lines::is_question(&s1[all_lines[t].start..all_lines[t].end]));
                if (2..=MAX_TEASER_LINES).contains(&run.len()) && !all_questions {
                    blocks.push(run);
                }
                k = j;
            }
            for t in blocks.into_iter().flatten() {
                mark(t, NoiseKind::RelatedLink, &mut is_noise, &mut line_noise);
            }
        }
        // Bylines and datelines among the first lines.
        let head: Vec<usize> = (0..all_lines.len())
            .filter(|&k| !is_noise[k] && !s1[all_lines[k].start..all_lines[k].end].trim().is_empty())
            .take(3)
            .collect();
        for &k in &head {
            let t = &s1[all_lines[k].start..all_lines[k].end];
            if let Some(a) = lines::byline(t) {
                author = Some(a);
                mark(k, NoiseKind::Byline, &mut is_noise, &mut line_noise);
            } else if dateline.is_none() {
                let (a, b) = content(&all_lines[k]);
                let whole_inline = lines::inline_dateline(&s1[a..b]).filter(|(len, ..)| *len >= b - a);
                if let Some((place, outlet)) = lines::own_line_dateline(t) {
                    dateline = Some((Some(place), Some(outlet), (a, b)));
                    mark(k, NoiseKind::Dateline, &mut is_noise, &mut line_noise);
                } else if let Some((_, place, outlet)) = whole_inline {
                    dateline = Some((place, Some(outlet), (a, b)));
                    mark(k, NoiseKind::Dateline, &mut is_noise, &mut line_noise);
                }
            }
        }
        // An inline dateline opening the first body paragraph.
        if dateline.is_none() {
            if let Some(k) = (0..all_lines.len())
                .find(|&k| !is_noise[k] && !s1[all_lines[k].start..all_lines[k].end].trim().is_empty())
            {
                let (a, b) = content(&all_lines[k]);
                if let Some((len, place, outlet)) = lines::inline_dateline(&s1[a..b]) {
                    if len < b - a {
                        let end_content = s1[a..a + len].trim_end().len() + a;
                        dateline = Some((place, Some(outlet), (a, end_content)));
                        line_noise.push(LineNoise {
                            kind: NoiseKind::Dateline,
                            content: (a, end_content),
                            removal: (a, a + len),
                        });
                    }
                }
            }
        }

        // Truncation: the last body paragraph ends without closing punctuation.
        if let Some(k) = (0..all_lines.len())
            .rev()
            .find(|&k| !is_noise[k] && !s1[all_lines[k].start..all_lines[k].end].trim().is_empty())
        {
            let (a, b) = content(&all_lines[k]);
            let t = &s1[a..b];
            let n_words = t.split_whitespace().count();
            let last = t.chars().next_back().unwrap_or('.');
            if t.ends_with("...") || t.ends_with('…') {
                truncated = n_words >= MIN_TRUNCATED_WORDS;
            } else if !ends_paragraph(last) && n_words >= MIN_TRUNCATED_WORDS {
                truncated = true;
                if let Some((cut, _)) = t.char_indices().rev().find(|&(_, c)| is_clause_boundary(c)) {
                    let frag_start = a + cut + t[cut..].chars().next().map_or(1, char::len_utf8);
                    let frag = s1[frag_start..b].trim_start();
                    let fs = b - frag.len();
                    if !frag.is_empty() && frag.split_whitespace().count() <= MAX_FRAGMENT_WORDS {
                        line_noise.push(LineNoise {
                            kind: NoiseKind::TruncatedFragment,
                            content: (fs, b),
                            removal: (frag_start, b),
                        });
                    }
                }
            }
        }

        // Inline ad markers and joined words inside body lines.
        for (k, l) in all_lines.iter().enumerate() {
            if is_noise[k] {
                continue;
            }
            let t = &s1[l.start..l.end];
            for m in lines::AD_MARKER.find_iter(t) {
                let marker = m.as_str().trim_end();
                line_noise.push(LineNoise {
                    kind: NoiseKind::AdMarker,
                    content: (l.start + m.start(), l.start + m.start() + marker.len()),
                    removal: (l.start + m.start(), l.start + m.end()),
                });
            }
            self.joined_edits(t, l.start, &mut edits);
        }

        for n in &line_noise {
            edits.push(Edit::remove(n.removal.0, n.removal.1, n.kind));
        }
        let pass2 = apply(s1, edits);
        let map = compose(&pass2.map, &pass1.map);

        // Noise and repairs, in raw coordinates.
        let removed2: Vec<Span> = pass2
            .applied
            .iter()
            .filter(|a| matches!(a.action, Action::Remove(_)))
            .map(|a| pass1.map.to_raw(a.input))
            .collect();
        let raw_idx = CharIndex::new(raw);
        let mut noise = Vec::new();
        let mut repairs = Vec::new();
        // `removed2` is in input order and its spans do not overlap.
        let inside_removed = |span: &Span| {
            let k = removed2.partition_point(|r| r.start <= span.start);
            k > 0 && !removed2[k - 1].is_empty() && removed2[k - 1].contains(span)
        };
        for a in &pass1.applied {
            if inside_removed(&a.input) {
                continue;
            }
            match &a.action {
                Action::Remove(kind) => noise.push(Noise { kind: *kind, raw: a.input, surface: a.before.clone() }),
                Action::Replace(kind, after) => {
                    if let Some(text) = pass2.map.to_text(a.output) {
                        repairs.push(Repair {
                            kind: *kind,
                            before: a.before.clone(),
                            after: after.clone(),
                            raw: a.input,
                            text,
                        });
                    }
                }
            }
        }
        for n in &line_noise {
            let s = Span::new(s1_idx.char_of(s1, n.content.0), s1_idx.char_of(s1, n.content.1));
            let raw_span = pass1.map.to_raw(s);
            noise.push(Noise {
                kind: n.kind,
                raw: raw_span,
                surface: raw_idx.slice(raw, raw_span.start, raw_span.end).to_string(),
            });
        }
        for a in &pass2.applied {
            if let Action::Replace(kind, after) = &a.action {
                // `before` is the raw text verbatim, with any invisible
                // characters the first pass removed from inside it.
                let raw_span = pass1.map.to_raw(a.input);
                let before = raw_idx.slice(raw, raw_span.start, raw_span.end).to_string();
                repairs.push(Repair { kind: *kind, before, after: after.clone(), raw: raw_span, text: a.output });
            }
        }
        noise.sort_by_key(|n| (n.raw.start, n.raw.end));
        repairs.sort_by_key(|r| (r.raw.start, r.raw.end));

        let dateline = dateline.map(|(place, outlet, (a, b))| {
            let s = Span::new(s1_idx.char_of(s1, a), s1_idx.char_of(s1, b));
            Dateline { place, outlet, raw: pass1.map.to_raw(s) }
        });
        let headings = find_headings(&pass2.text);
        Cleaned { text: pass2.text, map, noise, repairs, dateline, author, headings, truncated }
    }

    fn joined_edits(&self, line: &str, offset: usize, edits: &mut Vec<Edit>) {
        let mut it = line.char_indices().peekable();
        while let Some((b, c)) = it.next() {
            if !is_arabic_letter(c) {
                continue;
            }
            let mut e = b + c.len_utf8();
            while let Some(&(nb, nc)) = it.peek() {
                if is_arabic_letter(nc) {
                    e = nb + nc.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            // Only whole tokens: a run glued to marks or digits is left alone.
            if it.peek().is_some_and(|&(_, nc)| nc.is_alphanumeric() || crate::fold::is_diacritic(nc)) {
                continue;
            }
            let word = &line[b..e];
            if let Some(parts) = joined::split(word, self.words) {
                let chars: Vec<char> = word.chars().collect();
                let fixed =
                    parts.iter().map(|&(x, y)| chars[x..y].iter().collect::<String>()).collect::<Vec<_>>().join(" ");
                edits.push(Edit::replace(offset + b, offset + e, RepairKind::JoinedWords, fixed));
            }
        }
    }
}

/// Most words a heading line may have.
const MAX_HEADING_WORDS: usize = 14;
/// Most words a title line may have.
const MAX_TITLE_WORDS: usize = 24;

/// Finds the headline and crossheads of a cleaned text: short lines without
/// closing punctuation that are followed by more text.
pub fn find_headings(text: &str) -> Vec<Heading> {
    let idx = CharIndex::new(text);
    let ls: Vec<Line> = lines(text).into_iter().filter(|l| !text[l.start..l.end].trim().is_empty()).collect();
    let mut out = Vec::new();
    for (i, l) in ls.iter().enumerate() {
        if i + 1 == ls.len() {
            break;
        }
        let raw_line = &text[l.start..l.end];
        let t = raw_line.trim();
        let n = t.split_whitespace().count();
        let last = t.chars().next_back().unwrap_or('.');
        let max = if i == 0 { MAX_TITLE_WORDS } else { MAX_HEADING_WORDS };
        if n == 0
            || n > max
            || ends_paragraph(last)
            || last == '،'
            || last == ','
            || !t.chars().any(char::is_alphabetic)
        {
            continue;
        }
        // A crosshead is shorter than the paragraph after it.
        let next = text[ls[i + 1].start..ls[i + 1].end].split_whitespace().count();
        if i > 0 && next <= n {
            continue;
        }
        let lead = raw_line.len() - raw_line.trim_start().len();
        let start = idx.char_of(text, l.start + lead);
        let end = idx.char_of(text, l.start + lead + t.len());
        out.push(Heading {
            level: if i == 0 { HeadingLevel::Title } else { HeadingLevel::Subheading },
            start,
            end,
            surface: t.to_string(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(raw: &str) -> Cleaned {
        Cleaner::default().clean(raw)
    }

    fn check_offsets(raw: &str, c: &Cleaned) {
        for n in &c.noise {
            assert_eq!(isnad_model::char_slice(raw, n.raw.start, n.raw.end), n.surface, "{n:?}");
        }
        for r in &c.repairs {
            assert_eq!(isnad_model::char_slice(raw, r.raw.start, r.raw.end), r.before, "{r:?}");
            assert_eq!(isnad_model::char_slice(&c.text, r.text.start, r.text.end), r.after, "{r:?}");
        }
        for h in &c.headings {
            assert_eq!(isnad_model::char_slice(&c.text, h.start, h.end), h.surface);
        }
        // Every char of an equal-length run maps to the same char of the raw
        // input, unless a repair replaced it one for one.
        let text: Vec<char> = c.text.chars().collect();
        let raw_chars: Vec<char> = raw.chars().collect();
        for seg in c.map.segments() {
            if seg.text_len == seg.raw_len {
                for k in 0..seg.text_len {
                    let t = seg.text + k;
                    if !c.repairs.iter().any(|r| r.text.start <= t && t < r.text.end) {
                        assert_eq!(text[t], raw_chars[seg.raw + k]);
                    }
                }
            }
        }
        assert_eq!(c.map.text_len(), text.len());
    }

    #[test]
    fn removes_markers_trailer_and_related_links() {
        let raw = "[ad_1]\nوصل الوفد إلى القاهرة صباح اليوم.\nاقرأ أيضاً:\u{00A0}عنوان مقال آخر\n[ad_2]\nالمصدر";
        let c = clean(raw);
        check_offsets(raw, &c);
        assert_eq!(c.text.trim(), "وصل الوفد إلى القاهرة صباح اليوم.");
        let kinds: Vec<NoiseKind> = c.noise.iter().map(|n| n.kind).collect();
        assert_eq!(kinds, [NoiseKind::AdMarker, NoiseKind::RelatedLink, NoiseKind::AdMarker, NoiseKind::SourceTrailer]);
        assert_eq!(c.noise[1].surface, "اقرأ أيضاً:\u{00A0}عنوان مقال آخر");
        assert!(!c.truncated);
    }

    #[test]
    fn teaser_blocks_between_paragraphs_are_related_links() {
        let para = "أعلنت السلطات المحلية في المدينة الساحلية أمس عن خطة جديدة لإعادة بناء الميناء المتضرر بعد العاصفة.";
        let raw = format!(
            "{para}\nعنوان: مهرجان الربيع يعود إلى الساحة القديمة\nهل تنجح الخطة الجديدة في إنقاذ الموسم السياحي؟\n{para}\nالمرحلة الثانية\n{para}"
        );
        let c = clean(&raw);
        check_offsets(&raw, &c);
        let related: Vec<&str> =
            c.noise.iter().filter(|n| n.kind == NoiseKind::RelatedLink).map(|n| n.surface.as_str()).collect();
        assert_eq!(
            related,
            ["عنوان: مهرجان الربيع يعود إلى الساحة القديمة", "هل تنجح الخطة الجديدة في إنقاذ الموسم السياحي؟"]
        );
        // Title and standfirst before the first paragraph stay.
        let raw3 = format!("عنوان الخبر الرئيسي عن الميناء\nخطة جديدة لإعادة بناء الميناء المتضرر\n{para}\n{para}");
        assert!(clean(&raw3).noise.iter().all(|n| n.kind != NoiseKind::RelatedLink));
        // Questions only: an interview, not teasers; a quote line ends a paragraph.
        let raw2 = format!("{para}\nهل زرت المدينة من قبل؟\nمتى كانت آخر مرة رأيت فيها البحر؟\n{para}\nعنوان طويل عن مهرجان المدينة\nقالت الوزيرة: \"سنبدأ العمل غدا.\"\n{para}");
        let c2 = clean(&raw2);
        assert!(c2.noise.iter().all(|n| n.kind != NoiseKind::RelatedLink), "{:?}", c2.noise);
        // A single short line is a crosshead, not a teaser.
        assert!(c.text.contains("المرحلة الثانية"));
        // Without body paragraphs, short lines are the article itself.
        let c = clean("سطر أول قصير هنا\nسطر ثان قصير هنا");
        assert!(c.noise.iter().all(|n| n.kind != NoiseKind::RelatedLink));
    }

    #[test]
    fn dateline_is_metadata_and_noise() {
        let raw = "عنوان الخبر هنا\n\nرام الله – وكالة المحلية\u{00A0}\n\nقال المسؤول إن الاجتماع انتهى.";
        let c = clean(raw);
        check_offsets(raw, &c);
        let d = c.dateline.as_ref().unwrap();
        assert_eq!(d.place.as_deref(), Some("رام الله"));
        assert_eq!(d.outlet.as_deref(), Some("وكالة المحلية"));
        assert!(!c.text.contains("رام الله"));
        assert_eq!(c.headings.len(), 1);
        assert_eq!(c.headings[0].level, HeadingLevel::Title);
    }

    #[test]
    fn inline_dateline_is_cut_from_the_first_paragraph() {
        let raw = "عمّان، الأردن (CNN)— أعلن الوزير استقالته اليوم.";
        let c = clean(raw);
        check_offsets(raw, &c);
        assert_eq!(c.text, "أعلن الوزير استقالته اليوم.");
        assert_eq!(c.dateline.unwrap().outlet.as_deref(), Some("CNN"));
    }

    #[test]
    fn truncated_article_sets_fragment_apart() {
        let raw =
            "قال الوزير إن المحادثات مستمرة.\nوأعلنت الوزارة مقتل عشرة أشخاص في القصف، وفق الأرقام الرسمية، كما أدى";
        let c = clean(raw);
        check_offsets(raw, &c);
        assert!(c.truncated);
        let frag = c.noise.iter().find(|n| n.kind == NoiseKind::TruncatedFragment).unwrap();
        assert_eq!(frag.surface, "كما أدى");
        assert!(c.text.ends_with("وفق الأرقام الرسمية،"));
    }

    #[test]
    fn complete_articles_are_not_truncated() {
        for raw in ["جملة كاملة تنتهي بنقطة هنا.", "قال: «انتهى الأمر تماما كما ترى الآن»", "سطر قصير"]
        {
            assert!(!clean(raw).truncated, "{raw}");
        }
    }

    #[test]
    fn credits_and_subheadings() {
        let raw = "فقرة أولى طويلة نسبيا عن الأحداث الجارية في المنطقة اليوم.\nعنوان فرعي\nفقرة ثانية طويلة أيضا تتحدث عن تفاصيل أخرى مهمة جدا.\nسامي علي ساهم في إعداد التقارير من عمّان.";
        let c = clean(raw);
        check_offsets(raw, &c);
        assert_eq!(c.noise.len(), 1);
        assert_eq!(c.noise[0].kind, NoiseKind::Credit);
        assert_eq!(c.headings.len(), 1);
        assert_eq!(c.headings[0].surface, "عنوان فرعي");
        assert_eq!(c.headings[0].level, HeadingLevel::Subheading);
    }

    #[test]
    fn joined_words_are_repaired_and_mapped() {
        let raw = "دعت الأممالمتحدة إلى التهدئة.";
        let c = clean(raw);
        check_offsets(raw, &c);
        if words().is_empty() {
            return;
        }
        assert_eq!(c.text, "دعت الأمم المتحدة إلى التهدئة.");
        assert_eq!(c.repairs.len(), 1);
        assert_eq!(c.repairs[0].before, "الأممالمتحدة");
        assert_eq!(c.repairs[0].after, "الأمم المتحدة");
        // "المتحدة" maps back to its raw chars.
        let t = c.text.chars().position(|ch| ch == 'ل').unwrap();
        assert_eq!(c.map.to_raw(Span::new(t, t + 1)).start, 5);
    }

    #[test]
    fn joined_word_with_an_invisible_mark_inside_keeps_raw_before() {
        let raw = "قال ا\u{200F}لأممالمتحدة.";
        let c = clean(raw);
        check_offsets(raw, &c);
    }

    #[test]
    fn invisible_and_entities_are_recorded() {
        let raw = "\u{FEFF}قال&nbsp;الوزير\u{200F} &quot;نعم&quot;.";
        let c = clean(raw);
        check_offsets(raw, &c);
        assert_eq!(c.text, "قال الوزير \"نعم\".");
        assert_eq!(c.noise.iter().filter(|n| n.kind == NoiseKind::Invisible).count(), 2);
        assert_eq!(c.repairs.iter().filter(|r| r.kind == RepairKind::HtmlEntity).count(), 3);
    }
}
