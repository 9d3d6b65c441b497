//! Entities on the shared seed articles (../shared; skipped when absent):
//! every mention's surface is its span of the cleaned text, and the entity
//! precision, recall and F1 against the gold are printed per type.

use std::collections::BTreeMap;
use std::path::PathBuf;

use isnad_entities::recognise;
use isnad_eval::{load_gold_dir, score_entity_list, GoldDoc};
use isnad_extract::Extractor;
use isnad_model::{char_slice, Entity, Metadata, Span};

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn run(gold: &GoldDoc) -> Option<(String, Vec<Entity>)> {
    let raw = std::fs::read_to_string(shared().join("corpus/seeds").join(&gold.doc)).ok()?;
    let doc = Extractor::new().extract(Metadata::default(), raw, vec![]);
    let sentences: Vec<Span> = doc.sentences.iter().map(|s| Span::new(s.start, s.end)).collect();
    let found = recognise(&doc.text, &sentences, &[]);
    for a in &found.nationalities {
        assert_eq!(char_slice(&doc.text, a.start, a.end), a.surface);
    }
    Some((doc.text, found.entities))
}

#[test]
fn seeds_spans_hold_and_scores_print() {
    let dir = shared().join("gold/seeds");
    if !dir.is_dir() {
        eprintln!("shared gold not found: skipped");
        return;
    }
    let golds = load_gold_dir(&dir).unwrap();
    let mut per_type: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for gold in &golds {
        let Some((text, entities)) = run(gold) else { continue };
        for e in &entities {
            for m in &e.mentions {
                assert_eq!(char_slice(&text, m.start, m.end), m.surface, "{}", gold.doc);
                assert!(!m.surface.trim().is_empty());
            }
        }
        let s = score_entity_list(gold, &entities);
        tp += s.tp;
        fp += s.fp;
        fn_ += s.fn_;
        for t in ["PERSON", "ORG", "PLACE", "OUTLET"] {
            let e = per_type.entry(t).or_default();
            let mut g = gold.clone();
            if let Some(serde_json::Value::Array(items)) = &gold.entities {
                g.entities = Some(serde_json::Value::Array(items.iter().filter(|i| i["type"] == t).cloned().collect()));
            }
            let mine: Vec<Entity> = entities.iter().filter(|x| x.entity_type.as_str() == t).cloned().collect();
            let st = score_entity_list(&g, &mine);
            e.0 += st.tp;
            e.1 += st.fp;
            e.2 += st.fn_;
        }
        for m in &s.misses {
            eprintln!("{}  miss {m}", gold.doc);
        }
        for m in &s.false_positives {
            eprintln!("{}  fp   {m}", gold.doc);
        }
    }
    let prf = |tp: usize, fp: usize, fn_: usize| {
        let p = if tp + fp == 0 { 1.0 } else { tp as f64 / (tp + fp) as f64 };
        let r = if tp + fn_ == 0 { 1.0 } else { tp as f64 / (tp + fn_) as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (p, r, f)
    };
    for (t, (a, b, c)) in &per_type {
        let (p, r, f) = prf(*a, *b, *c);
        eprintln!("{t:7} tp {a:3} fp {b:3} fn {c:3}  P {p:.3} R {r:.3} F1 {f:.3}");
    }
    let (p, r, f) = prf(tp, fp, fn_);
    eprintln!("entities tp {tp} fp {fp} fn {fn_}  P {p:.3} R {r:.3} F1 {f:.3}");
    assert!(f >= 0.8, "entity F1 {f:.3} fell below 0.8");
}
