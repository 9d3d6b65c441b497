//! Entities on the shared seed articles (../shared beside the checkout; the
//! test fails without them):
//! every mention's surface is its span of the cleaned text, and the entity
//! precision, recall and F1 against the gold are printed per type.

use std::collections::BTreeMap;

use isnad_entities::recognise;
use isnad_eval::{load_gold_dir, score_entity_list, shared_path, GoldDoc, Prf};
use isnad_extract::Extractor;
use isnad_model::{char_slice, Entity, Metadata, Span};

fn run(gold: &GoldDoc) -> (String, Vec<Entity>) {
    let path = shared_path("corpus/seeds").join(&gold.doc);
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc = Extractor::new().extract(Metadata::default(), raw, vec![]);
    let sentences: Vec<Span> = doc.sentences.iter().map(|s| Span::new(s.start, s.end)).collect();
    let found = recognise(&doc.text, &sentences, &[]);
    for a in &found.nationalities {
        assert_eq!(char_slice(&doc.text, a.start, a.end), a.surface);
    }
    (doc.text, found.entities)
}

#[test]
fn seeds_spans_hold_and_scores_print() {
    let golds = load_gold_dir(shared_path("gold/seeds")).unwrap();
    assert!(!golds.is_empty(), "no seed gold");
    let mut per_type: BTreeMap<&str, Prf> = BTreeMap::new();
    let mut total = Prf::default();
    for gold in &golds {
        let (text, entities) = run(gold);
        for e in &entities {
            for m in &e.mentions {
                assert_eq!(char_slice(&text, m.start, m.end), m.surface, "{}", gold.doc);
                assert!(!m.surface.trim().is_empty());
            }
        }
        let s = score_entity_list(gold, &entities);
        total.add(s.prf);
        for t in ["PERSON", "ORG", "PLACE", "OUTLET"] {
            let e = per_type.entry(t).or_default();
            let mut g = gold.clone();
            if let Some(serde_json::Value::Array(items)) = &gold.entities {
                g.entities = Some(serde_json::Value::Array(items.iter().filter(|i| i["type"] == t).cloned().collect()));
            }
            let mine: Vec<Entity> = entities.iter().filter(|x| x.entity_type.as_str() == t).cloned().collect();
            let st = score_entity_list(&g, &mine);
            e.add(st.prf);
        }
        for m in &s.misses {
            eprintln!("{}  miss {m}", gold.doc);
        }
        for m in &s.false_positives {
            eprintln!("{}  fp   {m}", gold.doc);
        }
    }
    for (t, p) in &per_type {
        let (a, b, c) = (p.tp, p.fp, p.fn_);
        eprintln!("{t:7} tp {a:3} fp {b:3} fn {c:3}  P {:.3} R {:.3} F1 {:.3}", p.precision(), p.recall(), p.f1());
    }
    let f = total.f1();
    eprintln!(
        "entities tp {} fp {} fn {}  P {:.3} R {:.3} F1 {f:.3}",
        total.tp,
        total.fp,
        total.fn_,
        total.precision(),
        total.recall()
    );
    assert!(f >= 0.8, "entity F1 {f:.3} fell below 0.8");
}
