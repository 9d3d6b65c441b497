//! WARC archives (`.warc`, `.warc.gz`): HTML `response` records as documents.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::read::{GzDecoder, MultiGzDecoder, ZlibDecoder};
use isnad_input::{Docs, InputDoc, InputError, ReadOptions};

use crate::html::{decode_html, extract_html, normalize_date};
use crate::{fill, warning};

/// The longest WARC or HTTP header line accepted.
const MAX_LINE: u64 = 64 * 1024;
/// The most header lines accepted in one WARC record header.
const MAX_HEADERS: usize = 512;

/// Reads the HTML pages of a WARC archive, plain or gzipped (one or many gzip
/// members; detected by the gzip signature, not the name).
///
/// Only `response` records are used, and of those only HTTP 200 responses
/// whose `Content-Type` is HTML (or, without one, whose body looks like
/// HTML); other records are skipped without error. The page is decoded with
/// the charset of the HTTP header, else of `<meta charset>`, else by
/// [`isnad_input::decode`], then given to [`extract_html`] with the
/// `WARC-Target-URI` as URL. `meta.source` is `path#N`, N the 1-based number
/// of the record in the archive.
///
/// Dates: the page's own publication date wins; without one, `--published`
/// ([`ReadOptions::published`]) is used, and without that the `WARC-Date`
/// (the crawl date: later than the publication but better than nothing),
/// with a `published_from_crawl_date` warning.
///
/// The archive is streamed one record at a time; a record over
/// [`ReadOptions::max_bytes`] yields [`InputError::TooLarge`] and is skipped.
/// A truncated or corrupt archive yields the good records before the damage
/// and then one [`InputError::Malformed`] (format `gzip` or `warc`) naming the
/// record, and ends.
pub fn read_warc(path: &Path, opts: &ReadOptions) -> Docs {
    let name = path.display().to_string();
    let file = match File::open(path) {
        Ok(f) => f,
        Err(source) => return Box::new(std::iter::once(Err(InputError::Io { file: name, source }))),
    };
    let mut buf = BufReader::with_capacity(1 << 16, file);
    let gz = match buf.fill_buf() {
        Ok(b) => b.starts_with(&[0x1f, 0x8b]),
        Err(source) => return Box::new(std::iter::once(Err(InputError::Io { file: name, source }))),
    };
    let reader: Box<dyn BufRead + Send> =
        if gz { Box::new(BufReader::with_capacity(1 << 16, MultiGzDecoder::new(buf))) } else { Box::new(buf) };
    Box::new(WarcIter { reader, name, gz, opts: opts.clone(), n: 0, done: false })
}

/// Streams the records of a WARC archive.
struct WarcIter {
    reader: Box<dyn BufRead + Send>,
    name: String,
    gz: bool,
    opts: ReadOptions,
    n: u64,
    done: bool,
}

/// Why reading stopped inside a record.
enum Damage {
    /// The bytes are not WARC.
    Format(String),
    /// Reading failed (a corrupt or truncated gzip stream, an I/O error).
    Io(io::Error),
}

impl From<io::Error> for Damage {
    fn from(e: io::Error) -> Self {
        Damage::Io(e)
    }
}

impl Iterator for WarcIter {
    type Item = Result<InputDoc, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.record() {
                Ok(None) => self.done = true,
                Ok(Some(Some(item))) => return Some(item),
                Ok(Some(None)) => {}
                Err(d) => {
                    self.done = true;
                    let (format, message) = match d {
                        Damage::Format(m) => ("warc", m),
                        Damage::Io(e) if self.gz => ("gzip", e.to_string()),
                        Damage::Io(e) => ("warc", e.to_string()),
                    };
                    return Some(Err(InputError::Malformed {
                        file: self.name.clone(),
                        record: Some(self.n.max(1)),
                        format,
                        message,
                    }));
                }
            }
        }
        None
    }
}

