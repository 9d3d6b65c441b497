//! `read_warc` on archives written by hand: plain, gzipped per record, truncated.

mod common;

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;
use isnad_input::{InputError, ReadOptions};
use isnad_sources::read_warc;

/// One WARC record with an HTTP response block.
fn record(kind: &str, uri: &str, date: &str, http: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\nWARC-Record-ID: <urn:uuid:{}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        uri.len(),
        http.len()
    )
    .into_bytes();
    r.extend_from_slice(http);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(status: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut h = format!("HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n", body.len())
        .into_bytes();
    h.extend_from_slice(body);
    h
}

/// The archive: a warcinfo record, a page with a date, a 404, an image, a
/// Windows-1256 page without a date, a chunked page.
fn records() -> Vec<Vec<u8>> {
    let dated = common::page(r#"<meta property="article:published_time" content="2024-02-01T09:00:00Z">"#);
    let undated = common::page("").replace("<meta charset=\"utf-8\">", "");
    let (undated_1256, _, _) = encoding_rs::WINDOWS_1256.encode(&undated);
    let chunked_body = common::page("");
    let (a, b) = chunked_body.as_bytes().split_at(chunked_body.find("<body>").unwrap_or(0));
    let mut chunked =
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    for part in [a, b] {
        chunked.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
        chunked.extend_from_slice(part);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    vec![
        b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 9\r\n\r\nsoftware:\r\n\r\n".to_vec(),
        record(
            "response",
            "https://example.com/a",
            "2024-02-03T00:00:00Z",
            &http("200 OK", "text/html; charset=utf-8", dated.as_bytes()),
        ),
        record(
            "response",
            "https://example.com/missing",
            "2024-02-03T00:00:00Z",
            &http("404 Not Found", "text/html", b"<p>not found</p>"),
        ),
        record(
            "response",
            "https://example.com/i.png",
            "2024-02-03T00:00:00Z",
            &http("200 OK", "image/png", b"\x89PNG\r\n"),
        ),
        record("request", "https://example.com/a", "2024-02-03T00:00:00Z", b"GET /a HTTP/1.1\r\n\r\n"),
        record(
            "response",
            "https://example.com/b",
            "2024-02-04T11:00:00Z",
            &http("200 OK", "text/html; charset=windows-1256", &undated_1256),
        ),
        record("response", "https://example.com/c", "2024-02-05T00:00:00Z", &chunked),
    ]
}

fn write(dir: &Path, name: &str, gz: bool) -> PathBuf {
    let p = dir.join(name);
    let mut out = Vec::new();
    for r in records() {
        if gz {
            let mut e = GzEncoder::new(Vec::new(), Compression::default());
            e.write_all(&r).unwrap();
            out.extend(e.finish().unwrap());
        } else {
            out.extend(r);
        }
    }
    std::fs::write(&p, out).unwrap();
    p
}

fn check_archive(path: &Path) {
    let name = path.display().to_string();
    let docs: Vec<_> = read_warc(path, &ReadOptions::default()).collect::<Result<_, _>>().unwrap();
    assert_eq!(docs.len(), 3, "{docs:#?}");
    let (a, b, c) = (&docs[0], &docs[1], &docs[2]);
    assert_eq!(a.meta.source, format!("{name}#2"));
    assert_eq!(a.meta.url.as_deref(), Some("https://example.com/a"));
    assert_eq!(a.meta.published.as_deref(), Some("2024-02-01T09:00:00+00:00"), "the page's date wins");
    assert!(a.raw.contains(common::PARAS[0]) && a.raw.contains(common::PARAS[3]));
    assert_eq!(b.meta.source, format!("{name}#6"));
    assert!(b.raw.contains(common::PARAS[1]), "windows-1256 decoded: {}", b.raw);
    assert_eq!(b.meta.published.as_deref(), Some("2024-02-04T11:00:00+00:00"), "crawl date as a fallback");
    assert!(b.warnings.iter().any(|w| w.code == "published_from_crawl_date"));
    assert_eq!(c.meta.source, format!("{name}#7"));
    assert!(c.raw.contains(common::PARAS[2]), "chunked body decoded: {}", c.raw);
}

#[test]
fn plain_and_gzipped_archives_give_the_html_pages() {
    let dir = tempfile::tempdir().unwrap();
    check_archive(&write(dir.path(), "crawl.warc", false));
    check_archive(&write(dir.path(), "crawl.warc.gz", true));
}

#[test]
fn published_option_beats_the_crawl_date() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "crawl.warc.gz", true);
    let opts =
        ReadOptions { published: Some("2024-01-01".into()), outlet: Some("منفذ".into()), ..Default::default() };
    let docs: Vec<_> = read_warc(&p, &opts).collect::<Result<_, _>>().unwrap();
    assert_eq!(docs[0].meta.published.as_deref(), Some("2024-02-01T09:00:00+00:00"));
    assert_eq!(docs[1].meta.published.as_deref(), Some("2024-01-01"));
    assert_eq!(docs[1].meta.outlet.as_deref(), Some("منفذ"));
}

