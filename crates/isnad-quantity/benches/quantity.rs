//! Throughput of the text layer plus quantity extraction over the news-dev corpus.
//!
//! Reads `../shared/corpus/news-dev/*.jsonl` (relative to the workspace
//! root); does nothing when it is missing.

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn corpus() -> Vec<String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/news-dev");
    let mut texts = Vec::new();
    let Ok(rd) = std::fs::read_dir(&dir) else { return texts };
    let mut files: Vec<PathBuf> =
        rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "jsonl")).collect();
    files.sort();
    for f in files {
        let Ok(s) = std::fs::read_to_string(&f) else { continue };
        for line in s.lines().take(600) {
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
                if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                    texts.push(t.to_string());
                }
            }
        }
    }
    texts
}

fn bench(c: &mut Criterion) {
    let texts = corpus();
    if texts.is_empty() {
        eprintln!("news-dev corpus not found; skipping the quantity bench");
        return;
    }
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    let cleaner = isnad_text::clean::Cleaner::default();
    let cleaned: Vec<(String, Vec<isnad_model::Span>)> = texts
        .iter()
        .map(|t| {
            let c = cleaner.clean(t);
            let hs: Vec<isnad_model::Span> =
                c.headings.iter().map(|h| isnad_model::Span::new(h.start, h.end)).collect();
            let s = isnad_text::sentences::split_sentences(&c.text, &hs);
            (c.text, s)
        })
        .collect();
    let mut g = c.benchmark_group("quantity");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("extract", |b| {
        b.iter(|| {
            let mut n = 0;
            for (t, s) in &cleaned {
                n += isnad_quantity::extract(t, s, Some("2018-03-01")).numbers.len();
            }
            n
        })
    });
    g.bench_function("clean+sentences+extract", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &texts {
                let c = cleaner.clean(t);
                let hs: Vec<isnad_model::Span> =
                    c.headings.iter().map(|h| isnad_model::Span::new(h.start, h.end)).collect();
                let s = isnad_text::sentences::split_sentences(&c.text, &hs);
                n += isnad_quantity::extract(&c.text, &s, None).dates.len();
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
