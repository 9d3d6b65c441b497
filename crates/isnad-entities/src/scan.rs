//! Tokens with their clitic readings, and gazetteer hits over them.

use isnad_text::analysis::{Clitics, Reading};
use isnad_text::fold::{fold, Fold};
use isnad_text::lexicon::words;
use isnad_text::memo::WordMemo;
use isnad_text::tokens::TokenKind;
use isnad_text::Analysis;

use crate::cues::Words;
use crate::gazetteer::{gazetteer, Walk};

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
    /// A given name read after a clitic (`وعلي`, `لمايك`, `كإبراهيم`) when the
    /// bare word is no given name: the chars skipped and the name's key.
    pub clitic_name: Option<(usize, String)>,
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
    pub fn any_form_in(&self, set: &Words) -> bool {
        self.forms.iter().any(|f| set.contains(f.key.as_str()))
    }

    /// True when any reading's key is `key`.
    pub fn any_form_is(&self, key: &str) -> bool {
        self.forms.iter().any(|f| f.key == key)
    }
}

/// The clitics entity matching sees through: و/ف, then ب/ل (and لل read as
/// ل + ال), each leaving a stem of at least three letters. ك is left out:
/// `كبيرا` is far more often a word than ك + a name; so are the bare article
/// and the future marker.
fn name_reading(r: &Reading, key: &str) -> bool {
    let allowed = Clitics::WA | Clitics::FA | Clitics::BI | Clitics::LI | Clitics::AL_KEPT;
    if r.clitics.is_empty() || !r.clitics.within(allowed) || r.letters < 3 {
        return false;
    }
    // After لل only the restored article is a reading (not ل + a stem in ل).
    !(r.clitics.contains(Clitics::LI) && !r.clitics.contains(Clitics::AL_KEPT) && key.starts_with('ل'))
}

/// A given name glued to a conjunction or preposition (`وعلي`, `لمايك`,
/// `كإبراهيم`): the surface chars before it and its key, when the bare word
/// (`وليد`, `فيصل`) is not itself a given name and is rarer than the name
/// (`كريم` is a word and a name of its own, not ك + `ريم`). The article is
/// never read off: `بالأمل` is not a name.
fn clitic_name(an: &Analysis<'_>, i: usize, ortho: &str, zipf: u16) -> Option<(usize, String)> {
    let given = &gazetteer().given;
    if given.contains_key(ortho) {
        return None;
    }
    let allowed = Clitics::WA | Clitics::FA | Clitics::BI | Clitics::KA | Clitics::LI;
    let surface: Vec<char> = an.chars()[an.tokens()[i].start..an.tokens()[i].end].to_vec();
    // The most frequent reading so far, shallowest first: `وكريم` is و + كريم, not و + ك + ريم.
    let mut best = zipf;
    for r in an.readings(i).iter().skip(1) {
        if !r.clitics.within(allowed) || r.letters < 2 {
            continue;
        }
        let stem = fold(&surface[r.skip as usize..].iter().collect::<String>(), Fold::Orthographic);
        let z = words().zipf(&stem).unwrap_or(0);
        if given.contains_key(&stem) && z > best {
            return Some((r.skip as usize, an.reading_key(r).to_string()));
        }
        best = best.max(z);
    }
    None
}

thread_local! {
    /// Word-list frequency per orthographic form (news repeats its vocabulary).
    static ZIPF: WordMemo<u16> = WordMemo::new(50_000);
}

/// Every token of the document's analysis with its name readings.
pub(crate) fn tokens(an: &Analysis<'_>) -> Vec<Tok> {
    let lex = words();
    an.tokens()
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let (forms, ortho, zipf, clitic_name) = match t.kind {
                TokenKind::Arabic => {
                    let forms = an
                        .readings(i)
                        .iter()
                        .enumerate()
                        .filter(|(k, r)| *k == 0 || name_reading(r, an.reading_key(r)))
                        .map(|(_, r)| Form { skip: r.skip as usize, key: an.reading_key(r).to_string() })
                        .collect();
                    let ortho = an.ortho(i).to_string();
                    let zipf = ZIPF.with(|m| m.get_or(&ortho, |w| lex.zipf(w).unwrap_or(0)));
                    let clitic_name = clitic_name(an, i, &ortho, zipf);
                    (forms, ortho, zipf, clitic_name)
                }
                TokenKind::Latin => (vec![Form { skip: 0, key: an.key(i).to_lowercase() }], an.surface(i), 0, None),
                _ => (vec![Form { skip: 0, key: an.key(i).to_string() }], an.surface(i), 0, None),
            };
            Tok { start: t.start, end: t.end, kind: t.kind, forms, ortho, zipf, clitic_name }
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
        tokens(&Analysis::new(word, &[], &[]))[0].forms.iter().map(|f| (f.skip, f.key.clone())).collect()
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
    fn given_names_are_read_after_clitics() {
        let an = Analysis::new("التقى وعلي ولمايك وكريم ووليد", &[], &[]);
        let toks = tokens(&an);
        assert_eq!(toks[1].clitic_name, Some((1, "علي".to_string())));
        assert_eq!(toks[2].clitic_name, Some((2, "مايك".to_string())));
        // A frequent word that is also a name stays whole (كريم is not ك + ريم), and so does a given name (وليد).
        assert_eq!(toks[3].clitic_name, None);
        assert_eq!(toks[4].clitic_name.as_ref().map(|c| c.0), Some(1));
        assert_eq!(toks[0].clitic_name, None);
    }

    #[test]
    fn hits_follow_multiword_names() {
        let toks = tokens(&Analysis::new("وصل إلى قطاع غزة أمس", &[], &[]));
        let h = hits(&toks);
        assert!(h[2].iter().any(|h| h.end == 4));
    }
}
