//! HTML pages: main content (Readability) and metadata.

use std::panic::{catch_unwind, AssertUnwindSafe};

use dom_smoothie::{Config, Readability};
use isnad_input::{InputDoc, InputError};
use isnad_model::{Metadata, Warning};
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use crate::text::{html_to_text, squash, tree_to_text};
use crate::warning;

/// JSON-LD `@type`s that describe an article.
const ARTICLE_TYPES: &[&str] =
    &["NewsArticle", "Article", "ReportageNewsArticle", "BlogPosting", "AnalysisNewsArticle"];

/// Pages with more elements than this are not given to Readability (body text is used instead).
const MAX_ELEMENTS: usize = 200_000;

/// Pages nested deeper than this are not given to Readability, which recurses
/// over the tree and could overflow the stack (body text is used instead).
const MAX_DEPTH: usize = 256;

/// Extracts the main text and the metadata of an HTML page.
///
/// `raw` is the article's main content (found by [`dom_smoothie`], a
/// Readability port) as plain text, one paragraph per block, paragraphs
/// separated by a blank line. When Readability finds nothing, the body text
/// is used and a `no_main_content` warning is added. The metadata precedence
/// is described in the crate documentation. `source` becomes `meta.source`;
/// `url`, when given, is the page URL (it wins over `og:url` and the
/// canonical link).
///
/// # Errors
///
/// [`InputError::Empty`] when the page has no text at all.
pub fn extract_html(html: &str, source: &str, url: Option<&str>) -> Result<InputDoc, InputError> {
    let mut warnings = Vec::new();
    let doc = Html::parse_document(html);
    let mut meta = page_metadata(&doc, &mut warnings);
    meta.source = source.to_string();
    if let Some(u) = url.map(str::trim).filter(|u| !u.is_empty()) {
        meta.url = Some(u.to_string());
    }
    let mut raw =
        if depth(&doc) <= MAX_DEPTH { main_text(html, meta.url.as_deref()).unwrap_or_default() } else { String::new() };
    if raw.is_empty() {
        raw = body_text(&doc);
        if !raw.is_empty() {
            warnings.push(warning("no_main_content", "no main content found; the whole body text is used"));
        }
    }
    if isnad_input::is_blank(&raw) {
        return Err(InputError::Empty { file: source.to_string(), record: None });
    }
    Ok(InputDoc { meta, raw, warnings })
}

/// The Readability main content as paragraphs, or `None`.
fn main_text(html: &str, url: Option<&str>) -> Option<String> {
    let cfg = Config { max_elements_to_parse: MAX_ELEMENTS, ..Config::default() };
    // Readability wants an absolute http(s) URL; it only resolves links with it.
    let url = url.filter(|u| crate::is_url(u));
    // A safety net: a bug in the third-party parser must not take the caller down.
    let content = catch_unwind(AssertUnwindSafe(|| {
        let mut r =
            Readability::new(html, url, Some(cfg.clone())).or_else(|_| Readability::new(html, None, Some(cfg))).ok()?;
        r.parse().ok().map(|a| a.content.to_string())
    }))
    .ok()??;
    let text = html_to_text(&content);
    (!text.is_empty()).then_some(text)
}

/// The deepest element nesting of the document (computed without recursion).
fn depth(doc: &Html) -> usize {
    let (mut cur, mut max) = (0usize, 0usize);
    for edge in doc.tree.root().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(_) => {
                cur += 1;
                max = max.max(cur);
            }
            ego_tree::iter::Edge::Close(_) => cur = cur.saturating_sub(1),
        }
    }
    max
}

/// The text of `<body>` (or of the whole document when it has none).
fn body_text(doc: &Html) -> String {
    match sel("body").and_then(|s| doc.select(&s).next()) {
        Some(body) => tree_to_text(*body),
        None => tree_to_text(doc.tree.root()),
    }
}

fn sel(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

fn first_attr(doc: &Html, selector: &str, attr: &str) -> Option<String> {
    let s = sel(selector)?;
    doc.select(&s).filter_map(|e| e.value().attr(attr)).map(squash).find(|v| !v.is_empty())
}

fn element_text(e: ElementRef<'_>) -> String {
    squash(&e.text().collect::<String>())
}

/// What the `<meta>` tags say, keyed by lower-case `property`/`name`/`itemprop`.
#[derive(Default)]
struct MetaTags(Vec<(String, String)>);

impl MetaTags {
    fn read(doc: &Html) -> Self {
        let mut tags = Vec::new();
        if let Some(s) = sel("meta") {
            for e in doc.select(&s) {
                let v = e.value();
                let Some(content) = v.attr("content").map(squash).filter(|c| !c.is_empty()) else { continue };
                for key in ["property", "name", "itemprop"].iter().filter_map(|k| v.attr(k)) {
                    tags.push((key.trim().to_ascii_lowercase(), content.clone()));
                }
            }
        }
        MetaTags(tags)
    }

    /// The first value of any of `keys`, in the order of `keys`.
    fn get(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.0.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()))
    }
}

