//! `Fetcher` against a local HTTP server started by the test.

mod common;

use std::thread;

use isnad_input::{InputError, ReadOptions};
use isnad_sources::Fetcher;
use tiny_http::{Header, Response, Server};

/// Starts a server on 127.0.0.1 serving a feed, an article, a big page and 404s; returns its base URL.
fn serve() -> String {
    let server = Server::http("127.0.0.1:0").expect("bind a local port");
    let base = format!("http://{}", server.server_addr().to_ip().expect("an IP address"));
    let feed = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>جريدة الحقول</title>
<item><title>خطة لدعم المزارعين</title><link>{base}/article</link><description>أعلنت الوزارة خطة جديدة.</description></item>
<item><title>خبر محذوف</title><link>{base}/missing</link><description>ملخص خبر محذوف.</description></item>
<item><title>خبر طويل</title><link>{base}/never-fetched</link><description>{long}</description></item>
</channel></rss>"#,
        long = "نص طويل بما يكفي. ".repeat(40)
    );
    thread::spawn(move || {
        for req in server.incoming_requests() {
            let html = Header::from_bytes("Content-Type", "text/html; charset=utf-8").expect("header");
            let resp = match req.url() {
                "/feed.xml" => Response::from_string(feed.clone())
                    .with_header(Header::from_bytes("Content-Type", "application/rss+xml").expect("header")),
                "/article" => Response::from_string(common::page("")).with_header(html),
                "/big" => Response::from_string("<p>كبير</p>".repeat(1000)).with_header(html),
                // No Content-Length: sent chunked, so only the streaming limit can stop it.
                "/big-chunked" => Response::new(
                    tiny_http::StatusCode(200),
                    vec![html],
                    std::io::Cursor::new("<p>كبير</p>".repeat(1000).into_bytes()),
                    None,
                    None,
                ),
                _ => Response::from_string("not found").with_status_code(404),
            };
            let _ = req.respond(resp);
        }
    });
    base
}

#[test]
fn a_feed_is_fetched_and_parsed() {
    let base = serve();
    let fetcher = Fetcher::new().unwrap();
    let docs: Vec<_> = fetcher.read_feed_url(&format!("{base}/feed.xml"), &ReadOptions::default()).collect();
    assert_eq!(docs.len(), 3);
    let a = docs[0].as_ref().unwrap();
    assert_eq!(a.meta.source, format!("{base}/feed.xml#1"));
    assert_eq!(a.meta.title.as_deref(), Some("خطة لدعم المزارعين"));
    assert_eq!(a.meta.url.as_deref(), Some(format!("{base}/article").as_str()));
    assert_eq!(a.meta.outlet.as_deref(), Some("جريدة الحقول"));
    assert_eq!(a.raw, "أعلنت الوزارة خطة جديدة.");
}

#[test]
fn following_short_entries_fetches_their_pages() {
    let base = serve();
    let fetcher = Fetcher::new().unwrap().follow(true);
    let items: Vec<_> = fetcher.read_feed_url(&format!("{base}/feed.xml"), &ReadOptions::default()).collect();
    assert_eq!(items.len(), 4, "{items:#?}");
    let a = items[0].as_ref().unwrap();
    assert_eq!(a.meta.title.as_deref(), Some("خطة لدعم المزارعين"), "the feed's title is kept");
    for p in common::PARAS {
        assert!(a.raw.contains(p), "article text fetched: {}", a.raw);
    }
    // The 404: a clean error naming the URL, then the entry with its summary.
    let missing = format!("{base}/missing");
    match &items[1] {
        Err(e @ InputError::Fetch { file, message }) => {
            assert_eq!(*file, missing);
            assert!(message.contains("404"), "{message}");
            assert!(e.to_string().contains(&missing));
        }
        other => panic!("expected a fetch error, got {other:?}"),
    }
    assert_eq!(items[2].as_ref().unwrap().raw, "ملخص خبر محذوف.");
    // A long entry is not followed.
    assert!(items[3].as_ref().unwrap().raw.starts_with("نص طويل"));
}

#[test]
fn errors_name_the_url() {
    let base = serve();
    let fetcher = Fetcher::new().unwrap().max_bytes(5_000);
    let big = format!("{base}/big");
    let e = fetcher.fetch(&big).unwrap_err();
    assert!(matches!(&e, InputError::Fetch { file, message } if *file == big && message.contains("limit")), "{e:?}");
    assert!(fetcher.clone().max_bytes(1 << 20).fetch(&big).is_ok());
    let chunked = format!("{base}/big-chunked");
    let e = fetcher.fetch(&chunked).unwrap_err();
    assert!(
        matches!(&e, InputError::Fetch { file, message } if *file == chunked && message.contains("limit")),
        "{e:?}"
    );
    assert_eq!(fetcher.clone().max_bytes(1 << 20).fetch(&chunked).unwrap().bytes.len(), "<p>كبير</p>".len() * 1000);
    let e = fetcher.fetch_html(&format!("{base}/nope"), &ReadOptions::default()).unwrap_err();
    assert!(matches!(&e, InputError::Fetch { message, .. } if message.contains("404")), "{e:?}");
    for bad in ["file:///etc/passwd", "ftp://example.com/x", "not a url"] {
        let e = fetcher.fetch(bad).unwrap_err();
        assert!(matches!(&e, InputError::Fetch { file, .. } if file == bad), "{e:?}");
    }
    // Not a feed.
    let items: Vec<_> = fetcher.read_feed_url(&format!("{base}/article"), &ReadOptions::default()).collect();
    assert!(matches!(&items[..], [Err(InputError::Malformed { format: "feed", .. })]), "{items:?}");
    // A closed port.
    let closed = {
        let s = Server::http("127.0.0.1:0").unwrap();
        format!("http://{}/", s.server_addr().to_ip().unwrap())
    };
    let e = fetcher.fetch(&closed).unwrap_err();
    assert!(matches!(&e, InputError::Fetch { file, .. } if *file == closed), "{e:?}");
}

#[test]
fn a_page_url_is_extracted() {
    let base = serve();
    let url = format!("{base}/article");
    let opts = ReadOptions { outlet: Some("منفذ".into()), ..Default::default() };
    let doc = Fetcher::new().unwrap().fetch_html(&url, &opts).unwrap();
    assert_eq!(doc.meta.source, url);
    assert_eq!(doc.meta.url.as_deref(), Some(url.as_str()));
    assert_eq!(doc.meta.outlet.as_deref(), Some("منفذ"));
    assert!(doc.raw.contains(common::PARAS[3]));
}

#[test]
fn read_url_tells_feeds_from_pages() {
    let base = serve();
    let fetcher = Fetcher::new().unwrap();
    let feed: Vec<_> = fetcher.read_url(&format!("{base}/feed.xml"), &ReadOptions::default()).collect();
    assert_eq!(feed.len(), 3);
    assert!(feed.iter().all(|d| d.as_ref().is_ok_and(|d| d.meta.outlet.as_deref() == Some("جريدة الحقول"))));
    let page: Vec<_> = fetcher.read_url(&format!("{base}/article"), &ReadOptions::default()).collect();
    assert_eq!(page.len(), 1);
    assert!(page[0].as_ref().unwrap().raw.contains(common::PARAS[1]));
    let missing: Vec<_> = fetcher.read_url(&format!("{base}/gone"), &ReadOptions::default()).collect();
    assert!(matches!(&missing[..], [Err(InputError::Fetch { .. })]));
}