/// Reads one line (up to `MAX_LINE` bytes), without its line ending; `None` at the end.
fn read_line(r: &mut dyn BufRead) -> Result<Option<Vec<u8>>, Damage> {
    let mut line = Vec::new();
    let got = r.take(MAX_LINE).read_until(b'\n', &mut line)?;
    if got == 0 {
        return Ok(None);
    }
    if !line.ends_with(b"\n") && got as u64 >= MAX_LINE {
        return Err(Damage::Format("header line too long".into()));
    }
    while line.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
        line.pop();
    }
    Ok(Some(line))
}

impl WarcIter {
    /// Reads the next record: `None` at the end of the archive, `Some(None)`
    /// for a record that gives no document.
    #[allow(clippy::type_complexity)]
    fn record(&mut self) -> Result<Option<Option<Result<InputDoc, InputError>>>, Damage> {
        // Skip the blank lines between records.
        let first = loop {
            match read_line(&mut *self.reader)? {
                None => return Ok(None),
                Some(l) if l.iter().all(u8::is_ascii_whitespace) => continue,
                Some(l) => break l,
            }
        };
        self.n += 1;
        if !first.starts_with(b"WARC/") {
            return Err(Damage::Format("a record does not start with a WARC/ version line".into()));
        }
        let mut headers: Vec<(String, String)> = Vec::new();
        loop {
            let line = read_line(&mut *self.reader)?.ok_or_else(|| Damage::Format("truncated record header".into()))?;
            if line.is_empty() {
                break;
            }
            if headers.len() >= MAX_HEADERS {
                return Err(Damage::Format("too many header lines".into()));
            }
            let line = String::from_utf8_lossy(&line);
            if let Some((k, v)) = line.split_once(':') {
                headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
            }
        }
        let get = |k: &str| headers.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
        let len: u64 = get("content-length")
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| Damage::Format("record without a valid Content-Length".into()))?;
        let source = format!("{}#{}", self.name, self.n);
        let is_response = get("warc-type").is_some_and(|t| t.eq_ignore_ascii_case("response"));
        if !is_response || len > self.opts.max_bytes {
            let skipped = io::copy(&mut (&mut self.reader).take(len), &mut io::sink())?;
            if skipped < len {
                return Err(Damage::Io(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    format!("truncated record: {skipped} of {len} bytes"),
                )));
            }
            if is_response {
                return Ok(Some(Some(Err(InputError::TooLarge {
                    file: source,
                    size: len,
                    limit: self.opts.max_bytes,
                }))));
            }
            return Ok(Some(None));
        }
        let mut block = Vec::with_capacity(len.min(1 << 20) as usize);
        (&mut self.reader).take(len).read_to_end(&mut block)?;
        if (block.len() as u64) < len {
            return Err(Damage::Io(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("truncated record: {} of {len} bytes", block.len()),
            )));
        }
        let url = get("warc-target-uri").map(|u| u.trim_matches(|c| c == '<' || c == '>').to_string());
        let crawl_date = get("warc-date").and_then(normalize_date);
        Ok(Some(response_doc(&block, &source, url.as_deref(), crawl_date, &self.opts)))
    }
}

