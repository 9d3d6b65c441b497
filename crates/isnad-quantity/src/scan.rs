//! The token stream the grammar runs over: tokens of the cleaned text with
//! their lossy matching forms, clitic-stripped lexicon entries and digit values.

use isnad_text::analysis::Clitics;
use isnad_text::fold::digit_value;
use isnad_text::tokens::TokenKind;
use isnad_text::Analysis;

use std::sync::LazyLock;

use crate::lexicon::{E, LEX};

static TRIGGER_SET: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    let mut s: rustc_hash::FxHashSet<String> = crate::grammar::TRIGGERS.split('|').map(str::to_string).collect();
    s.extend(LEX.month_pairs.keys().cloned());
    s
});

/// A digit run.
#[derive(Debug, Clone, Copy)]
pub struct Digits {
    pub value: f64,
    pub int: bool,
    pub ndigits: u32,
    pub grouped: bool,
    pub leading_zero: bool,
}

/// A token of the document's [`Analysis`] with what the grammar needs of it.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// The forms to compare: the bare key, up to two clitic-stripped stems
    /// (و/ف, ب/ل/ك and both), and the stem with its article restored after
    /// لل (`للعشرات` → `العشرات`); "" where there is none.
    forms: [&'a str; 4],
    /// Something (whitespace) separates this token from the previous one.
    pub gap: bool,
    /// The lexicon entry of the word (bare or after stripping و/ف/ب/ل/ك).
    pub lex: Option<E>,
    /// The entry was found after stripping a leading و.
    pub wa: bool,
    /// The entry was found after stripping a clitic.
    pub clitic: bool,
    pub digits: Option<Digits>,
    /// The token can start a date or a quantity (a lexicon word, a pattern's first word, a digit).
    pub trigger: bool,
}

/// The grammar's view of a document: its tokens with lexicon entries and digit values.
pub struct Scan<'a> {
    pub chars: &'a [char],
    pub toks: Vec<Tok<'a>>,
}

/// The clitics the grammar sees through: a conjunction and a preposition (no
/// article, no future marker); the article restored after لل is a form of its own.
fn stripped() -> Clitics {
    Clitics::WA | Clitics::FA | Clitics::BI | Clitics::KA | Clitics::LI
}

/// Longest digit run parsed as a number; longer runs are identifiers.
const MAX_DIGITS: u32 = 15;

fn parse_digits(cs: &[char]) -> Digits {
    let mut groups: Vec<(u32, u64)> = Vec::new(); // (digit count, first char index) per group
    let mut seps: Vec<char> = Vec::new();
    let mut n = 0u32;
    let mut total = 0u32;
    for &c in cs {
        if digit_value(c).is_some() {
            n += 1;
            total += 1;
        } else {
            groups.push((n, 0));
            seps.push(c);
            n = 0;
        }
    }
    groups.push((n, 0));
    let leading_zero = cs.first().and_then(|&c| digit_value(c)) == Some(0) && total > 1;
    let is_group = |c: char| c == ',' || c == '\u{066C}';
    let is_dec = |c: char| c == '.' || c == '\u{066B}';
    // Decide which separator is the decimal mark.
    let three_after_first = groups.iter().skip(1).all(|g| g.0 == 3) && groups[0].0 <= 3;
    let mut dec_at: Option<usize> = None; // index into seps
    let mut grouped = false;
    if seps.is_empty() {
    } else if seps.contains(&'\u{066B}') {
        dec_at = seps.iter().position(|&c| c == '\u{066B}');
        grouped = seps.iter().any(|&c| is_group(c) || c == ',');
    } else if seps.iter().any(|&c| is_group(c)) && seps.iter().any(|&c| is_dec(c)) {
        dec_at = seps.iter().rposition(|&c| is_dec(c));
        grouped = true;
    } else if seps.iter().all(|&c| is_group(c)) {
        if three_after_first || seps.contains(&'\u{066C}') {
            grouped = true;
        } else if seps.len() == 1 {
            dec_at = Some(0);
        } else {
            grouped = true;
        }
    } else if seps.len() > 1 && three_after_first {
        grouped = true; // 1.200.000
    } else if seps.len() == 1 && groups[1].0 == 3 && cs.iter().rev().take(3).all(|&c| digit_value(c) == Some(0)) {
        grouped = true; // 368.000: three zeros after one dot group thousands
    } else {
        dec_at = Some(0);
    }
    if total > MAX_DIGITS {
        return Digits { value: f64::NAN, int: true, ndigits: total, grouped, leading_zero };
    }
    let mut s = String::with_capacity(cs.len());
    let mut k = 0;
    for &c in cs {
        if let Some(d) = digit_value(c) {
            s.push(char::from_digit(d, 10).unwrap_or('0'));
        } else {
            if dec_at == Some(k) {
                s.push('.');
            }
            k += 1;
        }
    }
    let value = s.parse::<f64>().unwrap_or(f64::NAN);
    Digits { value, int: dec_at.is_none(), ndigits: total, grouped, leading_zero }
}

