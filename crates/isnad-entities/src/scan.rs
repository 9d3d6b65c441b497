//! Tokens with their clitic readings, and gazetteer hits over them.

use isnad_text::fold::{Fold, Folded};
use isnad_text::lexicon::words;
use isnad_text::tokens::{tokenize_chars, TokenKind};

use crate::gazetteer::{gazetteer, token_key, Walk};

/// Longest name in tokens that a gazetteer walk follows.
const MAX_NAME_TOKENS: usize = 9;

/// One reading of a token: the clitics skipped and the stem's matching key.
#[derive(Debug, Clone)]
pub(crate) struct Form {
    /// Chars of the surface before the stem (0 for the bare word).
    pub skip: usize,
    /// Matching key of the stem.
    pub key: String,
}

/// A token of the text with its readings.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// Readings; `forms[0]` is the bare word.
    pub forms: Vec<Form>,
    /// Orthographic form (ى and ي kept apart), for given names.
    pub ortho: String,
    /// Zipf × 100 of the bare word (0 when unknown).
    pub zipf: u16,
}

impl Tok {
    /// The bare matching key.
    pub fn key(&self) -> &str {
        &self.forms[0].key
    }

    /// True for a punctuation token equal to `c`.
    pub fn is_punct(&self, c: &str) -> bool {
        self.kind == TokenKind::Punct && self.forms[0].key == c
    }

    /// True when any reading's key is one of `set`.
    pub fn any_form_in(&self, set: &[&str]) -> bool {
        self.forms.iter().any(|f| set.contains(&f.key.as_str()))
    }
}

/// Clitic readings of an Arabic word from its folded chars: the bare word,
/// then و/ف, then ب/ل (and لل read as ل + ال), each leaving a stem of at
/// least three letters. ك is left out: `كبيرا` is far more often a word than
/// ك + a name.
fn arabic_forms(folded: &Folded) -> Vec<Form> {
    let f: Vec<char> = folded.text.chars().collect();
    let mut out = vec![Form { skip: 0, key: folded.text.clone() }];
    let n = f.len();
    let orig = |k: usize| folded.origin[k];
    let mut bases = vec![0usize];
    if n >= 4 && matches!(f[0], 'و' | 'ف') {
        out.push(Form { skip: orig(1), key: f[1..].iter().collect() });
        bases.push(1);
    }
    for base in bases {
        if n < base + 4 {
            continue;
        }
        if f[base] == 'ل' && f[base + 1] == 'ل' {
            let mut key = String::from("ال");
            key.extend(&f[base + 2..]);
            out.push(Form { skip: orig(base + 1), key });
        } else if matches!(f[base], 'ب' | 'ل') {
            out.push(Form { skip: orig(base + 1), key: f[base + 1..].iter().collect() });
        }
    }
    out
}

/// Tokenizes `chars` and computes every token's readings.
pub(crate) fn tokens(chars: &[char]) -> Vec<Tok> {
    let lex = words();
    tokenize_chars(chars)
        .into_iter()
        .map(|t| {
            let s: String = chars[t.start..t.end].iter().collect();
            let (forms, ortho, zipf) = match t.kind {
                TokenKind::Arabic => {
                    let folded = Folded::new(&s, Fold::Letters);
                    let ortho = isnad_text::fold::fold(&s, Fold::Orthographic);
                    let zipf = lex.zipf(&ortho).unwrap_or(0);
                    (arabic_forms(&folded), ortho, zipf)
                }
                kind => (vec![Form { skip: 0, key: token_key(&s, kind) }], s, 0),
            };
            Tok { start: t.start, end: t.end, kind: t.kind, forms, ortho, zipf }
        })
        .collect()
}

/// A gazetteer key found in the text: tokens `[tok, end)`, read through
/// `form` of the first token, naming the entries of `group`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub tok: usize,
    pub end: usize,
    pub form: usize,
    pub group: usize,
}

/// Every gazetteer hit starting at each token.
pub(crate) fn hits(toks: &[Tok]) -> Vec<Vec<Hit>> {
    let g = gazetteer();
    let fst = g.fst();
    let root = Walk::start(fst);
    let mut out = vec![Vec::new(); toks.len()];
    for (i, t) in toks.iter().enumerate() {
        for (fi, form) in t.forms.iter().enumerate() {
            let Some(mut w) = root.feed(fst, form.key.as_bytes()) else { continue };
            if let Some(v) = w.value(fst) {
                out[i].push(Hit { tok: i, end: i + 1, form: fi, group: v });
            }
            for (j, next) in toks.iter().enumerate().skip(i + 1).take(MAX_NAME_TOKENS - 1) {
                let Some(w2) = w.feed(fst, b" ").and_then(|w| w.feed(fst, next.key().as_bytes())) else { break };
                w = w2;
                if let Some(v) = w.value(fst) {
                    out[i].push(Hit { tok: i, end: j + 1, form: fi, group: v });
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(word: &str) -> Vec<(usize, String)> {
        let chars: Vec<char> = word.chars().collect();
        tokens(&chars)[0].forms.iter().map(|f| (f.skip, f.key.clone())).collect()
    }

    #[test]
    fn clitic_readings_skip_prefixes() {
        assert!(keys("لحماس").contains(&(1, "حماس".into())));
        assert!(keys("بالدوحة").contains(&(1, "الدوحه".into())));
        assert!(keys("والولايات").contains(&(1, "الولايات".into())));
        assert!(keys("وواشنطن").contains(&(1, "واشنطن".into())));
        assert!(keys("للقطاع").contains(&(1, "القطاع".into())));
        // Marks are skipped in offsets too.
        assert!(keys("بِغزة").contains(&(2, "غزه".into())));
        // No reading leaves a stem shorter than three letters.
        assert_eq!(keys("بها").len(), 1);
    }

    #[test]
    fn hits_follow_multiword_names() {
        let chars: Vec<char> = "وصل إلى قطاع غزة أمس".chars().collect();
        let toks = tokens(&chars);
        let h = hits(&toks);
        assert!(h[2].iter().any(|h| h.end == 4));
    }
}
