//! Main-text extraction against the real pages in `shared/corpus/html`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use isnad_sources::extract_html;

fn corpus() -> PathBuf {
    isnad_eval::shared_path("corpus/html")
}

/// The bytes of a corpus file; a missing file fails the test with its path.
fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("needs {} in ../shared: {e}", path.display()))
}

/// The text of a corpus file; a missing file fails the test with its path.
fn read_text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("needs {} in ../shared: {e}", path.display()))
}

fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).map(str::to_lowercase).collect()
}

/// Token-level (bag of words) precision, recall and F1 of `got` against `want`.
fn token_f1(got: &str, want: &str) -> (f64, f64, f64) {
    let (g, w) = (tokens(got), tokens(want));
    if g.is_empty() || w.is_empty() {
        return (0.0, 0.0, 0.0);
    }
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for t in &w {
        *counts.entry(t).or_default() += 1;
    }
    let mut common = 0i64;
    for t in &g {
        if let Some(c) = counts.get_mut(t.as_str()) {
            if *c > 0 {
                *c -= 1;
                common += 1;
            }
        }
    }
    let p = common as f64 / g.len() as f64;
    let r = common as f64 / w.len() as f64;
    let f1 = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f1)
}

#[test]
fn cnn_arabic_pages_match_the_expected_text() {
    let dir = corpus();
    let dir = dir.join("newspaper_cnn_arabic");
    let pages = [
        ("arabic_article.newspaper3k.html", "arabic.newspaper3k.expected.txt"),
        ("arabic_article.newspaper4k.html", "arabic_article.newspaper4k.expected.txt"),
    ];
    let mut scores = Vec::new();
    for (page, expected) in pages {
        let (html, want) = (read(&dir.join(page)), read_text(&dir.join(expected)));
        let (html, _) = isnad_input::decode(&html, page).expect("page decodes");
        let doc = extract_html(&html, page, None).expect("page has text");
        let (p, r, f1) = token_f1(&doc.raw, &want);
        let paras = doc.raw.split("\n\n").count();
        println!(
            "{page}: token P {p:.3} R {r:.3} F1 {f1:.3}, {} chars (expected {}), {paras} paragraphs",
            doc.raw.chars().count(),
            want.chars().count()
        );
        println!(
            "  title={:?} outlet={:?} published={:?} author={:?} lang={:?} url={:?}",
            doc.meta.title, doc.meta.outlet, doc.meta.published, doc.meta.author, doc.meta.lang, doc.meta.url
        );
        assert!(r >= 0.95 && f1 >= 0.85, "{page}: token recall {r:.3} / F1 {f1:.3} below 0.95 / 0.85\n{}", doc.raw);
        assert!(paras >= 3, "{page}: paragraph breaks lost");
        assert_eq!(doc.meta.title.as_deref(), Some("معارضون يسيطرون على مخازن للصواريخ بريف دمشق"));
        scores.push(f1);
    }
    if !scores.is_empty() {
        println!("CNN Arabic mean token F1: {:.3}", scores.iter().sum::<f64>() / scores.len() as f64);
    }
}

#[test]
fn assabah_page_keeps_the_article_and_drops_the_boilerplate() {
    let dir = corpus();
    let dir = dir.join("trafilatura_assabah");
    let html = read(&dir.join("assabah.com.tn.article.html"));
    let entry = read_text(&dir.join("evaldata_entry.json"));
    let entry: serde_json::Value = serde_json::from_str(&entry).expect("entry JSON");
    let entry = entry.as_object().and_then(|o| o.values().next()).expect("one entry");
    let (html, _) = isnad_input::decode(&html, "assabah").expect("page decodes");
    let doc = extract_html(&html, "assabah", None).expect("page has text");
    let list = |k: &str| -> Vec<String> {
        entry[k].as_array().map(|a| a.iter().filter_map(|v| v.as_str().map(String::from)).collect()).unwrap_or_default()
    };
    let (with, without) = (list("with"), list("without"));
    let found = with.iter().filter(|w| doc.raw.contains(w.as_str())).count();
    let leaked = without.iter().filter(|w| doc.raw.contains(w.as_str())).count();
    // The description is the opening of the article: its tokens should all be in the text.
    let desc = entry["description"].as_str().unwrap_or_default();
    let desc_tokens = tokens(desc);
    let raw_tokens: std::collections::HashSet<String> = tokens(&doc.raw).into_iter().collect();
    let recall =
        desc_tokens.iter().filter(|t| raw_tokens.contains(*t)).count() as f64 / desc_tokens.len().max(1) as f64;
    println!(
        "assabah: {found}/{} expected snippets found, {leaked}/{} boilerplate snippets leaked, description token recall {recall:.3}, {} chars, {} paragraphs",
        with.len(),
        without.len(),
        doc.raw.chars().count(),
        doc.raw.split("\n\n").count()
    );
    println!(
        "  title={:?} outlet={:?} published={:?} author={:?} lang={:?}",
        doc.meta.title, doc.meta.outlet, doc.meta.published, doc.meta.author, doc.meta.lang
    );
    assert_eq!(found, with.len(), "missing snippets:\n{}", doc.raw);
    assert_eq!(leaked, 0, "boilerplate leaked:\n{}", doc.raw);
    assert!(recall >= 0.9);
}
