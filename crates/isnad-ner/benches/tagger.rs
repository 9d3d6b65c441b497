//! Tagging throughput on news-dev sentences (`shared/corpus/news-dev/*.jsonl`, field `text`).
//! Skips (prints a note) when the corpus is absent.

use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use isnad_ner::Tagger;
use isnad_text::tokens::tokenize;

/// Up to `max_bytes` of news text, as sentences of token strings.
fn load_sentences(max_bytes: usize) -> Vec<Vec<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/news-dev");
    let Ok(entries) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    let mut out = Vec::new();
    let mut bytes = 0;
    for f in files.iter().filter(|p| p.extension().is_some_and(|x| x == "jsonl")) {
        let Ok(text) = std::fs::read_to_string(f) else { continue };
        for line in text.lines().take(150) {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            let Some(body) = v.get("text").and_then(|t| t.as_str()) else { continue };
            let chars: Vec<char> = body.chars().collect();
            let mut sent = Vec::new();
            for t in tokenize(body) {
                let s: String = chars[t.start..t.end].iter().collect();
                let end = matches!(s.as_str(), "." | "!" | "?" | "؟");
                sent.push(s);
                if end || sent.len() >= 60 {
                    out.push(std::mem::take(&mut sent));
                }
            }
            if !sent.is_empty() {
                out.push(sent);
            }
            bytes += body.len();
            if bytes >= max_bytes {
                return out;
            }
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let t = Instant::now();
    let tagger = Tagger::bundled().expect("bundled model");
    eprintln!("model: {} bytes, loaded in {:.1} ms", tagger.model_size(), t.elapsed().as_secs_f64() * 1e3);
    let sents = load_sentences(1 << 20);
    if sents.is_empty() {
        eprintln!("news-dev corpus absent: tagger bench skipped");
        return;
    }
    let refs: Vec<Vec<&str>> = sents.iter().map(|s| s.iter().map(String::as_str).collect()).collect();
    // Bytes of text = tokens plus one separator each.
    let bytes: usize = sents.iter().flatten().map(|t| t.len() + 1).sum();
    let mut g = c.benchmark_group("ner");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.bench_function("tag_news_dev", |b| {
        b.iter(|| {
            let mut n = 0;
            for s in &refs {
                n += tagger.tag(s).len();
            }
            n
        })
    });
    // Fresh thread per iteration: its word cache starts empty (first sight of every word).
    g.bench_function("tag_news_dev_cold_cache", |b| {
        b.iter(|| {
            std::thread::scope(|sc| {
                sc.spawn(|| {
                    let mut n = 0;
                    for s in &refs {
                        n += tagger.tag(s).len();
                    }
                    n
                })
                .join()
                .unwrap_or(0)
            })
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
