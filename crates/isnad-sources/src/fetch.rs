//! Fetching feeds and pages over HTTP(S).

use std::io::Read;
use std::time::Duration;

use isnad_input::{Docs, InputDoc, InputError, ReadOptions};

use crate::feed::parse_feed;
use crate::html::{decode_html, extract_html};
use crate::warc::charset_param;
use crate::{fill, is_url};

/// The default size limit of one fetched body: 16 MiB.
pub const DEFAULT_FETCH_LIMIT: u64 = 16 * 1024 * 1024;

/// Feed entries whose text is shorter than this (in chars) are followed to
/// their page when [`Fetcher::follow`] is on.
pub const FOLLOW_BELOW_CHARS: usize = 400;

/// A blocking HTTP(S) client for feeds and article pages.
///
/// Connect timeout 10 s, total timeout 30 s, user agent `isnad/VERSION`,
/// bodies capped at [`DEFAULT_FETCH_LIMIT`] (see [`Fetcher::max_bytes`]);
/// only `http` and `https` URLs are fetched and any non-2xx status is an error.
///
/// It is blocking (reqwest's blocking client runs its own runtime): call it
/// from ordinary threads, not from inside an async runtime.
#[derive(Debug, Clone)]
pub struct Fetcher {
    client: reqwest::blocking::Client,
    max_bytes: u64,
    follow: bool,
}

/// A fetched body.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The final URL (after redirects).
    pub url: String,
    /// The `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The body.
    pub bytes: Vec<u8>,
}

