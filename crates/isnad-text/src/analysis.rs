//! One analysis of a document's cleaned text, built once and read by every
//! extraction stage.
//!
//! [`Analysis::new`] tokenizes the text once ([`crate::tokens`]), folds every
//! token once at both levels ([`crate::fold`]: the lossy [`Fold::Letters`]
//! key every word list is matched against, and the [`Fold::Orthographic`]
//! form), computes its clitic readings once with one rule set
//! ([`Reading`]), and records the sentence and heading units with the tokens
//! each holds. Quantities, the NER tagger, entity recognition and claims
//! read it; none of them tokenizes, folds or strips clitics on its own.
//!
//! # The fold contract for word lists
//!
//! A hand-written or generated word list is compared with [`Analysis::key`]
//! or a reading's [`Analysis::reading_key`], so its entries must be written
//! in their [`Fold::Letters`] form ([`crate::fold::fold`] with that level
//! leaves them unchanged): bare alef for أ إ آ, ي for ى, ه for ة, no marks or
//! tatweel, ASCII digits. [`is_folded_entry`] is the test every list loader
//! runs over its entries.

use std::ops::Range;

use isnad_model::Span;

use crate::fold::{fold_char, Fold};
use crate::tokens::{tokenize_chars, Token, TokenKind};

/// True when `entry` is already in its [`Fold::Letters`] matching form, as
/// every word-list entry must be (see the module docs).
pub fn is_folded_entry(entry: &str) -> bool {
    entry.chars().all(|c| fold_char(c, Fold::Letters) == Some(c))
}

/// Proclitics read off the front of a word, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Clitics(u8);

impl Clitics {
    /// و "and".
    pub const WA: Clitics = Clitics(1);
    /// ف "so, then".
    pub const FA: Clitics = Clitics(1 << 1);
    /// ب "with, in, by".
    pub const BI: Clitics = Clitics(1 << 2);
    /// ك "like, as".
    pub const KA: Clitics = Clitics(1 << 3);
    /// ل "for, to".
    pub const LI: Clitics = Clitics(1 << 4);
    /// The article ال, read off the stem.
    pub const AL: Clitics = Clitics(1 << 5);
    /// The article of لل (ل + ال): the stem is written with its article restored.
    pub const AL_KEPT: Clitics = Clitics(1 << 6);
    /// The future marker س before an imperfect verb.
    pub const SA: Clitics = Clitics(1 << 7);
    /// No clitic: the bare word.
    pub const NONE: Clitics = Clitics(0);

    /// True when every bit of `other` is set.
    pub fn contains(self, other: Clitics) -> bool {
        self.0 & other.0 == other.0
    }

    /// True when any bit of `other` is set.
    pub fn intersects(self, other: Clitics) -> bool {
        self.0 & other.0 != 0
    }

    /// True for the bare word.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// True when only bits of `allowed` are set.
    pub fn within(self, allowed: Clitics) -> bool {
        self.0 & !allowed.0 == 0
    }

    /// A conjunction (و or ف) comes first.
    pub fn has_conjunction(self) -> bool {
        self.intersects(Clitics::WA | Clitics::FA)
    }

    /// A preposition (ب ك ل) is read.
    pub fn has_preposition(self) -> bool {
        self.intersects(Clitics::BI | Clitics::KA | Clitics::LI)
    }
}

impl std::ops::BitOr for Clitics {
    type Output = Clitics;
    fn bitor(self, rhs: Clitics) -> Clitics {
        Clitics(self.0 | rhs.0)
    }
}

/// One way to read a word as proclitics + stem. The surface is untouched:
/// the stem starts `skip` chars into the token's surface; its matching key
/// is [`Analysis::reading_key`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// The clitics read off the front.
    pub clitics: Clitics,
    /// Surface chars of the token before the stem (marks included). For a
    /// restored article (`لل`) this points at the second ل, which stands for
    /// the article's ل.
    pub skip: u32,
    /// Letters in the stem's key.
    pub letters: u32,
    key: (u32, u32),
}

