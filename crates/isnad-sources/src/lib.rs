//! Readers for web inputs: HTML pages, WARC archives and RSS/Atom/JSON feeds,
//! local or fetched over HTTP(S).
//!
//! Every reader produces [`isnad_input::InputDoc`]s (metadata plus the article
//! text as plain paragraphs separated by a blank line, the form the isnad
//! cleaner expects) or [`isnad_input::InputError`]s; a bad record or entry
//! never stops the ones after it, and no input makes a reader panic.
//!
//! # Formats
//!
//! * **HTML** ([`extract_html`]): the main content is found with
//!   `dom_smoothie` (a Readability port) and turned into text block by block
//!   ([`text::html_to_text`]); without main content the body text is used (a
//!   `no_main_content` warning). Bytes are decoded by [`html::decode_html`]:
//!   HTTP charset, else `<meta charset>`, else [`isnad_input::decode`].
//! * **WARC** ([`read_warc`]): `.warc` or `.warc.gz` (multi-member gzip),
//!   streamed; only HTTP 200 HTML `response` records become documents,
//!   `meta.source = "file.warc.gz#N"` (N = record number, 1-based).
//! * **Feeds** ([`parse_feed`]): RSS 1/2, Atom, JSON Feed; one document per
//!   entry with text (`source#N`), content else summary as text.
//! * **URLs** ([`Fetcher`]): feeds ([`Fetcher::read_feed_url`], optionally
//!   following short entries to their pages), pages ([`Fetcher::fetch_html`]) and
//!   either, told apart by content type ([`Fetcher::read_url`]).
//! * **Files and folders** ([`read_any`]): dispatch by extension.
//!
//! # Metadata precedence (HTML)
//!
//! | field | first found of |
//! |---|---|
//! | `title` | `og:title`, JSON-LD `headline`, `<title>`, `twitter:title` |
//! | `outlet` | `og:site_name`, JSON-LD `publisher.name`, then `--outlet` |
//! | `published` | `article:published_time`, JSON-LD `datePublished`, `<time datetime>`, `<meta name=date/pubdate/…>`, then `--published`, then (WARC only) the crawl date `WARC-Date` |
//! | `author` | JSON-LD `author` name(s) (string, object or array; joined with `، `), `<meta name=author>` |
//! | `url` | the URL given (WARC-Target-URI, fetched URL), `og:url`, `<link rel=canonical>`, JSON-LD `url` |
//! | `lang` | `<html lang>`, `og:locale` |
//!
//! JSON-LD is read from every `application/ld+json` script: arrays and
//! `@graph`s are searched for the first `NewsArticle`, `Article`,
//! `ReportageNewsArticle`, `BlogPosting` or `AnalysisNewsArticle`. A block
//! that is not JSON adds a `bad_json_ld` warning and is ignored. Dates must
//! be ISO 8601 (kept as given) or RFC 2822 (converted to RFC 3339); others
//! add a `bad_date` warning and the next candidate is tried.
//!
//! # Errors
//!
//! * a page with no text at all: `Malformed { format: "html" }`;
//! * a truncated or corrupt WARC: the good records, then one
//!   `Malformed { format: "gzip" | "warc", record: Some(N) }`, then the end;
//! * a WARC record over `max_bytes`: `TooLarge` naming `file#N`, reading goes on;
//! * not a feed: `Malformed { format: "feed" }`;
//! * fetching: `Fetch { file: URL, message }` (status, timeout, size limit, scheme).

pub mod feed;
pub mod fetch;
pub mod html;
pub mod text;
pub mod warc;

use std::fs::{self, File};
use std::io::Read;
use std::path::{Path, PathBuf};

pub use feed::parse_feed;
pub use fetch::Fetcher;
pub use html::extract_html;
pub use warc::read_warc;

use isnad_input::{Docs, InputDoc, InputError, ReadOptions};
use isnad_model::{Metadata, Warning};

pub(crate) fn warning(code: &str, message: impl Into<String>) -> Warning {
    Warning { code: code.to_string(), message: message.into() }
}

