//! Reading isnad inputs robustly.
//!
//! An input stream is a plain-text article (any encoding [`decode`] accepts),
//! or records: JSON Lines, a JSON array, CSV or TSV, with fields named as
//! public datasets name them ([`records`]). Every reader yields [`InputDoc`]s
//! or [`InputError`]s; a bad record never stops the records after it. Files,
//! folders, archives, web formats and URLs are walked and dispatched by
//! `isnad_sources::read_any`, the one front door of `extract` and `ingest`.
//!
//! * [`decode`] turns bytes into text: UTF-8 (a leading BOM is kept for the
//!   cleaner to record), UTF-16 LE/BE with a byte-order mark, and Windows-1256
//!   when the bytes are not UTF-8 but read as mostly Arabic letters in 1256.
//!   Binary files (NUL bytes, many control bytes, PNG/JPEG/PDF/ZIP/gzip/ELF
//!   signatures) are refused.
//! * [`read_reader`] reads one stream in a known [`Format`].
//! * [`read_stdin`] reads standard input as one document, or as JSONL or a
//!   JSON array when it looks like one (see [`read_bytes`]).
//! * A document with no visible text is [`InputError::Empty`], whatever its kind.

mod decode;
mod error;
mod jsonl;
mod read;
pub mod records;

pub use decode::decode;
pub use error::InputError;
pub use jsonl::parse_record;
pub use read::{read_bytes, read_limited, read_reader, read_stdin, Format};
pub use records::{is_blank, read_csv, read_json, FieldNames};

use isnad_model::{Metadata, Published, Warning};

/// The default size limit of one input file (or one JSONL record): 256 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// One article read from the input, before cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputDoc {
    /// Source and metadata.
    pub meta: Metadata,
    /// The article text, decoded to Unicode, otherwise exactly as given.
    pub raw: String,
    /// Non-fatal problems met while reading (encoding fallbacks, a publication date ignored).
    pub warnings: Vec<Warning>,
}

/// How inputs are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// Largest file (text, JSON, decompressed `.gz`) or record (JSONL line, CSV row) accepted, in bytes.
    pub max_bytes: u64,
    /// Publication date to use when the input gives none (`--published`).
    pub published: Option<String>,
    /// Outlet to use when the input gives none (`--outlet`).
    pub outlet: Option<String>,
    /// Record field-name overrides (`--text-field` …).
    pub fields: FieldNames,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions { max_bytes: DEFAULT_MAX_BYTES, published: None, outlet: None, fields: FieldNames::default() }
    }
}

/// The result stream of every reader.
pub type Docs = Box<dyn Iterator<Item = Result<InputDoc, InputError>> + Send>;

pub(crate) fn warning(code: &str, message: impl Into<String>) -> Warning {
    Warning { code: code.to_string(), message: message.into() }
}

/// Parses `meta.published` ([`Published::parse`]: ISO 8601 or RFC 2822, a
/// year in 1800–2200) and writes it back normalized ([`Published::to_iso`]).
/// A value that is not such a date is dropped with a `bad_date` warning
/// naming it: the document is kept, undated.
pub fn normalize_published(meta: &mut Metadata, warnings: &mut Vec<Warning>) {
    let Some(value) = meta.published.take() else { return };
    match Published::parse(&value) {
        Ok(p) => meta.published = Some(p.to_iso()),
        Err(message) => warnings.push(warning("bad_date", format!("{message}; ignored"))),
    }
}

/// Parses a `--published` value: the normalized date, or the reason it is not one.
pub fn parse_published_option(value: &str) -> Result<String, String> {
    Published::parse(value).map(|p| p.to_iso())
}

impl ReadOptions {
    /// Fills `published` and `outlet` from the options where `meta` lacks them.
    pub fn fill(&self, meta: &mut Metadata) {
        if meta.published.is_none() {
            meta.published.clone_from(&self.published);
        }
        if meta.outlet.is_none() {
            meta.outlet.clone_from(&self.outlet);
        }
    }
}
