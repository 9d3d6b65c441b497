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
//! * **Records**: JSON Lines, JSON arrays, CSV and TSV with dataset field
//!   names, and plain text ([`isnad_input`]).
//! * **Files and folders** ([`read_any`]): the one walker of `extract` and
//!   `ingest`; dispatch by extension, `.gz` decompressed; only regular files
//!   are read. [`read_inputs`] adds standard input (`-`) and URLs.
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
//! * a document with no text at all (a page, a record, a text file, a feed
//!   entry): `Empty` (`FILE[:N]: empty document: no text to extract`);
//! * a FIFO, socket or device: `NotAFile`, skipped;
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
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use flate2::read::MultiGzDecoder;

pub use feed::parse_feed;
pub use fetch::Fetcher;
pub use html::extract_html;
pub use warc::read_warc;

use isnad_input::{Docs, Format, InputDoc, InputError, ReadOptions};
use isnad_model::{Metadata, Warning};

pub(crate) fn warning(code: &str, message: impl Into<String>) -> Warning {
    Warning { code: code.to_string(), message: message.into() }
}

/// Fills `published` and `outlet` from the options where `meta` lacks them
/// (the `--published` / `--outlet` defaults).
pub(crate) fn fill(opts: &ReadOptions, meta: &mut Metadata) {
    opts.fill(meta);
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
    /// Plain text or records ([`isnad_input::read_reader`]).
    Records(Format),
    /// A `.json` file: a JSON Feed, else records.
    Json,
    Html,
    Warc,
    Feed,
}

/// The kind of a file by its name (any case; a name that is not UTF-8 is
/// read with a lossy rendering) and whether it is gzipped (`NAME.gz`).
fn kind(path: &Path) -> Option<(Kind, bool)> {
    let name = path.file_name()?.to_string_lossy().to_lowercase();
    if name.ends_with(".warc") || name.ends_with(".warc.gz") {
        return Some((Kind::Warc, false));
    }
    let (inner, gz) = match name.strip_suffix(".gz") {
        Some(inner) => (inner, true),
        None => (name.as_str(), false),
    };
    let kind = match inner.rsplit_once('.')?.1 {
        "html" | "htm" => Kind::Html,
        "xml" | "rss" | "atom" => Kind::Feed,
        "json" => Kind::Json,
        _ => Kind::Records(Format::of_name(inner)?),
    };
    Some((kind, gz))
}

/// What a file that is not regular is, for the error naming it.
fn special_kind(t: &fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    let _ = t;
    "not a file or folder"
}

/// Reads the inputs named on a command line, in order: `-` is standard
/// input ([`isnad_input::read_stdin`]), an `http(s)://` URL is fetched
/// ([`Fetcher::read_url`]; `fetcher` is built on first use when `None`), and
/// anything else is a file or folder ([`read_any`]). The one front door of
/// `isnad extract` and `isnad ingest`.
pub fn read_inputs(args: &[PathBuf], opts: &ReadOptions, fetcher: Option<Fetcher>) -> Docs {
    let opts = opts.clone();
    let mut fetcher = fetcher;
    let args = args.to_vec();
    Box::new(args.into_iter().flat_map(move |arg| -> Docs {
        if arg.as_os_str() == "-" {
            return gate(isnad_input::read_stdin(&opts), &opts);
        }
        if let Some(url) = arg.to_str().filter(|s| is_url(s)) {
            if fetcher.is_none() {
                match Fetcher::new() {
                    Ok(f) => fetcher = Some(f),
                    Err(e) => return Box::new(std::iter::once(Err(e))),
                }
            }
            let f = fetcher.as_ref().expect("built above");
            return gate(f.read_url(url, &opts), &opts);
        }
        read_any(&arg, &opts)
    }))
}

