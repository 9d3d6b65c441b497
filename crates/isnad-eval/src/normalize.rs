//! Surface normalization for matching.

/// Folds a surface for comparison: alef forms (أ إ آ ٱ) → ا, ى → ي, ة → ه,
/// Arabic diacritics and tatweel removed, whitespace (NBSP and other
/// Unicode spaces included) collapsed to one ASCII space, ends trimmed.
///
/// Kept independent of `isnad-text` on purpose: the scorer must not share
/// a folding bug with the system it scores.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        let c = match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            '\u{0640}' => continue,
            c if is_diacritic(c) => continue,
            c => c,
        };
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}')
}

/// Least share of the longer surface the shorter one must cover.
const MIN_OVERLAP: f64 = 0.8;

/// True when two surfaces match after [`normalize`]: equal, or one contains
/// the other and the shorter has at least 80% of the longer's chars.
/// Empty surfaces match nothing.
pub fn surfaces_match(a: &str, b: &str) -> bool {
    let (a, b) = (normalize(a), normalize(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    long.contains(short.as_str()) && short.chars().count() as f64 >= MIN_OVERLAP * long.chars().count() as f64
}

/// Folds one char for searching gold surfaces in a text: what [`normalize`]
/// folds (alef forms, ى, ة; diacritics and tatweel dropped), plus digits of
/// any script read as ASCII digits and the Persian forms ی and ک as ي and
/// ك. `None` drops the char.
pub fn fold_char(c: char) -> Option<char> {
    if c == '\u{0640}' || is_diacritic(c) {
        return None;
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | '\u{0672}' | '\u{0673}' => 'ا',
        'ى' | '\u{06CC}' => 'ي',
        'ة' => 'ه',
        '\u{06A9}' => 'ك',
        '\u{066C}' => ',',
        '\u{066B}' => '.',
        '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
        '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
        c => c,
    })
}

/// Char spans `(start, end)` where `needle` occurs in `hay`: the exact
/// occurrences, or when there are none, the occurrences once both sides
/// are folded by [`fold_char`] (spans mapped back to `hay`'s chars).
pub fn find_all(hay: &str, needle: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    for (b, _) in hay.match_indices(needle) {
        let s = hay[..b].chars().count();
        out.push((s, s + needle.chars().count()));
    }
    if !out.is_empty() {
        return out;
    }
    let mut folded: Vec<char> = Vec::new();
    let mut origin: Vec<usize> = Vec::new();
    for (i, c) in hay.chars().enumerate() {
        if let Some(f) = fold_char(c) {
            folded.push(f);
            origin.push(i);
        }
    }
    let n: Vec<char> = needle.chars().filter_map(fold_char).collect();
    if n.is_empty() || n.len() > folded.len() {
        return out;
    }
    for s in 0..=folded.len() - n.len() {
        if folded[s..s + n.len()] == n[..] {
            out.push((origin[s], origin[s + n.len() - 1] + 1));
        }
    }
    out
}

/// Leading clitics taken off each word by [`words_key`], longest first.
const WORD_CLITICS: &[&str] = &["وال", "بال", "لل", "ال", "و", "ب", "ل"];

/// A name or phrase as a comparison key: [`normalize`]d, ؤ → و and ئ → ي,
/// split into words at anything that is neither a letter nor a digit, each
/// word without one leading clitic (و, ب, ل, the article ال and their
/// combinations) when at least two chars remain, joined by single spaces.
pub fn words_key(s: &str) -> String {
    let n: String = normalize(s)
        .chars()
        .map(|c| match c {
            'ؤ' => 'و',
            'ئ' => 'ي',
            c => c,
        })
        .collect();
    n.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            for p in WORD_CLITICS {
                if let Some(r) = w.strip_prefix(p) {
                    if r.chars().count() >= 2 {
                        return r;
                    }
                }
            }
            w
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_letters_marks_and_spaces() {
        assert_eq!(normalize("  أَحمدُ\u{00A0}\u{00A0}إلى  مكةـ\n"), "احمد الي مكه");
        assert_eq!(normalize("آمنة"), "امنه");
        assert_eq!(normalize("\u{00A0}"), "");
    }

    #[test]
    fn containment_needs_80_percent() {
        assert!(surfaces_match("اقرأ أيضاً:\u{00A0}عنوان", "اقرا ايضا: عنوان"));
        assert!(surfaces_match("[ad_1]", " [ad_1] "));
        // 10 of 11 chars.
        assert!(surfaces_match("abcdefghij", "abcdefghijk"));
        // 5 of 11 chars.
        assert!(!surfaces_match("abcde", "abcdefghijk"));
        assert!(!surfaces_match("", ""));
        assert!(!surfaces_match("abc", "xyz"));
    }
}