/// What a unit of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnitKind {
    /// A sentence of the body.
    Sentence,
    /// A headline or crosshead.
    Heading,
}

/// A sentence or heading with the tokens inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Char span in the text.
    pub span: Span,
    /// Sentence or heading.
    pub kind: UnitKind,
    /// Indices of the tokens that lie inside the span.
    pub tokens: Range<usize>,
}

#[derive(Debug, Clone, Copy)]
struct Word {
    key: (u32, u32),
    ortho: (u32, u32),
    readings: (u32, u32),
    gap: bool,
}

/// The one analysis of a document's cleaned text (see the module docs).
#[derive(Debug, Clone)]
pub struct Analysis<'t> {
    text: &'t str,
    chars: Vec<char>,
    tokens: Vec<Token>,
    words: Vec<Word>,
    readings: Vec<Reading>,
    buf: String,
    units: Vec<Unit>,
    sentences: Vec<Span>,
    headings: Vec<Span>,
}

/// Minimum letters left in a stem by a clitic reading.
const MIN_STEM: usize = 2;

impl<'t> Analysis<'t> {
    /// Analyses `text` (the cleaned text) with its sentence and heading spans.
    pub fn new(text: &'t str, sentences: &[Span], headings: &[Span]) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let tokens = tokenize_chars(&chars);
        let mut buf = String::with_capacity(text.len() * 2);
        let mut words = Vec::with_capacity(tokens.len());
        let mut readings = Vec::with_capacity(tokens.len() * 2);
        let mut folded: Vec<char> = Vec::with_capacity(32);
        let mut origin: Vec<u32> = Vec::with_capacity(33);
        let mut prev_end = 0usize;
        for (ti, t) in tokens.iter().enumerate() {
            let surface = &chars[t.start..t.end];
            folded.clear();
            origin.clear();
            for (k, &c) in surface.iter().enumerate() {
                if let Some(f) = fold_char(c, Fold::Letters) {
                    folded.push(f);
                    origin.push(k as u32);
                }
            }
            origin.push(surface.len() as u32);
            let ks = buf.len() as u32;
            buf.extend(folded.iter());
            let key = (ks, buf.len() as u32);
            let os = buf.len() as u32;
            buf.extend(surface.iter().filter_map(|&c| fold_char(c, Fold::Orthographic)));
            let ortho = (os, buf.len() as u32);
            let rs = readings.len() as u32;
            readings.push(Reading { clitics: Clitics::NONE, skip: 0, letters: folded.len() as u32, key });
            if t.kind == TokenKind::Arabic {
                clitic_readings(&folded, &origin, key.0, &mut buf, &mut readings);
            }
            let gap = ti == 0 || t.start > prev_end;
            prev_end = t.end;
            words.push(Word { key, ortho, readings: (rs, readings.len() as u32), gap });
        }
        let mut units: Vec<Unit> = sentences
            .iter()
            .map(|s| (s, UnitKind::Sentence))
            .chain(headings.iter().map(|h| (h, UnitKind::Heading)))
            .map(|(s, kind)| {
                let a = tokens.partition_point(|t| t.start < s.start);
                let b = tokens.partition_point(|t| t.end <= s.end).max(a);
                Unit { span: *s, kind, tokens: a..b }
            })
            .collect();
        units.sort_by_key(|u| (u.span.start, u.span.end));
        Analysis {
            text,
            chars,
            tokens,
            words,
            readings,
            buf,
            units,
            sentences: sentences.to_vec(),
            headings: headings.to_vec(),
        }
    }