/// Reads a file or a folder of inputs of any supported kind.
///
/// Only regular files are read (symbolic links to files are followed): a
/// FIFO, socket or device, named or met in a folder, is an
/// [`InputError::NotAFile`] naming it, and reading goes on. A folder is
/// walked recursively in sorted (byte-wise name) order, hidden files and
/// folders (name starting with `.`) skipped, symbolic links to folders not
/// followed, files of other extensions skipped. File names that are not
/// UTF-8 are read (and named with a lossy rendering). Files are dispatched
/// by extension (any case):
///
/// * `.txt`, `.jsonl`/`.ndjson`, `.csv`, `.tsv`/`.tab`: [`isnad_input::read_reader`]
///   (plain text; JSON Lines; CSV/TSV rows with a header);
/// * `.json`: a JSON Feed ([`parse_feed`]) when it says so, else a JSON
///   array of records or one record ([`isnad_input::read_json`]);
/// * `.html`, `.htm`: decoded ([`html::decode_html`], at most `max_bytes`) then [`extract_html`];
/// * `.warc`, `.warc.gz`: [`read_warc`];
/// * `.xml`, `.rss`, `.atom`: [`parse_feed`] (`meta.source = file#N`);
/// * any of these but WARC with `.gz` appended: decompressed (all gzip
///   members) and read the same way, `max_bytes` applying to the
///   decompressed text.
///
/// A single file named explicitly with another extension is read as plain
/// text. `--published` and `--outlet` ([`ReadOptions`]) fill metadata the
/// input lacks. Every document without visible text, whatever its kind, is
/// an [`InputError::Empty`] (`FILE[:N]: empty document: no text to extract`).
pub fn read_any(path: &Path, opts: &ReadOptions) -> Docs {
    let name = path.display().to_string();
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => {
            let mut files = Vec::new();
            walk(path, &mut files);
            let o = opts.clone();
            let docs: Docs = Box::new(files.into_iter().flat_map(move |f| -> Docs {
                match f {
                    Ok((p, k, gz)) => read_kind(&p, k, gz, &o),
                    Err(e) => Box::new(std::iter::once(Err(e))),
                }
            }));
            gate(docs, opts)
        }
        Ok(m) if m.is_file() => {
            let (k, gz) = kind(path).unwrap_or((Kind::Records(Format::Text), false));
            gate(read_kind(path, k, gz, opts), opts)
        }
        Ok(m) => {
            Box::new(std::iter::once(Err(InputError::NotAFile { file: name, kind: special_kind(&m.file_type()) })))
        }
        Err(source) => Box::new(std::iter::once(Err(InputError::Io { file: name, source }))),
    }
}

/// What every reader's documents pass through: a document with no visible
/// text becomes [`InputError::Empty`], and its publication date is parsed
/// once and normalized ([`isnad_input::normalize_published`]; a value that is
/// not a date in 1800–2200 is dropped with a `bad_date` warning, and
/// `--published`, when given, stands in for it).
fn gate(docs: Docs, opts: &ReadOptions) -> Docs {
    let opts = opts.clone();
    Box::new(docs.map(move |r| match r {
        Ok(d) if isnad_input::is_blank(&d.raw) => Err(InputError::Empty { file: d.meta.source, record: None }),
        Ok(mut d) => {
            isnad_input::normalize_published(&mut d.meta, &mut d.warnings);
            opts.fill(&mut d.meta);
            Ok(d)
        }
        Err(e) => Err(e),
    }))
}

/// Opens a file, through a gzip decoder when `gz`.
fn open(path: &Path, gz: bool) -> Result<Box<dyn Read + Send>, InputError> {
    let file = File::open(path).map_err(|source| InputError::Io { file: path.display().to_string(), source })?;
    let buf = BufReader::with_capacity(1 << 16, file);
    Ok(if gz { Box::new(MultiGzDecoder::new(buf)) } else { Box::new(buf) })
}

fn read_kind(path: &Path, kind: Kind, gz: bool, opts: &ReadOptions) -> Docs {
    let name = path.display().to_string();
    if kind == Kind::Warc {
        return read_warc(path, opts);
    }
    let reader = match open(path, gz) {
        Ok(r) => r,
        Err(e) => return Box::new(std::iter::once(Err(e))),
    };
    if let Kind::Records(format) = kind {
        return isnad_input::read_reader(reader, &name, format, opts);
    }
    let bytes = match isnad_input::read_limited(reader, &name, opts.max_bytes) {
        Ok(b) => b,
        Err(e) => return Box::new(std::iter::once(Err(e))),
    };
    match kind {
        Kind::Html => Box::new(std::iter::once(html_doc(&bytes, &name, opts))),
        Kind::Json if !is_json_feed(&bytes) => isnad_input::read_json(bytes, &name, opts),
        _ => match parse_feed(&bytes, &name, opts) {
            Ok(docs) => Box::new(docs.into_iter().map(Ok)),
            Err(e) => Box::new(std::iter::once(Err(e))),
        },
    }
}

/// Whether a JSON document is a JSON Feed (an object whose `version` is a jsonfeed.org URL).
fn is_json_feed(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let head = String::from_utf8_lossy(head);
    head.trim_start_matches('\u{FEFF}').trim_start().starts_with('{') && head.contains("jsonfeed.org/version")
}