/// Fills `published` and `outlet` from the options where `meta` lacks them
/// (the `--published` / `--outlet` defaults).
pub(crate) fn fill(opts: &ReadOptions, meta: &mut Metadata) {
    if meta.published.is_none() {
        meta.published.clone_from(&opts.published);
    }
    if meta.outlet.is_none() {
        meta.outlet.clone_from(&opts.outlet);
    }
}

/// Whether `s` is an absolute `http://` or `https://` URL.
pub fn is_url(s: &str) -> bool {
    match reqwest::Url::parse(s.trim()) {
        Ok(u) => matches!(u.scheme(), "http" | "https") && u.host_str().is_some_and(|h| !h.is_empty()),
        Err(_) => false,
    }
}

/// The kind of input a file name says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Html,
    Warc,
    Feed,
}

fn kind(path: &Path) -> Option<Kind> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let ext = name.rsplit_once('.')?.1;
    Some(match ext {
        "txt" | "jsonl" | "ndjson" => Kind::Text,
        "html" | "htm" => Kind::Html,
        "warc" => Kind::Warc,
        "gz" if name.ends_with(".warc.gz") => Kind::Warc,
        "xml" | "rss" | "atom" => Kind::Feed,
        _ => return None,
    })
}

/// Reads a file or a folder of inputs of any supported kind.
///
/// A folder is walked recursively in sorted (byte-wise name) order, hidden
/// files and folders (name starting with `.`) skipped, symbolic links to
/// folders not followed. Files are dispatched by extension (any case):
///
/// * `.txt`, `.jsonl`, `.ndjson`: [`isnad_input::read_path`];
/// * `.html`, `.htm`: decoded ([`html::decode_html`], at most `max_bytes`) then [`extract_html`];
/// * `.warc`, `.warc.gz`: [`read_warc`];
/// * `.xml`, `.rss`, `.atom`: [`parse_feed`] (`meta.source = file#N`).
///
/// Other files in a folder are skipped; a single file named explicitly with
/// another extension is read as plain text. `--published` and `--outlet`
/// ([`ReadOptions`]) fill metadata the input lacks.
pub fn read_any(path: &Path, opts: &ReadOptions) -> Docs {
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => {
            let mut files = Vec::new();
            walk(path, &mut files);
            let opts = opts.clone();
            Box::new(files.into_iter().flat_map(move |f| -> Docs {
                match f {
                    Ok((p, k)) => read_kind(&p, k, &opts),
                    Err(e) => Box::new(std::iter::once(Err(e))),
                }
            }))
        }
        Ok(_) => read_kind(path, kind(path).unwrap_or(Kind::Text), opts),
        Err(source) => Box::new(std::iter::once(Err(InputError::Io { file: path.display().to_string(), source }))),
    }
}

fn read_kind(path: &Path, kind: Kind, opts: &ReadOptions) -> Docs {
    match kind {
        Kind::Text => isnad_input::read_path(path, opts),
        Kind::Warc => read_warc(path, opts),
        Kind::Html => Box::new(std::iter::once(read_html_file(path, opts))),
        Kind::Feed => {
            let name = path.display().to_string();
            match read_bytes(path, opts).and_then(|b| parse_feed(&b, &name, opts)) {
                Ok(docs) => Box::new(docs.into_iter().map(Ok)),
                Err(e) => Box::new(std::iter::once(Err(e))),
            }
        }
    }
}

fn read_html_file(path: &Path, opts: &ReadOptions) -> Result<InputDoc, InputError> {
    let name = path.display().to_string();
    let bytes = read_bytes(path, opts)?;
    let (html, warnings) = html::decode_html(&bytes, None, &name)?;
    let mut doc = extract_html(&html, &name, None)?;
    doc.warnings.splice(0..0, warnings);
    fill(opts, &mut doc.meta);
    Ok(doc)
}

/// Reads a whole file, refusing one over `max_bytes`.
fn read_bytes(path: &Path, opts: &ReadOptions) -> Result<Vec<u8>, InputError> {
    let name = path.display().to_string();
    let io_err = |source| InputError::Io { file: name.clone(), source };
    let file = File::open(path).map_err(io_err)?;
    let mut bytes = Vec::new();
    file.take(opts.max_bytes.saturating_add(1)).read_to_end(&mut bytes).map_err(io_err)?;
    if bytes.len() as u64 > opts.max_bytes {
        return Err(InputError::TooLarge { file: name, size: bytes.len() as u64, limit: opts.max_bytes });
    }
    Ok(bytes)
}

