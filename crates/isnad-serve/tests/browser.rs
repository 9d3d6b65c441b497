//! Headless-browser end-to-end tests: the UI renders a document with its
//! highlights and attribution chain, shows article markup as text, draws
//! story charts with uPlot (open-ended hedges included), pages long lists, and does the
//! same over the five real seed articles (`../shared/corpus/seeds`).
//!
//! Skipped (with a notice) when `/usr/bin/chromium` is absent. Screenshots of
//! the story, document, entity and search pages are always saved under the
//! workspace's `target/ui-screenshots/` (or `$CARGO_TARGET_DIR/ui-screenshots/`)
//! for review; with `ISNAD_SCREENSHOT=1` the crate's `screenshot-story.png`
//! and `screenshot-doc.png` (shown in the README) are refreshed too.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use isnad_app::Workspace;
use isnad_input::InputDoc;
use isnad_model::Metadata;

const CHROMIUM: &str = "/usr/bin/chromium";

/// `target/ui-screenshots/` of the workspace, created.
fn screenshot_dir() -> PathBuf {
    let target = match std::env::var_os("CARGO_TARGET_DIR") {
        Some(t) => PathBuf::from(t),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"),
    };
    let dir = target.join("ui-screenshots");
    std::fs::create_dir_all(&dir).expect("create target/ui-screenshots");
    dir
}

/// Saves a 1280×900 screenshot of `url` as `name` under `target/ui-screenshots/` and checks it was written.
fn screenshot(profile: &Path, url: &str, name: &str) -> PathBuf {
    let out = screenshot_dir().join(name);
    let _ = std::fs::remove_file(&out);
    chromium(profile, &[&format!("--screenshot={}", out.display()), "--window-size=1280,900"], url);
    let len = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    assert!(len > 1000, "no screenshot at {} ({len} bytes)", out.display());
    out
}

/// The fact panel of a dumped document page (from its opening tag to the end of the page).
fn fact_panel(dom: &str) -> &str {
    let at = dom.find("id=\"fact-panel\"").unwrap_or_else(|| panic!("no fact panel in\n{dom}"));
    &dom[at..]
}

/// The `data-drawn` attributes of a dumped page's charts: what each chart's
/// last uPlot draw put on its canvas (`points:N` or `bars:N`, then the bound
/// kinds drawn: `range`, `up`, `down`).
fn drawn(dom: &str) -> Vec<&str> {
    dom.split("data-drawn=\"").skip(1).map(|rest| &rest[..rest.find('"').unwrap_or(rest.len())]).collect()
}

/// Asserts a dumped page holds a uPlot chart (container and canvas) of the
/// kind (`series-chart` or `day-chart`) that drew `what` (`points:` or `bars:`).
fn assert_uplot(dom: &str, chart: &str, what: &str) {
    assert!(dom.contains(&format!("class=\"chart {chart}\"")), "no {chart}:\n{dom}");
    assert!(dom.contains("class=\"uplot") && dom.contains("<canvas"), "no uPlot canvas:\n{dom}");
    assert!(
        drawn(dom).iter().any(|d| d.starts_with(what) && !d.starts_with(&format!("{what}0"))),
        "nothing drawn:\n{dom}"
    );
}

/// The stories listed by the API at `base`.
fn stories(base: &str) -> serde_json::Value {
    reqwest::blocking::get(format!("{base}/api/v1/stories")).unwrap().json().unwrap()
}

/// The id of the story with the most documents in a stories listing.
fn largest_story(stories: &serde_json::Value) -> String {
    stories["items"]
        .as_array()
        .unwrap()
        .iter()
        .max_by_key(|s| s["documents"].as_u64())
        .map(|s| s["id"].as_str().unwrap().to_string())
        .unwrap()
}

