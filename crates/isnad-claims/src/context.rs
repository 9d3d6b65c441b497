//! Per-document context shared by the figure and quote finders.

use isnad_model::{Attribute, DateMention, Document, Duration, Entity, EntityType, Number, Span};
use isnad_text::analysis::{any_reading, Clitics};
use isnad_text::tokens::TokenKind;
use isnad_text::Analysis;

use crate::cues::ANONYMOUS_SOURCES;
use crate::model::Source;
use crate::text::{in_lex, is_punct, normalize, slice, Token};

/// What the claim finders read: the document's analysis and its finished
/// quantity and entity layers.
#[derive(Debug, Clone, Copy)]
pub struct Layers<'a> {
    /// The analysis of the cleaned text (chars, tokens, sentences, headings).
    pub analysis: &'a Analysis<'a>,
    /// Numbers, in text order.
    pub numbers: &'a [Number],
    /// Dates, in text order.
    pub dates: &'a [DateMention],
    /// Durations, in text order.
    pub durations: &'a [Duration],
    /// Entities with their mentions and roles.
    pub entities: &'a [Entity],
    /// Nationality adjectives.
    pub nationalities: &'a [Attribute],
}

/// Builds the analysis and layers of a finished document and runs `f` over its context.
pub(crate) fn with_document<R>(doc: &Document, f: impl FnOnce(&Ctx<'_>) -> R) -> R {
    let sentences: Vec<Span> = doc.sentences.iter().map(|s| Span::new(s.start, s.end)).collect();
    let headings: Vec<Span> = doc.headings.iter().map(|h| Span::new(h.start, h.end)).collect();
    let analysis = Analysis::new(&doc.text, &sentences, &headings);
    let layers = Layers {
        analysis: &analysis,
        numbers: doc.numbers.as_deref().unwrap_or(&[]),
        dates: doc.dates.as_deref().unwrap_or(&[]),
        durations: doc.durations.as_deref().unwrap_or(&[]),
        entities: doc.entities.as_deref().unwrap_or(&[]),
        nationalities: doc.nationalities.as_deref().unwrap_or(&[]),
    };
    f(&Ctx::new(&layers))
}

/// The per-document context of every claim finder, built once: the chars,
/// the claim tokens, the sentence and heading bounds and the entity mentions.
pub(crate) struct Ctx<'a> {
    /// The layers read.
    pub layers: Layers<'a>,
    pub chars: &'a [char],
    pub tokens: Vec<Token>,
    /// Sentence (and heading) bounds, sorted.
    pub units: Vec<(usize, usize)>,
    /// `reach[i]`: the largest end among `units[..=i]`.
    reach: Vec<usize>,
    /// Entity mentions as `(start, end, id, type)`, sorted by start then end.
    ments: Vec<(usize, usize, &'a str, EntityType)>,
}

impl<'a> Ctx<'a> {
    pub fn new(layers: &Layers<'a>) -> Self {
        let chars = layers.analysis.chars();
        let tokens = claim_words(layers.analysis);
        let mut units: Vec<(usize, usize)> =
            layers.analysis.units().iter().map(|u| (u.span.start, u.span.end)).collect();
        if units.is_empty() {
            units.push((0, chars.len()));
        }
        units.sort_unstable();
        let mut ments: Vec<(usize, usize, &'a str, EntityType)> = layers
            .entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(move |m| (m.start, m.end, e.id.as_str(), e.entity_type)))
            .collect();
        ments.sort_by_key(|m| (m.0, m.1));
        let reach = units
            .iter()
            .scan(0, |m, &(_, e)| {
                *m = e.max(*m);
                Some(*m)
            })
            .collect();
        Ctx { layers: *layers, chars, tokens, units, reach, ments }
    }

    /// The sentence or heading holding char `pos` (the earliest-starting one
    /// when bounds overlap).
    pub fn unit_of(&self, pos: usize) -> (usize, usize) {
        // Walk back from the last unit starting at or before `pos`; stop once no
        // earlier unit reaches past `pos` (`reach` is the running max of ends),
        // which for disjoint units is after one step.
        let mut found = None;
        let mut j = self.units.partition_point(|&(s, _)| s <= pos);
        while j > 0 && self.reach[j - 1] > pos {
            j -= 1;
            if self.units[j].1 > pos {
                found = Some(self.units[j]);
            }
        }
        found.unwrap_or((pos, pos + 1))
    }

    /// Index of the first token starting at or after `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    /// Index one past the last token ending at or before `pos`.
    pub fn tokens_before(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.end <= pos)
    }

    /// True when the gap between two char offsets holds punctuation.
    pub fn punct_between(&self, a: usize, b: usize) -> bool {
        a < b && self.chars[a.min(self.chars.len())..b.min(self.chars.len())].iter().any(|&c| is_punct(c))
    }

    /// Entity mentions as `(start, end, id, type)`, by start.
    pub fn mentions(&self) -> impl Iterator<Item = (usize, usize, &str, EntityType)> + '_ {
        self.ments.iter().copied()
    }

    /// The mentions starting in `[from, to)`, by start (a binary search, not a scan).
    pub fn mentions_from(&self, from: usize, to: usize) -> impl Iterator<Item = (usize, usize, &str, EntityType)> + '_ {
        let lo = self.ments.partition_point(|m| m.0 < from);
        let hi = self.ments.partition_point(|m| m.0 < to).max(lo);
        self.ments[lo..hi].iter().copied()
    }

    /// A mention that starts exactly at `pos`: `(end, id)`.
    pub fn mention_starting_at(&self, pos: usize) -> Option<(usize, String)> {
        self.mentions_from(pos, pos + 1).max_by_key(|m| m.1).map(|m| (m.1, m.2.to_string()))
    }

    /// Builds a source for `start..end`.
    pub fn source(&self, start: usize, end: usize) -> Source {
        let entity = self.mentions().find(|m| m.0 < end && start < m.1).map(|m| m.2.to_string()).or_else(|| {
            // A role phrase (`رئيس الوزراء القطري`) names the person who holds it.
            let f = fold(&slice(self.chars, start, end));
            if f.split(' ').count() < 2 {
                return None;
            }
            let holders: Vec<&str> = self
                .layers
                .entities
                .iter()
                .filter(|e| e.roles.iter().any(|r| fold(r) == f))
                .map(|e| e.id.as_str())
                .collect();
            (holders.len() == 1).then(|| holders[0].to_string())
        });
        let surface = slice(self.chars, start, end);
        let first = normalize(surface.split_whitespace().next().unwrap_or(""));
        let anonymous = entity.is_none() && in_lex(&first, &ANONYMOUS_SOURCES.anonymous);
        Source { start, end, surface, entity, anonymous }
    }

    /// The normalized text of a token.
    pub fn norm(&self, i: usize) -> &str {
        &self.tokens[i].norm
    }
}

