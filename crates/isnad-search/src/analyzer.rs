//! The Arabic analyzer: isnad tokens, clitics chosen with the word list, folding, a light stem.

use isnad_text::fold::{fold, Fold};
use isnad_text::lexicon::words;
use isnad_text::memo::WordMemo;
use isnad_text::tokens::{analyses, tokenize, Analysis, Clitic, TokenKind};
use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

/// Name under which the exact analyzer is registered.
pub const ANALYZER: &str = "isnad_ar";
/// Name under which the light-stem analyzer is registered.
pub const STEM_ANALYZER: &str = "isnad_ar_stem";

/// Words that start with `ال` but are not article + noun (orthographic form).
const LEXICAL_AL: &[&str] = &[
    "الله",
    "اللهم",
    "الذي",
    "التي",
    "الذين",
    "اللذان",
    "اللذين",
    "اللتان",
    "اللتين",
    "اللاتي",
    "اللواتي",
    "اللائي",
    "الآن",
    "الان",
];

/// Stems never split off: `والي` (governor) is not `و` + `الي` (a spelling of `إلى`).
const NOT_STEMS: &[&str] = &["الي"];

/// Suffixes stripped by the stem analyzer, in the letter-folded form (ة is ه), longest first.
const SUFFIXES: &[&str] = &["ات", "ون", "ين", "ها", "هم", "يه", "ي", "ه"];

/// Minimum letters a stem keeps after suffix stripping.
const MIN_STEM_AFTER_SUFFIX: usize = 3;

/// A tantivy tokenizer for Arabic news text built on `isnad_text`.
///
/// Splits with [`isnad_text::tokens::tokenize`], drops punctuation, and
/// emits one token per word: for Arabic words the stem without proclitics
/// and article (chosen with the bundled word list, see [`word_forms`]),
/// letter-folded; Latin words lowercased; numbers with ASCII digits. With
/// `stem` set, also strips one common suffix (see [`light_stem`]). Offsets
/// are byte offsets of the whole surface word in the original text.
#[derive(Debug, Clone, Copy, Default)]
pub struct ArabicTokenizer {
    stem: bool,
}

impl ArabicTokenizer {
    /// The exact analyzer (`isnad_ar`): clitics removed, folded, no suffix stripping.
    pub fn exact() -> Self {
        ArabicTokenizer { stem: false }
    }

    /// The light-stem analyzer (`isnad_ar_stem`): as [`exact`](Self::exact), then one suffix stripped.
    pub fn stemming() -> Self {
        ArabicTokenizer { stem: true }
    }

    /// This tokenizer as a tantivy [`TextAnalyzer`].
    pub fn analyzer(self) -> TextAnalyzer {
        TextAnalyzer::from(self)
    }

    /// The terms this analyzer emits for `text`, with byte offsets (for tests and query building).
    pub fn terms(&self, text: &str) -> Vec<(String, usize, usize)> {
        analyze(text, self.stem, None).into_iter().map(|t| (t.text, t.offset_from, t.offset_to)).collect()
    }

    /// The terms of `text` grouped by position: one group per word, usually of one term.
    pub fn positions(&self, text: &str) -> Vec<Vec<String>> {
        let mut out: Vec<Vec<String>> = Vec::new();
        for t in analyze(text, self.stem, None) {
            match out.get_mut(t.position) {
                Some(group) => group.push(t.text),
                None => out.push(vec![t.text]),
            }
        }
        out
    }
}

/// The token stream of [`ArabicTokenizer`]: all tokens are computed up front.
pub struct ArabicTokenStream {
    tokens: Vec<Token>,
    next: usize,
    empty: Token,
}

impl Tokenizer for ArabicTokenizer {
    type TokenStream<'a> = ArabicTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ArabicTokenStream { tokens: analyze(text, self.stem, None), next: 0, empty: Token::default() }
    }
}

impl TokenStream for ArabicTokenStream {
    fn advance(&mut self) -> bool {
        if self.next < self.tokens.len() {
            self.next += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        match self.next.checked_sub(1) {
            Some(i) => &self.tokens[i],
            None => &self.empty,
        }
    }

    fn token_mut(&mut self) -> &mut Token {
        match self.next.checked_sub(1) {
            Some(i) => &mut self.tokens[i],
            None => &mut self.empty,
        }
    }
}

/// [`ArabicTokenizer`] for highlighting: only words that can yield one of
/// `needles` (the query terms) are analyzed, the others are skipped cheaply.
#[derive(Debug, Clone)]
pub(crate) struct HighlightTokenizer {
    pub(crate) stem: bool,
    pub(crate) needles: std::sync::Arc<Vec<String>>,
}

impl Tokenizer for HighlightTokenizer {
    type TokenStream<'a> = ArabicTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        ArabicTokenStream { tokens: analyze(text, self.stem, Some(&self.needles)), next: 0, empty: Token::default() }
    }
}