/// What the JSON-LD article object says.
#[derive(Default, Debug)]
struct JsonLd {
    headline: Option<String>,
    published: Option<String>,
    authors: Vec<String>,
    publisher: Option<String>,
    url: Option<String>,
}

fn page_metadata(doc: &Html, warnings: &mut Vec<Warning>) -> Metadata {
    let tags = MetaTags::read(doc);
    let ld = json_ld(doc, warnings);
    let title_tag = sel("title").and_then(|s| doc.select(&s).next()).map(element_text).filter(|t| !t.is_empty());
    let title =
        tags.get(&["og:title"]).or_else(|| ld.headline.clone()).or(title_tag).or_else(|| tags.get(&["twitter:title"]));
    let outlet = tags.get(&["og:site_name"]).or_else(|| ld.publisher.clone());
    let published_candidates = [
        tags.get(&["article:published_time"]),
        ld.published.clone(),
        first_attr(doc, "time[datetime]", "datetime"),
        tags.get(&[
            "date",
            "pubdate",
            "publishdate",
            "datepublished",
            "og:published_time",
            "dc.date.issued",
            "dc.date",
            "dcterms.created",
            "sailthru.date",
            "parsely-pub-date",
        ]),
    ];
    let mut published = None;
    for c in published_candidates.into_iter().flatten() {
        match normalize_date(&c) {
            Some(d) => {
                published = Some(d);
                break;
            }
            None => warnings.push(warning("bad_date", format!("unreadable publication date {c:?} ignored"))),
        }
    }
    let author = if ld.authors.is_empty() {
        tags.get(&["author", "article:author", "dc.creator", "byl", "parsely-author"]).filter(|a| !crate::is_url(a))
    } else {
        Some(ld.authors.join("، "))
    };
    let url = tags
        .get(&["og:url"])
        .or_else(|| first_attr(doc, "link[rel=canonical]", "href"))
        .or_else(|| ld.url.clone())
        .filter(|u| crate::is_url(u));
    let lang =
        first_attr(doc, "html[lang]", "lang").or_else(|| tags.get(&["og:locale", "language", "content-language"]));
    Metadata { title, outlet, published, author, url, lang, ..Metadata::default() }
}

/// Reads the JSON-LD blocks; the first article object gives the fields.
fn json_ld(doc: &Html, warnings: &mut Vec<Warning>) -> JsonLd {
    let mut out = JsonLd::default();
    let Some(s) = sel("script[type]") else { return out };
    let mut found = false;
    for script in doc.select(&s) {
        let ty = script.value().attr("type").unwrap_or_default();
        if !ty.trim().eq_ignore_ascii_case("application/ld+json") {
            continue;
        }
        let text: String = script.text().collect();
        let text = text.trim();
        let text = text.strip_prefix("<![CDATA[").and_then(|t| t.strip_suffix("]]>")).unwrap_or(text).trim();
        if text.is_empty() {
            continue;
        }
        let value: Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => {
                warnings.push(warning("bad_json_ld", format!("a JSON-LD block is not valid JSON: {e}")));
                continue;
            }
        };
        if found {
            continue;
        }
        let mut objects = Vec::new();
        collect_objects(&value, 0, &mut objects);
        if let Some(article) = objects.iter().find(|o| is_article(o)) {
            found = true;
            out.headline = str_field(article, "headline").or_else(|| str_field(article, "name"));
            out.published = str_field(article, "datePublished");
            out.authors = names(article.get("author"));
            out.publisher = names(article.get("publisher")).into_iter().next();
            out.url = str_field(article, "url");
        }
    }
    out
}

/// Flattens arrays and `@graph`s into the list of objects (depth-bounded).
fn collect_objects<'a>(v: &'a Value, depth: usize, out: &mut Vec<&'a serde_json::Map<String, Value>>) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| collect_objects(i, depth + 1, out)),
        Value::Object(o) => {
            out.push(o);
            if let Some(g) = o.get("@graph") {
                collect_objects(g, depth + 1, out);
            }
        }
        _ => {}
    }
}

