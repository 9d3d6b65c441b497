//! Reading isnad inputs robustly.
//!
//! An input is a plain-text article (any encoding [`decode`] accepts), a
//! JSONL file with one article record a line, a directory of such files, or
//! standard input. Every reader yields [`InputDoc`]s or [`InputError`]s; a bad
//! record never stops the records after it.
//!
//! * [`decode`] turns bytes into text: UTF-8 (a leading BOM is kept for the
//!   cleaner to record), UTF-16 LE/BE with a byte-order mark, and Windows-1256
//!   when the bytes are not UTF-8 but read as mostly Arabic letters in 1256.
//!   Binary files (NUL bytes, many control bytes, PNG/JPEG/PDF/ZIP/gzip/ELF
//!   signatures) are refused.
//! * [`read_path`] reads a file or a directory (recursively, in sorted order,
//!   `.txt`, `.jsonl` and `.ndjson` files only).
//! * [`read_stdin`] reads standard input as one document, or as JSONL when it
//!   looks like JSONL (see [`read_bytes`]).

mod decode;
mod error;
mod jsonl;
mod read;

pub use decode::decode;
pub use error::InputError;
pub use jsonl::parse_record;
pub use read::{read_bytes, read_path, read_stdin};

use isnad_model::{Metadata, Warning};

/// The default size limit of one input file (or one JSONL record): 256 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// One article read from the input, before cleaning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputDoc {
    /// Source and metadata.
    pub meta: Metadata,
    /// The article text, decoded to Unicode, otherwise exactly as given.
    pub raw: String,
    /// Non-fatal problems met while reading (encoding fallbacks, empty input).
    pub warnings: Vec<Warning>,
}

/// How inputs are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// Largest file (plain text) or record (JSONL line) accepted, in bytes.
    pub max_bytes: u64,
    /// Publication date to use when the input gives none (`--published`).
    pub published: Option<String>,
    /// Outlet to use when the input gives none (`--outlet`).
    pub outlet: Option<String>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions { max_bytes: DEFAULT_MAX_BYTES, published: None, outlet: None }
    }
}

/// The result stream of every reader.
pub type Docs = Box<dyn Iterator<Item = Result<InputDoc, InputError>> + Send>;

pub(crate) fn warning(code: &str, message: impl Into<String>) -> Warning {
    Warning { code: code.to_string(), message: message.into() }
}

impl ReadOptions {
    /// Fills `published` and `outlet` from the options where `meta` lacks them.
    pub(crate) fn fill(&self, meta: &mut Metadata) {
        if meta.published.is_none() {
            meta.published.clone_from(&self.published);
        }
        if meta.outlet.is_none() {
            meta.outlet.clone_from(&self.outlet);
        }
    }
}
