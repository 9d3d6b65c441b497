//! Character-level cleaning: invisible characters, odd spaces, line breaks,
//! HTML entities and stray markup.

use isnad_model::{NoiseKind, RepairKind};

use super::edit::Edit;

/// Zero-width characters, bidi controls, BOM, soft hyphen and other format
/// characters that carry nothing for the reader.
pub fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{00AD}'
        | '\u{061C}'
        | '\u{180E}'
        | '\u{FE00}'..='\u{FE0F}')
        || (c.is_control() && !matches!(c, '\n' | '\t' | '\r' | '\u{0085}'))
}

/// Spaces other than U+0020 that should read as an ordinary space.
pub fn is_odd_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}')
}

/// Decodes a named or numeric HTML entity body (without `&` and `;`).
pub fn decode_entity(body: &str) -> Option<char> {
    if let Some(num) = body.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match body {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{00A0}',
        "laquo" => '«',
        "raquo" => '»',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "bdquo" => '„',
        "hellip" => '…',
        "ndash" => '–',
        "mdash" => '—',
        "minus" => '−',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "times" => '×',
        "divide" => '÷',
        "percnt" => '%',
        "shy" => '\u{00AD}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        "thinsp" => '\u{2009}',
        "ensp" => '\u{2002}',
        "emsp" => '\u{2003}',
        _ => return None,
    })
}

const MAX_ENTITY: usize = 12;
const MAX_TAG: usize = 300;

/// Tag names treated as markup when they appear in plain text.
const TAGS: &[&str] = &[
    "a",
    "b",
    "i",
    "u",
    "em",
    "strong",
    "span",
    "div",
    "p",
    "br",
    "hr",
    "img",
    "figure",
    "figcaption",
    "font",
    "sup",
    "sub",
    "small",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "iframe",
    "script",
    "style",
    "section",
    "article",
    "header",
    "footer",
    "table",
    "tr",
    "td",
    "th",
    "tbody",
    "video",
];

fn markup_tag(s: &str) -> Option<(usize, bool)> {
    // s starts with '<'. Returns (byte length, is a line-level tag).
    let end = s.as_bytes().iter().take(MAX_TAG).position(|&b| b == b'>')?;
    let inner = &s[1..end];
    if inner.starts_with("!--") {
        return inner.ends_with("--").then_some((end + 1, false));
    }
    let name = inner.trim_start_matches('/');
    let name_end = name.find(|c: char| !c.is_ascii_alphanumeric()).unwrap_or(name.len());
    let tag = name[..name_end].to_ascii_lowercase();
    if !TAGS.contains(&tag.as_str()) || inner.contains('<') {
        return None;
    }
    let block =
        matches!(tag.as_str(), "br" | "p" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "tr" | "hr");
    Some((end + 1, block))
}

/// Collects the character-level edits of `raw`.
pub fn edits(raw: &str) -> Vec<Edit> {
    let mut out = Vec::new();
    let bytes = raw.as_bytes();
    let mut it = raw.char_indices().peekable();
    while let Some((b, c)) = it.next() {
        let len = c.len_utf8();
        if c == '\r' {
            if bytes.get(b + 1) == Some(&b'\n') {
                it.next();
                out.push(Edit::replace(b, b + 2, RepairKind::LineBreak, "\n"));
            } else {
                out.push(Edit::replace(b, b + 1, RepairKind::LineBreak, "\n"));
            }
        } else if matches!(c, '\u{2028}' | '\u{2029}' | '\u{0085}') {
            out.push(Edit::replace(b, b + len, RepairKind::LineBreak, "\n"));
        } else if is_invisible(c) {
            // Merge a run of invisible characters into one item.
            let mut e = b + len;
            while let Some(&(nb, nc)) = it.peek() {
                if nb == e && is_invisible(nc) {
                    e += nc.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            out.push(Edit::remove(b, e, NoiseKind::Invisible));
        } else if is_odd_space(c) {
            out.push(Edit::replace(b, b + len, RepairKind::Space, " "));
        } else if c == '&' {
            let rest = &raw[b + 1..];
            if let Some(semi) = rest.as_bytes().iter().take(MAX_ENTITY).position(|&x| x == b';') {
                let body = &rest[..semi];
                if !body.is_empty() && body.bytes().all(|x| x.is_ascii_alphanumeric() || x == b'#') {
                    if let Some(d) = decode_entity(body) {
                        let end = b + 1 + semi + 1;
                        if is_invisible(d) {
                            out.push(Edit::remove(b, end, NoiseKind::Invisible));
                        } else if is_odd_space(d) {
                            out.push(Edit::replace(b, end, RepairKind::HtmlEntity, " "));
                        } else {
                            out.push(Edit::replace(b, end, RepairKind::HtmlEntity, d.to_string()));
                        }
                        while it.peek().is_some_and(|&(nb, _)| nb < end) {
                            it.next();
                        }
                    }
                }
            }
        } else if c == '<' {
            if let Some((tag_len, block)) = markup_tag(&raw[b..]) {
                let end = b + tag_len;
                if block {
                    out.push(Edit::replace(b, end, RepairKind::LineBreak, "\n"));
                } else {
                    out.push(Edit::remove(b, end, NoiseKind::Markup));
                }
                while it.peek().is_some_and(|&(nb, _)| nb < end) {
                    it.next();
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::edit::apply;
    use super::*;

    fn run(raw: &str) -> String {
        apply(raw, edits(raw)).text
    }

    #[test]
    fn cleans_invisible_spaces_and_breaks() {
        assert_eq!(run("\u{FEFF}غزة\u{200F}\u{200E} اليوم"), "غزة اليوم");
        assert_eq!(run("أيضاً:\u{00A0}عنوان"), "أيضاً: عنوان");
        assert_eq!(run("سطر\r\nسطر\rسطر"), "سطر\nسطر\nسطر");
        assert_eq!(run("a\u{0007}b"), "ab");
    }

    #[test]
    fn decodes_entities_and_strips_markup() {
        assert_eq!(run("قال &quot;نعم&quot; &#1594;&#x632;&#x629; &amp;"), "قال \"نعم\" غزة &");
        assert_eq!(run("&unknown; &amp"), "&unknown; &amp");
        assert_eq!(run("سطر<br/>سطر <b>مهم</b>"), "سطر\nسطر مهم");
        assert_eq!(run("أ < ب و ج > د"), "أ < ب و ج > د");
        assert_eq!(run("&nbsp;x&lrm;"), " x");
    }
}
