//! `extract_html` on pages written for these tests.

mod common;

use common::{page, PARAS};
use isnad_input::InputError;
use isnad_sources::extract_html;

#[test]
fn main_text_is_the_article_as_paragraphs() {
    let doc = extract_html(&page(""), "p.html", None).unwrap();
    let paras: Vec<&str> = doc.raw.split("\n\n").collect();
    for p in PARAS {
        assert!(paras.contains(&p), "missing paragraph {p:?} in\n{}", doc.raw);
    }
    for noise in ["الرئيسية", "الأكثر قراءة", "جميع الحقوق", "إعلان", "<p>"] {
        assert!(!doc.raw.contains(noise), "{noise:?} leaked into\n{}", doc.raw);
    }
    assert_eq!(doc.meta.source, "p.html");
    assert_eq!(doc.meta.title.as_deref(), Some("خطة لدعم المزارعين | جريدة الحقول"));
    assert_eq!(doc.meta.lang.as_deref(), Some("ar"));
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
}

#[test]
fn open_graph_and_json_ld_metadata() {
    let head = r#"<meta property="og:title" content="عنوان من أوبن غراف">
<meta property="og:site_name" content="جريدة الحقول">
<meta property="og:url" content="https://example.com/og">
<link rel="canonical" href="https://example.com/canonical">
<meta name="author" content="كاتب من الوسم">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "موقع"},
  {"@type": ["NewsArticle"], "headline": "عنوان من جيسون", "datePublished": "2024-03-05T08:30:00+02:00",
   "author": [{"@type": "Person", "name": "سارة أحمد"}, "خالد يوسف"],
   "publisher": {"@type": "Organization", "name": "ناشر جيسون"}}]}</script>"#;
    let doc = extract_html(&page(head), "p.html", None).unwrap();
    let m = &doc.meta;
    assert_eq!(m.title.as_deref(), Some("عنوان من أوبن غراف"));
    assert_eq!(m.outlet.as_deref(), Some("جريدة الحقول"));
    assert_eq!(m.published.as_deref(), Some("2024-03-05T08:30:00+02:00"));
    assert_eq!(m.author.as_deref(), Some("سارة أحمد، خالد يوسف"));
    assert_eq!(m.url.as_deref(), Some("https://example.com/og"));
    // The URL given wins.
    let doc = extract_html(&page(head), "p.html", Some("https://example.com/given")).unwrap();
    assert_eq!(doc.meta.url.as_deref(), Some("https://example.com/given"));
}

#[test]
fn json_ld_fills_what_meta_tags_lack() {
    let head = r#"<link rel="canonical" href="https://example.com/canonical">
<script type="application/ld+json">[{"@type": "BreadcrumbList"},
 {"@type": "ReportageNewsArticle", "headline": "عنوان التقرير", "datePublished": "2023-11-02",
  "author": {"name": "منى علي"}, "publisher": {"name": "وكالة الأنباء"}}]</script>"#;
    let doc = extract_html(&page(head), "p.html", None).unwrap();
    let m = &doc.meta;
    assert_eq!(m.title.as_deref(), Some("عنوان التقرير"));
    assert_eq!(m.outlet.as_deref(), Some("وكالة الأنباء"));
    assert_eq!(m.published.as_deref(), Some("2023-11-02"));
    assert_eq!(m.author.as_deref(), Some("منى علي"));
    assert_eq!(m.url.as_deref(), Some("https://example.com/canonical"));
}

#[test]
fn broken_json_ld_is_a_warning_and_other_sources_are_used() {
    let head = r#"<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
<meta property="article:published_time" content="not a date">
<meta name="pubdate" content="2022-07-14">"#;
    let body_time = page(head).replace("<h1>", "<time datetime=\"nonsense\"></time><h1>");
    let doc = extract_html(&body_time, "p.html", None).unwrap();
    assert!(doc.warnings.iter().any(|w| w.code == "bad_json_ld"), "{:?}", doc.warnings);
    assert!(doc.warnings.iter().any(|w| w.code == "bad_date"));
    assert_eq!(doc.meta.published.as_deref(), Some("2022-07-14"));
    assert_eq!(doc.meta.title.as_deref(), Some("خطة لدعم المزارعين | جريدة الحقول"));
    assert_eq!(doc.raw.split("\n\n").filter(|p| PARAS.contains(p)).count(), 4);
}

#[test]
fn time_element_gives_the_date() {
    let html = page("").replace("<h1>", "<time datetime=\"2021-01-09T10:00:00Z\">٩ يناير</time><h1>");
    let doc = extract_html(&html, "p.html", None).unwrap();
    assert_eq!(doc.meta.published.as_deref(), Some("2021-01-09T10:00:00+00:00"), "normalized");
}

#[test]
fn short_pages_fall_back_to_the_body_text() {
    let doc =
        extract_html("<html><body><div>خبر قصير جدا</div><div>سطر ثان</div></body></html>", "s.html", None).unwrap();
    assert!(doc.raw.contains("خبر قصير جدا"), "{}", doc.raw);
    assert!(doc.raw.contains("سطر ثان"));
    let doc = extract_html("نص بلا وسوم &amp; كيان", "t.html", None).unwrap();
    assert_eq!(doc.raw, "نص بلا وسوم & كيان");
}

#[test]
fn pages_without_text_are_empty_documents() {
    for html in
        ["", "   ", "<html><head><title>عنوان</title></head><body><script>x()</script></body></html>", "<br><hr>"]
    {
        let e = extract_html(html, "empty.html", None).unwrap_err();
        assert!(matches!(&e, InputError::Empty { file, record: None } if file == "empty.html"), "{e:?}");
    }
}
