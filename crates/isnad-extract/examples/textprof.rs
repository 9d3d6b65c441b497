//! Runs the text layer (and with `--quantity` the numbers and dates layer)
//! over news-dev once, for profilers.
fn main() {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/news-dev");
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(500);
    let mut docs = Vec::new();
    for name in ["bbc.jsonl", "cnn.jsonl", "france24.jsonl", "alarabia.jsonl"] {
        let text = std::fs::read_to_string(dir.join(name)).unwrap_or_default();
        for line in text.lines().take(n) {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            docs.push(v["text"].as_str().unwrap_or("").to_string());
        }
    }
    let with_quantity = std::env::args().any(|a| a == "--quantity");
    let cleaner = isnad_text::clean::Cleaner::default();
    let t = std::time::Instant::now();
    let mut bytes = 0;
    for d in &docs {
        let c = cleaner.clean(d);
        let s = isnad_text::sentences::split_sentences(&c.text, &[]);
        if with_quantity {
            std::hint::black_box(isnad_quantity::extract(&c.text, &s, None));
        }
        std::hint::black_box(s);
        bytes += d.len();
    }
    let s = t.elapsed().as_secs_f64();
    eprintln!("{} docs, {:.1} MB in {:.2}s: {:.1} MB/s", docs.len(), bytes as f64 / 1e6, s, bytes as f64 / 1e6 / s);
}
