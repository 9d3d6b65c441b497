//! Per-document context shared by the figure and quote finders.

use isnad_model::{Document, EntityType};

use crate::model::Source;
use crate::text::{in_lex, is_punct, normalize, slice, tokenize, Token};

/// Words that start an anonymous source.
const ANONYMOUS: &[&str] = &[
    "مصادر",
    "مصدر",
    "مسوول",
    "مسوولين",
    "مسوولون",
    "مسوولو",
    "مسوولي",
    "اشخاص",
    "مقربون",
    "مقربين",
    "دبلوماسيون",
    "مطلعون",
];

/// The cleaned text as chars, its tokens and its sentence bounds.
pub(crate) struct Ctx<'a> {
    pub doc: &'a Document,
    pub chars: Vec<char>,
    pub tokens: Vec<Token>,
    /// Sentence (and heading) bounds, sorted.
    pub units: Vec<(usize, usize)>,
    /// `reach[i]`: the largest end among `units[..=i]`.
    reach: Vec<usize>,
    /// Entity mentions as `(start, end, id, type)`, sorted by start then end.
    ments: Vec<(usize, usize, &'a str, EntityType)>,
}

impl<'a> Ctx<'a> {
    pub fn new(doc: &'a Document) -> Self {
        let chars: Vec<char> = doc.text.chars().collect();
        let tokens = tokenize(&chars);
        let mut units: Vec<(usize, usize)> = doc.sentences.iter().map(|s| (s.start, s.end)).collect();
        units.extend(doc.headings.iter().map(|h| (h.start, h.end)));
        if units.is_empty() {
            units.push((0, chars.len()));
        }
        units.sort_unstable();
        let mut ments: Vec<(usize, usize, &'a str, EntityType)> = doc
            .entities
            .iter()
            .flatten()
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
        Ctx { doc, chars, tokens, units, reach, ments }
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
            let f = fold(&slice(&self.chars, start, end));
            if f.split(' ').count() < 2 {
                return None;
            }
            let holders: Vec<&str> = self
                .doc
                .entities
                .iter()
                .flatten()
                .filter(|e| e.roles.iter().any(|r| fold(r) == f))
                .map(|e| e.id.as_str())
                .collect();
            (holders.len() == 1).then(|| holders[0].to_string())
        });
        let surface = slice(&self.chars, start, end);
        let first = normalize(surface.split_whitespace().next().unwrap_or(""));
        let anonymous = entity.is_none() && in_lex(&first, ANONYMOUS);
        Source { start, end, surface, entity, anonymous }
    }

    /// The normalized text of a token.
    pub fn norm(&self, i: usize) -> &str {
        &self.tokens[i].norm
    }
}

/// True when the normalized word is one of `words` once clitics are removed.
pub(crate) fn is_word(norm: &str, words: &[&str]) -> bool {
    words.contains(&norm) || in_lex(norm, words)
}

/// Normalizes a string for comparison: folded letters, no leading clitics, single spaces.
pub fn fold(s: &str) -> String {
    let n = normalize(s);
    let words: Vec<&str> = n.split(|c: char| c.is_whitespace() || is_punct(c)).filter(|w| !w.is_empty()).collect();
    words
        .iter()
        .map(|w| {
            let mut w = *w;
            for p in ["وال", "بال", "لل", "ال", "و", "ب", "ل"] {
                if let Some(r) = w.strip_prefix(p) {
                    if r.chars().count() >= 2 {
                        w = r;
                        break;
                    }
                }
            }
            w.to_string()
        })
        .collect::<Vec<_>>()
        .join(" ")
}
