//! RSS 1/2, Atom and JSON Feed: one document per entry.

use feed_rs::model::{Entry, Text};
use isnad_input::{InputDoc, InputError, ReadOptions};
use isnad_model::Metadata;

use crate::text::{html_to_text, squash};
use crate::{fill, warning};

/// Parses a feed (RSS 0.9x/1.0/2.0, Atom, JSON Feed) into one document per
/// entry.
///
/// Each entry gives `title`, `url` (its first `alternate` link, else its
/// first link), `published` (its publication date, else its update date, as
/// RFC 3339), `author` (its authors' names), `record_id` (its id) and
/// `outlet` (the feed's title); `meta.source` is `source#N`, N the 1-based
/// entry number. `raw` is the entry's content, else its summary, converted
/// from HTML to plain text with paragraph breaks kept. An entry with neither
/// has an empty `raw`: [`crate::read_any`] and [`crate::read_inputs`] report
/// it as an empty document (`source#N`), and a fetcher that follows links
/// fetches its page.
///
/// # Errors
///
/// [`InputError::Malformed`] (`format: "feed"`) when the bytes are not a feed.
pub fn parse_feed(bytes: &[u8], source: &str, opts: &ReadOptions) -> Result<Vec<InputDoc>, InputError> {
    if bytes.len() as u64 > opts.max_bytes {
        return Err(InputError::TooLarge { file: source.to_string(), size: bytes.len() as u64, limit: opts.max_bytes });
    }
    let feed = feed_rs::parser::parse(bytes).map_err(|e| InputError::Malformed {
        file: source.to_string(),
        record: None,
        format: "feed",
        message: e.to_string(),
    })?;
    let outlet = feed.title.as_ref().map(text_of).filter(|t| !t.is_empty());
    let lang = feed.language.clone();
    let mut docs = Vec::new();
    for (i, entry) in feed.entries.iter().enumerate() {
        let raw = entry_text(entry).unwrap_or_default();
        let mut meta = Metadata {
            source: format!("{source}#{}", i + 1),
            record_id: Some(entry.id.trim().to_string()).filter(|id| !id.is_empty()),
            url: entry_link(entry),
            outlet: outlet.clone(),
            title: entry.title.as_ref().map(text_of).filter(|t| !t.is_empty()),
            published: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
            author: Some(
                entry
                    .authors
                    .iter()
                    .filter_map(|p| p.name.as_deref())
                    .map(squash)
                    .filter(|n| !n.is_empty())
                    .collect::<Vec<_>>()
                    .join("، "),
            )
            .filter(|a| !a.is_empty()),
            lang: entry.language.clone().or_else(|| lang.clone()),
        };
        fill(opts, &mut meta);
        let mut warnings = Vec::new();
        if entry.content.as_ref().and_then(|c| c.body.as_deref()).is_none_or(|b| html_to_text(b).is_empty()) {
            warnings.push(warning("summary_only", "the feed entry has no full content; its summary is used"));
        }
        docs.push(InputDoc { meta, raw, warnings });
    }
    Ok(docs)
}

/// The entry's content, else its summary, as plain text; `None` when both are empty.
fn entry_text(entry: &Entry) -> Option<String> {
    let content = entry.content.as_ref().and_then(|c| c.body.as_deref()).map(html_to_text);
    content.filter(|t| !t.is_empty()).or_else(|| entry.summary.as_ref().map(text_block).filter(|t| !t.is_empty()))
}

/// A feed text as paragraphs: HTML converted; plain text kept with its line breaks.
fn text_block(t: &Text) -> String {
    if t.content_type.to_string().starts_with("text/plain") && !t.content.contains('<') {
        let paras: Vec<String> = t.content.split("\n\n").map(squash).filter(|p| !p.is_empty()).collect();
        paras.join("\n\n")
    } else {
        html_to_text(&t.content)
    }
}

/// A one-line feed text (titles).
fn text_of(t: &Text) -> String {
    squash(&html_to_text(&t.content).replace("\n\n", " "))
}

fn entry_link(entry: &Entry) -> Option<String> {
    let alternate = entry.links.iter().find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"));
    alternate.or(entry.links.first()).map(|l| l.href.trim().to_string()).filter(|h| !h.is_empty())
}
