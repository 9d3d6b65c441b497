//! Tokens and Arabic normalization shared by figures and quotes.

use isnad_text::fold::{fold, Fold};

/// A word of the cleaned text, in chars.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub start: usize,
    pub end: usize,
    /// Normalized form (alef, ya, ta marbuta, diacritics and tatweel folded).
    pub norm: String,
}

/// True for a quotation mark.
pub(crate) fn is_quote_mark(c: char) -> bool {
    matches!(c, '«' | '»' | '“' | '”' | '"' | '„' | '‟')
}

/// True for punctuation that ends a phrase.
pub(crate) fn is_punct(c: char) -> bool {
    matches!(c, '،' | ',' | '.' | ':' | '؛' | ';' | '؟' | '?' | '!' | '(' | ')' | '-' | '–' | '—') || is_quote_mark(c)
}

fn is_word_char(c: char) -> bool {
    !c.is_whitespace() && !is_punct(c)
}

/// The matching form of `s`: [`Fold::Letters`], the fold every word list is
/// written in (alef forms, ى/ي, ة/ه, marks and tatweel folded; hamza seats
/// kept; digits as ASCII).
pub(crate) fn normalize(s: &str) -> String {
    fold(s, Fold::Letters)
}

/// Splits `chars` into word tokens.
pub(crate) fn tokenize(chars: &[char]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_word_char(chars[i]) {
            i += 1;
            continue;
        }
        let s = i;
        while i < chars.len()
            && (is_word_char(chars[i])
                || (chars[i] == ','
                    && i + 1 < chars.len()
                    && chars[i + 1].is_ascii_digit()
                    && i > s
                    && chars[i - 1].is_ascii_digit()))
        {
            i += 1;
        }
        let surface: String = chars[s..i].iter().collect();
        out.push(Token { start: s, end: i, norm: normalize(&surface) });
    }
    out
}

/// The forms of a normalized word with leading clitics and trailing
/// endings removed, the word itself first.
pub(crate) fn stems(norm: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    any_stem(norm, &mut |s| {
        if !out.iter().any(|x| x == s) {
            out.push(s.to_string());
        }
        false
    });
    out
}

/// Leading clitics tried by [`stems`], longest first.
const PREFIXES: [&str; 13] = ["وبال", "وال", "فال", "بال", "كال", "ولل", "لل", "ال", "و", "ف", "ب", "ل", "ك"];
/// Trailing pronouns and endings tried by [`stems`].
const SUFFIXES: [&str; 9] = ["", "ا", "هم", "ها", "ه", "هما", "ين", "ون", "ي"];

/// Calls `f` on each stem of `norm` (see [`stems`]; a stem may come more than
/// once) until it returns true, without allocating for the common cases.
fn any_stem(norm: &str, f: &mut dyn FnMut(&str) -> bool) -> bool {
    let endings = |base: &str, f: &mut dyn FnMut(&str) -> bool| {
        SUFFIXES.iter().any(|suf| base.strip_suffix(suf).is_some_and(|rest| rest.chars().count() >= 2 && f(rest)))
    };
    if endings(norm, f) {
        return true;
    }
    for p in PREFIXES {
        let Some(rest) = norm.strip_prefix(p) else { continue };
        if rest.chars().count() < 2 {
            continue;
        }
        if endings(rest, f) {
            return true;
        }
        if p == "لل" && endings(&format!("ال{rest}"), f) {
            return true;
        }
    }
    false
}

/// True when one of the stems of `norm` is in `lex`.
pub(crate) fn in_lex(norm: &str, lex: &[&str]) -> bool {
    any_stem(norm, &mut |s| lex.contains(&s))
}

/// The chars `[start, end)` as a string.
pub(crate) fn slice(chars: &[char], start: usize, end: usize) -> String {
    chars[start.min(chars.len())..end.min(chars.len())].iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_and_strips_clitics() {
        assert_eq!(normalize("أسيراً"), "اسيرا");
        assert!(in_lex(&normalize("وبالرهائن"), &["رهائن"]));
        assert!(in_lex(&normalize("للأرقام"), &["الارقام"]));
        let chars: Vec<char> = "قتل 1,200 شخص، وفقا".chars().collect();
        let t = tokenize(&chars);
        assert_eq!(t.len(), 4);
        assert_eq!(t[1].norm, "1,200");
    }
}
