//! Tokens and Arabic normalization shared by figures and quotes.

use std::rc::Rc;

use isnad_text::analysis::{any_reading, Clitics};
use isnad_text::fold::{fold, Fold};
use isnad_text::memo::WordMemo;

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

/// The matching form of `s`: [`Fold::Letters`], the fold every word list is
/// written in (alef forms, ى/ي, ة/ه, marks and tatweel folded; hamza seats
/// kept; digits as ASCII).
pub(crate) fn normalize(s: &str) -> String {
    fold(s, Fold::Letters)
}

/// The forms of a normalized word with leading clitics and trailing
/// endings removed, the word itself first.
pub(crate) fn stems(norm: &str) -> Vec<String> {
    stem_list(norm).iter().map(|s| s.to_string()).collect()
}

/// Trailing pronouns and endings tried by [`stems`] on every clitic reading.
const SUFFIXES: [&str; 9] = ["", "ا", "هم", "ها", "ه", "هما", "ين", "ون", "ي"];

thread_local! {
    /// Stems per word: news repeats its vocabulary, and every cue list asks again.
    static STEMS: WordMemo<Rc<[Box<str>]>> = WordMemo::new(50_000);
}

/// The distinct stems of `norm`, in order (memoized per thread): every
/// canonical clitic reading ([`any_reading`]) but the future marker's, each
/// with its trailing endings removed, leaving two letters or more. A claim is
/// reported, not foretold: `سيعلن` is no cue of `أعلن`.
fn stem_list(norm: &str) -> Rc<[Box<str>]> {
    STEMS.with(|m| m.get_or(norm, |norm| collect_stems(norm, |c, _| !c.contains(Clitics::SA))))
}

/// The distinct stems of `norm` over the clitic readings `keep` accepts
/// (given their clitics and stem), each with its trailing endings removed,
/// leaving two letters or more.
fn collect_stems(norm: &str, keep: impl Fn(Clitics, &str) -> bool) -> Rc<[Box<str>]> {
    let mut out: Vec<Box<str>> = Vec::new();
    any_reading(norm, &mut |c, base| {
        if keep(c, base) {
            for suf in SUFFIXES {
                if let Some(rest) = base.strip_suffix(suf) {
                    if rest.chars().count() >= 2 && !out.iter().any(|x| &**x == rest) {
                        out.push(rest.into());
                    }
                }
            }
        }
        false
    });
    out.into()
}

thread_local! {
    /// Verb stems per word (see [`verb_stems`]).
    static VERB_STEMS: WordMemo<Rc<[Box<str>]>> = WordMemo::new(50_000);
}

/// The stems of `norm` read as a reporting verb: like [`stems`] but not
/// through the article, which no verb takes (`التابعة` is no form of the cue
/// `تابع`), except after ب, where a verbal noun reports speech (`ردّ بالقول إن`).
pub(crate) fn verb_stems(norm: &str) -> Rc<[Box<str>]> {
    VERB_STEMS.with(|m| {
        m.get_or(norm, |norm| {
            collect_stems(norm, |c, base| {
                let article = c.intersects(Clitics::AL | Clitics::AL_KEPT) || base.starts_with("ال");
                !c.contains(Clitics::SA) && (!article || c.contains(Clitics::BI | Clitics::AL))
            })
        })
    })
}

/// True when one of the stems of `norm` is in `lex`.
pub(crate) fn in_lex(norm: &str, lex: &[&str]) -> bool {
    stem_list(norm).iter().any(|s| lex.contains(&&**s))
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
        // Two proclitics (conjunction + preposition), and the article read off after لل.
        assert!(in_lex(&normalize("وبحسب"), &["حسب"]));
        assert!(in_lex(&normalize("وللمعتقلين"), &["معتقل"]));
        // The future marker is not seen through: a claim is reported, not foretold.
        assert!(!in_lex(&normalize("سيعلن"), &["يعلن"]));
        // A reporting verb is not read through the article, but a verbal noun after ب is.
        assert!(!verb_stems(&normalize("التابعة")).iter().any(|s| &**s == "تابع"));
        assert!(verb_stems(&normalize("بالقول")).iter().any(|s| &**s == "قول"));
        assert!(verb_stems(&normalize("وتابعت")).iter().any(|s| &**s == "تابعت"));
        // Hamza seats are kept (the Letters fold): مسؤول is not مسوول.
        assert!(in_lex(&normalize("المسؤولين"), &["مسؤول"]) && !in_lex(&normalize("المسؤولين"), &["مسوول"]));
    }
}