fn html_doc(bytes: &[u8], name: &str, opts: &ReadOptions) -> Result<InputDoc, InputError> {
    let (html, warnings) = html::decode_html(bytes, None, name)?;
    let mut doc = extract_html(&html, name, None)?;
    doc.warnings.splice(0..0, warnings);
    fill(opts, &mut doc.meta);
    Ok(doc)
}

/// How many documents [`read_any`] will give for `path`, counted cheaply
/// beforehand for a progress bar: one per text or `.html` file, one per
/// non-blank line of an uncompressed `.jsonl`. `None` when it cannot be known
/// without parsing (WARC, feeds, JSON, CSV, gzip) or the path cannot be read.
pub fn count_documents(path: &Path) -> Option<u64> {
    let meta = fs::metadata(path).ok()?;
    let files: Vec<(PathBuf, Kind, bool)> = if meta.is_dir() {
        let mut files = Vec::new();
        walk(path, &mut files);
        files.into_iter().collect::<Result<_, _>>().ok()?
    } else if meta.is_file() {
        let (k, gz) = kind(path).unwrap_or((Kind::Records(Format::Text), false));
        vec![(path.to_path_buf(), k, gz)]
    } else {
        return None;
    };
    files.iter().try_fold(0u64, |n, (p, k, gz)| {
        Some(
            n + match (k, gz) {
                (Kind::Records(Format::Jsonl), false) => {
                    let f = fs::File::open(p).ok()?;
                    std::io::BufRead::split(BufReader::new(f), b'\n')
                        .map_while(Result::ok)
                        .filter(|l| l.iter().any(|b| !b.is_ascii_whitespace()))
                        .count() as u64
                }
                (Kind::Records(Format::Text) | Kind::Html, _) => 1,
                _ => return None,
            },
        )
    })
}

/// A readable file found by [`walk`]: its path, kind and whether it is gzipped.
type Found = Result<(PathBuf, Kind, bool), InputError>;

/// Collects the readable files under `dir`, sorted, depth first; FIFOs,
/// sockets and devices become errors naming them.
fn walk(dir: &Path, out: &mut Vec<Found>) {
    let mut entries = match fs::read_dir(dir).and_then(|rd| rd.collect::<Result<Vec<_>, _>>()) {
        Ok(v) => v,
        Err(source) => {
            out.push(Err(InputError::Io { file: dir.display().to_string(), source }));
            return;
        }
    };
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        if e.file_name().as_encoded_bytes().starts_with(b".") {
            continue;
        }
        let path = e.path();
        let t = match e.file_type() {
            Ok(t) => t,
            Err(source) => {
                out.push(Err(InputError::Io { file: path.display().to_string(), source }));
                continue;
            }
        };
        if t.is_dir() {
            walk(&path, out);
            continue;
        }
        // A symbolic link is judged by what it points to (folders are not followed).
        let t = if t.is_symlink() {
            match fs::metadata(&path) {
                Ok(m) if m.is_dir() => continue,
                Ok(m) => m.file_type(),
                Err(source) => {
                    out.push(Err(InputError::Io { file: path.display().to_string(), source }));
                    continue;
                }
            }
        } else {
            t
        };
        if !t.is_file() {
            out.push(Err(InputError::NotAFile { file: path.display().to_string(), kind: special_kind(&t) }));
        } else if let Some((k, gz)) = kind(&path) {
            out.push(Ok((path, k, gz)));
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
        assert_eq!(kind(Path::new("a/B.HTM")), Some((Kind::Html, false)));
        assert_eq!(kind(Path::new("x.warc.gz")), Some((Kind::Warc, false)));
        assert_eq!(kind(Path::new("x.tar.gz")), None);
        assert_eq!(kind(Path::new("feed.rss")), Some((Kind::Feed, false)));
        assert_eq!(kind(Path::new("a.ndjson")), Some((Kind::Records(Format::Jsonl), false)));
        assert_eq!(kind(Path::new("a.JSONL.gz")), Some((Kind::Records(Format::Jsonl), true)));
        assert_eq!(kind(Path::new("a.json")), Some((Kind::Json, false)));
        assert_eq!(kind(Path::new("a.html.gz")), Some((Kind::Html, true)));
        assert_eq!(kind(Path::new("a.tsv")), Some((Kind::Records(Format::Tsv), false)));
        assert_eq!(kind(Path::new("README")), None);
    }
}
