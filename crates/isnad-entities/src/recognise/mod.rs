//! Mentions from gazetteers and patterns, then one identity per entity.
//!
//! `run` builds the shared context (`Ctx`: tokens, gazetteer hits, sentence
//! breaks, the mentions so far) and runs one pass per file, in this order:
//! `gazetteer_names`, `epithets`, `cued_outlets`, `people` (with `roles`),
//! `headed_names`, `tagger_candidates`, `short_forms`, `composites`, `metonymy`; then
//! `assembly` builds the entities and `nationalities` the attributes.

mod assembly;
mod composites;
mod cued_outlets;
mod epithets;
mod gazetteer_names;
mod headed_names;
mod metonymy;
mod nationalities;
mod people;
mod roles;
mod short_forms;
mod tagger_candidates;
#[cfg(test)]
mod tests;

use isnad_model::{EntityType, Span};
use isnad_text::tokens::TokenKind;
use isnad_text::Analysis;

use crate::cues::Words;
use crate::gazetteer::{gazetteer, Kind};
use crate::scan::{hits, tokens, Hit, Tok};
use crate::{Candidate, Entities};
use assembly::entities;
use composites::composites;
use cued_outlets::cued_outlets;
use epithets::epithets;
use gazetteer_names::gazetteer_names;
use headed_names::headed_names;
use metonymy::metonymy;
use nationalities::nationalities;
use people::people;
use short_forms::short_forms;
use tagger_candidates::candidates;

/// Opening and closing quotes.
const QUOTES: &[&str] = &["\"", "“", "”", "«", "»", "'", "‘", "’", "„"];

/// A mention being built, in token coordinates.
#[derive(Debug, Clone)]
struct M {
    s: usize,
    e: usize,
    /// Char offset of the mention start (after clitics).
    start: usize,
    end: usize,
    etype: EntityType,
    ident: String,
    canonical: Option<String>,
    english: Option<String>,
    country: Option<String>,
    capital: bool,
    metonymy: Option<String>,
    role: bool,
    roles: Vec<String>,
    /// Folded name tokens (for persons).
    name: Vec<String>,
}

impl M {
    /// A mention of tokens `[s, e)`, chars `[start, end)`, with no attributes yet.
    fn new(s: usize, e: usize, start: usize, end: usize, etype: EntityType, ident: String) -> M {
        M {
            s,
            e,
            start,
            end,
            etype,
            ident,
            canonical: None,
            english: None,
            country: None,
            capital: false,
            metonymy: None,
            role: false,
            roles: Vec::new(),
            name: Vec::new(),
        }
    }
}

struct Ctx<'a> {
    chars: &'a [char],
    toks: Vec<Tok>,
    hits: Vec<Vec<Hit>>,
    /// Index into `ms` of the name mention covering each token.
    cover: Vec<Option<usize>>,
    ms: Vec<M>,
    /// Token index where each sentence break falls (a name never crosses it).
    breaks: Vec<bool>,
}

impl<'a> Ctx<'a> {
    fn text(&self, start: usize, end: usize) -> String {
        self.chars[start.min(self.chars.len())..end.min(self.chars.len())].iter().collect()
    }

    fn tok_start(&self, i: usize, form: usize) -> usize {
        let t = &self.toks[i];
        t.start + t.forms.get(form).map(|f| f.skip).unwrap_or(0)
    }

    fn free(&self, s: usize, e: usize) -> bool {
        (s..e).all(|i| self.cover.get(i).is_some_and(|c| c.is_none()))
    }

    fn push(&mut self, m: M) -> usize {
        let idx = self.ms.len();
        for i in m.s..m.e {
            self.cover[i] = Some(idx);
        }
        self.ms.push(m);
        idx
    }

    /// True when the token before `i` (skipping one quote) is a cue word.
    fn has_cue(&self, i: usize, cues: &Words) -> bool {
        let mut j = i;
        if j > 0 && self.toks[j - 1].kind == TokenKind::Punct && QUOTES.contains(&self.toks[j - 1].key()) {
            j -= 1;
        }
        j > 0 && self.toks[j - 1].any_form_in(cues)
    }

    /// The longest nationality adjective starting at token `i` (bare reading): its end token and country.
    fn nisba_at(&self, i: usize) -> Option<(usize, usize, String)> {
        let g = gazetteer();
        self.hits
            .get(i)?
            .iter()
            .filter(|h| h.form == 0 || self.toks[i].forms[h.form].key.starts_with("ال"))
            .rev()
            .find_map(|h| {
                g.group(h.group)
                    .find(|(_, e)| e.kind == Kind::Nisba)
                    .map(|(_, e)| (h.end, h.form, e.country.clone().unwrap_or_default()))
            })
    }

    /// The longest title starting at token `i`: (end, form, honorific, head).
    fn title_at(&self, i: usize) -> Option<(usize, usize, bool, bool)> {
        let g = gazetteer();
        let mut best: Option<(usize, usize, bool, bool)> = None;
        for h in self.hits.get(i)? {
            for (_, e) in g.group(h.group) {
                if let Kind::Title { honorific, head } = e.kind {
                    if best.is_none_or(|b| h.end > b.0 || (h.end == b.0 && h.form < b.1)) {
                        best = Some((h.end, h.form, honorific, head));
                    }
                }
            }
        }
        best
    }

    fn is_break(&self, i: usize) -> bool {
        self.breaks.get(i).copied().unwrap_or(false)
    }
}

fn latin_cap(ctx: &Ctx, i: usize) -> bool {
    ctx.chars[ctx.toks[i].start].is_uppercase()
}

/// See [`crate::recognise`].
pub(crate) fn run(text: &str, sentences: &[Span], tagged: &[Candidate]) -> Entities {
    run_analysis(&Analysis::new(text, sentences, &[]), tagged)
}

/// See [`crate::recognise_analysis`].
pub(crate) fn run_analysis(an: &Analysis<'_>, tagged: &[Candidate]) -> Entities {
    let chars = an.chars();
    let sentences: Vec<Span> = an.units().iter().map(|u| u.span).collect();
    let toks = tokens(an);
    let hits = hits(&toks);
    let mut breaks = vec![false; toks.len()];
    for s in &sentences {
        let k = toks.partition_point(|t| t.start < s.start);
        if k < breaks.len() {
            breaks[k] = true;
        }
    }
    // Line breaks end names too.
    for (k, w) in toks.windows(2).enumerate() {
        if chars[w[0].end..w[1].start].contains(&'\n') {
            breaks[k + 1] = true;
        }
    }
    let n = toks.len();
    let mut ctx = Ctx { chars, toks, hits, cover: vec![None; n], ms: Vec::new(), breaks };
    gazetteer_names(&mut ctx);
    epithets(&mut ctx);
    cued_outlets(&mut ctx);
    people(&mut ctx);
    headed_names(&mut ctx);
    candidates(&mut ctx, tagged);
    short_forms(&mut ctx);
    composites(&mut ctx);
    metonymy(&mut ctx);
    Entities { entities: entities(&ctx), nationalities: nationalities(&ctx) }
}