    /// The cleaned text.
    pub fn text(&self) -> &'t str {
        self.text
    }

    /// The text as chars (offsets everywhere are indices into this).
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// The text of chars `[start, end)` (clamped to the text).
    pub fn slice(&self, start: usize, end: usize) -> String {
        let n = self.chars.len();
        self.chars[start.min(n)..end.min(n).max(start.min(n))].iter().collect()
    }

    /// The tokens, in text order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The surface of token `i`.
    pub fn surface(&self, i: usize) -> String {
        let t = &self.tokens[i];
        self.chars[t.start..t.end].iter().collect()
    }

    /// The [`Fold::Letters`] matching key of token `i` (every word list is
    /// written in this form).
    pub fn key(&self, i: usize) -> &str {
        let (a, b) = self.words[i].key;
        &self.buf[a as usize..b as usize]
    }

    /// The [`Fold::Orthographic`] form of token `i` (ى and ي, ة and ه kept apart).
    pub fn ortho(&self, i: usize) -> &str {
        let (a, b) = self.words[i].ortho;
        &self.buf[a as usize..b as usize]
    }

    /// True when whitespace (or the start of the text) comes before token `i`.
    pub fn gap_before(&self, i: usize) -> bool {
        self.words[i].gap
    }

    /// The clitic readings of token `i`: the bare word first, then every
    /// well-formed proclitic sequence leaving a stem of two letters or more
    /// (see [`Clitics`]), in a fixed order.
    pub fn readings(&self, i: usize) -> &[Reading] {
        let (a, b) = self.words[i].readings;
        &self.readings[a as usize..b as usize]
    }

    /// The matching key of a reading's stem.
    pub fn reading_key(&self, r: &Reading) -> &str {
        &self.buf[r.key.0 as usize..r.key.1 as usize]
    }

    /// Sentences and headings, sorted by start (then end).
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// The sentence spans, as given.
    pub fn sentences(&self) -> &[Span] {
        &self.sentences
    }

    /// The heading spans, as given.
    pub fn headings(&self) -> &[Span] {
        &self.headings
    }

    /// Index of the first token starting at or after char `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    /// The whole text folded at `level`, with the map back to its chars.
    pub fn folded(&self, level: Fold) -> crate::fold::Folded {
        crate::fold::Folded::new(self.text, level)
    }
}

/// How a word splits into proclitics + stem: `(clitics, stem_at, restored)`
/// per reading after the bare word, where `stem_at` indexes `f` and
/// `restored` says the stem is written with its article restored (`لل`).
///
/// The one rule set: an optional conjunction (و ف), then the article ال, or
/// لل (ل + article) and ل alone, or a preposition (ب ك ل) with an optional
/// article, or the future marker س before an imperfect prefix (ي ت ن أ; in
/// `folded` text, where أ is ا, also ا). Every reading leaves at least
/// [`MIN_STEM`] letters. `f` holds the letters of the word without marks or
/// tatweel.
pub(crate) fn proclitic_splits(f: &[char], folded: bool) -> Vec<(Clitics, usize, bool)> {
    let n = f.len();
    let mut out = Vec::new();
    let mut push = |clitics: Clitics, at: usize, restored: bool| {
        if n >= at + MIN_STEM {
            out.push((clitics, at, restored));
        }
    };
    let conj = match f.first() {
        Some('و') => Some(Clitics::WA),
        Some('ف') => Some(Clitics::FA),
        _ => None,
    };
    for base in [0usize, 1] {
        let pre = match (base, conj) {
            (0, _) => Clitics::NONE,
            (_, Some(c)) => c,
            (_, None) => continue,
        };
        if base == 1 {
            push(pre, 1, false);
        }
        let at = |k: usize| f.get(base + k).copied();
        if at(0) == Some('ا') && at(1) == Some('ل') {
            push(pre | Clitics::AL, base + 2, false);
        }
        match at(0) {
            Some('ل') if at(1) == Some('ل') => {
                push(pre | Clitics::LI | Clitics::AL_KEPT, base + 2, true);
                push(pre | Clitics::LI, base + 1, false);
            }
            Some(p @ ('ب' | 'ك' | 'ل')) => {
                let prep = match p {
                    'ب' => Clitics::BI,
                    'ك' => Clitics::KA,
                    _ => Clitics::LI,
                };
                push(pre | prep, base + 1, false);
                if at(1) == Some('ا') && at(2) == Some('ل') {
                    push(pre | prep | Clitics::AL, base + 3, false);
                }
            }
            Some('س') if matches!(at(1), Some('ي' | 'ت' | 'ن' | 'أ')) || (folded && at(1) == Some('ا')) => {
                push(pre | Clitics::SA, base + 1, false);
            }
            _ => {}
        }
    }
    out
}

