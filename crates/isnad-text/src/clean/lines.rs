//! Line-level noise: ad markers, "read also" teasers, boilerplate, credits,
//! bylines, datelines and the trailing "Source" label.
//!
//! Lines are compared in their lossy matching form, so `اقرأ أيضاً`,
//! `اقرا ايضا` and `إقرأ أيضًا` are the same cue.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use isnad_model::NoiseKind;
use regex::Regex;

use crate::fold::{fold, Fold};

/// A line of the text (without its line break), in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    /// Byte start.
    pub start: usize,
    /// Byte end (before `\n`).
    pub end: usize,
}

/// Splits `s` into lines.
pub fn lines(s: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        if b == b'\n' {
            out.push(Line { start, end: i });
            start = i + 1;
        }
    }
    out.push(Line { start, end: s.len() });
    out
}

/// The matching form used for cue lists: lossy fold, ASCII lower case, one space.
pub fn cue_form(s: &str) -> String {
    let f = fold(s, Fold::Letters).to_ascii_lowercase();
    let mut out = String::with_capacity(f.len());
    for w in f.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn strip_bullets(s: &str) -> &str {
    s.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '*' | '•' | '–' | '—' | '>' | '|' | '►' | '«' | '"')
    })
}

/// Opening cues of "read also" lines (matching form).
const RELATED: &[&str] = &[
    "اقرا ايضا",
    "اقرا/ي ايضا",
    "اقراي ايضا",
    "اقرئي ايضا",
    "اقرا ايضا:",
    "اقرا كذلك",
    "اقرا المزيد",
    "اقرا:",
    "شاهد ايضا",
    "شاهدي ايضا",
    "شاهد/ي ايضا",
    "شاهد:",
    "طالع ايضا",
    "طالع:",
    "للمزيد:",
    "المزيد:",
    "اقرا أيضا",
    "مواضيع ذات صله",
    "اخبار ذات صله",
    "ذات صله:",
    "قد يهمك",
    "ربما يهمك",
    "يهمك ايضا",
    "read also",
    "read more",
    "see also",
    "related:",
];

/// Cues of site boilerplate lines (matching form, anywhere in a short line).
const BOILERPLATE: &[&str] = &[
    "تحميل احدث نسخه من تطبيق",
    "حمل تطبيق",
    "تابعونا على",
    "تابعوا اخر الاخبار",
    "تابعوا اخبارنا",
    "اشترك في النشره",
    "اشترك في قناه",
    "اضغط هنا",
    "انقر هنا",
    "تمثل راي كتابها",
    "تعبر عن راي كاتبها",
    "تعبر عن راي كاتبه",
    "لا تعبر بالضروره عن",
    "تسلم اشعارات",
    "click here",
    "follow us",
    "subscribe to",
];

/// Cues of contributor and photo credit lines (matching form).
const CREDIT_ANYWHERE: &[&str] = &[
    "ساهم في اعداد التقارير",
    "ساهمت في اعداد التقارير",
    "ساهم في اعداد التقرير",
    "ساهمت في اعداد التقرير",
    "ساهم في اعداد هذا التقرير",
    "ساهموا في اعداد",
    "شارك في التغطيه",
    "شاركت في التغطيه",
    "شارك في اعداد التقرير",
    "شاركت في اعداد التقرير",
    "ساهم في التغطيه",
    "ساهمت في التغطيه",
    "contributed reporting",
    "additional reporting",
    "مصدر الصوره",
    "getty images",
    "afp photo",
    "reuters photo",
];

/// Credit cues that must open the line (matching form).
const CREDIT_OPENING: &[&str] = &[
    "تصوير:",
    "تصوير :",
    "الصوره:",
    "الصوره :",
    "صوره:",
    "صوره :",
    "photo:",
    "photo credit",
    "(تصوير",
    "اعداد:",
    "تحرير:",
    "ترجمه:",
    "مراجعه:",
    "تنسيق:",
];

/// Lines that are only a "Source" label (matching form, without trailing colon).
const TRAILERS: &[&str] = &["المصدر", "المصادر", "source", "sources", "المصدر الاصلي", "رابط المصدر", "مصدر الخبر"];

/// Byline openers (matching form).
const BYLINE: &[&str] = &["بقلم", "كتب:", "كتبت:", "كتب :", "كتبت :", "by "];

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

fn starts_with_any(s: &str, cues: &[&str]) -> bool {
    cues.iter().any(|c| s.starts_with(c))
}

/// Most words a noise line may have: longer lines are body text.
const MAX_NOISE_WORDS: usize = 40;

