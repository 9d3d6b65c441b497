use std::io;

/// Why an input (or one record of it) could not be read.
///
/// Every variant names the file; record problems also name the line (JSONL,
/// CSV) or the record number (JSON array), 1-based.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The file could not be opened or read.
    #[error("{file}: {source}")]
    Io {
        /// The file.
        file: String,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// The file is not text (NUL bytes, control bytes, a binary signature).
    #[error("{file}: binary file, not text ({reason})")]
    Binary {
        /// The file.
        file: String,
        /// What gave it away.
        reason: String,
    },
    /// The bytes are not UTF-8, UTF-16 with a BOM, or plausible Windows-1256.
    #[error("{file}: cannot decode the text: {reason}")]
    Undecodable {
        /// The file.
        file: String,
        /// Details.
        reason: String,
    },
    /// The file is over the size limit.
    #[error("{file}: {size} bytes is over the limit of {limit} bytes")]
    TooLarge {
        /// The file.
        file: String,
        /// Its size (at least this much).
        size: u64,
        /// The limit ([`crate::ReadOptions::max_bytes`]).
        limit: u64,
    },
    /// A JSONL line is over the size limit.
    #[error("{file}:{line}: record is over the limit of {limit} bytes")]
    LineTooLong {
        /// The file.
        file: String,
        /// The line (1-based).
        line: u64,
        /// The limit ([`crate::ReadOptions::max_bytes`]).
        limit: u64,
    },
    /// A JSONL line is not valid JSON (or not UTF-8).
    #[error("{file}:{line}: invalid JSON: {message}")]
    JsonSyntax {
        /// The file.
        file: String,
        /// The line (1-based).
        line: u64,
        /// The parser's message.
        message: String,
    },
    /// A JSONL line is JSON but not an object.
    #[error("{file}:{line}: record is not a JSON object")]
    NotAnObject {
        /// The file.
        file: String,
        /// The line (1-based).
        line: u64,
    },
    /// A record has no text field (none of the names looked for, or it is null).
    #[error("{file}:{line}: record has no text field (looked for {looked_for}; fields seen: {seen})")]
    MissingText {
        /// The file.
        file: String,
        /// The line (JSONL, CSV) or record number (JSON array), 1-based.
        line: u64,
        /// The field names looked for, comma-separated.
        looked_for: String,
        /// The record's field names, comma-separated (`none` for an empty record).
        seen: String,
    },
    /// A document (a text file, a record, a page, a feed entry) has no text.
    #[error("{file}{}: empty document: no text to extract", record.map(|r| format!(":{r}")).unwrap_or_default())]
    Empty {
        /// The file, URL or record source.
        file: String,
        /// The line or record number (1-based), if any.
        record: Option<u64>,
    },
    /// A path in the input is not a regular file (a FIFO, socket or device) and is not read.
    #[error("{file}: not a regular file ({kind}); skipped")]
    NotAFile {
        /// The path.
        file: String,
        /// What it is.
        kind: &'static str,
    },
    /// A JSONL record field has the wrong JSON type.
    #[error("{file}:{line}: field \"{field}\" must be {expected}")]
    WrongFieldType {
        /// The file.
        file: String,
        /// The line (1-based).
        line: u64,
        /// The field name.
        field: String,
        /// What it should be.
        expected: &'static str,
    },
    /// A structured input (HTML page, WARC archive, feed) is malformed; `record`
    /// numbers the WARC record or feed entry (1-based) when the problem is in one.
    #[error("{file}{}: malformed {format}: {message}", record.map(|r| format!(":{r}")).unwrap_or_default())]
    Malformed {
        /// The file or URL.
        file: String,
        /// The record or entry (1-based), if any.
        record: Option<u64>,
        /// The format (`html`, `warc`, `gzip`, `feed`).
        format: &'static str,
        /// What is wrong.
        message: String,
    },
    /// A URL could not be fetched.
    #[error("{file}: fetch failed: {message}")]
    Fetch {
        /// The URL.
        file: String,
        /// What went wrong (timeout, status, size limit).
        message: String,
    },
}

impl InputError {
    /// The file the error is about.
    pub fn file(&self) -> &str {
        match self {
            InputError::Io { file, .. }
            | InputError::Binary { file, .. }
            | InputError::Undecodable { file, .. }
            | InputError::TooLarge { file, .. }
            | InputError::LineTooLong { file, .. }
            | InputError::JsonSyntax { file, .. }
            | InputError::NotAnObject { file, .. }
            | InputError::MissingText { file, .. }
            | InputError::WrongFieldType { file, .. }
            | InputError::Malformed { file, .. }
            | InputError::Empty { file, .. }
            | InputError::NotAFile { file, .. }
            | InputError::Fetch { file, .. } => file,
        }
    }

    /// The JSONL line the error is about, if any.
    pub fn line(&self) -> Option<u64> {
        match self {
            InputError::LineTooLong { line, .. }
            | InputError::JsonSyntax { line, .. }
            | InputError::NotAnObject { line, .. }
            | InputError::MissingText { line, .. }
            | InputError::WrongFieldType { line, .. } => Some(*line),
            InputError::Malformed { record, .. } | InputError::Empty { record, .. } => *record,
            _ => None,
        }
    }
}