fn analyze(text: &str, stem: bool, needles: Option<&[String]>) -> Vec<Token> {
    // Byte offset of every char, plus the end.
    let mut bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    bytes.push(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<Token> = Vec::new();
    let mut position = 0;
    for tok in tokenize(text) {
        let surface: String = chars[tok.start..tok.end].iter().collect();
        if let (Some(needles), TokenKind::Arabic) = (needles, tok.kind) {
            // Every form is a folded substring of the word: skip words that contain no needle.
            let folded = fold(&surface, Fold::Letters);
            if !needles.iter().any(|n| folded.contains(n.as_str())) {
                position += 1;
                continue;
            }
        }
        let mut forms = match tok.kind {
            TokenKind::Punct => continue,
            TokenKind::Arabic => cached_forms(&surface),
            TokenKind::Latin => vec![surface.to_lowercase()],
            TokenKind::Number => vec![fold(&surface, Fold::Orthographic)],
        };
        if stem && tok.kind == TokenKind::Arabic {
            forms = forms.iter().map(|f| light_stem(f)).collect();
            forms.dedup();
        }
        forms.retain(|f| !f.is_empty());
        if forms.is_empty() {
            continue;
        }
        for text in forms {
            out.push(Token {
                offset_from: bytes[tok.start],
                offset_to: bytes[tok.end],
                position,
                text,
                position_length: 1,
            });
        }
        position += 1;
    }
    out
}

/// Entries kept in the per-thread cache of [`word_forms`] before it is cleared.
const CACHE_LIMIT: usize = 200_000;

thread_local! {
    static FORMS: WordMemo<Vec<String>> = WordMemo::new(CACHE_LIMIT);
}

/// [`word_forms`] through a per-thread memo: news text repeats its words, and the analysis is lexicon-bound.
fn cached_forms(word: &str) -> Vec<String> {
    FORMS.with(|m| m.get_or(word, word_forms))
}

fn zipf(word: &str) -> Option<u16> {
    words().zipf(word)
}

fn clitic_len(c: Clitic) -> usize {
    if c == Clitic::Al {
        2
    } else {
        1
    }
}

/// True when the analysis ends with the bare article (not `لل` with the article restored).
fn strips_article(a: &Analysis, bare_len: usize) -> bool {
    let prefix: usize = a.clitics.iter().map(|&c| clitic_len(c)).sum();
    a.clitics.last() == Some(&Clitic::Al) && prefix + a.stem.chars().count() == bare_len
}

/// The matching forms of one Arabic word: proclitics removed, then the
/// article, then letter-folded (alef forms, ى/ي, ة/ه, marks, tatweel).
/// Usually one form; two for an unknown word that may carry one proclitic
/// (the whole word first, then the word without it), emitted at one position.
///
/// Proclitics (و ف ب ك ل لل س) are removed when the remaining stem is a
/// known word more frequent than the whole word (so `بغزة` → `غزة` but
/// `لبنان` and `بيروت` stay whole). An unknown word loses a clitic chain
/// ending in the article; before at least four letters a single proclitic is
/// both kept and removed (`لبلينكن` → `لبلينكن`, `بلينكن`).
/// The article `ال` is then removed when at least two letters remain,
/// except in lexical words (`الله`, `الذي`, `التي`, …).
pub fn word_forms(word: &str) -> Vec<String> {
    let all = analyses(word);
    let bare = &all[0];
    let bare_len = bare.stem.chars().count();
    let candidates = all[1..].iter().filter(|a| !strips_article(a, bare_len));
    let best_known = candidates
        .clone()
        .filter(|a| a.known && !NOT_STEMS.contains(&a.stem.as_str()))
        .filter_map(|a| zipf(&a.stem).map(|z| (z, a)))
        .max_by(|x, y| x.0.cmp(&y.0).then(y.1.clitics.len().cmp(&x.1.clitics.len())));
    let finish = |stem: &str| fold(strip_article(stem), Fold::Letters);
    let chosen: &str = match (bare.known, best_known) {
        (true, Some((z, a))) if zipf(&bare.stem).is_none_or(|zb| z > zb) => &a.stem,
        (true, _) => &bare.stem,
        (false, Some((_, a))) => &a.stem,
        (false, None) => {
            // Unknown word: a proclitic chain before the article, else one proclitic before ≥ 4 letters.
            let before_article = candidates
                .clone()
                .filter(|a| a.stem.starts_with("ال") && a.stem.chars().count() >= 5)
                .max_by_key(|a| a.clitics.len());
            let single = candidates
                .clone()
                .filter(|a| a.clitics.len() == 1 && a.clitics[0] != Clitic::Sa && a.stem.chars().count() >= 4)
                .min_by_key(|a| a.clitics.len());
            return match (before_article, single) {
                (Some(a), _) => vec![finish(&a.stem)],
                // Unknown name after a lone proclitic or starting with one: both readings.
                (None, Some(a)) => vec![finish(&bare.stem), finish(&a.stem)],
                (None, None) => vec![finish(&bare.stem)],
            };
        }
    };
    vec![finish(chosen)]
}

fn strip_article(stem: &str) -> &str {
    match stem.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 2 && !LEXICAL_AL.contains(&stem) => rest,
        _ => stem,
    }
}

