//! Garbage in, no panic out: a fixed-seed PRNG throws broken inputs at every reader.

use std::io::Write;

use flate2::write::GzEncoder;
use flate2::Compression;
use isnad_input::{InputError, ReadOptions};
use isnad_sources::{extract_html, parse_feed, read_warc, text::html_to_text};

/// xorshift64*: small, deterministic.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

const PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<div class=\"x\">",
    "</div>",
    "<script>",
    "</script>",
    "<table><tr><td>",
    "<br>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&#1604;",
    "&#xFFFFFF;",
    "&",
    "<",
    ">",
    "\"",
    "نص عربي ",
    "خبر ",
    "\u{FEFF}",
    "\u{200F}",
    "<meta property=\"og:title\" content=\"",
    "<script type=\"application/ld+json\">{\"@type\": [",
    "{\"@graph\": [[[[",
    "<time datetime=\"9999-99-99\">",
    "<html lang=\"ar\">",
    "<body>",
    "<article>",
    "\0",
    "<svg><math><style>",
    "<item>",
    "<rss version=\"2.0\"><channel>",
    "<title>",
    "<feed xmlns=\"http://www.w3.org/2005/Atom\">",
    "<entry>",
    "<description>",
    "</item>",
    "<?xml version=\"1.0\"?>",
    "{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [",
];

fn garbage(rng: &mut Rng) -> Vec<u8> {
    let mut out = Vec::new();
    for _ in 0..rng.below(60) {
        if rng.below(5) == 0 {
            let n = rng.below(20);
            out.extend(rng.bytes(n));
        } else {
            out.extend_from_slice(PIECES[rng.below(PIECES.len())].as_bytes());
        }
    }
    // Sometimes deep nesting.
    if rng.below(10) == 0 {
        out.extend("<div>".repeat(2_000).as_bytes());
    }
    // Sometimes cut anywhere (possibly inside a UTF-8 sequence).
    let cut = rng.below(out.len() + 1);
    out.truncate(cut.max(out.len() / 2));
    out
}

#[test]
fn html_and_feeds_survive_garbage() {
    let mut rng = Rng(0x1234_5678_9ABC_DEF1);
    let opts = ReadOptions::default();
    for i in 0..300 {
        let bytes = garbage(&mut rng);
        let text = String::from_utf8_lossy(&bytes);
        let _ = html_to_text(&text);
        if let Ok(doc) = extract_html(&text, "fuzz.html", Some("https://example.com/x")) {
            assert!(!doc.raw.trim().is_empty(), "case {i}: an Ok document has text");
            assert!(
                !doc.raw.chars().any(|c| c.is_control() && c != '\n'),
                "case {i}: control characters in {:?}",
                doc.raw
            );
        }
        let _ = parse_feed(&bytes, "fuzz.xml", &opts);
    }
}

#[test]
fn warc_reader_survives_garbage() {
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(0xDEAD_BEEF_CAFE_F00D);
    let http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>نص الصفحة</p>";
    let good = format!("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n", http.len());
    for i in 0..200 {
        let mut raw = Vec::new();
        match i % 4 {
            // Random bytes, possibly behind a gzip signature.
            0 => {
                if rng.below(2) == 0 {
                    raw.extend_from_slice(&[0x1f, 0x8b, 8, 0]);
                }
                let n = rng.below(4000);
                raw.extend(rng.bytes(n));
            }
            // Good gzip members with random bytes spliced in.
            1 => {
                for _ in 0..3 {
                    let mut e = GzEncoder::new(Vec::new(), Compression::fast());
                    e.write_all(good.as_bytes()).unwrap();
                    raw.extend(e.finish().unwrap());
                }
                let at = rng.below(raw.len());
                let n = rng.below(30);
                let noise = rng.bytes(n);
                raw.splice(at..at, noise);
            }
            // A WARC header with lying lengths and garbage headers.
            2 => {
                let len = ["99999999999", "-5", "abc", "10", "0", ""][rng.below(6)];
                raw.extend(format!("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: {len}\r\n\r\n").as_bytes());
                raw.extend(garbage(&mut rng));
            }
            // Plain records cut anywhere.
            _ => {
                raw.extend(good.repeat(3).as_bytes());
                let cut = rng.below(raw.len());
                raw.truncate(cut);
            }
        }
        let p = dir.path().join(format!("f{i}.warc.gz"));
        std::fs::write(&p, &raw).unwrap();
        let opts = ReadOptions { max_bytes: 1 << 20, ..Default::default() };
        let items: Vec<_> = read_warc(&p, &opts).take(100).collect();
        assert!(items.len() < 100, "case {i}: the reader ends");
        // Damage ends the archive: at most one gzip/warc error, and it is the last item.
        let damage: Vec<usize> = items
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, Err(InputError::Malformed { format: "gzip" | "warc", .. })))
            .map(|(k, _)| k)
            .collect();
        assert!(damage.len() <= 1 && damage.iter().all(|k| k + 1 == items.len()), "case {i}: {items:?}");
        if i % 4 == 3 {
            // Cut plain records: every complete record before the cut is read.
            let complete = raw.len() / good.len();
            let docs = items.iter().filter(|r| r.is_ok()).count();
            assert!(docs >= complete.min(3) && docs <= 3, "case {i}: {items:?}");
        }
    }
}

#[test]
fn deeply_nested_pages_do_not_overflow_the_stack() {
    for depth in [250, 500, 5_000, 20_000] {
        let t = std::time::Instant::now();
        let html =
            format!("<html><body>{}<p>نص عميق جدا</p>{}</body></html>", "<div>".repeat(depth), "</div>".repeat(depth));
        let doc = extract_html(&html, "deep.html", None).unwrap();
        assert!(doc.raw.contains("نص عميق جدا"), "depth {depth}");
        let nested_inline = format!("<p>{}كلمة</p>", "<b><i>".repeat(depth));
        assert_eq!(html_to_text(&nested_inline), "كلمة");
        println!("depth {depth}: {:?}", t.elapsed());
    }
}
