//! Measures the story layer on news-dev: near-duplicate similarities and
//! story clustering. `cargo run -p isnad-story --example measure -- [N]`
//! (extracted documents are cached in the system temp directory).

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use isnad_extract::Extractor;
use isnad_model::{Document, Metadata};
use isnad_story::cluster::ClusterParams;
use isnad_story::{label, DupIndex, Signature, StoryClusterer};

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

/// Every `step`-th record of each outlet file, up to `n` in all, in publication order.
fn sample(n: usize) -> Vec<(Metadata, String)> {
    let mut all = Vec::new();
    let files = ["alarabia.jsonl", "bbc.jsonl", "cnn.jsonl", "france24.jsonl"];
    for name in files {
        let Ok(text) = std::fs::read_to_string(shared().join("corpus/news-dev").join(name)) else { continue };
        let lines: Vec<&str> = text.lines().collect();
        let step = (lines.len() * files.len() / n.max(1)).max(1);
        for (i, line) in lines.iter().enumerate() {
            if i % step != 0 {
                continue;
            }
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            let s = |k: &str| v[k].as_str().map(str::to_string).filter(|x| !x.is_empty());
            let meta = Metadata {
                source: format!("{name}:{}", i + 1),
                record_id: s("id"),
                url: s("url"),
                outlet: s("source"),
                title: s("title"),
                published: s("published"),
                ..Default::default()
            };
            all.push((meta, s("text").unwrap_or_default()));
        }
    }
    all.sort_by(|a, b| a.0.published.cmp(&b.0.published));
    all.truncate(n);
    all
}

fn docs(n: usize) -> Vec<Document> {
    let cache = std::env::temp_dir().join(format!("isnad-story-measure-{n}.jsonl"));
    if let Ok(text) = std::fs::read_to_string(&cache) {
        let docs: Vec<Document> = text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
        if !docs.is_empty() {
            return docs;
        }
    }
    let ex = Extractor::new();
    let t = Instant::now();
    let docs: Vec<Document> = sample(n).into_iter().map(|(m, raw)| ex.extract(m, raw, vec![])).collect();
    eprintln!("extracted {} in {:.1}s", docs.len(), t.elapsed().as_secs_f64());
    if let Ok(mut f) = std::fs::File::create(&cache) {
        for d in &docs {
            let _ = writeln!(f, "{}", serde_json::to_string(d).unwrap_or_default());
        }
    }
    docs
}

