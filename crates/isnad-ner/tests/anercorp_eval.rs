//! The bundled model's entity-level F1 on the ANERcorp (CAMeL) test split stays
//! above the measured figure minus a small margin. Needs `../shared` beside the
//! checkout (as in CI) and fails without it.

use std::time::Instant;

use isnad_eval::shared_path;
use isnad_ner::evaluate::eval_anercorp_test;
use isnad_ner::train::test_split_path;
use isnad_ner::Tagger;

/// Measured overall F1 (4 classes) of the committed model, minus a margin of 1.5 points.
const OVERALL_F1_FLOOR: f64 = 65.3;

#[test]
fn anercorp_test_f1_floor() {
    let path = test_split_path(&shared_path("data/ner"));
    assert!(path.exists(), "needs the ANERcorp test split in ../shared: {}", path.display());
    let t = Instant::now();
    let tagger = Tagger::bundled().expect("bundled model");
    eprintln!("model {} bytes, loaded in {:.1} ms", tagger.model_size(), t.elapsed().as_secs_f64() * 1e3);
    let scores = eval_anercorp_test(tagger, &path).expect("eval");
    eprintln!("{}", scores.table());
    assert!(scores.overall.f1() >= OVERALL_F1_FLOOR, "F1 {:.2} < floor {OVERALL_F1_FLOOR}", scores.overall.f1());
    assert_eq!(scores.sentences, 925);
}
