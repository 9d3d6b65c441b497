//! Runs the recogniser over JSONL articles and prints the most frequent
//! entities per type, for eyeballing precision:
//! `cargo run --release -p isnad-entities --example survey -- FILE.jsonl [LIMIT]`.

use std::collections::HashMap;

use isnad_entities::recognise;
use isnad_extract::Extractor;
use isnad_model::{Metadata, Span};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(path) = args.get(1) else {
        eprintln!("usage: survey FILE.jsonl [LIMIT]");
        return;
    };
    let limit: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(300);
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let ex = Extractor::new();
    let mut counts: HashMap<(String, String), usize> = HashMap::new();
    let mut nats: HashMap<String, usize> = HashMap::new();
    for line in text.lines().take(limit) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let Some(t) = v["text"].as_str() else { continue };
        let d = ex.extract(Metadata::default(), t.to_string(), vec![]);
        let s: Vec<Span> = d.sentences.iter().map(|s| Span::new(s.start, s.end)).collect();
        let found = recognise(&d.text, &s, &[]);
        for e in found.entities {
            let forms: Vec<&str> = e.mentions.iter().map(|m| m.surface.as_str()).collect();
            let key = format!("{} [{}]", e.canonical, forms.join(" / "));
            *counts.entry((e.entity_type.as_str().to_string(), key)).or_default() += 1;
        }
        for a in found.nationalities {
            *nats.entry(format!("{} {}", a.surface, a.country_code)).or_default() += 1;
        }
    }
    let mut v: Vec<_> = counts.into_iter().collect();
    v.sort_by_key(|x| std::cmp::Reverse(x.1));
    for t in ["PERSON", "ORG", "PLACE", "OUTLET"] {
        println!("== {t}");
        for ((_, k), n) in v.iter().filter(|((tt, _), _)| tt == t).take(60) {
            let k: String = k.chars().take(120).collect();
            println!("{n:4} {k}");
        }
    }
    let mut n: Vec<_> = nats.into_iter().collect();
    n.sort_by_key(|x| std::cmp::Reverse(x.1));
    println!("== nationalities: {:?}", &n[..n.len().min(20)]);
}