/// One automaton over the cues that may stand anywhere in a line.
static ANYWHERE: LazyLock<(AhoCorasick, Vec<NoiseKind>)> = LazyLock::new(|| {
    let mut pats = Vec::new();
    let mut kinds = Vec::new();
    for (list, kind) in [(BOILERPLATE, NoiseKind::Boilerplate), (CREDIT_ANYWHERE, NoiseKind::Credit)] {
        for p in list {
            pats.push(*p);
            kinds.push(kind);
        }
    }
    (AhoCorasick::new(pats).expect("cue automaton"), kinds)
});

/// Classifies a whole line as noise, if it is.
pub fn classify(line: &str) -> Option<NoiseKind> {
    let trimmed = line.trim();
    if trimmed.is_empty() || words(trimmed) > MAX_NOISE_WORDS {
        return None;
    }
    if AD_ONLY.is_match(trimmed) {
        return Some(NoiseKind::AdMarker);
    }
    let form = cue_form(strip_bullets(trimmed));
    if starts_with_any(&form, RELATED) {
        return Some(NoiseKind::RelatedLink);
    }
    let (ac, kinds) = &*ANYWHERE;
    let found: Vec<NoiseKind> = ac.find_iter(&form).map(|m| kinds[m.pattern().as_usize()]).collect();
    if found.contains(&NoiseKind::Boilerplate) {
        return Some(NoiseKind::Boilerplate);
    }
    if found.contains(&NoiseKind::Credit) || starts_with_any(&form, CREDIT_OPENING) {
        return Some(NoiseKind::Credit);
    }
    None
}

/// True when the line is only a "Source" label, possibly with a short name
/// (`المصدر: وكالات`).
pub fn is_source_trailer(line: &str) -> bool {
    let form = cue_form(strip_bullets(line.trim()));
    let head = form.split(':').next().unwrap_or("").trim();
    let tail = form.split_once(':').map(|(_, t)| t.trim()).unwrap_or("");
    TRAILERS.contains(&head) && words(tail) <= 5
        || (form.starts_with("نقلا عن") && words(&form) <= 8 && line.trim_start().starts_with('*'))
}

/// The author named by a byline line, if the line is one.
pub fn byline(line: &str) -> Option<String> {
    let trimmed = line.trim();
    let form = cue_form(trimmed);
    // "تحليل بقلم مراسل الشؤون الدولية، فلان": the author follows بقلم.
    if words(&form) <= 14 && !trimmed.ends_with(['.', '؟', '!']) {
        if let Some((_, after)) = trimmed.split_once("بقلم") {
            let author = after.trim_start_matches([':', ' ']).trim();
            if !author.is_empty() {
                return Some(author.to_string());
            }
        }
    }
    if words(&form) > 8 || !starts_with_any(&form, BYLINE) {
        return None;
    }
    let author = trimmed.split_once([':', ' ']).map(|(_, a)| a.trim_start_matches([':', ' ']).trim()).unwrap_or("");
    (!author.is_empty()).then(|| author.to_string())
}

static AD_ONLY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^(?:\[\s*(?i:ad)[_\- ]?\d*\s*\]\s*)+$").unwrap());

/// Inline ad markers such as `[ad_1]`, with one following space.
pub static AD_MARKER: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\[\s*(?i:ad)[_\- ]?\d*\s*\] ?").unwrap());

/// A dateline standing on its own line: `المدينة – الوكالة`.
pub fn own_line_dateline(line: &str) -> Option<(String, String)> {
    let t = line.trim();
    if t.chars().count() > 80 || words(t) > 9 || t.ends_with(['.', '؟', '!', ':', '?']) {
        return None;
    }
    let (place, outlet) = t.split_once(" – ").or_else(|| t.split_once(" — ")).or_else(|| t.split_once(" - "))?;
    let (place, outlet) = (place.trim(), outlet.trim().trim_end_matches(['-', '–', '—']).trim());
    if place.is_empty() || outlet.is_empty() || words(place) > 4 || words(outlet) > 5 {
        return None;
    }
    if place.contains(['،', ',']) && words(place) > 4 {
        return None;
    }
    Some((place.to_string(), outlet.to_string()))
}

/// A dateline at the start of the first paragraph: `دبي، الإمارات (CNN)— `
/// or `القدس - (أ ف ب) - `. Returns (byte length, place, outlet).
pub fn inline_dateline(line: &str) -> Option<(usize, Option<String>, String)> {
    static PAREN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?P<place>[^\n.:()«»“”\x22]{2,60}?)?\s*[-–—]?\s*\((?P<outlet>[^()\n]{2,30})\)\s*[-–—]+\s*")
            .unwrap()
    });
    let caps = PAREN.captures(line)?;
    let m = caps.get(0)?;
    let outlet = caps.name("outlet")?.as_str().trim().to_string();
    let place = caps
        .name("place")
        .map(|p| p.as_str().trim().trim_end_matches(['-', '–', '—', ' ']).to_string())
        .filter(|p| !p.is_empty());
    if let Some(p) = &place {
        if words(p) > 6 {
            return None;
        }
    }
    if words(&outlet) > 4 {
        return None;
    }
    Some((m.end(), place, outlet))
}

