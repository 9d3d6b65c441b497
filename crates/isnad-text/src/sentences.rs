//! Sentence boundaries.
//!
//! Sentences end at `.` `؟` `?` `!` `؛` `…` and at line breaks. A boundary is
//! not taken inside a quotation (« », “ ”, " "), after an initial
//! (`ويليام ج. بيرنز`), inside a decimal (`2.3`), inside a Latin
//! abbreviation, domain or acronym (`U.S.`, `bbc.com`), or after a listed
//! abbreviation. Quotation marks are paired within a paragraph and only up
//! to [`MAX_QUOTE_CHARS`]; an unpaired mark is ignored, so it can never
//! swallow the rest of the article.

use isnad_model::Span;

use crate::fold::{digit_value, is_arabic_letter, TATWEEL};

/// The longest quotation, in chars, inside which boundaries are suppressed.
pub const MAX_QUOTE_CHARS: usize = 1200;

/// Abbreviations (without their final dot) after which a dot does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Jr", "Sr", "No", "vs", "etc", "Inc", "Ltd", "Co", "Gen", "Col", "Lt",
    "Sgt", "Gov", "Sen", "Rep", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "د", "م", "أ", "ص", "ق", "ت", "ج", "ب", "ه", "ع", "ش", "س", "ك", "ل", "ن", "ف", "ي", "ط",
];

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '؟' | '؛' | '…' | '\u{06D4}')
}

fn is_closer(c: char) -> bool {
    matches!(c, '»' | '”' | '"' | '\'' | '’' | ')' | ']' | '}' | '“' | '›')
}

/// Splits the paragraphs of `text` into sentences, skipping the `excluded`
/// spans (headings), which must be whole lines.
pub fn split_sentences(text: &str, excluded: &[Span]) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let n = chars.len();
    while start <= n {
        let end = chars[start..].iter().position(|&c| c == '\n').map(|p| start + p).unwrap_or(n);
        let para = Span::new(start, end);
        if !excluded.iter().any(|e| e.overlaps(&para)) {
            split_paragraph(&chars, para, &mut out);
        }
        start = end + 1;
    }
    out
}

/// For every opening quotation mark of the paragraph, the index of its closer.
fn pair_quotes(chars: &[char], para: Span) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut open_guillemet: Vec<usize> = Vec::new();
    let mut open_curly: Option<usize> = None;
    let mut open_straight: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate().take(para.end).skip(para.start) {
        match c {
            '«' => open_guillemet.push(i),
            '»' => {
                if let Some(o) = open_guillemet.pop() {
                    pairs.push((o, i));
                }
            }
            // Curly quotes are paired in order whatever their direction:
            // right-to-left text writes them both ways round.
            '“' | '”' | '„' | '‟' => match open_curly.take() {
                Some(o) => pairs.push((o, i)),
                None => open_curly = Some(i),
            },
            '"' => match open_straight.take() {
                Some(o) => pairs.push((o, i)),
                None => open_straight = Some(i),
            },
            _ => {}
        }
    }
    pairs.retain(|&(o, c)| c - o <= MAX_QUOTE_CHARS);
    pairs.sort_unstable();
    pairs
}

fn prev_word(chars: &[char], dot: usize, lower: usize) -> &[char] {
    let mut s = dot;
    while s > lower && (chars[s - 1].is_alphanumeric() || chars[s - 1] == TATWEEL) {
        s -= 1;
    }
    &chars[s..dot]
}

fn dot_is_boundary(chars: &[char], i: usize, para: Span) -> bool {
    let prev = if i > para.start { Some(chars[i - 1]) } else { None };
    let next = chars.get(i + 1).copied().filter(|_| i + 1 < para.end);
    // Decimal: 2.3
    if let (Some(p), Some(n)) = (prev, next) {
        if digit_value(p).is_some() && digit_value(n).is_some() {
            return false;
        }
        // U.S.A, bbc.com, a.m. — a Latin letter or digit glued after the dot.
        if n.is_ascii_alphanumeric() {
            return false;
        }
    }
    // "..." is an ellipsis: only its last dot can end the sentence.
    if next == Some('.') {
        return false;
    }
    let word = prev_word(chars, i, para.start);
    if word.contains(&TATWEEL) {
        return true;
    }
    let letters = word.iter().filter(|c| c.is_alphabetic()).count();
    // Initials: a single letter standing alone (ج. / W.).
    if letters == 1 && word.len() == 1 {
        let before = if i >= 2 + para.start { Some(chars[i - 2]) } else { None };
        if before.is_none_or(|b| b.is_whitespace() || b == '.' || b == '(') {
            return false;
        }
    }
    if !word.is_empty() {
        let w: String = word.iter().collect();
        if ABBREVIATIONS.contains(&w.as_str()) {
            return false;
        }
        // A capitalised Latin acronym with dots before it: U.S. / D.C.
        if i >= 2 && chars[i - 2] == '.' && word.len() == 1 && word[0].is_ascii_uppercase() {
            return false;
        }
    }
    true
}