/// Turns an HTTP response block into a document; `None` when it is not a 200 HTML page.
fn response_doc(
    block: &[u8],
    source: &str,
    url: Option<&str>,
    crawl_date: Option<String>,
    opts: &ReadOptions,
) -> Option<Result<InputDoc, InputError>> {
    let http = parse_http(block)?;
    if http.status != 200 {
        return None;
    }
    let header = |k: &str| http.headers.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
    let content_type = header("content-type").map(str::to_ascii_lowercase);
    match &content_type {
        Some(ct) if !(ct.contains("text/html") || ct.contains("application/xhtml")) => return None,
        None if !looks_like_html(http.body) => return None,
        _ => {}
    }
    let malformed =
        |message: String| InputError::Malformed { file: source.to_string(), record: None, format: "warc", message };
    let mut body = http.body.to_vec();
    if header("transfer-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked")) {
        body = match dechunk(&body) {
            Some(b) => b,
            None => return Some(Err(malformed("bad chunked transfer encoding".into()))),
        };
    }
    match header("content-encoding").map(|e| e.trim().to_ascii_lowercase()).as_deref() {
        None | Some("" | "identity") => {}
        Some(enc @ ("gzip" | "x-gzip" | "deflate")) => {
            let mut out = Vec::new();
            let limit = opts.max_bytes.saturating_add(1);
            let r = if enc == "deflate" {
                ZlibDecoder::new(&body[..]).take(limit).read_to_end(&mut out)
            } else {
                GzDecoder::new(&body[..]).take(limit).read_to_end(&mut out)
            };
            if let Err(e) = r {
                return Some(Err(malformed(format!("bad {enc} content encoding: {e}"))));
            }
            if out.len() as u64 > opts.max_bytes {
                return Some(Err(InputError::TooLarge {
                    file: source.to_string(),
                    size: out.len() as u64,
                    limit: opts.max_bytes,
                }));
            }
            body = out;
        }
        Some(other) => return Some(Err(malformed(format!("unsupported content encoding {other:?}")))),
    }
    let charset = content_type.as_deref().and_then(charset_param);
    let result = decode_html(&body, charset.as_deref(), source).and_then(|(html, warnings)| {
        let mut doc = extract_html(&html, source, url)?;
        doc.warnings.splice(0..0, warnings);
        Ok(doc)
    });
    Some(result.map(|mut doc| {
        if doc.meta.published.is_none() && opts.published.is_none() {
            if let Some(d) = crawl_date {
                doc.warnings.push(warning(
                    "published_from_crawl_date",
                    "the page gives no publication date; the WARC crawl date is used",
                ));
                doc.meta.published = Some(d);
            }
        }
        fill(opts, &mut doc.meta);
        doc
    }))
}

/// An HTTP response split into status, headers and body.
struct Http<'a> {
    status: u16,
    headers: Vec<(String, String)>,
    body: &'a [u8],
}

/// Parses the status line and headers (CRLF or LF line endings); `None` when it is not HTTP.
fn parse_http(block: &[u8]) -> Option<Http<'_>> {
    let mut rest = block;
    let next_line = |rest: &mut &[u8]| -> Option<String> {
        let end = rest.iter().position(|b| *b == b'\n')?;
        let line = String::from_utf8_lossy(&rest[..end]).trim_end_matches('\r').to_string();
        *rest = &rest[end + 1..];
        Some(line)
    };
    let status_line = next_line(&mut rest)?;
    let mut parts = status_line.split_whitespace();
    if !parts.next()?.starts_with("HTTP/") {
        return None;
    }
    let status = parts.next()?.parse().ok()?;
    let mut headers = Vec::new();
    loop {
        let line = next_line(&mut rest)?;
        if line.is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    Some(Http { status, headers, body: rest })
}

/// Undoes `Transfer-Encoding: chunked`; `None` when the chunks are broken.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let end = data.iter().position(|b| *b == b'\n')?;
        let size_line = std::str::from_utf8(&data[..end]).ok()?;
        let size_hex = size_line.split(';').next()?.trim();
        let size = usize::from_str_radix(size_hex, 16).ok()?;
        data = &data[end + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data.strip_prefix(b"\r\n").or_else(|| data.strip_prefix(b"\n")).unwrap_or(data);
    }
}

fn looks_like_html(body: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&body[..body.len().min(1024)]).to_ascii_lowercase();
    head.contains("<html") || head.contains("<!doctype html")
}

/// The `charset` parameter of a `Content-Type` value.
pub(crate) fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches(|c| c == '"' || c == '\'').to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_parts() {
        let h = parse_http(b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>x</p>").unwrap();
        assert_eq!((h.status, h.body), (404, &b"<p>x</p>"[..]));
        assert_eq!(h.headers, vec![("content-type".to_string(), "text/html".to_string())]);
        assert!(parse_http(b"garbage").is_none());
        assert_eq!(dechunk(b"3\r\nabc\r\n2;x=y\r\nde\r\n0\r\n\r\n").as_deref(), Some(&b"abcde"[..]));
        assert_eq!(dechunk(b"zz\r\nabc"), None);
        assert_eq!(dechunk(b"10\r\nabc"), None);
        assert_eq!(charset_param("text/html; Charset=\"windows-1256\"").as_deref(), Some("windows-1256"));
        assert_eq!(charset_param("text/html"), None);
    }
}
