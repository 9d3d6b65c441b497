//! The token stream the grammar runs over: tokens of the cleaned text with
//! their lossy matching forms, clitic-stripped lexicon entries and digit values.

use isnad_text::fold::{digit_value, fold_char, Fold};
use isnad_text::tokens::{tokenize_chars, TokenKind};

use std::sync::LazyLock;

use crate::lexicon::{E, LEX};

static TRIGGER_SET: LazyLock<std::collections::HashSet<String, std::hash::BuildHasherDefault<crate::lexicon::Fx>>> =
    LazyLock::new(|| {
        let mut s: std::collections::HashSet<String, _> =
            crate::grammar::TRIGGERS.split('|').map(str::to_string).collect();
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

#[derive(Debug, Clone)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    fs: u32,
    fe: u32,
    /// The stem with its article restored after لل (`للعشرات` → `العشرات`).
    alt: Option<(u32, u32)>,
    /// Something (whitespace) separates this token from the previous one.
    pub gap: bool,
    /// The lexicon entry of the word (bare or after stripping و/ف/ب/ل/ك).
    pub lex: Option<E>,
    /// The entry was found after stripping a leading و.
    pub wa: bool,
    /// The entry was found after stripping a clitic.
    pub clitic: bool,
    pub digits: Option<Digits>,
    /// Byte offsets of clitic-stripped stems (0 = none).
    so: [u8; 2],
    /// The token can start a date or a quantity (a lexicon word, a pattern's first word, a digit).
    pub trigger: bool,
}

pub struct Scan<'a> {
    pub chars: &'a [char],
    pub toks: Vec<Tok>,
    buf: String,
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
    pub fn new(chars: &'a [char]) -> Self {
        let raw = tokenize_chars(chars);
        let mut toks = Vec::with_capacity(raw.len());
        let mut buf = String::with_capacity(chars.len() * 2);
        let mut prev_end = 0usize;
        for t in raw {
            let fs = buf.len() as u32;
            let mut digits = None;
            match t.kind {
                TokenKind::Arabic | TokenKind::Latin | TokenKind::Punct => {
                    for &c in &chars[t.start..t.end] {
                        if let Some(f) = fold_char(c, Fold::Letters) {
                            buf.push(f);
                        }
                    }
                }
                TokenKind::Number => {
                    digits = Some(parse_digits(&chars[t.start..t.end]));
                }
            }
            let fe = buf.len() as u32;
            let mut tok = Tok {
                start: t.start,
                end: t.end,
                kind: t.kind,
                fs,
                fe,
                alt: None,
                gap: t.start > prev_end || toks.is_empty(),
                lex: None,
                wa: false,
                clitic: false,
                so: [0, 0],
                trigger: digits.is_some(),
                digits,
            };
            prev_end = t.end;
            if t.kind == TokenKind::Arabic {
                let f = &buf[fs as usize..fe as usize];
                // لل / ولل / فلل + stem: the stem with its article.
                let lil = if f.starts_with("لل") {
                    Some(4)
                } else if (f.starts_with("ولل") || f.starts_with("فلل")) && f.len() > 6 {
                    Some(6)
                } else {
                    None
                };
                if let Some(off) = lil {
                    if f.len() >= off + 4 {
                        let rest = f[off..].to_string();
                        let a = buf.len() as u32;
                        buf.push_str("ال");
                        buf.push_str(&rest);
                        tok.alt = Some((a, buf.len() as u32));
                    }
                }
                let f = &buf[fs as usize..fe as usize];
                let words = &LEX.words;
                if let Some(e) = words.get(f) {
                    tok.lex = Some(*e);
                } else {
                    for off in stem_offsets(f) {
                        if let Some(e) = words.get(&f[off..]) {
                            tok.lex = Some(*e);
                            tok.clitic = true;
                            tok.wa = f.starts_with('و');
                            break;
                        }
                    }
                    if tok.lex.is_none() {
                        if let Some((a, b)) = tok.alt {
                            if let Some(e) = words.get(&buf[a as usize..b as usize]) {
                                tok.lex = Some(*e);
                                tok.clitic = true;
                                tok.wa = f.starts_with('و');
                            }
                        }
                    }
                }
            }
            if t.kind == TokenKind::Arabic {
                let f = &buf[fs as usize..fe as usize];
                for (k, o) in stem_offsets(f).enumerate() {
                    tok.so[k] = o as u8;
                }
                let trig = &*TRIGGER_SET;
                tok.trigger = tok.lex.is_some()
                    || (f.len() <= 20 && trig.contains(f))
                    || stem_offsets(f).any(|o| trig.contains(&f[o..]))
                    || tok.alt.is_some_and(|(a, b)| trig.contains(&buf[a as usize..b as usize]));
            }
            toks.push(tok);
        }
        Scan { chars, toks, buf }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The matching form of token `i` ("" past the end).
    pub fn f(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| &self.buf[t.fs as usize..t.fe as usize]).unwrap_or("")
    }

    /// The forms of Arabic token `i` to compare: bare, clitic-stripped, article restored.
    fn cands(&self, i: usize) -> [&str; 4] {
        let Some(t) = self.toks.get(i) else { return [""; 4] };
        if t.kind != TokenKind::Arabic {
            return [""; 4];
        }
        let f = &self.buf[t.fs as usize..t.fe as usize];
        let a = if t.so[0] > 0 { &f[t.so[0] as usize..] } else { "" };
        let b = if t.so[1] > 0 { &f[t.so[1] as usize..] } else { "" };
        let c = t.alt.map(|(x, y)| &self.buf[x as usize..y as usize]).unwrap_or("");
        [f, a, b, c]
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

/// Byte offsets of clitic-stripped stems of a folded Arabic word (و/ف, then ب/ل/ك),
/// leaving at least two letters.
pub fn stem_offsets(f: &str) -> impl Iterator<Item = usize> + '_ {
    let mut cs = f.chars();
    let c0 = cs.next();
    let c1 = cs.next();
    let len = f.len() / 2; // Arabic letters are two bytes; an estimate is enough here.
    let conj = matches!(c0, Some('و' | 'ف'));
    let prep0 = matches!(c0, Some('ب' | 'ل' | 'ك'));
    let prep1 = conj && matches!(c1, Some('ب' | 'ل' | 'ك'));
    let a = if (conj || prep0) && len >= 3 { Some(2) } else { None };
    let b = if prep1 && len >= 4 { Some(4) } else { None };
    a.into_iter().chain(b)
}
