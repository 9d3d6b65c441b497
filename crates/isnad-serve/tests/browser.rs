//! Headless-browser end-to-end tests: the UI renders a document with its
//! highlights, shows article markup as text, and draws story charts.
//!
//! Skipped (with a notice) when `/usr/bin/chromium` is absent. With
//! `ISNAD_SCREENSHOT=1` it also saves `screenshot-story.png` and
//! `screenshot-doc.png` in the crate.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use isnad_app::Workspace;

const CHROMIUM: &str = "/usr/bin/chromium";

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
    // The attribution chain of the first figure: outlet, then the source with its entity link.
    assert!(dom.contains("class=\"chain\"") && dom.contains("href=\"#/entity/"), "{dom}");

    // The article with markup: shown as text, never live.
    let dom = chromium(profile.path(), &["--dump-dom"], &format!("http://{addr}/#/doc/{}", ids[3]));
    assert!(dom.contains("hl-quote") && dom.contains("hl-entity"), "{dom}");
    assert!(dom.contains("&lt;script&gt;"), "the markup is not shown as text:\n{dom}");
    assert!(!dom.contains("<script>alert"), "live script from the article:\n{dom}");
    assert!(!dom.contains("<b>عريض"), "live markup from the article:\n{dom}");

    // The story page: charts, contradictions, timeline.
    let stories: serde_json::Value =
        reqwest::blocking::get(format!("http://{addr}/api/v1/stories")).unwrap().json().unwrap();
    let story = stories["items"]
        .as_array()
        .unwrap()
        .iter()
        .max_by_key(|s| s["documents"].as_u64())
        .map(|s| s["id"].as_str().unwrap().to_string())
        .unwrap();
    let url = format!("http://{addr}/#/story/{story}");
    let dom = chromium(profile.path(), &["--dump-dom"], &url);
    assert!(dom.contains("<svg"), "no chart:\n{dom}");
    assert!(dom.contains("<circle"), "no points:\n{dom}");
    assert!(dom.contains("class=\"legend\""), "no legend:\n{dom}");
    assert!(dom.contains("timeline"), "{dom}");

    // English toggle.
    let dom = chromium(profile.path(), &["--dump-dom"], &format!("http://{addr}/?lang=en#/stories"));
    assert!(dom.contains("lang=\"en\"") && dom.contains("dir=\"ltr\"") && dom.contains("Stories"), "{dom}");

    // Entity page: mentions-per-day bars.
    let ent = "person:ماجد_الانصاري";
    let dom = chromium(profile.path(), &["--dump-dom"], &format!("http://{addr}/#/entity/{ent}"));
    assert!(dom.contains("<rect") && dom.contains("ماجد الأنصاري"), "{dom}");

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

    if std::env::var_os("ISNAD_SCREENSHOT").is_some() {
        let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshot-story.png");
        chromium(profile.path(), &[&format!("--screenshot={}", out.display()), "--window-size=1280,900"], &url);
        assert!(out.exists());
        let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("screenshot-doc.png");
        let doc = format!("http://{addr}/#/doc/{}", ids[1]);
        chromium(profile.path(), &[&format!("--screenshot={}", out.display()), "--window-size=1280,900"], &doc);
    }
}
