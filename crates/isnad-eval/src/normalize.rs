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
