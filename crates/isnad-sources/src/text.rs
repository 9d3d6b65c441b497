//! Block-aware HTML to plain text, for article bodies and feed snippets.

use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Elements whose content is never text (scripts, styles, embedded objects, forms).
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "head", "iframe", "svg", "math", "object", "embed", "select",
    "textarea", "button", "canvas", "audio", "video", "map",
];

/// Elements that start and end a paragraph.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "pre",
    "figure",
    "figcaption",
    "address",
    "form",
    "fieldset",
    "hr",
    "br",
    "body",
    "html",
    "center",
    "caption",
    "details",
    "summary",
    "legend",
    "option",
];

/// Elements that separate words without starting a paragraph.
const SPACED: &[&str] = &["td", "th", "img", "input", "label"];

/// Converts an HTML fragment (or a whole document) to plain text: one
/// paragraph per block element or `<br>`, paragraphs separated by a blank
/// line, whitespace collapsed, entities decoded, scripts and styles dropped.
pub fn html_to_text(html: &str) -> String {
    let doc = Html::parse_fragment(html);
    tree_to_text(doc.tree.root())
}

/// Converts the subtree under `root` to paragraphs (see [`html_to_text`]).
pub(crate) fn tree_to_text(root: ego_tree::NodeRef<'_, Node>) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut skip = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if skip > 0 || SKIP.contains(&name) || e.attr("hidden").is_some() {
                        skip += 1;
                    } else if BLOCK.contains(&name) {
                        flush(&mut cur, &mut paragraphs);
                    } else if SPACED.contains(&name) {
                        push_space(&mut cur);
                    }
                }
                Node::Text(t) if skip == 0 => push_text(&mut cur, t),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if skip > 0 {
                        skip -= 1;
                    } else if BLOCK.contains(&e.name()) {
                        flush(&mut cur, &mut paragraphs);
                    } else if SPACED.contains(&e.name()) {
                        push_space(&mut cur);
                    }
                }
            }
        }
    }
    flush(&mut cur, &mut paragraphs);
    paragraphs.join("\n\n")
}

fn push_space(cur: &mut String) {
    if !cur.is_empty() && !cur.ends_with(' ') {
        cur.push(' ');
    }
}

/// Appends text with HTML whitespace collapsed to single spaces; no-break
/// spaces become ordinary spaces too.
fn push_text(cur: &mut String, text: &str) {
    for c in text.chars() {
        if c.is_whitespace() {
            push_space(cur);
        } else if !c.is_control() {
            cur.push(c);
        }
    }
}

fn flush(cur: &mut String, out: &mut Vec<String>) {
    let t = cur.trim();
    // A paragraph of only invisible characters (a stray BOM, bidi marks) is dropped.
    if t.chars().any(|c| !is_invisible(c)) {
        out.push(t.to_string());
    }
    cur.clear();
}

/// Whitespace, zero-width and bidi control characters and the BOM.
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
}

/// Collapses whitespace runs to one space and trims (for titles, names, dates).
pub(crate) fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_become_paragraphs() {
        let html = "<div><h1>عنوان</h1><p>الفقرة   <b>الأولى</b>&nbsp;هنا.</p><p>الثانية<br>سطر &amp; آخر</p>\
                    <script>var x = 1;</script><style>p{}</style><ul><li>بند</li></ul></div>";
        assert_eq!(html_to_text(html), "عنوان\n\nالفقرة الأولى هنا.\n\nالثانية\n\nسطر & آخر\n\nبند");
    }

    #[test]
    fn plain_text_and_empty_input() {
        assert_eq!(html_to_text("نص بلا وسوم"), "نص بلا وسوم");
        assert_eq!(html_to_text(""), "");
        assert_eq!(html_to_text("<p> </p><div hidden>مخفي</div><p>\u{FEFF}\u{200F}</p>"), "");
        assert_eq!(html_to_text("<table><tr><td>أ</td><td>ب</td></tr></table>"), "أ ب");
    }
}
