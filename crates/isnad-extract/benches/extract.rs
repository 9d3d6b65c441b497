//! Throughput of the extraction pipeline on real articles from
//! ../shared/corpus/news-dev (skipped when the corpus is absent).

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use isnad_extract::Extractor;
use isnad_model::Metadata;
use isnad_text::clean::Cleaner;
use isnad_text::sentences::split_sentences;

fn corpus(limit: usize) -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/news-dev");
    let mut out = Vec::new();
    for name in ["bbc.jsonl", "cnn.jsonl", "france24.jsonl", "alarabia.jsonl"] {
        let Ok(text) = std::fs::read_to_string(dir.join(name)) else { continue };
        for line in text.lines().take(limit / 4) {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                if let Some(t) = v["text"].as_str() {
                    out.push(t.to_string());
                }
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let docs = corpus(2000);
    if docs.is_empty() {
        eprintln!("news-dev corpus not found: nothing to bench");
        return;
    }
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let mut g = c.benchmark_group("news-dev");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    let cleaner = Cleaner::default();
    g.bench_function("text_layer", |b| {
        b.iter(|| {
            for d in &docs {
                let c = cleaner.clean(d);
                std::hint::black_box(split_sentences(&c.text, &[]));
            }
        })
    });
    let ex = Extractor::new();
    g.bench_function("extract", |b| {
        b.iter(|| {
            for d in &docs {
                std::hint::black_box(ex.extract(Metadata::default(), d.clone(), vec![]));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