/// The words claims read, from the analysis tokens: a run of tokens with no
/// space between them and no phrase punctuation ([`is_punct`]) is one word
/// (`2023م`, `50%`, `1,200`), its key the tokens' keys joined.
fn claim_words(an: &Analysis<'_>) -> Vec<Token> {
    let toks = an.tokens();
    let chars = an.chars();
    let phrase_punct = |k: usize| toks[k].kind == TokenKind::Punct && is_punct(chars[toks[k].start]);
    let mut out = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        if phrase_punct(i) {
            i += 1;
            continue;
        }
        let mut norm = an.key(i).to_string();
        let mut j = i + 1;
        while j < toks.len() && !an.gap_before(j) && !phrase_punct(j) {
            norm.push_str(an.key(j));
            j += 1;
        }
        out.push(Token { start: toks[i].start, end: toks[j - 1].end, norm });
        i = j;
    }
    out
}

/// True when the normalized word is one of `words` once clitics are removed.
pub(crate) fn is_word(norm: &str, words: &[&str]) -> bool {
    words.contains(&norm) || in_lex(norm, words)
}

/// Normalizes a string for comparison: [`Fold::Letters`] words, each read
/// without its leading و/ب/ل and article (the deepest such canonical reading,
/// [`any_reading`]), joined by single spaces.
pub fn fold(s: &str) -> String {
    let n = normalize(s);
    let allowed = Clitics::WA | Clitics::BI | Clitics::LI | Clitics::AL;
    n.split(|c: char| c.is_whitespace() || is_punct(c))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut best = w;
            any_reading(w, &mut |c, stem| {
                if c.within(allowed) && stem.len() < best.len() && w.ends_with(stem) {
                    best = &w[w.len() - stem.len()..];
                }
                false
            });
            best
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_words_join_glued_tokens_and_skip_phrase_punctuation() {
        let text = "أُفرج عن 1,200 أسير «في 2023م»، وارتفعت 50% تقريبا.";
        let an = Analysis::new(text, &[], &[]);
        let words: Vec<(String, String)> =
            claim_words(&an).into_iter().map(|t| (slice(an.chars(), t.start, t.end), t.norm)).collect();
        let surfaces: Vec<&str> = words.iter().map(|w| w.0.as_str()).collect();
        assert_eq!(surfaces, ["أُفرج", "عن", "1,200", "أسير", "في", "2023م", "وارتفعت", "50%", "تقريبا"]);
        assert_eq!(words[0].1, "افرج");
        assert_eq!(words[5].1, "2023م");
    }
}
