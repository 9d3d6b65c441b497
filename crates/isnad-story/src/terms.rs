//! Matching forms of words for shingles and story terms.
//!
//! Every Arabic token is reduced to one key: the clitic analysis whose stem
//! is the most frequent word of the bundled word list (more clitics on a
//! tie; the bare word when no stem is listed), so `باريس` stays whole while
//! `والرهائن` loses its `و`;
//! folded with [`Fold::Letters`], with a leading article removed. So
//! `والرهائن`, `للرهائن` and `الرهائن` all become `رهاين`. Digits are folded
//! to ASCII, Latin words lower-cased, punctuation dropped.

use isnad_text::fold::{fold, Fold};
use isnad_text::lexicon::words;
use isnad_text::memo::WordMemo;
use isnad_text::tokens::{analyses, tokenize, TokenKind};

/// A normalized word with the form to show for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    /// The matching key.
    pub key: String,
    /// The stem as written (clitics removed, letters not folded), for labels.
    pub display: String,
    /// True for a number.
    pub number: bool,
}

/// Words whose terms a thread remembers before starting over.
const CACHE_WORDS: usize = 200_000;

thread_local! {
    /// Word → (key, display): the analysis with its word-list lookups
    /// dominates the cost of shingles and story terms.
    static CACHE: WordMemo<(String, String)> = WordMemo::new(CACHE_WORDS);
}

/// [`analyse`] through the thread's memo.
fn arabic_term(word: &str) -> (String, String) {
    CACHE.with(|c| c.get_or(word, analyse))
}

/// The matching key and display form of one Arabic word.
fn analyse(word: &str) -> (String, String) {
    let all = analyses(word);
    let lex = words();
    let best = all
        .iter()
        .filter_map(|a| lex.zipf(&a.stem).map(|z| (z, a)))
        .max_by_key(|(z, a)| (*z, a.clitics.len()))
        .map(|(_, a)| a)
        .or_else(|| all.first());
    let stem = best.map(|a| a.stem.clone()).unwrap_or_else(|| word.to_string());
    let display = stem.clone();
    let mut key = fold(&stem, Fold::Letters);
    if key.chars().count() > 3 && key.starts_with("ال") {
        key = key.chars().skip(2).collect();
    }
    (key, display)
}

/// The normalized words of `text`, in order.
pub(crate) fn terms(text: &str) -> Vec<Term> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for tok in tokenize(text) {
        let surface: String = chars[tok.start..tok.end].iter().collect();
        match tok.kind {
            TokenKind::Arabic => {
                let (key, display) = arabic_term(&surface);
                if !key.is_empty() {
                    out.push(Term { key, display, number: false });
                }
            }
            TokenKind::Number => {
                let key: String = fold(&surface, Fold::Orthographic).chars().filter(|c| *c != ',').collect();
                out.push(Term { key: key.clone(), display: key, number: true });
            }
            TokenKind::Latin => {
                let key = surface.to_lowercase();
                out.push(Term { key: key.clone(), display: surface, number: false });
            }
            TokenKind::Punct => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitic_and_spelling_variants_share_a_key() {
        let keys: Vec<String> = terms("الرهائن والرهائن للرهائن").into_iter().map(|t| t.key).collect();
        assert_eq!(keys.len(), 3);
        assert!(keys.iter().all(|k| k == &keys[0]), "{keys:?}");
        let a = terms("غزه")[0].key.clone();
        let b = terms("بغزة")[0].key.clone();
        assert_eq!(terms("باريس")[0].key, "باريس", "a frequent whole word keeps its first letter");
        assert_eq!(a, b);
        let n = terms("٢٤٠ و 1,200");
        assert_eq!(n[0].key, "240");
        assert!(n[0].number);
        assert_eq!(n.last().map(|t| t.key.as_str()), Some("1200"));
    }
}