/// Strips one common suffix (ات ون ين ها هم ية ي ة, letter-folded) from a
/// normalized word when at least three letters remain.
pub fn light_stem(term: &str) -> String {
    let n = term.chars().count();
    for suf in SUFFIXES {
        if let Some(rest) = term.strip_suffix(suf) {
            if n - suf.chars().count() >= MIN_STEM_AFTER_SUFFIX {
                return rest.to_string();
            }
        }
    }
    term.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(s: &str) -> Vec<String> {
        ArabicTokenizer::exact().terms(s).into_iter().map(|t| t.0).collect()
    }

    #[test]
    fn clitics_are_removed_when_the_stem_is_the_better_word() {
        assert_eq!(exact("بغزة"), exact("غزة"));
        assert_eq!(exact("لحماس"), exact("حماس"));
        assert_eq!(exact("والولايات"), exact("الولايات"));
        assert_eq!(exact("للقطاع"), exact("القطاع"));
        assert_eq!(exact("وبالدوحة"), exact("الدوحة"));
    }

    #[test]
    fn words_that_start_with_clitic_letters_stay_whole() {
        assert_eq!(exact("بيروت"), ["بيروت"]);
        assert_eq!(exact("والي"), ["والي"]);
        assert_eq!(exact("لبنان"), ["لبنان"]);
        assert_eq!(exact("كتاب"), ["كتاب"]);
        assert_eq!(exact("بعد"), ["بعد"]);
        assert_eq!(exact("الله"), ["الله"]);
        assert_ne!(exact("لبنان"), exact("بنان"));
    }

    #[test]
    fn unknown_words_with_a_possible_proclitic_get_both_readings() {
        let a = ArabicTokenizer::exact().positions("بزشكيان لبزشكيان");
        assert_eq!(a.len(), 2);
        assert_eq!(a[0][0], "بزشكيان");
        assert!(a[1].contains(&"بزشكيان".to_string()));
    }

    #[test]
    fn spelling_variants_fold_together() {
        assert_eq!(exact("إسرائيل"), exact("اسرائيل"));
        assert_eq!(exact("القاهرة"), exact("القاهره"));
        assert_eq!(exact("مستشفى"), exact("مستشفي"));
        assert_eq!(exact("غَزَّة"), exact("غزة"));
        assert_eq!(exact("غـــزة"), exact("غزة"));
        assert_eq!(exact("٢٠٢٤"), ["2024"]);
        assert_eq!(exact("CNN Report"), ["cnn", "report"]);
    }

    #[test]
    fn offsets_are_bytes_of_the_surface_word() {
        let text = "قال «بغزة» CNN";
        let terms = ArabicTokenizer::exact().terms(text);
        let surfaces: Vec<&str> = terms.iter().map(|t| &text[t.1..t.2]).collect();
        assert_eq!(surfaces, ["قال", "بغزة", "CNN"]);
    }

    #[test]
    fn light_stem_strips_one_suffix_keeping_three_letters() {
        assert_eq!(light_stem("ولايات"), "ولاي");
        assert_eq!(light_stem("مستوطنون"), "مستوطن");
        assert_eq!(light_stem("غزه"), "غزه");
        let s = ArabicTokenizer::stemming().terms("المستوطنين والمستوطنون");
        assert_eq!(s[0].0, s[1].0);
    }
}