/// The clitics of a restored-article reading (`لل` as ل + ال) when the article
/// is read off too: the stem without it.
fn consumed(restored: Clitics) -> Clitics {
    Clitics((restored.0 & !Clitics::AL_KEPT.0) | Clitics::AL.0)
}

/// Calls `f` with each reading of the folded word `key` (the bare word first,
/// then the readings [`Analysis::readings`] gives a token) and its stem, until
/// `f` returns true; returns whether it did. For strings outside the text,
/// such as a phrase from another layer.
pub fn any_reading(key: &str, f: &mut dyn FnMut(Clitics, &str) -> bool) -> bool {
    if f(Clitics::NONE, key) {
        return true;
    }
    let chars: Vec<char> = key.chars().collect();
    let byte_at = |k: usize| -> usize { chars[..k].iter().map(|c| c.len_utf8()).sum() };
    for (clitics, at, restored) in proclitic_splits(&chars, true) {
        if restored {
            let with_article = format!("ال{}", &key[byte_at(at)..]);
            if f(clitics, &with_article) || f(consumed(clitics), &key[byte_at(at)..]) {
                return true;
            }
        } else if f(clitics, &key[byte_at(at)..]) {
            return true;
        }
    }
    false
}

/// Appends the proclitic readings of a folded Arabic word (`f`, with
/// `origin[k]` the surface char of folded char `k`) after its bare reading.
fn clitic_readings(f: &[char], origin: &[u32], key_start: u32, buf: &mut String, out: &mut Vec<Reading>) {
    // Byte offset in the token's key of folded char k.
    let byte_at = |k: usize| -> u32 { f[..k].iter().map(|c| c.len_utf8() as u32).sum() };
    let key_len = byte_at(f.len());
    for (clitics, at, restored) in proclitic_splits(f, true) {
        let letters = (f.len() - at) as u32;
        if restored {
            let s = buf.len() as u32;
            buf.push_str("ال");
            buf.extend(&f[at..]);
            // The second ل of لل stands for the article's ل.
            out.push(Reading { clitics, skip: origin[at - 1], letters: letters + 2, key: (s, buf.len() as u32) });
            // ...or the article is read off with the preposition: the bare stem.
            out.push(Reading {
                clitics: consumed(clitics),
                skip: origin[at],
                letters,
                key: (key_start + byte_at(at), key_start + key_len),
            });
        } else {
            out.push(Reading {
                clitics,
                skip: origin[at],
                letters,
                key: (key_start + byte_at(at), key_start + key_len),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn readings(word: &str) -> Vec<(Clitics, u32, String)> {
        let a = Analysis::new(word, &[], &[]);
        a.readings(0).iter().map(|r| (r.clitics, r.skip, a.reading_key(r).to_string())).collect()
    }

    #[test]
    fn one_token_stream_with_keys_and_forms() {
        let text = "قُتل ٣ أشخاص في «غزة»، وفق مصادر.";
        let a = Analysis::new(text, &[Span::new(0, text.chars().count())], &[]);
        let keys: Vec<&str> = (0..a.tokens().len()).map(|i| a.key(i)).collect();
        assert_eq!(keys, ["قتل", "3", "اشخاص", "في", "«", "غزه", "»", "،", "وفق", "مصادر", "."]);
        assert_eq!(a.ortho(5), "غزة");
        assert_eq!(a.surface(0), "قُتل");
        assert!(a.gap_before(1) && !a.gap_before(6));
        assert_eq!(a.units().len(), 1);
        assert_eq!(a.units()[0].tokens, 0..11);
    }

    #[test]
    fn readings_see_through_proclitics() {
        let r = readings("بغزة");
        assert_eq!(r[0], (Clitics::NONE, 0, "بغزه".into()));
        assert!(r.contains(&(Clitics::BI, 1, "غزه".into())));
        let r = readings("والولايات");
        assert!(r.contains(&(Clitics::WA, 1, "الولايات".into())));
        assert!(r.contains(&(Clitics::WA | Clitics::AL, 3, "ولايات".into())));
        let r = readings("للقطاع");
        assert!(r.contains(&(Clitics::LI | Clitics::AL_KEPT, 1, "القطاع".into())));
        assert!(r.contains(&(Clitics::LI | Clitics::AL, 2, "قطاع".into())));
        assert!(r.contains(&(Clitics::LI, 1, "لقطاع".into())));
        let r = readings("وبالدوحة");
        assert!(r.contains(&(Clitics::WA | Clitics::BI | Clitics::AL, 4, "دوحه".into())));
        assert!(r.contains(&(Clitics::WA | Clitics::BI, 2, "الدوحه".into())));
        let r = readings("سيعود");
        assert!(r.contains(&(Clitics::SA, 1, "يعود".into())));
    }

    #[test]
    fn readings_skip_marks_and_keep_short_stems_whole() {
        let r = readings("بِغَزَّةَ");
        assert!(r.contains(&(Clitics::BI, 2, "غزه".into())));
        assert_eq!(readings("بر").len(), 1);
        // A word that merely starts with a clitic letter keeps its bare reading first.
        assert_eq!(readings("بريطانيا")[0].2, "بريطانيا");
        assert!(readings("123").len() == 1);
    }

    #[test]
    fn units_hold_their_tokens() {
        let text = "عنوان\nجملة أولى. جملة ثانية.";
        let a = Analysis::new(text, &[Span::new(6, 16), Span::new(17, 28)], &[Span::new(0, 5)]);
        let kinds: Vec<UnitKind> = a.units().iter().map(|u| u.kind).collect();
        assert_eq!(kinds, [UnitKind::Heading, UnitKind::Sentence, UnitKind::Sentence]);
        let words: Vec<String> = a.units()[1].tokens.clone().map(|i| a.surface(i)).collect();
        assert_eq!(words, ["جملة", "أولى", "."]);
    }

    #[test]
    fn string_readings_match_token_readings() {
        for word in ["وللمعتقلين", "بالدوحة", "سيعود", "كتب", "فلسطين", "للأسرى"] {
            let a = Analysis::new(word, &[], &[]);
            let from_tokens: Vec<(Clitics, String)> =
                a.readings(0).iter().map(|r| (r.clitics, a.reading_key(r).to_string())).collect();
            let mut from_string = Vec::new();
            any_reading(a.key(0), &mut |c, k| {
                from_string.push((c, k.to_string()));
                false
            });
            assert_eq!(from_tokens, from_string, "{word}");
        }
        assert!(any_reading("وللمعتقلين", &mut |c, k| c == Clitics::WA | Clitics::LI | Clitics::AL
            && k == "معتقلين"));
    }

    #[test]
    fn folded_entries_are_recognised() {
        assert!(is_folded_entry("مستشفي"));
        assert!(is_folded_entry("اسراييل") && is_folded_entry("ابو ظبي"));
        assert!(!is_folded_entry("مستشفى"));
        assert!(!is_folded_entry("غزة"));
        assert!(!is_folded_entry("إسرائيل"));
    }
}
