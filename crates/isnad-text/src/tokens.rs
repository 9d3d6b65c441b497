//! Tokens and clitic analysis.
//!
//! Tokens keep their surface untouched; clitic analyses are offered beside
//! it, never applied. `بغزة` yields the analyses `بغزة` and `ب + غزة`;
//! whether `غزة` is the right reading is for the consumer (a gazetteer, the
//! word list) to decide. `البانيا` yields `ال + بانيا` too, but the analysis
//! says the stem is not a known word.

use crate::analysis::{proclitic_splits, Clitics};
use crate::fold::{digit_value, is_arabic_word_char, is_diacritic, TATWEEL};
use crate::lexicon::words;

/// The kind of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A run of Arabic letters (with marks and tatweel).
    Arabic,
    /// A run of Latin (or other alphabetic) letters, apostrophes and hyphens inside.
    Latin,
    /// A run of digits in any script, with `,` `.` `٬` `٫` between digits.
    Number,
    /// A single punctuation mark or symbol.
    Punct,
}

/// A token of the cleaned text, in char offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Start (chars).
    pub start: usize,
    /// End (chars).
    pub end: usize,
    /// Kind.
    pub kind: TokenKind,
}

/// Splits `text` into tokens. Whitespace separates tokens and is not a token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    tokenize_chars(&chars)
}

/// [`tokenize`] over a char slice.
pub fn tokenize_chars(chars: &[char]) -> Vec<Token> {
    let mut out = Vec::with_capacity(chars.len() / 5);
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let kind = if is_arabic_word_char(c) && c != TATWEEL
            || (c == TATWEEL && i + 1 < n && is_arabic_word_char(chars[i + 1]))
        {
            while i < n && is_arabic_word_char(chars[i]) {
                i += 1;
            }
            TokenKind::Arabic
        } else if digit_value(c).is_some() {
            i += 1;
            while i < n {
                if digit_value(chars[i]).is_some() {
                    i += 1;
                } else if matches!(chars[i], ',' | '.' | '\u{066B}' | '\u{066C}')
                    && i + 1 < n
                    && digit_value(chars[i + 1]).is_some()
                {
                    i += 2;
                } else {
                    break;
                }
            }
            TokenKind::Number
        } else if c.is_alphabetic() {
            i += 1;
            while i < n
                && (chars[i].is_alphabetic() && !is_arabic_word_char(chars[i])
                    || matches!(chars[i], '\'' | '’' | '-')
                        && i + 1 < n
                        && chars[i + 1].is_alphabetic()
                        && !is_arabic_word_char(chars[i + 1]))
            {
                i += 1;
            }
            TokenKind::Latin
        } else {
            i += 1;
            TokenKind::Punct
        };
        out.push(Token { start, end: i, kind });
    }
    out
}

/// A clitic that can be attached to the front of an Arabic word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Clitic {
    /// و "and".
    Wa,
    /// ف "so, then".
    Fa,
    /// ب "with, in, by".
    Bi,
    /// ك "like, as".
    Ka,
    /// ل "for, to".
    Li,
    /// ال the definite article (written `ل` after the preposition ل: لل).
    Al,
    /// س future marker before an imperfect verb.
    Sa,
}

impl Clitic {
    /// The clitic as written alone.
    pub fn as_str(self) -> &'static str {
        match self {
            Clitic::Wa => "و",
            Clitic::Fa => "ف",
            Clitic::Bi => "ب",
            Clitic::Ka => "ك",
            Clitic::Li => "ل",
            Clitic::Al => "ال",
            Clitic::Sa => "س",
        }
    }
}

/// One way to read a word as clitics + stem. The surface is untouched: the
/// stem is `word[stem_start..]` (chars), except that after `لل` the stem
/// written with its article is `"ال" + word[stem_start..]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Analysis {
    /// The clitics, outermost first.
    pub clitics: Vec<Clitic>,
    /// Char offset of the stem in the word.
    pub stem_start: usize,
    /// The stem as it would be written alone (article restored after لل).
    pub stem: String,
    /// True when the stem (or the whole word, for the bare analysis) is in the word list.
    pub known: bool,
}

