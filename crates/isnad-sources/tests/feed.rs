//! `parse_feed` on RSS 2, RSS 1, Atom and JSON Feed written for these tests.

use isnad_input::{InputError, ReadOptions};
use isnad_sources::parse_feed;

const RSS2: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>جريدة الحقول</title><link>https://example.com/</link><description>أخبار</description>
<item><title>افتتاح سوق جديد</title><link>https://example.com/souq</link><guid>souq-1</guid>
<pubDate>Tue, 05 Mar 2024 10:00:00 +0300</pubDate><dc:creator>ليلى حسن</dc:creator>
<description>ملخص قصير</description>
<content:encoded><![CDATA[<p>افتتحت البلدية سوقا جديدا للخضار.</p><p>ويضم السوق &amp; ملحقاته مئتي محل.</p><script>x()</script>]]></content:encoded></item>
<item><title>خبر بلا نص</title><link>https://example.com/empty</link><description></description></item>
<item><title>موجز</title><link>https://example.com/brief</link><description>&lt;p&gt;فقرة أولى&lt;/p&gt;&lt;p&gt;فقرة ثانية&lt;/p&gt;</description></item>
</channel></rss>"#;

#[test]
fn rss2_entries_become_documents() {
    let docs = parse_feed(RSS2.as_bytes(), "f.rss", &ReadOptions::default()).unwrap();
    assert_eq!(docs.len(), 3, "the entry without text is kept, empty, for the reader to report");
    assert_eq!((docs[1].meta.source.as_str(), docs[1].raw.as_str()), ("f.rss#2", ""));
    let a = &docs[0];
    assert_eq!(a.meta.source, "f.rss#1");
    assert_eq!(a.meta.title.as_deref(), Some("افتتاح سوق جديد"));
    assert_eq!(a.meta.url.as_deref(), Some("https://example.com/souq"));
    assert_eq!(a.meta.outlet.as_deref(), Some("جريدة الحقول"));
    assert_eq!(a.meta.published.as_deref(), Some("2024-03-05T07:00:00+00:00"));
    assert_eq!(a.meta.author.as_deref(), Some("ليلى حسن"));
    assert_eq!(a.meta.record_id.as_deref(), Some("souq-1"));
    assert_eq!(a.raw, "افتتحت البلدية سوقا جديدا للخضار.\n\nويضم السوق & ملحقاته مئتي محل.");
    assert!(a.warnings.is_empty());
    let b = &docs[2];
    assert_eq!(b.meta.source, "f.rss#3");
    assert_eq!(b.raw, "فقرة أولى\n\nفقرة ثانية");
    assert!(b.warnings.iter().any(|w| w.code == "summary_only"));
}

#[test]
fn atom_rss1_and_json_feed() {
    let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>مدونة المطر</title><id>urn:x</id><updated>2024-01-02T00:00:00Z</updated>
<entry><title type="html">&lt;b&gt;غيوم&lt;/b&gt; كثيفة</title><id>urn:e1</id><updated>2024-01-02T08:00:00Z</updated>
<link rel="enclosure" href="https://example.com/a.mp3"/><link rel="alternate" href="https://example.com/rain"/>
<author><name>سمير</name></author><author><name>هدى</name></author>
<summary type="text">هطلت أمطار غزيرة.</summary></entry></feed>"#;
    let docs = parse_feed(atom.as_bytes(), "a.atom", &ReadOptions::default()).unwrap();
    assert_eq!(docs.len(), 1);
    let m = &docs[0].meta;
    assert_eq!(m.title.as_deref(), Some("غيوم كثيفة"));
    assert_eq!(m.url.as_deref(), Some("https://example.com/rain"));
    assert_eq!(m.published.as_deref(), Some("2024-01-02T08:00:00+00:00"), "updated when not published");
    assert_eq!(m.author.as_deref(), Some("سمير، هدى"));
    assert_eq!(docs[0].raw, "هطلت أمطار غزيرة.");

    let rss1 = r#"<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://example.com/"><title>نشرة</title><link>https://example.com/</link><description>د</description></channel>
<item rdf:about="https://example.com/x"><title>عنوان</title><link>https://example.com/x</link><description>نص الخبر الأول</description></item>
</rdf:RDF>"#;
    let docs = parse_feed(rss1.as_bytes(), "r.xml", &ReadOptions::default()).unwrap();
    assert_eq!((docs.len(), docs[0].raw.as_str()), (1, "نص الخبر الأول"));
    assert_eq!(docs[0].meta.outlet.as_deref(), Some("نشرة"));

    let json = r#"{"version": "https://jsonfeed.org/version/1.1", "title": "موجز", "items": [
      {"id": "1", "url": "https://example.com/j", "title": "عنوان", "content_html": "<p>أ</p><p>ب</p>",
       "date_published": "2024-04-01T12:00:00+02:00", "authors": [{"name": "ريم"}]}]}"#;
    let opts =
        ReadOptions {
            outlet: Some("لا يستعمل".into()), published: Some("2000-01-01".into()), ..Default::default()
        };
    let docs = parse_feed(json.as_bytes(), "j.json", &opts).unwrap();
    assert_eq!(docs[0].raw, "أ\n\nب");
    assert_eq!(docs[0].meta.outlet.as_deref(), Some("موجز"));
    assert_eq!(docs[0].meta.published.as_deref(), Some("2024-04-01T10:00:00+00:00"));
    assert_eq!(docs[0].meta.author.as_deref(), Some("ريم"));
}

#[test]
fn options_fill_gaps_and_bad_feeds_are_malformed() {
    let rss = r#"<rss version="2.0"><channel><item><description>نص</description></item></channel></rss>"#;
    let opts =
        ReadOptions { outlet: Some("منفذ".into()), published: Some("2024-05-06".into()), ..Default::default() };
    let docs = parse_feed(rss.as_bytes(), "x", &opts).unwrap();
    assert_eq!(docs[0].meta.outlet.as_deref(), Some("منفذ"));
    assert_eq!(docs[0].meta.published.as_deref(), Some("2024-05-06"));
    for bad in ["<rss><channel><item>", "ليس خلاصة", "", "{\"version\": 5}"] {
        let e = parse_feed(bad.as_bytes(), "bad.xml", &ReadOptions::default()).unwrap_err();
        assert!(
            matches!(&e, InputError::Malformed { format: "feed", file, .. } if file == "bad.xml"),
            "{bad:?}: {e:?}"
        );
    }
    let e = parse_feed(RSS2.as_bytes(), "big.xml", &ReadOptions { max_bytes: 10, ..Default::default() }).unwrap_err();
    assert!(matches!(e, InputError::TooLarge { .. }));
}
