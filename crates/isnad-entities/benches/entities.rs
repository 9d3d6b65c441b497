//! Throughput of entity recognition on cleaned news-dev articles
//! (../shared/corpus/news-dev; skipped when the corpus is absent).

use std::path::PathBuf;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use isnad_entities::{gazetteer_stats, recognise};
use isnad_extract::Extractor;
use isnad_model::{Metadata, Span};

fn corpus(limit: usize) -> Vec<(String, Vec<Span>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/news-dev");
    let ex = Extractor::new();
    let mut out = Vec::new();
    for name in ["bbc.jsonl", "cnn.jsonl", "france24.jsonl", "alarabia.jsonl"] {
        let Ok(text) = std::fs::read_to_string(dir.join(name)) else { continue };
        for line in text.lines().take(limit / 4) {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                if let Some(t) = v["text"].as_str() {
                    let d = ex.extract(Metadata::default(), t.to_string(), vec![]);
                    let s = d.sentences.iter().map(|s| Span::new(s.start, s.end)).collect();
                    out.push((d.text, s));
                }
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let t0 = Instant::now();
    let stats = gazetteer_stats();
    eprintln!("gazetteers: {stats:?} (first use {:.1} ms)", t0.elapsed().as_secs_f64() * 1000.0);
    let docs = corpus(2000);
    if docs.is_empty() {
        eprintln!("news-dev corpus not found: nothing to bench");
        return;
    }
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    let mut g = c.benchmark_group("news-dev");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("entities", |b| {
        b.iter(|| {
            for (text, sentences) in &docs {
                std::hint::black_box(recognise(text, sentences, &[]));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