fn percentiles(mut v: Vec<f64>) -> String {
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        return "-".into();
    }
    let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    format!(
        "n={} min={:.2} p10={:.2} p50={:.2} p90={:.2} p99={:.2} max={:.2}",
        v.len(),
        at(0.0),
        at(0.1),
        at(0.5),
        at(0.9),
        at(0.99),
        at(1.0)
    )
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
    let docs = docs(n);
    let ex = Extractor::new();

    // 1. Near-duplicates: best-match similarity of each document against all earlier ones.
    let sigs: Vec<Signature> = docs.iter().map(Signature::of).collect();
    let mut best = Vec::new();
    let mut hist = [0usize; 10];
    let mut high = Vec::new();
    for i in 1..sigs.len() {
        let (j, b) =
            (0..i).map(|j| (j, sigs[i].similarity(&sigs[j]))).max_by(|a, b| a.1.total_cmp(&b.1)).unwrap_or((0, 0.0));
        best.push(b);
        hist[((b * 10.0) as usize).min(9)] += 1;
        if b >= 0.5 {
            high.push((b, i, j));
        }
    }
    println!("best-match similarity over earlier docs: {}", percentiles(best));
    println!("histogram (0.0-0.1 … 0.9-1.0): {hist:?}");
    for (b, i, j) in high.iter().take(10) {
        println!(
            "  {b:.2}: {:?} ~ {:?}",
            docs[*i].meta.title.as_deref().unwrap_or(""),
            docs[*j].meta.title.as_deref().unwrap_or("")
        );
    }
    // Syndicated copies: a dateline and an agency credit in front, a teaser and a follow line after.
    let mut copies = Vec::new();
    for d in docs.iter().filter(|d| d.text.chars().count() > 400).take(200) {
        let raw = format!(
            "بيروت - وكالة الأنباء العربية\n{}\nاقرأ أيضاً: تطورات جديدة في الملف\nتابعونا على تويتر وفيسبوك",
            d.raw
        );
        let meta = Metadata { source: "copy".into(), ..Default::default() };
        let copy = ex.extract(meta, raw, vec![]);
        copies.push(Signature::of(&copy).similarity(&Signature::of(d)));
    }
    println!("syndicated copy vs original: {}", percentiles(copies.clone()));
    // Edited copies: also the first sentence dropped (a rewritten lead).
    let mut edited = Vec::new();
    for d in docs.iter().filter(|d| d.text.chars().count() > 400 && d.sentences.len() > 3).take(200) {
        let cut = d.sentences[1].start;
        let body: String = d.text.chars().skip(cut).collect();
        let s = Signature::of_text(&format!("القدس (رويترز) - ذكرت مصادر أن {body}\nاقرأ أيضاً: تطورات جديدة في الملف"));
        edited.push(s.similarity(&Signature::of(d)));
    }
    println!("copy with a rewritten lead sentence vs original: {}", percentiles(edited));

    // 2. Stories.
    let t = Instant::now();
    let env = |k: &str| std::env::var(k).ok().and_then(|v| v.parse::<f64>().ok());
    let mut params = ClusterParams::default();
    params.join_threshold = env("STORY_JOIN").unwrap_or(params.join_threshold);
    params.time_floor = env("STORY_FLOOR").unwrap_or(params.time_floor);
    params.decay_days = env("STORY_DECAY").unwrap_or(params.decay_days);
    params.entity_weight = env("STORY_ENTITY").unwrap_or(params.entity_weight);
    println!("{params:?}");
    let mut c = StoryClusterer::with_params(params);
    let mut by_story: BTreeMap<u64, Vec<usize>> = BTreeMap::new();
    for (i, d) in docs.iter().enumerate() {
        let a = c.assign(d);
        by_story.entry(a.story_id).or_default().push(i);
    }
    println!("{} docs → {} stories in {:.1}s", docs.len(), c.stories.len(), t.elapsed().as_secs_f64());
    let mut sizes: Vec<usize> = by_story.values().map(Vec::len).collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    println!("sizes: {:?}; singletons {}", &sizes[..sizes.len().min(20)], sizes.iter().filter(|s| **s == 1).count());
    let mut big: Vec<(&u64, &Vec<usize>)> = by_story.iter().collect();
    big.sort_by_key(|b| std::cmp::Reverse(b.1.len()));
    for (id, members) in big.iter().take(12) {
        let Some(s) = c.story(**id) else { continue };
        println!("story {id} ({} docs, {:?}..{:?}): {}", members.len(), s.first, s.last, label(s));
        for i in members.iter().take(4) {
            println!("     - {}", docs[*i].meta.title.as_deref().unwrap_or(""));
        }
    }
    let is = |d: &Document, words: &[&str]| {
        let t = format!("{} {}", d.meta.title.as_deref().unwrap_or(""), d.text);
        words.iter().any(|w| t.contains(w))
    };
    // Sports: a sports word in the headline and two match-report words in the text.
    let sports = ["كأس العالم", "مونديال", "كرة القدم", "منتخب", "مباراة", "الدوري", "لاعب"];
    let report = ["لاعب", "مدرب", "الملعب", "الشوط", "هدف", "المنتخب", "مباراة", "الفريق"];
    let truce = ["وقف إطلاق النار", "هدنة", "الهدنة"];
    let head = |d: &Document, words: &[&str]| {
        let t = d.meta.title.as_deref().unwrap_or("");
        words.iter().any(|w| t.contains(w))
    };
    let is_sports = |d: &Document| {
        head(d, &sports) && !head(d, &truce) && report.iter().filter(|w| d.text.contains(*w)).count() >= 2
    };
    let is_truce = |d: &Document| is(d, &truce) && !is_sports(d);
    let mut mixed = 0;
    let (mut n_sp, mut n_tr) = (0, 0);
    for members in by_story.values() {
        let sp = members.iter().filter(|i| is_sports(&docs[**i])).count();
        let tr = members.iter().filter(|i| is_truce(&docs[**i])).count();
        n_sp += sp;
        n_tr += tr;
        if sp > 0 && tr > 0 {
            mixed += 1;
            println!("mixed story: {sp} sports, {tr} truce");
        }
    }
    println!("stories mixing sports ({n_sp} docs) and ceasefire ({n_tr} docs) articles: {mixed}");
    // Within-story pairs: different articles about the same story are not duplicates.
    let mut within = Vec::new();
    for members in by_story.values() {
        for (k, a) in members.iter().enumerate() {
            for b in &members[k + 1..] {
                within.push(sigs[*a].similarity(&sigs[*b]));
            }
        }
    }
    println!("similarity of article pairs within one story: {}", percentiles(within.clone()));
    let idx_hits = {
        let mut idx = DupIndex::default();
        let mut hits = 0;
        for (i, s) in sigs.iter().enumerate() {
            if idx.find(s).is_some() {
                hits += 1;
            }
            idx.insert(i.to_string(), s);
        }
        hits
    };
    println!("DupIndex(0.8) hits among the sample: {idx_hits}");
}