impl<'a> Scan<'a> {
    /// Reads the tokens of `an`: digit values, lexicon entries (bare, then
    /// through the clitic readings of [`stripped`], then the restored article)
    /// and triggers.
    pub fn new(an: &'a Analysis<'_>) -> Self {
        let chars = an.chars();
        let words = &LEX.words;
        let trig = &*TRIGGER_SET;
        let allowed = stripped();
        let toks = an
            .tokens()
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let digits = (t.kind == TokenKind::Number).then(|| parse_digits(&chars[t.start..t.end]));
                let mut forms = [if t.kind == TokenKind::Number { "" } else { an.key(i) }, "", "", ""];
                let mut tok = Tok {
                    start: t.start,
                    end: t.end,
                    kind: t.kind,
                    forms,
                    gap: an.gap_before(i),
                    lex: None,
                    wa: false,
                    clitic: false,
                    trigger: digits.is_some(),
                    digits,
                };
                if t.kind != TokenKind::Arabic {
                    return tok;
                }
                let mut k = 1;
                for r in &an.readings(i)[1..] {
                    if r.clitics.contains(Clitics::AL_KEPT) {
                        forms[3] = an.reading_key(r);
                    } else if r.clitics.within(allowed) && k < 3 {
                        forms[k] = an.reading_key(r);
                        k += 1;
                    }
                }
                tok.forms = forms;
                let f = forms[0];
                if let Some(e) = words.get(f) {
                    tok.lex = Some(*e);
                } else if let Some(e) = forms[1..].iter().filter(|w| !w.is_empty()).find_map(|w| words.get(*w)) {
                    tok.lex = Some(*e);
                    tok.clitic = true;
                    tok.wa = f.starts_with('و');
                }
                tok.trigger = tok.lex.is_some()
                    || (f.len() <= 20 && trig.contains(f))
                    || forms[1..].iter().any(|w| !w.is_empty() && trig.contains(*w));
                tok
            })
            .collect();
        Scan { chars, toks }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The matching form of token `i` ("" past the end and for digits).
    pub fn f(&self, i: usize) -> &'a str {
        self.toks.get(i).map(|t| t.forms[0]).unwrap_or("")
    }

    /// The forms of Arabic token `i` to compare: bare, clitic-stripped, article restored.
    fn cands(&self, i: usize) -> [&'a str; 4] {
        match self.toks.get(i) {
            Some(t) if t.kind == TokenKind::Arabic => t.forms,
            _ => [""; 4],
        }
    }

    /// The bare form of token `i` and its clitic-stripped stems (not the restored article).
    pub fn heads(&self, i: usize) -> impl Iterator<Item = &'a str> {
        let c = self.cands(i);
        c.into_iter().take(3).enumerate().filter(|(k, w)| *k == 0 || !w.is_empty()).map(|(_, w)| w)
    }

    /// True when token `i`, bare or after stripping leading clitics, is `w` (a folded form).
    pub fn is(&self, i: usize, w: &str) -> bool {
        !w.is_empty() && self.cands(i).contains(&w)
    }

    /// True when token `i` is exactly `w`, without clitics.
    pub fn bare(&self, i: usize, w: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Arabic) && self.f(i) == w
    }

    /// True when token `i` is one of `ws` (alternatives separated by `|`).
    pub fn is_any(&self, i: usize, ws: &str) -> bool {
        let c = self.cands(i);
        if c[0].is_empty() {
            return false;
        }
        ws.split('|').any(|w| c.contains(&w))
    }

    pub fn lex(&self, i: usize) -> Option<E> {
        self.toks.get(i).and_then(|t| t.lex)
    }

    pub fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i) {
            Some(t) if t.kind == TokenKind::Punct => Some(self.chars[t.start]),
            _ => None,
        }
    }

    pub fn digits(&self, i: usize) -> Option<Digits> {
        self.toks.get(i).and_then(|t| t.digits)
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Token `i` directly touches the previous token (no space between).
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.gap)
    }

    /// Matches a sequence of words (each with `|` alternatives) from `i`;
    /// returns the index after the match.
    pub fn seq(&self, i: usize, words: &[&str]) -> Option<usize> {
        for (k, w) in words.iter().enumerate() {
            if !self.is_any(i + k, w) {
                return None;
            }
        }
        Some(i + words.len())
    }

    /// The chars between token `i - 1` and token `i`.
    pub fn gap_chars(&self, i: usize) -> &[char] {
        if i == 0 || i >= self.toks.len() {
            return &[];
        }
        &self.chars[self.toks[i - 1].end..self.toks[i].start]
    }
}