/// Most words of a headline-like line.
const MAX_HEADLINE_WORDS: usize = 16;

/// A line shaped like another story's title: 3 to 16 words, not ending like
/// a paragraph (a question mark is allowed: headlines ask), not a list item
/// (bullet, dash or number first) and not a label (`المصدر`, colon last).
pub(crate) fn is_headline_like(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    let Some(first) = t.chars().next() else { return false };
    // The last char before closing quotes: `قالت: "…نتقدم بالشكر."` ends a paragraph.
    let last = t.trim_end_matches(['"', '»', '”', '\'', '’']).chars().next_back().unwrap_or('.');
    (3..=MAX_HEADLINE_WORDS).contains(&words)
        && !matches!(last, '.' | '!' | '…' | ':' | '؛' | '\u{06D4}' | ',' | '،')
        && !first.is_numeric()
        && !matches!(first, '-' | '–' | '—' | '•' | '*' | '·' | '(' | '[')
        // A line opening with و continues the story (`وقالت`, `وأضاف`).
        && first != 'و'
        // Speech: `X: "…"`.
        && !t.contains(": \"") && !t.contains(": «") && !t.contains(":\"") && !t.contains(":«")
}

/// True when a line asks a question (ends with ؟ or ?, closing quotes aside).
pub(crate) fn is_question(line: &str) -> bool {
    matches!(line.trim().trim_end_matches(['"', '»', '”']).chars().next_back(), Some('؟' | '?'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_noise_lines() {
        assert_eq!(classify("[ad_1]"), Some(NoiseKind::AdMarker));
        assert_eq!(classify(" [ad_2] [ad_3]"), Some(NoiseKind::AdMarker));
        assert_eq!(classify("اقرأ أيضاً: وفد يصل إلى القاهرة"), Some(NoiseKind::RelatedLink));
        assert_eq!(classify("اقرأ/ي أيضاً: عنوان آخر"), Some(NoiseKind::RelatedLink));
        assert_eq!(classify("- شاهد أيضا: فيديو"), Some(NoiseKind::RelatedLink));
        assert_eq!(classify("سامي علي ساهم في إعداد التقارير من عمّان."), Some(NoiseKind::Credit));
        assert_eq!(classify("تصوير: أحمد حسن"), Some(NoiseKind::Credit));
        assert_eq!(classify("مصدر الصورةGetty Images"), Some(NoiseKind::Credit));
        assert_eq!(
            classify("يمكنكم تسلم إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيقنا"),
            Some(NoiseKind::Boilerplate)
        );
        assert_eq!(classify("قال الوزير إنه قرأ أيضا التقرير."), None);
        assert_eq!(classify("وقال المتحدث إن الوفد سيصل غدا."), None);
    }

    #[test]
    fn trailers_bylines_datelines() {
        assert!(is_source_trailer("المصدر"));
        assert!(is_source_trailer("المصدر:"));
        assert!(is_source_trailer("Source"));
        assert!(is_source_trailer("المصدر: وكالات"));
        assert!(!is_source_trailer("المصدر الأمني قال إن الهجوم وقع ليلا في المدينة القديمة"));
        assert_eq!(byline("بقلم: سارة خالد").as_deref(), Some("سارة خالد"));
        assert_eq!(
            byline("تحليل بقلم مراسلة الشؤون الدولية، منى سالم").as_deref(),
            Some("مراسلة الشؤون الدولية، منى سالم")
        );
        assert_eq!(byline("قال إنه كتب بقلم أحمر على الورقة في اجتماع الأمس الطويل."), None);
        assert_eq!(
            own_line_dateline("رام الله – وكالة الأنباء المحلية"),
            Some(("رام الله".into(), "وكالة الأنباء المحلية".into()))
        );
        assert_eq!(own_line_dateline("وقال الوزير – في بيان – إن الاتفاق قريب جدا من الإنجاز."), None);
        let (n, place, outlet) = inline_dateline("عمّان، الأردن (CNN)— أعلن الوزير").unwrap();
        assert_eq!(place.as_deref(), Some("عمّان، الأردن"));
        assert_eq!(outlet, "CNN");
        assert_eq!(&"عمّان، الأردن (CNN)— أعلن الوزير"[n..], "أعلن الوزير");
        let (_, place, outlet) = inline_dateline("(CNN)-- اقتحم محتجون").unwrap();
        assert_eq!((place, outlet.as_str()), (None, "CNN"));
        assert!(inline_dateline("قال الوزير (في بيان) إن").is_none());
    }
}