fn is_article(o: &serde_json::Map<String, Value>) -> bool {
    let matches = |t: &str| ARTICLE_TYPES.iter().any(|a| t.rsplit('/').next() == Some(a));
    match o.get("@type") {
        Some(Value::String(t)) => matches(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(matches),
        _ => false,
    }
}

fn str_field(o: &serde_json::Map<String, Value>, key: &str) -> Option<String> {
    let s = match o.get(key)? {
        Value::String(s) => squash(&html_to_text(s)),
        Value::Array(a) => a.iter().filter_map(Value::as_str).map(squash).find(|s| !s.is_empty())?,
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// Names from a JSON-LD person/organization value: a string, an object with
/// `name`, or an array of those.
fn names(v: Option<&Value>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: &str| {
        let s = squash(s);
        if !s.is_empty() && !crate::is_url(&s) && !out.contains(&s) {
            out.push(s);
        }
    };
    match v {
        Some(Value::String(s)) => add(s),
        Some(Value::Object(o)) => {
            if let Some(n) = o.get("name").and_then(Value::as_str) {
                add(n);
            }
        }
        Some(Value::Array(items)) => {
            for i in items {
                match i {
                    Value::String(s) => add(s),
                    Value::Object(o) => {
                        if let Some(n) = o.get("name").and_then(Value::as_str) {
                            add(n);
                        }
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
    out
}

/// Accepts a publication date as [`isnad_model::Published::parse`] does (ISO
/// 8601 or RFC 2822, a year in 1800–2200), normalized; an ISO date followed
/// by an unreadable time part gives the date. Anything else is `None`.
pub(crate) fn normalize_date(s: &str) -> Option<String> {
    let s = s.trim();
    let parsed = isnad_model::Published::parse(s).ok().or_else(|| {
        let head = s.get(..10).filter(|_| s.len() > 10)?;
        isnad_model::Published::parse(head).ok()
    });
    parsed.map(|p| p.to_iso())
}

/// Decodes the bytes of an HTML page: with `charset` (from an HTTP header)
/// when given and known, else the charset its `<meta>` declares, else by
/// [`isnad_input::decode`] (UTF-8, UTF-16 with BOM, Windows-1256).
/// A declared UTF-8 or UTF-16 charset also goes through [`isnad_input::decode`],
/// so a page that lies about being UTF-8 still reads.
///
/// # Errors
///
/// The errors of [`isnad_input::decode`] (binary or undecodable bytes).
pub fn decode_html(bytes: &[u8], charset: Option<&str>, name: &str) -> Result<(String, Vec<Warning>), InputError> {
    let label = charset.map(str::to_string).or_else(|| meta_charset(bytes));
    let encoding = label.as_deref().and_then(|l| encoding_rs::Encoding::for_label(l.trim().as_bytes()));
    match encoding {
        Some(enc) if enc != encoding_rs::UTF_8 && enc != encoding_rs::UTF_16LE && enc != encoding_rs::UTF_16BE => {
            if bytes.contains(&0) {
                return isnad_input::decode(bytes, name);
            }
            let (text, _, had_errors) = enc.decode(bytes);
            let mut warnings = Vec::new();
            if had_errors {
                warnings.push(warning(
                    "decode_errors",
                    format!("some bytes are not valid {}; replaced with U+FFFD", enc.name()),
                ));
            }
            Ok((text.into_owned(), warnings))
        }
        _ => isnad_input::decode(bytes, name),
    }
}

/// The charset a page declares in its first 4 KiB (`<meta charset>` or `http-equiv`).
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = head.get(from..)?.find("charset=") {
        let start = from + i + "charset=".len();
        let value: String = head
            .get(start..)?
            .trim_start_matches(['"', '\'', ' '])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
            .collect();
        // Only inside a <meta> tag.
        let tag_start = head.get(..start)?.rfind('<');
        if tag_start.is_some_and(|t| head.get(t..).is_some_and(|s| s.starts_with("<meta"))) && !value.is_empty() {
            return Some(value);
        }
        from = start;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(normalize_date(" 2024-01-29 ").as_deref(), Some("2024-01-29"));
        assert_eq!(normalize_date("2024-01-29T10:00:00+03:00").as_deref(), Some("2024-01-29T10:00:00+03:00"));
        assert_eq!(normalize_date("2024-01-29 garbage").as_deref(), Some("2024-01-29"));
        assert_eq!(normalize_date("Mon, 29 Jan 2024 10:00:00 +0300").as_deref(), Some("2024-01-29T10:00:00+03:00"));
        assert_eq!(normalize_date("2024-01-29T10:00:00.250Z").as_deref(), Some("2024-01-29T10:00:00+00:00"));
        assert_eq!(normalize_date("0024-01-29"), None, "a year outside 1800–2200");
        assert_eq!(normalize_date("2024-13-45"), None);
        assert_eq!(normalize_date("أمس"), None);
    }

    #[test]
    fn charsets() {
        let (enc, _, _) = encoding_rs::WINDOWS_1256.encode("<meta charset=\"windows-1256\"><p>مرحبا</p>");
        let (t, w) = decode_html(&enc, None, "x").unwrap();
        assert!(t.contains("مرحبا") && w.is_empty());
        let (enc, _, _) = encoding_rs::ISO_8859_6.encode("<p>سلام</p>");
        assert!(decode_html(&enc, Some("iso-8859-6"), "x").unwrap().0.contains("سلام"));
        let html = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\"><p>نص</p>";
        assert_eq!(meta_charset(html.as_bytes()).as_deref(), Some("utf-8"));
        assert_eq!(decode_html(html.as_bytes(), Some("bogus-charset"), "x").unwrap().0, html);
        assert_eq!(meta_charset(b"<p>charset=utf-8</p>"), None);
    }
}
