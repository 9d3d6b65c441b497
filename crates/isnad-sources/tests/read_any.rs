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
    write(d, "notes.md", b"not an input by name");
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
    assert!(matches!(e, InputError::Empty { .. }));
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn outcomes(items: Vec<Result<isnad_input::InputDoc, InputError>>) -> Vec<Result<(String, String), String>> {
    items.into_iter().map(|r| r.map(|d| (d.meta.source, d.raw)).map_err(|e| e.to_string())).collect()
}

#[test]
fn an_empty_document_is_the_same_error_in_every_kind() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "a.txt", b" \n ");
    write(d, "b.jsonl", b"{\"text\": \"\"}\n");
    write(d, "c.html", b"<html><body><p> </p></body></html>");
    write(d, "d.json", br#"[{"content": "\u200f"}]"#);
    write(d, "e.csv", b"title,text\nt,\n");
    write(d, "f.rss", br#"<rss version="2.0"><channel><title>T</title><item><title>t</title></item></channel></rss>"#);
    write(d, "g.txt.gz", &gz(b""));
    let root = d.display().to_string();
    let got = outcomes(read_any(d, &ReadOptions::default()).collect());
    let want: Vec<Result<(String, String), String>> =
        ["a.txt", "b.jsonl:1", "c.html", "d.json:1", "e.csv:2", "f.rss#1", "g.txt.gz"]
            .iter()
            .map(|n| Err(format!("{root}/{n}: empty document: no text to extract")))
            .collect();
    assert_eq!(got, want);
}

#[test]
fn record_files_json_csv_and_gzip() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "a.json",
        r#"[{"headline": "ع", "body": "نص أول"}, {"story": "نص ثان", "pubDate": "2020-01-02"}]"#.as_bytes(),
    );
    write(d, "b.csv.gz", &gz("link,content\nhttps://e.org/x,نص ثالث\n".as_bytes()));
    write(d, "c.jsonl.gz", &gz("{\"article\": \"نص رابع\"}\n{\"x\": 1}\n".as_bytes()));
    write(d, "d.tsv", "id\ttext\nr9\tنص خامس\n".as_bytes());
    write(d, "e.txt.gz", &gz("نص سادس".as_bytes()));
    write(d, "f.html.gz", &gz(common::page("").as_bytes()));
    write(d, "g.json", r#"{"version": "https://jsonfeed.org/version/1.1", "title": "م", "items": [{"id": "1", "content_text": "نص سابع"}]}"#.as_bytes());
    write(d, "h.gz", &gz(b"what am I"));
    let root = d.display().to_string();
    let got = outcomes(read_any(d, &ReadOptions::default()).collect());
    let ok = |n: &str, t: &str| Ok((format!("{root}/{n}"), t.to_string()));
    assert_eq!(got[..7], [
        ok("a.json:1", "نص أول"),
        ok("a.json:2", "نص ثان"),
        ok("b.csv.gz:2", "نص ثالث"),
        ok("c.jsonl.gz:1", "نص رابع"),
        Err(format!("{root}/c.jsonl.gz:2: record has no text field (looked for text, content, body, article, story; fields seen: x)")),
        ok("d.tsv:2", "نص خامس"),
        ok("e.txt.gz", "نص سادس"),
    ]);
    assert!(matches!(&got[7], Ok((s, t)) if s == &format!("{root}/f.html.gz") && t.contains(common::PARAS[0])));
    assert_eq!(got[8], ok("g.json#1", "نص سابع"));
    assert_eq!(got.len(), 9, "a .gz of an unknown kind in a folder is skipped");
    let e = read_any(&d.join("h.gz"), &ReadOptions::default()).next().unwrap().unwrap_err();
    assert!(matches!(e, InputError::Binary { .. }), "named explicitly, it is read as text and refused: {e}");
}

#[cfg(unix)]
#[test]
fn fifos_are_named_and_skipped_not_read() {
    use std::sync::mpsc;
    use std::time::Duration;
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_path_buf();
    write(&d, "a.txt", "نص".as_bytes());
    let fifo = d.join("b.txt");
    let status = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(status.success());
    write(&d, "c.txt", "نص آخر".as_bytes());
    let root = d.display().to_string();
    // Reading a FIFO would block forever: read in a thread and give up after a while.
    let (tx, rx) = mpsc::channel();
    let d2 = d.clone();
    std::thread::spawn(move || {
        let folder = outcomes(read_any(&d2, &ReadOptions::default()).collect());
        let named = outcomes(read_any(&d2.join("b.txt"), &ReadOptions::default()).collect());
        let _ = tx.send((folder, named));
    });
    let (folder, named) = rx.recv_timeout(Duration::from_secs(20)).expect("reading did not block on the FIFO");
    let msg = format!("{root}/b.txt: not a regular file (a FIFO); skipped");
    assert_eq!(
        folder,
        [
            Ok((format!("{root}/a.txt"), "نص".to_string())),
            Err(msg.clone()),
            Ok((format!("{root}/c.txt"), "نص آخر".to_string()))
        ]
    );
    assert_eq!(named, [Err(msg)]);
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_are_read() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xE9.txt");
    let path = dir.path().join(name);
    if fs::write(&path, "نص".as_bytes()).is_err() {
        return; // a file system that refuses such names (none on Linux)
    }
    let got: Vec<_> = read_any(dir.path(), &ReadOptions::default()).collect();
    assert_eq!(got.len(), 1);
    let doc = got[0].as_ref().unwrap();
    assert_eq!(doc.raw, "نص");
    assert!(doc.meta.source.ends_with("caf\u{FFFD}.txt"), "{}", doc.meta.source);
}

/// Publication dates are parsed once, at the reader's gate: normalized when
/// they are dates in 1800–2200, else dropped with a warning naming the value
/// (the article is kept, and `--published` stands in).
#[test]
fn publication_dates_are_normalized_or_dropped_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let lines = [
        r#"{"text": "نص أول", "date": "2019-11-03 14:05:09"}"#,
        r#"{"text": "نص ثان", "pubDate": "Sun, 03 Nov 2019 14:05:09 +0200"}"#,
        r#"{"text": "نص ثالث", "published": "0000-00-00"}"#,
        r#"{"text": "نص رابع", "published": "2919-11-03"}"#,
        r#"{"text": "نص خامس"}"#,
    ];
    write(d, "a.jsonl", lines.join("\n").as_bytes());
    let opts = ReadOptions { published: Some("2019-11-01".into()), ..Default::default() };
    let docs: Vec<_> = read_any(&d.join("a.jsonl"), &opts).map(|r| r.unwrap()).collect();
    let published: Vec<Option<&str>> = docs.iter().map(|x| x.meta.published.as_deref()).collect();
    assert_eq!(
        published,
        [
            Some("2019-11-03T14:05:09"),
            Some("2019-11-03T14:05:09+02:00"),
            Some("2019-11-01"),
            Some("2019-11-01"),
            Some("2019-11-01")
        ]
    );
    assert!(docs[0].warnings.is_empty() && docs[1].warnings.is_empty());
    let bad: Vec<&str> = docs[2..4].iter().map(|x| x.warnings[0].message.as_str()).collect();
    assert_eq!(bad[0], "published date \"0000-00-00\" is not a date (ISO 8601 or RFC 2822); ignored");
    assert_eq!(bad[1], "published date \"2919-11-03\" is outside the years 1800–2200; ignored");
    assert!(docs[2..4].iter().all(|x| x.warnings[0].code == "bad_date"));
}
