//! `read_any` on files and folders of mixed kinds.

mod common;

use std::fs;
use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;
use isnad_input::{InputError, ReadOptions};
use isnad_sources::read_any;

fn write(dir: &Path, rel: &str, bytes: &[u8]) {
    let p = dir.join(rel);
    fs::create_dir_all(p.parent().expect("a parent")).unwrap();
    fs::write(p, bytes).unwrap();
}

fn warc_gz(html: &str) -> Vec<u8> {
    let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{html}");
    let rec = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.com/w\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
        http.len()
    );
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(rec.as_bytes()).unwrap();
    e.finish().unwrap()
}

#[test]
fn a_folder_of_mixed_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let page = common::page("").replace("<meta charset=\"utf-8\">", "");
    let (page_1256, _, _) = encoding_rs::WINDOWS_1256.encode(&page);
    write(d, "a/page.HTML", &page_1256);
    write(d, "a/notes.txt", "ملاحظة نصية".as_bytes());
    write(d, "b/crawl.warc.gz", &warc_gz(&common::page("")));
    write(d, "b/feed.rss", r#"<rss version="2.0"><channel><title>T</title><item><description>خبر الخلاصة</description></item></channel></rss>"#.as_bytes());
    write(d, "c.jsonl", "{\"text\": \"سجل\", \"source\": \"S\"}\n".as_bytes());
    write(d, "image.png", b"\x89PNG\r\n\x1a\n");
    write(d, ".hidden/x.txt", b"hidden");
    write(d, ".secret.txt", b"hidden");
    write(d, "broken.xml", b"<rss><channel>");
    let opts =
        ReadOptions { published: Some("2024-06-01".into()), outlet: Some("منفذ".into()), ..Default::default() };
    let items: Vec<_> = read_any(d, &opts).collect();
    let root = d.display().to_string();
    let sources: Vec<String> = items
        .iter()
        .map(|i| match i {
            Ok(doc) => doc.meta.source.clone(),
            Err(e) => format!("error {}", e.file()),
        })
        .collect();
    assert_eq!(
        sources,
        [
            format!("{root}/a/notes.txt"),
            format!("{root}/a/page.HTML"),
            format!("{root}/b/crawl.warc.gz#1"),
            format!("{root}/b/feed.rss#1"),
            format!("error {root}/broken.xml"),
            format!("{root}/c.jsonl:1"),
        ]
    );
    let ok = |i: usize| items[i].as_ref().unwrap();
    assert!(ok(1).raw.contains(common::PARAS[0]), "Windows-1256 page decoded");
    assert_eq!(ok(1).meta.published.as_deref(), Some("2024-06-01"));
    assert_eq!(ok(1).meta.outlet.as_deref(), Some("منفذ"));
    assert_eq!(ok(2).meta.url.as_deref(), Some("https://example.com/w"));
    assert_eq!(ok(3).raw, "خبر الخلاصة");
    assert_eq!(ok(3).meta.outlet.as_deref(), Some("T"), "the feed's own outlet wins");
    assert_eq!(ok(5).meta.outlet.as_deref(), Some("S"));
    assert!(matches!(&items[4], Err(InputError::Malformed { format: "feed", .. })));
}

#[test]
fn single_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "article.md", "# عنوان\nنص".as_bytes());
    let items: Vec<_> = read_any(&d.join("article.md"), &ReadOptions::default()).collect();
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].as_ref().unwrap().raw, "# عنوان\nنص");
    write(d, "p.htm", common::page("").as_bytes());
    let o = ReadOptions { max_bytes: 100, ..Default::default() };
    let e = read_any(&d.join("p.htm"), &o).next().unwrap().unwrap_err();
    assert!(matches!(e, InputError::TooLarge { limit: 100, .. }));
    let e = read_any(&d.join("missing.html"), &o).next().unwrap().unwrap_err();
    assert!(matches!(e, InputError::Io { .. }));
    write(d, "empty.html", b"<html><body></body></html>");
    let e = read_any(&d.join("empty.html"), &ReadOptions::default()).next().unwrap().unwrap_err();
    assert!(matches!(e, InputError::Malformed { format: "html", .. }));
}
