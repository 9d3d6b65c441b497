//! CoNLL-style entity-level evaluation: an entity counts as correct only when
//! its span and its type both match exactly.

use std::collections::BTreeMap;
use std::path::Path;

use crate::conll::{self, Sentence};
use crate::{EntityClass, Label, NerError, Tagger};

/// Precision/recall counts for one class (or overall).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    /// Correct predicted entities.
    pub tp: usize,
    /// Predicted entities.
    pub predicted: usize,
    /// Gold entities.
    pub gold: usize,
}

impl Counts {
    /// Precision in percent.
    pub fn precision(&self) -> f64 {
        pct(self.tp, self.predicted)
    }
    /// Recall in percent.
    pub fn recall(&self) -> f64 {
        pct(self.tp, self.gold)
    }
    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: &Counts) {
        self.tp += o.tp;
        self.predicted += o.predicted;
        self.gold += o.gold;
    }
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Entity-level scores per class and overall.
#[derive(Debug, Clone, Default)]
pub struct NerScores {
    /// Per class.
    pub per_class: BTreeMap<EntityClass, Counts>,
    /// All four classes (the usual ANERcorp figure).
    pub overall: Counts,
    /// PERSON + ORG + PLACE only (the classes isnad uses).
    pub core: Counts,
    /// Sentences and tokens evaluated.
    pub sentences: usize,
    /// Tokens evaluated.
    pub tokens: usize,
    /// Seconds spent tagging.
    pub seconds: f64,
}

/// Entities of a BIO sequence as (start, end exclusive, class); an `I` without a matching `B` starts an entity.
pub fn entities(labels: &[Label]) -> Vec<(usize, usize, EntityClass)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, EntityClass)> = None;
    for (i, l) in labels.iter().enumerate() {
        match *l {
            Label::O => {
                if let Some((s, c)) = cur.take() {
                    out.push((s, i, c));
                }
            }
            Label::B(c) => {
                if let Some((s, p)) = cur.take() {
                    out.push((s, i, p));
                }
                cur = Some((i, c));
            }
            Label::I(c) => match cur {
                Some((_, p)) if p == c => {}
                _ => {
                    if let Some((s, p)) = cur.take() {
                        out.push((s, i, p));
                    }
                    cur = Some((i, c));
                }
            },
        }
    }
    if let Some((s, c)) = cur {
        out.push((s, labels.len(), c));
    }
    out
}

impl NerScores {
    /// Adds one sentence's gold and predicted labels.
    pub fn add(&mut self, gold: &[Label], pred: &[Label]) {
        let g = entities(gold);
        let p = entities(pred);
        for c in EntityClass::ALL {
            let gs: Vec<_> = g.iter().filter(|e| e.2 == c).collect();
            let ps: Vec<_> = p.iter().filter(|e| e.2 == c).collect();
            let tp = ps.iter().filter(|e| gs.contains(e)).count();
            let counts = Counts { tp, predicted: ps.len(), gold: gs.len() };
            self.per_class.entry(c).or_default().add(&counts);
            self.overall.add(&counts);
            if c != EntityClass::Misc {
                self.core.add(&counts);
            }
        }
        self.sentences += 1;
        self.tokens += gold.len();
    }

    /// A plain-text table: per class, overall (4 classes) and core (PERSON/ORG/PLACE).
    pub fn table(&self) -> String {
        let mut s = format!("{:<10} {:>7} {:>7} {:>7} {:>6} {:>6}\n", "class", "P", "R", "F1", "gold", "pred");
        let row = |name: &str, c: &Counts| {
            format!(
                "{:<10} {:>7.2} {:>7.2} {:>7.2} {:>6} {:>6}\n",
                name,
                c.precision(),
                c.recall(),
                c.f1(),
                c.gold,
                c.predicted
            )
        };
        for (c, counts) in &self.per_class {
            s.push_str(&row(&c.to_string(), counts));
        }
        s.push_str(&row("overall", &self.overall));
        s.push_str(&row("PER+ORG+PL", &self.core));
        s.push_str(&format!("{} sentences, {} tokens, tagged in {:.2} s\n", self.sentences, self.tokens, self.seconds));
        s
    }
}

/// Tags every sentence and scores against gold.
pub fn eval_sentences(tagger: &Tagger, sents: &[Sentence]) -> NerScores {
    let mut scores = NerScores::default();
    let start = std::time::Instant::now();
    for s in sents {
        let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        let pred = tagger.tag(&toks);
        scores.add(&s.labels, &pred);
    }
    scores.seconds = start.elapsed().as_secs_f64();
    scores
}

/// Evaluates on the ANERcorp (CAMeL Lab) test split file at `path`.
pub fn eval_anercorp_test(tagger: &Tagger, path: &Path) -> Result<NerScores, NerError> {
    let sents = conll::read_anercorp_camel(path)?;
    if sents.is_empty() {
        return Err(NerError::Data(format!("{}: no sentences", path.display())));
    }
    Ok(eval_sentences(tagger, &sents))
}

#[cfg(test)]
mod tests {
    use super::*;
    use EntityClass::*;

    #[test]
    fn exact_span_and_type() {
        let gold = [Label::B(Person), Label::I(Person), Label::O, Label::B(Place)];
        let pred = [Label::B(Person), Label::O, Label::O, Label::B(Place)];
        let mut s = NerScores::default();
        s.add(&gold, &pred);
        assert_eq!(s.overall, Counts { tp: 1, predicted: 2, gold: 2 });
        assert_eq!(entities(&[Label::I(Org), Label::I(Org), Label::B(Org)]), vec![(0, 2, Org), (2, 3, Org)]);
    }
}
