//! Story clustering over a news-dev sample read from ../shared beside the
//! checkout (as in CI; the test fails without it): sports and ceasefire
//! articles never share a story.

use isnad_eval::shared_path;
use isnad_extract::Extractor;
use isnad_model::{Document, Metadata};
use isnad_story::{label, StoryClusterer};

const SPORTS: &[&str] = &["كأس العالم", "مونديال", "كرة القدم", "منتخب", "مباراة", "الدوري", "لاعب"];
/// Words of match reports; a sports article has at least two of them in its text
/// (so "World Cup boycott" politics does not count as sports).
const SPORTS_TEXT: &[&str] = &["لاعب", "مدرب", "الملعب", "الشوط", "هدف", "المنتخب", "مباراة", "الفريق"];
const TRUCE: &[&str] = &["وقف إطلاق النار", "هدنة", "الهدنة"];

fn has(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

fn is_sports(title: &str, text: &str) -> bool {
    has(title, SPORTS) && !has(title, TRUCE) && SPORTS_TEXT.iter().filter(|w| text.contains(*w)).count() >= 2
}

fn is_truce(title: &str, text: &str) -> bool {
    has(title, TRUCE) && !has(title, SPORTS) && !is_sports(title, text)
}

/// Up to 25 sports and 25 ceasefire articles (by headline) and every 60th other one, in publication order.
fn sample() -> Vec<(Metadata, String)> {
    let dir = shared_path("corpus/news-dev");
    let (mut sports, mut truce, mut other) = (Vec::new(), Vec::new(), Vec::new());
    for name in ["alarabia.jsonl", "bbc.jsonl", "cnn.jsonl", "france24.jsonl"] {
        let path = dir.join(name);
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (i, line) in text.lines().enumerate() {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
            let s = |k: &str| v[k].as_str().map(str::to_string).filter(|x| !x.is_empty());
            let title = s("title").unwrap_or_default();
            let meta = Metadata {
                source: format!("{name}:{}", i + 1),
                outlet: s("source"),
                title: s("title"),
                published: s("published"),
                ..Default::default()
            };
            let body = s("text").unwrap_or_default();
            let sp = is_sports(&title, &body);
            let tr = is_truce(&title, &body);
            let item = (meta, body);
            if sp {
                sports.push(item);
            } else if tr {
                truce.push(item);
            } else if i % 60 == 0 {
                other.push(item);
            }
        }
    }
    let mut all: Vec<(Metadata, String)> =
        sports.into_iter().take(25).chain(truce.into_iter().take(25)).chain(other).collect();
    all.sort_by(|a, b| a.0.published.cmp(&b.0.published));
    all
}

#[test]
fn sports_and_ceasefire_articles_do_not_share_a_story() {
    let sample = sample();
    let ex = Extractor::new();
    let docs: Vec<Document> = sample.into_iter().map(|(m, raw)| ex.extract(m, raw, vec![])).collect();
    let mut c = StoryClusterer::new();
    let ids: Vec<u64> = docs.iter().map(|d| c.assign(d).story_id).collect();
    let title = |d: &Document| d.meta.title.clone().unwrap_or_default();
    let (mut n_sports, mut n_truce) = (0, 0);
    for s in &c.stories {
        let members: Vec<&Document> = docs.iter().zip(&ids).filter(|(_, id)| **id == s.id).map(|(d, _)| d).collect();
        let sp = members.iter().filter(|d| is_sports(&title(d), &d.raw)).count();
        let tr = members.iter().filter(|d| is_truce(&title(d), &d.raw)).count();
        n_sports += sp;
        n_truce += tr;
        if members.len() > 2 {
            eprintln!("{} docs ({sp} sports, {tr} ceasefire): {}", members.len(), label(s));
            for d in &members {
                eprintln!("    - {}", title(d));
            }
        }
        assert!(sp == 0 || tr == 0, "story {} mixes {sp} sports and {tr} ceasefire articles: {}", s.id, label(s));
    }
    eprintln!("{} docs → {} stories", docs.len(), c.stories.len());
    assert!(n_sports >= 5 && n_truce >= 5, "sample has {n_sports} sports and {n_truce} ceasefire articles");
    // Related articles do cluster: fewer stories than documents.
    assert!(c.stories.len() * 10 < docs.len() * 9, "{} stories for {} docs", c.stories.len(), docs.len());
}