/// How many documents [`read_any`] will give for `path`, counted cheaply
/// beforehand for a progress bar: one per `.txt` or `.html` file, one per
/// non-blank line of `.jsonl`. `None` when it cannot be known without
/// parsing (WARC, feeds) or the path cannot be read.
pub fn count_documents(path: &Path) -> Option<u64> {
    let files: Vec<(PathBuf, Kind)> = match fs::metadata(path).ok()? {
        m if m.is_dir() => {
            let mut files = Vec::new();
            walk(path, &mut files);
            files.into_iter().collect::<Result<_, _>>().ok()?
        }
        _ => vec![(path.to_path_buf(), kind(path).unwrap_or(Kind::Text))],
    };
    files.iter().try_fold(0u64, |n, (p, k)| {
        let name = p.to_string_lossy().to_ascii_lowercase();
        Some(
            n + match k {
                Kind::Text if name.ends_with(".jsonl") || name.ends_with(".ndjson") => {
                    let f = fs::File::open(p).ok()?;
                    std::io::BufRead::split(std::io::BufReader::new(f), b'\n')
                        .map_while(Result::ok)
                        .filter(|l| l.iter().any(|b| !b.is_ascii_whitespace()))
                        .count() as u64
                }
                Kind::Text | Kind::Html => 1,
                Kind::Warc | Kind::Feed => return None,
            },
        )
    })
}

/// Collects the readable files under `dir`, sorted, depth first.
fn walk(dir: &Path, out: &mut Vec<Result<(PathBuf, Kind), InputError>>) {
    let mut entries = match fs::read_dir(dir).and_then(|rd| rd.collect::<Result<Vec<_>, _>>()) {
        Ok(v) => v,
        Err(source) => {
            out.push(Err(InputError::Io { file: dir.display().to_string(), source }));
            return;
        }
    };
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => walk(&path, out),
            Ok(t) => {
                let is_file = t.is_file() || (t.is_symlink() && fs::metadata(&path).is_ok_and(|m| m.is_file()));
                if let Some(k) = kind(&path).filter(|_| is_file) {
                    out.push(Ok((path, k)));
                }
            }
            Err(source) => out.push(Err(InputError::Io { file: path.display().to_string(), source })),
        }
    }
}

#[cfg(test)]
mod count_tests {
    use super::*;

    #[test]
    fn counts_files_and_jsonl_records_but_not_warc() {
        let dir = tempfile::tempdir().expect("tmp");
        fs::write(dir.path().join("a.txt"), "نص").expect("write");
        fs::write(dir.path().join("b.jsonl"), "{\"text\":\"أ\"}\n\n{\"text\":\"ب\"}\n").expect("write");
        fs::create_dir(dir.path().join("sub")).expect("mkdir");
        fs::write(dir.path().join("sub/c.html"), "<p>ج</p>").expect("write");
        fs::write(dir.path().join("skip.bin"), [0u8, 1]).expect("write");
        assert_eq!(count_documents(dir.path()), Some(4));
        fs::write(dir.path().join("d.warc"), "WARC/1.0\r\n").expect("write");
        assert_eq!(count_documents(dir.path()), None);
        assert_eq!(count_documents(&dir.path().join("missing")), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls() {
        assert!(is_url("https://example.com/a?b=1"));
        assert!(is_url(" http://127.0.0.1:8080/ "));
        assert!(!is_url("ftp://example.com/"));
        assert!(!is_url("file:///etc/passwd"));
        assert!(!is_url("example.com"));
        assert!(!is_url("/tmp/a.html"));
        assert!(!is_url(""));
    }

    #[test]
    fn kinds_by_extension() {
        assert_eq!(kind(Path::new("a/B.HTM")), Some(Kind::Html));
        assert_eq!(kind(Path::new("x.warc.gz")), Some(Kind::Warc));
        assert_eq!(kind(Path::new("x.tar.gz")), None);
        assert_eq!(kind(Path::new("feed.rss")), Some(Kind::Feed));
        assert_eq!(kind(Path::new("a.ndjson")), Some(Kind::Text));
        assert_eq!(kind(Path::new("README")), None);
    }
}
