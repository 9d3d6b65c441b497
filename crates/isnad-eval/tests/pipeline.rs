//! The scorer over documents the pipeline produced: a small hand-made gold
//! on a hand-written sentence, and the seed articles of `../shared` (beside
//! the checkout, as in CI; the seed test fails without them).

use isnad_eval::{
    evaluate, load_gold_dir, score_attribution, score_figure_what, score_figures, score_numbers, score_quote_speaker,
    score_quotes, shared_path, GoldDoc, Prf,
};
use isnad_extract::{Extractor, Options};
use isnad_model::{CharIndex, Document, Metadata};

fn extract(raw: &str) -> Document {
    Extractor::with_options(Options { ner: false }).extract(Metadata::default(), raw.to_string(), vec![])
}

#[test]
fn scores_figures_and_quotes_against_gold() {
    let d = extract("قتل 12 شخصا، وفقا لمسؤولين محليين. وقال الوزير إن الوضع هادئ. وأصيب 30 آخرون.");
    let gold: GoldDoc = serde_json::from_value(serde_json::json!({
        "doc": "t.txt",
        "figures": [
            {"surface": "12", "value": 12, "what": "killed", "hedge": "exact", "source": "مسؤولين محليين"},
            {"surface": "30", "value": 30, "what": "wounded", "hedge": "exact", "source": null},
            {"surface": "99", "value": 99, "what": "killed", "hedge": "exact", "source": null},
            {"surface": "7", "value": 7, "what": "other", "hedge": "exact", "source": null, "optional": true}
        ],
        "quotes": [{"speaker": "الوزير", "content_start": "الوضع هادئ"}]
    }))
    .unwrap();
    let figures = score_figures(&gold, &d).prf;
    assert_eq!(figures, Prf::new(2, 0, 1));
    assert!((figures.f1() - 0.8).abs() < 1e-9);
    assert_eq!(score_figure_what(&gold, &d).prf, Prf::accuracy(2, 2));
    assert_eq!(score_attribution(&gold, &d).prf, Prf::new(1, 0, 0));
    assert_eq!(score_quotes(&gold, &d).prf, Prf::new(1, 0, 0));
    assert_eq!(score_quote_speaker(&gold, &d).prf, Prf::accuracy(1, 1));
    assert_eq!(score_numbers(&gold, &d).prf, Prf::new(2, 0, 1));
}

/// Every seed article scored with every category: spans hold, and each
/// category the gold annotates finds something (a collapse to zero fails).
#[test]
fn seeds_score_in_every_annotated_category() {
    let gold_dir = shared_path("gold/seeds");
    let text_dir = shared_path("corpus/seeds");
    let golds = load_gold_dir(&gold_dir).unwrap();
    assert_eq!(golds.len(), 5, "the five seed gold files");
    let ex = Extractor::with_options(Options { ner: false });
    let pairs: Vec<(GoldDoc, Document)> = golds
        .into_iter()
        .map(|g| {
            let path = text_dir.join(&g.doc);
            let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let d = ex.extract(Metadata { source: g.doc.clone(), ..Default::default() }, raw, vec![]);
            let idx = CharIndex::new(&d.text);
            for f in d.figures.iter().flatten() {
                assert_eq!(idx.slice(&d.text, f.start, f.end), f.surface, "figure span in {}", g.doc);
            }
            (g, d)
        })
        .collect();
    let report = evaluate(&pairs);
    println!("{}", report.table());
    for c in &report.categories {
        if c.prf.tp + c.prf.fn_ > 0 {
            assert!(c.prf.tp > 0, "{}: nothing found of {} gold items", c.name, c.prf.fn_);
        }
    }
    assert!(report.category("date_value").is_some_and(|c| c.prf.tp > 0));
}
