//! A bounded load test: a few client threads hit `GET /api/v1/documents/{id}`
//! and `GET /api/v1/search?q=…` for a fixed time, then print requests/s and
//! p50/p95 latency per endpoint.
//!
//! ```text
//! cargo run --release -p isnad-serve --example load [-- --data DIR] [--secs 10] [--threads 4] [--docs 50] [--readers N]
//! ```
//!
//! Without `--data` it ingests `--docs` generated articles into a temporary
//! workspace. Either way the server runs in-process on 127.0.0.1:0, read-only,
//! over `--readers` workspaces (default as `isnad serve --read-only`: the
//! number of cores, at most 4; `--readers 1` is one workspace behind one mutex).

#[path = "../tests/common/mod.rs"]
mod common;

use std::time::{Duration, Instant};

use isnad_serve::{AppState, ServeConfig};

const QUERIES: &[&str] = &["غزة", "وقف إطلاق النار", "الهدنة", "وزارة الصحة", "\"ماجد الأنصاري\"", "رهينة"];

fn arg(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1).cloned())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn main() {
    let secs: u64 = arg("--secs").and_then(|s| s.parse().ok()).unwrap_or(10);
    let threads: usize = arg("--threads").and_then(|s| s.parse().ok()).unwrap_or(4);
    let ndocs: usize = arg("--docs").and_then(|s| s.parse().ok()).unwrap_or(50);
    let defaults = ServeConfig::default();
    let readers: usize = arg("--readers").and_then(|s| s.parse().ok()).unwrap_or(defaults.readers);
    let _tmp;
    let data = match arg("--data") {
        Some(dir) => std::path::PathBuf::from(dir),
        None => {
            let tmp = tempfile::tempdir().unwrap();
            let t = Instant::now();
            common::ingest(tmp.path(), common::many_inputs(ndocs));
            eprintln!("ingested {ndocs} documents in {:.1} s", t.elapsed().as_secs_f64());
            let data = tmp.path().to_path_buf();
            _tmp = tmp;
            data
        }
    };
    let cfg = ServeConfig { data, read_only: true, readers, ..defaults };
    let state = AppState::open(&cfg).expect("open the data directory");
    eprintln!("{} read-only workspace(s)", state.workspaces());
    let addr = common::start_state(state);
    let base = format!("http://{addr}/api/v1");
    let client = reqwest::blocking::Client::new();
    let list: serde_json::Value = client.get(format!("{base}/documents?limit=200")).send().unwrap().json().unwrap();
    let ids: Vec<String> =
        list["items"].as_array().unwrap().iter().map(|d| d["id"].as_str().unwrap().to_string()).collect();
    assert!(!ids.is_empty(), "no documents");
    eprintln!("{} documents, {threads} threads, {secs} s against {addr}", ids.len());

    let deadline = Instant::now() + Duration::from_secs(secs);
    let started = Instant::now();
    let handles: Vec<_> = (0..threads)
        .map(|t| {
            let (base, ids) = (base.clone(), ids.clone());
            std::thread::spawn(move || {
                let client = reqwest::blocking::Client::new();
                let (mut doc, mut search, mut errors) = (Vec::new(), Vec::new(), 0usize);
                let mut i = t;
                while Instant::now() < deadline {
                    let (url, is_doc) = if i % 2 == 0 {
                        (format!("{base}/documents/{}", ids[i / 2 % ids.len()]), true)
                    } else {
                        (format!("{base}/search?q={}&limit=10", QUERIES[i / 2 % QUERIES.len()]), false)
                    };
                    let t0 = Instant::now();
                    match client.get(&url).send().and_then(|r| r.error_for_status()).and_then(|r| r.bytes()) {
                        Ok(_) => {
                            let dt = t0.elapsed();
                            if is_doc {
                                doc.push(dt)
                            } else {
                                search.push(dt)
                            }
                        }
                        Err(_) => errors += 1,
                    }
                    i += 1;
                }
                (doc, search, errors)
            })
        })
        .collect();
    let (mut doc, mut search, mut errors) = (Vec::new(), Vec::new(), 0);
    for h in handles {
        let (d, s, e) = h.join().unwrap();
        doc.extend(d);
        search.extend(s);
        errors += e;
    }
    let elapsed = started.elapsed().as_secs_f64();
    println!("endpoint               requests    req/s     p50 ms    p95 ms");
    for (name, lat) in [("GET /documents/{id}", &mut doc), ("GET /search?q=", &mut search)] {
        lat.sort();
        println!(
            "{name:<22} {:>8} {:>8.0} {:>10.2} {:>9.2}",
            lat.len(),
            lat.len() as f64 / elapsed,
            percentile(lat, 0.5).as_secs_f64() * 1e3,
            percentile(lat, 0.95).as_secs_f64() * 1e3
        );
    }
    println!("total {:.0} req/s, {errors} errors", (doc.len() + search.len()) as f64 / elapsed);
}