impl Fetcher {
    /// A fetcher with the default limits that does not follow feed links.
    ///
    /// # Errors
    ///
    /// [`InputError::Fetch`] when the HTTP client cannot be built (TLS setup).
    pub fn new() -> Result<Self, InputError> {
        let client = reqwest::blocking::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(30))
            .user_agent(concat!("isnad/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| InputError::Fetch {
                file: String::new(),
                message: format!("cannot build the HTTP client: {e}"),
            })?;
        Ok(Fetcher { client, max_bytes: DEFAULT_FETCH_LIMIT, follow: false })
    }

    /// Sets the largest body accepted, in bytes.
    #[must_use]
    pub fn max_bytes(mut self, limit: u64) -> Self {
        self.max_bytes = limit;
        self
    }

    /// Whether [`Fetcher::read_feed_url`] fetches the page of each entry whose
    /// text is shorter than [`FOLLOW_BELOW_CHARS`].
    #[must_use]
    pub fn follow(mut self, follow: bool) -> Self {
        self.follow = follow;
        self
    }

    /// Fetches `url`.
    ///
    /// # Errors
    ///
    /// [`InputError::Fetch`] naming the URL: not http(s), connection or
    /// timeout failure, non-2xx status, body over the size limit.
    pub fn fetch(&self, url: &str) -> Result<Fetched, InputError> {
        let url = url.trim();
        let err = |message: String| InputError::Fetch { file: url.to_string(), message };
        if !is_url(url) {
            return Err(err("only absolute http:// and https:// URLs are fetched".into()));
        }
        let resp = self.client.get(url).send().map_err(|e| err(describe(&e)))?;
        let status = resp.status();
        if !status.is_success() {
            return Err(err(format!("HTTP status {status}")));
        }
        if let Some(len) = resp.content_length().filter(|l| *l > self.max_bytes) {
            return Err(err(format!("body of {len} bytes is over the limit of {} bytes", self.max_bytes)));
        }
        let final_url = resp.url().to_string();
        let content_type =
            resp.headers().get(reqwest::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(str::to_string);
        let mut bytes = Vec::new();
        resp.take(self.max_bytes.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| err(format!("reading the body: {e}")))?;
        if bytes.len() as u64 > self.max_bytes {
            return Err(err(format!("body is over the limit of {} bytes", self.max_bytes)));
        }
        Ok(Fetched { url: final_url, content_type, bytes })
    }

    /// Fetches an article page and extracts it with [`extract_html`]
    /// (`meta.source` and `meta.url` are the URL asked for).
    ///
    /// # Errors
    ///
    /// [`InputError::Fetch`] as for [`Fetcher::fetch`]; the errors of
    /// [`decode_html`] and [`extract_html`].
    pub fn fetch_html(&self, url: &str, opts: &ReadOptions) -> Result<InputDoc, InputError> {
        let page = self.fetch(url)?;
        page_doc(&page, url.trim(), opts)
    }

    /// Fetches `url` and reads it as a feed or as an article page, by its
    /// `Content-Type` (`html` → page; `xml`, `rss`, `atom`, `json` → feed) or,
    /// without a telling one, by sniffing the body (`<rss`, `<feed`, `<rdf:RDF`,
    /// a JSON Feed `version` → feed; anything else → page). Feeds are not
    /// followed here; use [`Fetcher::read_feed_url`] for that.
    pub fn read_url(&self, url: &str, opts: &ReadOptions) -> Docs {
        let url = url.trim();
        let page = match self.fetch(url) {
            Ok(p) => p,
            Err(e) => return Box::new(std::iter::once(Err(e))),
        };
        let ct = page.content_type.as_deref().unwrap_or_default().to_ascii_lowercase();
        let is_feed = if ct.contains("html") {
            false
        } else if ["xml", "rss", "atom", "json"].iter().any(|k| ct.contains(k)) {
            true
        } else {
            let head = String::from_utf8_lossy(&page.bytes[..page.bytes.len().min(2048)]).to_ascii_lowercase();
            ["<rss", "<feed", "<rdf:rdf", "jsonfeed.org/version"].iter().any(|k| head.contains(k))
        };
        if is_feed {
            let opts = ReadOptions { max_bytes: opts.max_bytes.min(self.max_bytes), ..opts.clone() };
            return match parse_feed(&page.bytes, url, &opts) {
                Ok(docs) => Box::new(docs.into_iter().map(Ok)),
                Err(e) => Box::new(std::iter::once(Err(e))),
            };
        }
        Box::new(std::iter::once(page_doc(&page, url, opts)))
    }

    /// Fetches a feed and yields its entries (see [`parse_feed`];
    /// `meta.source` is `URL#N`). With [`Fetcher::follow`] on, an entry whose
    /// text is short has its link fetched and extracted; when that fails the
    /// error is yielded and then the entry with its summary.
    pub fn read_feed_url(&self, url: &str, opts: &ReadOptions) -> Docs {
        let opts = ReadOptions { max_bytes: opts.max_bytes.min(self.max_bytes), ..opts.clone() };
        let entries = match self.fetch(url).and_then(|f| parse_feed(&f.bytes, url.trim(), &opts)) {
            Ok(e) => e,
            Err(e) => return Box::new(std::iter::once(Err(e))),
        };
        if !self.follow {
            return Box::new(entries.into_iter().map(Ok));
        }
        let this = self.clone();
        Box::new(entries.into_iter().flat_map(move |entry| this.follow_entry(entry, &opts)))
    }

    fn follow_entry(&self, entry: InputDoc, opts: &ReadOptions) -> Vec<Result<InputDoc, InputError>> {
        let Some(link) = entry.meta.url.clone().filter(|_| entry.raw.chars().count() < FOLLOW_BELOW_CHARS) else {
            return vec![Ok(entry)];
        };
        match self.fetch_html(&link, opts) {
            Ok(page) => {
                let mut meta = entry.meta;
                // The feed's fields win; the page fills the gaps.
                meta.title = meta.title.or(page.meta.title);
                // A `--published` default filled in by the feed reader gives way to the page's date.
                if meta.published.is_none() || meta.published == opts.published {
                    meta.published = page.meta.published.or(meta.published);
                }
                meta.author = meta.author.or(page.meta.author);
                meta.lang = meta.lang.or(page.meta.lang);
                vec![Ok(InputDoc { meta, raw: page.raw, warnings: page.warnings })]
            }
            Err(e) => vec![Err(e), Ok(entry)],
        }
    }
}

/// Decodes and extracts a fetched page; `url` is its source and URL.
fn page_doc(page: &Fetched, url: &str, opts: &ReadOptions) -> Result<InputDoc, InputError> {
    let charset = page.content_type.as_deref().and_then(charset_param);
    let (html, warnings) = decode_html(&page.bytes, charset.as_deref(), url)?;
    let mut doc = extract_html(&html, url, Some(url))?;
    doc.warnings.splice(0..0, warnings);
    fill(opts, &mut doc.meta);
    Ok(doc)
}

/// A short description of a request failure.
fn describe(e: &reqwest::Error) -> String {
    let kind = if e.is_timeout() {
        "timed out"
    } else if e.is_connect() {
        "cannot connect"
    } else if e.is_redirect() {
        "too many redirects"
    } else {
        "request failed"
    };
    let mut msg = kind.to_string();
    let mut src: Option<&dyn std::error::Error> = std::error::Error::source(e);
    while let Some(s) = src {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        src = s.source();
    }
    msg
}
