//! Integration tests over the real seed articles in ../shared (beside the
//! checkout, as in CI; the tests fail without them) and a sample of
//! news-dev: every span is checked against the text and the raw input.

use isnad_eval::shared_path;
use isnad_extract::Extractor;
mod common;

use common::check_spans;
use isnad_model::{Document, Metadata, NoiseKind};

fn seed(name: &str) -> Document {
    let path = shared_path("corpus/seeds").join(name);
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let meta = Metadata { source: path.display().to_string(), ..Default::default() };
    Extractor::new().extract(meta, raw, vec![])
}

#[test]
fn seed_articles_are_cleaned_as_annotated() {
    let d1 = seed("001_1d40cc6677096fc7.txt");
    check_spans(&d1);
    let kinds: Vec<NoiseKind> = d1.noise.iter().map(|n| n.kind).collect();
    assert!(kinds.contains(&NoiseKind::AdMarker));
    assert!(kinds.contains(&NoiseKind::SourceTrailer));
    assert!(!d1.text.contains("[ad_"));
    assert!(!d1.truncated);

    let d0 = seed("000_fa0a7e85a00bf78c.txt");
    check_spans(&d0);
    assert!(!d0.text.contains("الولاياتالمتحدة"));
    assert!(!d0.text.contains("الأممالمتحدة"));
    assert!(d0.text.contains("الولايات المتحدة وقطر"));
    assert!(!d0.truncated);

    let d2 = seed("002_f984854d347f0406.txt");
    check_spans(&d2);
    assert!(d2.truncated);
    assert!(d2.sentences.last().unwrap().incomplete);
    assert!(d2.headings.iter().any(|h| h.surface == "ضغوط أمريكية"));

    let d3 = seed("003_7417a749f6004c71.txt");
    check_spans(&d3);
    let dl = d3.dateline.as_ref().expect("dateline");
    assert_eq!(dl.outlet.as_deref(), Some("مصدر الإخبارية"));
    assert!(d3.noise.iter().any(|n| n.kind == NoiseKind::RelatedLink));

    let d4 = seed("004_60f0e0c5a2806223.txt");
    check_spans(&d4);
    assert!(d4.noise.iter().any(|n| n.kind == NoiseKind::Credit));
    assert!(!d4.truncated);
}

#[test]
fn news_dev_sample_keeps_every_span_consistent() {
    let dir = shared_path("corpus/news-dev");
    let ex = Extractor::new();
    let mut docs = 0;
    let mut truncated = 0;
    for name in ["bbc.jsonl", "cnn.jsonl", "france24.jsonl", "alarabia.jsonl"] {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for line in text.lines().take(150) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let raw = v["text"].as_str().unwrap_or("").to_string();
            let doc = ex.extract(Metadata::default(), raw, vec![]);
            check_spans(&doc);
            docs += 1;
            truncated += doc.truncated as usize;
        }
    }
    // Published wire copy is rarely cut off: a high rate means the detector misfires.
    assert!(truncated * 10 < docs.max(1), "{truncated} of {docs} flagged truncated");
}
