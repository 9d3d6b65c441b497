//! Indexing rate, index size and query latency on the news-dev corpus.
//!
//! `cargo run --release -p isnad-search --example latency -- [N] [CORPUS_DIR]`
//!
//! Reads every `*.jsonl` of the corpus (fields `id`, `source`, `title`,
//! `published`, `text`), replicates the articles with varied ids until there
//! are N documents (default: the corpus once), indexes them in a temporary
//! directory, then runs 200 queries of 1–3 common corpus words (limit 10,
//! with snippets) and prints p50/p95 latency.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use isnad_model::{Document, Metadata};
use isnad_search::{SearchIndex, SearchQuery};
use isnad_text::tokens::{tokenize, TokenKind};

struct Article {
    id: String,
    outlet: Option<String>,
    title: Option<String>,
    published: Option<String>,
    text: String,
}

fn read_corpus(dir: &Path) -> Vec<Article> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let body = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for (n, line) in body.lines().enumerate() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            let s = |k: &str| v.get(k).and_then(|x| x.as_str()).filter(|x| !x.is_empty()).map(str::to_string);
            let Some(text) = s("text") else { continue };
            out.push(Article {
                id: s("id").unwrap_or_else(|| format!("{}:{n}", file.display())),
                outlet: s("source"),
                title: s("title"),
                published: s("published"),
                text,
            });
        }
    }
    out
}

fn document(a: &Article, copy: usize) -> Document {
    let meta = Metadata {
        source: "news-dev".into(),
        outlet: a.outlet.clone(),
        title: a.title.clone(),
        published: a.published.clone(),
        ..Default::default()
    };
    Document {
        id: if copy == 0 { a.id.clone() } else { format!("{}#{copy}", a.id) },
        ..Document::new(meta, String::new(), a.text.clone())
    }
}

fn dir_size(p: &Path) -> u64 {
    std::fs::read_dir(p)
        .map(|rd| {
            rd.filter_map(|e| e.ok()).filter_map(|e| e.metadata().ok()).filter(|m| m.is_file()).map(|m| m.len()).sum()
        })
        .unwrap_or(0)
}

/// 200 queries of 1–3 words drawn from corpus words ranked 50..2000 by frequency.
fn queries(articles: &[Article]) -> Vec<String> {
    let mut freq: HashMap<String, usize> = HashMap::new();
    for a in articles.iter().take(3000) {
        let chars: Vec<char> = a.text.chars().collect();
        for t in tokenize(&a.text) {
            if t.kind == TokenKind::Arabic && t.end - t.start >= 3 {
                *freq.entry(chars[t.start..t.end].iter().collect()).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(String, usize)> = freq.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let pool: Vec<String> = ranked.into_iter().skip(50).take(1950).map(|x| x.0).collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    (0..200)
        .map(|_| {
            let k = 1 + next(3);
            (0..k).map(|_| pool[next(pool.len())].clone()).collect::<Vec<_>>().join(" ")
        })
        .collect()
}

fn pct(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let corpus = PathBuf::from(args.get(2).cloned().unwrap_or_else(|| "/work/shared/corpus/news-dev".into()));
    let articles = read_corpus(&corpus);
    assert!(!articles.is_empty(), "no articles in {}", corpus.display());
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(articles.len());
    let tmp = tempfile::tempdir().expect("temp dir");
    let path = tmp.path().join("index");
    let mut index = SearchIndex::open(&path).expect("open index");

    let t0 = Instant::now();
    let mut bytes = 0usize;
    let mut batch = Vec::with_capacity(1000);
    for i in 0..n {
        let a = &articles[i % articles.len()];
        bytes += a.text.len();
        batch.push(document(a, i / articles.len()));
        if batch.len() == 1000 || i + 1 == n {
            let refs: Vec<&Document> = batch.iter().collect();
            index.add(&refs).expect("add");
            batch.clear();
        }
    }
    index.commit().expect("commit");
    let secs = t0.elapsed().as_secs_f64();
    let segments = index.num_segments();
    index.wait_merges().expect("merges");
    let merged = t0.elapsed().as_secs_f64();
    let size = dir_size(&path);
    println!(
        "indexed {n} docs ({:.1} MB of text) in {secs:.1} s: {:.0} docs/s, {:.2} MB/s; \
         {segments} segments, merges done at {merged:.1} s ({} segments); index {:.1} MB",
        bytes as f64 / 1e6,
        n as f64 / secs,
        bytes as f64 / 1e6 / secs,
        index.num_segments(),
        size as f64 / 1e6
    );

    let qs = queries(&articles);
    let mut lat = Vec::with_capacity(qs.len());
    let mut total_hits = 0usize;
    let mut empty = 0usize;
    for q in &qs {
        let t = Instant::now();
        let res = index.search(&SearchQuery { text: q.clone(), limit: 10, ..Default::default() }).expect("search");
        lat.push(t.elapsed().as_secs_f64() * 1e3);
        total_hits += res.total;
        empty += usize::from(res.total == 0);
    }
    // A second pass over the same queries: warm page cache and word cache.
    let mut warm = Vec::with_capacity(qs.len());
    for q in &qs {
        let t = Instant::now();
        index.search(&SearchQuery { text: q.clone(), limit: 10, ..Default::default() }).expect("search");
        warm.push(t.elapsed().as_secs_f64() * 1e3);
    }
    warm.sort_by(|a, b| a.total_cmp(b));
    let mut sorted = lat.clone();
    sorted.sort_by(|a, b| a.total_cmp(b));
    println!(
        "{} queries (1-3 words, top 10 with snippets): p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms; \
         mean matches {:.0}, {empty} with none",
        qs.len(),
        pct(&sorted, 0.5),
        pct(&sorted, 0.95),
        pct(&sorted, 0.99),
        sorted[sorted.len() - 1],
        total_hits as f64 / qs.len() as f64
    );
    println!("second pass: p50 {:.2} ms, p95 {:.2} ms", pct(&warm, 0.5), pct(&warm, 0.95));
    for q in qs.iter().take(5) {
        println!("  e.g. {q}");
    }
}