fn split_paragraph(chars: &[char], para: Span, out: &mut Vec<Span>) {
    let quotes = pair_quotes(chars, para);
    let mut q = 0;
    let mut inside_until: Option<usize> = None;
    let mut sent_start = para.start;
    let mut i = para.start;
    while i < para.end {
        if let Some(close) = inside_until {
            if i >= close {
                inside_until = None;
            }
        }
        while q < quotes.len() && quotes[q].0 < i {
            q += 1;
        }
        if inside_until.is_none() && q < quotes.len() && quotes[q].0 == i {
            inside_until = Some(quotes[q].1);
            i += 1;
            continue;
        }
        let c = chars[i];
        if inside_until.is_none() && is_terminator(c) && (c != '.' || dot_is_boundary(chars, i, para)) {
            let mut j = i + 1;
            while j < para.end && (is_terminator(chars[j]) || is_closer(chars[j])) {
                j += 1;
            }
            push_trimmed(chars, Span::new(sent_start, j), out);
            sent_start = j;
            i = j;
            continue;
        }
        i += 1;
    }
    push_trimmed(chars, Span::new(sent_start, para.end), out);
}

fn push_trimmed(chars: &[char], span: Span, out: &mut Vec<Span>) {
    let mut s = span.start;
    let mut e = span.end;
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    // A run of punctuation alone is not a sentence: attach it to the previous one.
    if s < e && !chars[s..e].iter().any(|c| is_arabic_letter(*c) || c.is_alphanumeric()) {
        if let Some(last) = out.last_mut() {
            if last.end <= s && chars[last.end..s].iter().all(|c| *c != '\n') {
                last.end = e;
            }
        }
        return;
    }
    if s < e {
        out.push(Span::new(s, e));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        split_sentences(text, &[]).into_iter().map(|s| chars[s.start..s.end].iter().collect()).collect()
    }

    #[test]
    fn splits_on_arabic_and_latin_terminators() {
        assert_eq!(sents("وصل الوفد. هل انتهى؟ نعم! ثم؛ غادر"), ["وصل الوفد.", "هل انتهى؟", "نعم!", "ثم؛", "غادر"]);
    }

    #[test]
    fn line_breaks_end_sentences() {
        assert_eq!(sents("سطر أول بلا نقطة\nسطر ثان."), ["سطر أول بلا نقطة", "سطر ثان."]);
    }

    #[test]
    fn quotations_initials_and_decimals_hold_together() {
        assert_eq!(sents("قال: «وصلنا. وسنبقى». ثم مضى."), ["قال: «وصلنا. وسنبقى».", "ثم مضى."]);
        assert_eq!(sents("وقال “انتهى. تماماً” أمس. وعاد."), ["وقال “انتهى. تماماً” أمس.", "وعاد."]);
        assert_eq!(sents("التقى ويليام ج. بيرنز الوفد. ثم عاد."), ["التقى ويليام ج. بيرنز الوفد.", "ثم عاد."]);
        assert_eq!(sents("يبلغ العدد 2.3 مليون. وهذا كثير."), ["يبلغ العدد 2.3 مليون.", "وهذا كثير."]);
        assert_eq!(sents("زار U.S. Capitol أمس. ثم غادر."), ["زار U.S. Capitol أمس.", "ثم غادر."]);
        assert_eq!(sents("موقع bbc.com نشر الخبر."), ["موقع bbc.com نشر الخبر."]);
        assert_eq!(sents("قال Dr. Smith ذلك."), ["قال Dr. Smith ذلك."]);
    }

    #[test]
    fn ellipsis_and_trailing_closers() {
        assert_eq!(sents("انتظروا... ثم وصلوا."), ["انتظروا...", "ثم وصلوا."]);
        assert_eq!(sents("قال \"انتهى الأمر.\" وغادر."), ["قال \"انتهى الأمر.\" وغادر."]);
        assert_eq!(sents("(انتهى.) بدأ آخر."), ["(انتهى.)", "بدأ آخر."]);
    }

    #[test]
    fn unbalanced_quote_does_not_swallow_the_article() {
        let text = "قال \"هذا بداية اقتباس لا ينتهي. جملة ثانية. جملة ثالثة.";
        assert_eq!(sents(text).len(), 3);
        let long = format!("قال «{}", "جملة قصيرة. ".repeat(300));
        assert_eq!(sents(&long).len(), 300);
    }

    #[test]
    fn excluded_lines_are_skipped() {
        let text = "عنوان فرعي\nجملة. أخرى.";
        let s = split_sentences(text, &[Span::new(0, 10)]);
        assert_eq!(s, vec![Span::new(11, 16), Span::new(17, 22)]);
    }
}