fn chromium(profile: &Path, extra: &[&str], url: &str) -> String {
    let mut cmd = Command::new(CHROMIUM);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--virtual-time-budget=5000",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .args(extra)
    .arg(url)
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    let child = cmd.spawn().expect("start chromium");
    let id = child.id();
    let start = Instant::now();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    loop {
        if let Ok(out) = rx.try_recv() {
            return String::from_utf8_lossy(&out.expect("chromium output").stdout).to_string();
        }
        if start.elapsed() > Duration::from_secs(90) {
            let _ = Command::new("kill").arg(id.to_string()).status();
            panic!("chromium did not finish in 90 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn ui_renders_documents_and_stories() {
    if !Path::new(CHROMIUM).exists() {
        eprintln!("SKIPPED: {CHROMIUM} not found (apt-get install -y chromium)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let ids = common::ingest(dir.path(), common::inputs());
    let addr = common::start(Workspace::open(dir.path()).unwrap(), 2 * 1024 * 1024);
    let profile = tempfile::tempdir().unwrap();

    // A document with figures, quotes, entities and a cited outlet.
    let dom = chromium(profile.path(), &["--dump-dom"], &format!("http://{addr}/#/doc/{}", ids[0]));
    for class in ["hl-figure", "hl-quote", "hl-entity", "hl-date"] {
        assert!(dom.contains(class), "no {class} in\n{dom}");
    }
    assert!(dom.contains("4500") && dom.contains("fact-panel"), "{dom}");
    // The attribution chain of the first figure, in the fact panel: the article's outlet,
    // then the source with a link to its entity page.
    let panel = fact_panel(&dom);
    assert!(panel.contains("class=\"chain\"") && panel.contains("سلسلة الإسناد"), "{panel}");
    assert!(panel.contains("صحيفة الميزان") && panel.contains("href=\"#/entity/"), "{panel}");
    // The link back to the document's story.
    let doc: serde_json::Value =
        reqwest::blocking::get(format!("http://{addr}/api/v1/documents/{}", ids[0])).unwrap().json().unwrap();
    let story_of_doc = doc["story"]["id"].as_str().expect("the document has a story").to_string();
    assert!(dom.contains("id=\"doc-story\"") && dom.contains(&format!("href=\"#/story/{story_of_doc}\"")), "{dom}");
    // A quote relayed through a cited outlet: outlet → cited outlet → speaker.
    let cited = doc["document"]["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .position(|q| q["citation"].is_number())
        .expect("a quote with a citation in the fixture");
    let dom = chromium(profile.path(), &["--dump-dom"], &format!("http://{addr}/#/doc/{}?quote={cited}", ids[0]));
    let panel = fact_panel(&dom);
    assert!(panel.contains("class=\"chain\"") && panel.contains("نقلاً عن") && panel.contains("رويترز"), "{panel}");

    // The article with markup: shown as text, never live.
    let dom = chromium(profile.path(), &["--dump-dom"], &format!("http://{addr}/#/doc/{}", ids[3]));
    assert!(dom.contains("hl-quote") && dom.contains("hl-entity"), "{dom}");
    assert!(dom.contains("&lt;script&gt;"), "the markup is not shown as text:\n{dom}");
    assert!(!dom.contains("<script>alert"), "live script from the article:\n{dom}");
    assert!(!dom.contains("<b>عريض"), "live markup from the article:\n{dom}");

    // The story page: charts, contradictions, timeline.
    let stories = stories(&format!("http://{addr}"));
    let story = largest_story(&stories);
    let url = format!("http://{addr}/#/story/{story}");
    let dom = chromium(profile.path(), &["--dump-dom"], &url);
    // Each series a uPlot canvas with its points, a legend naming the sources.
    assert_uplot(&dom, "series-chart", "points:");
    assert!(dom.contains("class=\"legend\"") && dom.contains("المصادر:"), "no legend:\n{dom}");
    assert!(dom.contains("timeline"), "{dom}");
    // «أكثر من 12000» has only a low bound: drawn as an open bar up to the chart's edge, with a key.
    assert!(drawn(&dom).iter().any(|d| d.split(' ').any(|k| k == "up")), "no open-ended bound drawn:\n{dom}");
    assert!(dom.contains("حد أدنى فقط"), "no bounds key:\n{dom}");

    // Paging: one story a page has a next link and no previous one; the second page has both.
    let dom = chromium(profile.path(), &["--dump-dom"], &format!("http://{addr}/#/stories?limit=1"));
    let n_stories = stories["items"].as_array().unwrap().len();
    if n_stories > 1 {
        assert!(dom.contains("href=\"#/stories?limit=1&amp;offset=1\"") && dom.contains("التالي"), "{dom}");
        assert!(dom.contains("class=\"prev disabled\""), "{dom}");
    }
    assert_eq!(dom.matches("<tr>").count(), 2, "one header and one story row:\n{dom}");
    let q = "%D8%BA%D8%B2%D8%A9"; // غزة, in every article
    let dom = chromium(profile.path(), &["--dump-dom"], &format!("http://{addr}/#/search?q={q}&limit=2&offset=2"));
    assert!(dom.contains("<mark>"), "{dom}");
    assert!(dom.contains(&format!("href=\"#/search?q={q}&amp;limit=2\"")), "no previous page link:\n{dom}");
    assert!(dom.contains("class=\"next disabled\""), "4 articles: no page after 3–4:\n{dom}");
    let dom = chromium(profile.path(), &["--dump-dom"], &format!("http://{addr}/?lang=en#/search?q={q}&limit=2"));
    assert!(
        dom.contains(&format!("href=\"#/search?q={q}&amp;limit=2&amp;offset=2\"")) && dom.contains("Next"),
        "{dom}"
    );

    // English toggle.
    let dom = chromium(profile.path(), &["--dump-dom"], &format!("http://{addr}/?lang=en#/stories"));
    assert!(dom.contains("lang=\"en\"") && dom.contains("dir=\"ltr\"") && dom.contains("Stories"), "{dom}");

    // Entity page: mentions-per-day bars.
    let ent = "person:ماجد_الانصاري";
    let dom = chromium(profile.path(), &["--dump-dom"], &format!("http://{addr}/#/entity/{ent}"));
    assert_uplot(&dom, "day-chart", "bars:");
    assert!(dom.contains("ماجد الأنصاري"), "{dom}");
    // His quotes one a page: a next link to the second.
    let dom = chromium(profile.path(), &["--dump-dom"], &format!("http://{addr}/#/entity/{ent}?limit=1"));
    assert!(dom.contains("rel=\"next\"") && dom.contains("limit=1&amp;offset=1\""), "{dom}");
    assert!(dom.matches("↗</a></li>").count() <= 2, "one quote and at most one figure:\n{dom}");

    // Search: snippets with highlighted words.
    let dom = chromium(
        profile.path(),
        &["--dump-dom"],
        &format!("http://{addr}/#/search?q=%D8%A7%D9%84%D9%87%D8%AF%D9%86%D8%A9"),
    );
    assert!(dom.contains("<mark>") && dom.contains("class=\"card\""), "{dom}");

    // Ingest: a form here; disabled with a notice on a read-only server.
    let dom = chromium(profile.path(), &["--dump-dom"], &format!("http://{addr}/#/ingest"));
    assert!(dom.contains("<textarea") && !dom.contains("ro-notice"), "{dom}");
    let ro = common::start(Workspace::open_read_only(dir.path()).unwrap(), 2 * 1024 * 1024);
    let dom = chromium(profile.path(), &["--dump-dom"], &format!("http://{ro}/#/ingest"));
    assert!(dom.contains("ro-notice") && dom.contains("<textarea name=\"text\" disabled"), "{dom}");

    // Screenshots for review, always.
    let doc_url = format!("http://{addr}/#/doc/{}", ids[1]);
    let story_png = screenshot(profile.path(), &url, "story.png");
    screenshot(profile.path(), &format!("http://{addr}/?lang=en#/story/{story}"), "story-en.png");
    let doc_png = screenshot(profile.path(), &doc_url, "doc.png");
    screenshot(profile.path(), &format!("http://{addr}/#/entity/{ent}"), "entity.png");
    screenshot(profile.path(), &format!("http://{addr}/#/search?q={q}"), "search.png");
    // The README's screenshots, on request.
    if std::env::var_os("ISNAD_SCREENSHOT").is_some() {
        let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(&story_png, crate_dir.join("screenshot-story.png")).unwrap();
        std::fs::copy(&doc_png, crate_dir.join("screenshot-doc.png")).unwrap();
    }
}

/// Publication dates of the seed articles (as in isnad-story's seed tests).
const SEEDS: &[(&str, &str)] = &[
    ("000_fa0a7e85a00bf78c.txt", "2023-11-20"),
    ("001_1d40cc6677096fc7.txt", "2024-01-30"),
    ("002_f984854d347f0406.txt", "2024-01-29"),
    ("004_60f0e0c5a2806223.txt", "2024-05-26"),
    ("003_7417a749f6004c71.txt", "2025-08-09"),
];

/// The story page and a document page over the five real seed articles in
/// `../shared/corpus/seeds` beside the checkout (the test fails without
/// them; it is skipped only when there is no browser).
#[test]
fn ui_on_the_seed_articles() {
    let seeds = isnad_eval::shared_path("corpus/seeds");
    if !Path::new(CHROMIUM).exists() {
        eprintln!("SKIPPED: needs {CHROMIUM}");
        return;
    }
    let inputs: Vec<InputDoc> = SEEDS
        .iter()
        .map(|(name, published)| InputDoc {
            meta: Metadata { source: name.to_string(), published: Some(published.to_string()), ..Default::default() },
            raw: std::fs::read_to_string(seeds.join(name)).unwrap(),
            warnings: Vec::new(),
        })
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let ids = common::ingest(dir.path(), inputs);
    let addr = common::start(Workspace::open_read_only(dir.path()).unwrap(), 2 * 1024 * 1024);
    let profile = tempfile::tempdir().unwrap();
    let get = |path: &str| -> serde_json::Value {
        reqwest::blocking::get(format!("http://{addr}/api/v1{path}")).unwrap().json().unwrap()
    };

    // The largest story: its chart (one colour per source) and timeline.
    let story = largest_story(&stories(&format!("http://{addr}")));
    let story_url = format!("http://{addr}/#/story/{story}");
    let dom = chromium(profile.path(), &["--dump-dom"], &story_url);
    assert_uplot(&dom, "series-chart", "points:");
    assert!(dom.contains("class=\"legend\""), "no legend:\n{dom}");
    assert!(dom.contains("timeline"), "{dom}");

    // A seed with an attributed figure: highlights, the chain in the fact panel, the story link.
    let (id, doc) = ids
        .iter()
        .map(|id| (id, get(&format!("/documents/{id}"))))
        .find(|(_, d)| d["document"]["figures"].as_array().unwrap().iter().any(|f| f["source"].is_object()))
        .expect("a seed with an attributed figure");
    let doc_url = format!("http://{addr}/#/doc/{id}");
    let dom = chromium(profile.path(), &["--dump-dom"], &doc_url);
    for class in ["hl-figure", "hl-entity", "hl-date"] {
        assert!(dom.contains(class), "no {class} in\n{dom}");
    }
    let panel = fact_panel(&dom);
    assert!(panel.contains("class=\"chain\"") && panel.contains("المصدر"), "{panel}");
    if let Some(sid) = doc["story"]["id"].as_str() {
        assert!(dom.contains(&format!("href=\"#/story/{sid}\"")), "no story link:\n{dom}");
    }
    screenshot(profile.path(), &story_url, "seed-story.png");
    screenshot(profile.path(), &doc_url, "seed-doc.png");
}