#[test]
fn a_truncated_gzip_archive_gives_the_good_records_then_one_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "cut.warc.gz", true);
    let bytes = std::fs::read(&p).unwrap();
    std::fs::write(&p, &bytes[..bytes.len() - 200]).unwrap();
    let items: Vec<_> = read_warc(&p, &ReadOptions::default()).collect();
    assert_eq!(items.len(), 3, "{items:#?}");
    assert_eq!(items[0].as_ref().unwrap().meta.source, format!("{}#2", p.display()));
    assert_eq!(items[1].as_ref().unwrap().meta.source, format!("{}#6", p.display()));
    match &items[2] {
        Err(e @ InputError::Malformed { format: "gzip", record: Some(7), file, .. }) => {
            assert_eq!(*file, p.display().to_string());
            assert!(e.to_string().contains(":7"), "{e}");
        }
        other => panic!("expected a gzip error on record 7, got {other:?}"),
    }
}

#[test]
fn a_truncated_plain_archive_and_garbage() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "cut.warc", false);
    let bytes = std::fs::read(&p).unwrap();
    std::fs::write(&p, &bytes[..bytes.len() - 100]).unwrap();
    let items: Vec<_> = read_warc(&p, &ReadOptions::default()).collect();
    assert_eq!(items.len(), 3);
    assert!(matches!(&items[2], Err(InputError::Malformed { format: "warc", record: Some(7), .. })), "{items:?}");

    let g = dir.path().join("garbage.warc");
    std::fs::write(&g, "ليس أرشيفا\nسطر").unwrap();
    let items: Vec<_> = read_warc(&g, &ReadOptions::default()).collect();
    assert!(matches!(&items[..], [Err(InputError::Malformed { format: "warc", record: Some(1), .. })]), "{items:?}");

    let e = read_warc(&dir.path().join("none.warc"), &ReadOptions::default()).next().unwrap().unwrap_err();
    assert!(matches!(e, InputError::Io { .. }));
    std::fs::write(&g, "").unwrap();
    assert_eq!(read_warc(&g, &ReadOptions::default()).count(), 0);
}

#[test]
fn records_over_the_size_limit_are_refused_and_reading_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "crawl.warc.gz", true);
    let opts = ReadOptions { max_bytes: 1_000, ..Default::default() };
    let items: Vec<_> = read_warc(&p, &opts).collect();
    let sources: Vec<String> = items
        .iter()
        .filter_map(|i| match i {
            Err(InputError::TooLarge { file, limit: 1_000, .. }) => {
                Some(file.rsplit('#').next().unwrap_or("").to_string())
            }
            _ => None,
        })
        .collect();
    assert_eq!(sources, ["2", "6", "7"], "{items:?}");
    assert!(items.iter().all(|i| !matches!(i, Err(InputError::Malformed { .. }))));
}