/// All clitic analyses of an Arabic word, the bare word first.
///
/// Only well-formed prefix sequences are offered: an optional conjunction
/// (و ف), then either a preposition (ب ك ل) with an optional article, `لل`
/// (ل + article), the article alone, or the future marker س before an
/// imperfect prefix. Stems shorter than two letters are not offered.
pub fn analyses(word: &str) -> Vec<Analysis> {
    let chars: Vec<char> = word.chars().filter(|&c| !is_diacritic(c) && c != TATWEEL).collect();
    let full: String = chars.iter().collect();
    let lex = words();
    let mut out = vec![Analysis { clitics: vec![], stem_start: 0, stem: full.clone(), known: lex.contains(&full) }];
    // Positions are computed on the mark-free form; map them back to the surface.
    let surface_pos = |k: usize| -> usize {
        let mut seen = 0;
        for (i, c) in word.chars().enumerate() {
            if is_diacritic(c) || c == TATWEEL {
                continue;
            }
            if seen == k {
                return i;
            }
            seen += 1;
        }
        word.chars().count()
    };
    for (bits, at, restore_article) in proclitic_splits(&chars, false) {
        let rest: String = chars[at..].iter().collect();
        let stem = if restore_article { format!("ال{rest}") } else { rest };
        let known = lex.contains(&stem);
        let clitics = [
            (Clitics::WA, Clitic::Wa),
            (Clitics::FA, Clitic::Fa),
            (Clitics::BI, Clitic::Bi),
            (Clitics::KA, Clitic::Ka),
            (Clitics::LI, Clitic::Li),
            (Clitics::AL | Clitics::AL_KEPT, Clitic::Al),
            (Clitics::SA, Clitic::Sa),
        ]
        .into_iter()
        .filter(|(b, _)| bits.intersects(*b))
        .map(|(_, c)| c)
        .collect();
        out.push(Analysis { clitics, stem_start: surface_pos(at), stem, known });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(String, TokenKind)> {
        let chars: Vec<char> = s.chars().collect();
        tokenize(s).into_iter().map(|t| (chars[t.start..t.end].iter().collect(), t.kind)).collect()
    }

    #[test]
    fn tokens_split_scripts_numbers_and_punctuation() {
        let toks = kinds("قُتل 1,200 شخص في «غزة»، وفق CNN's report ٢٦٫٥%");
        let surfaces: Vec<&str> = toks.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            surfaces,
            ["قُتل", "1,200", "شخص", "في", "«", "غزة", "»", "،", "وفق", "CNN's", "report", "٢٦٫٥", "%"]
        );
        assert_eq!(toks[1].1, TokenKind::Number);
        assert_eq!(toks[9].1, TokenKind::Latin);
        assert_eq!(toks[4].1, TokenKind::Punct);
    }

    #[test]
    fn trailing_separator_is_not_part_of_number() {
        let toks = kinds("عام 2024. ثم");
        assert_eq!(toks[1].0, "2024");
        assert_eq!(toks[2].0, ".");
    }

    fn stems(word: &str) -> Vec<(String, String)> {
        analyses(word)
            .into_iter()
            .map(|a| (a.clitics.iter().map(|c| c.as_str()).collect::<Vec<_>>().join("+"), a.stem))
            .collect()
    }

    #[test]
    fn clitic_analyses_see_through_prefixes() {
        let s = stems("بغزة");
        assert!(s.contains(&("ب".into(), "غزة".into())));
        let s = stems("لحماس");
        assert!(s.contains(&("ل".into(), "حماس".into())));
        let s = stems("والولايات");
        assert!(s.contains(&("و".into(), "الولايات".into())));
        assert!(s.contains(&("و+ال".into(), "ولايات".into())));
        let s = stems("للقطاع");
        assert!(s.contains(&("ل+ال".into(), "القطاع".into())));
        let s = stems("وبالدوحة");
        assert!(s.contains(&("و+ب+ال".into(), "دوحة".into())));
        assert!(s.contains(&("و+ب".into(), "الدوحة".into())));
    }

    #[test]
    fn bare_word_comes_first_and_short_stems_are_not_offered() {
        let a = analyses("بر");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].stem, "بر");
        assert!(a[0].clitics.is_empty());
        // "وو" + one letter: no analysis leaves a one-letter stem.
        assert!(analyses("وب").iter().all(|a| a.stem.chars().count() >= 2 || a.clitics.is_empty()));
    }

    #[test]
    fn stem_offsets_skip_marks() {
        let a = analyses("بِغَزَّةَ");
        let b = a.iter().find(|a| a.clitics == [Clitic::Bi]).unwrap();
        assert_eq!(b.stem, "غزة");
        assert_eq!(b.stem_start, 2);
    }
}
