//! Readers of one input stream: a text, JSONL, JSON or CSV/TSV file, or
//! standard input. Files and folders are walked by `isnad_sources::read_any`.

use std::io::{self, BufReader, Cursor, Read};

use isnad_model::Metadata;

use crate::jsonl::{looks_like_jsonl, JsonlIter};
use crate::records::{is_blank, read_csv, read_json};
use crate::{decode, Docs, InputDoc, InputError, ReadOptions};

/// The shape of a text or records input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One plain-text article ([`decode`]d).
    Text,
    /// JSON Lines: one record a line.
    Jsonl,
    /// A JSON array of records, or one record object.
    Json,
    /// Comma-separated values with a header row.
    Csv,
    /// Tab-separated values with a header row.
    Tsv,
}

impl Format {
    /// The format a file name says (by its extension, any case, after a
    /// trailing `.gz`): `.txt` → text, `.jsonl`/`.ndjson` → JSONL, `.json` →
    /// JSON, `.csv` → CSV, `.tsv`/`.tab` → TSV; `None` for anything else.
    pub fn of_name(name: &str) -> Option<Format> {
        let lower = name.to_lowercase();
        let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
        let (_, ext) = lower.rsplit_once('.')?;
        Some(match ext {
            "txt" => Format::Text,
            "jsonl" | "ndjson" => Format::Jsonl,
            "json" => Format::Json,
            "csv" => Format::Csv,
            "tsv" | "tab" => Format::Tsv,
            _ => return None,
        })
    }
}

/// Reads one input stream in a known format; `name` names it in
/// `meta.source` and in errors.
///
/// * text: the whole stream (at most `max_bytes`) is one document,
///   `meta.source = name`;
/// * JSONL: streamed line by line, `meta.source = name:LINE`;
/// * JSON: an array of records (`name:N`) or one record object (`name`);
/// * CSV/TSV: streamed row by row, `name:LINE`.
///
/// A bad record yields an error naming the file and line (or record
/// number); the records after it are still read.
pub fn read_reader(reader: Box<dyn Read + Send>, name: &str, format: Format, opts: &ReadOptions) -> Docs {
    match format {
        Format::Jsonl => Box::new(JsonlIter::new(BufReader::with_capacity(1 << 16, reader), name.into(), opts.clone())),
        Format::Csv => read_csv(reader, name, b',', opts),
        Format::Tsv => read_csv(reader, name, b'\t', opts),
        Format::Text | Format::Json => match read_limited(reader, name, opts.max_bytes) {
            Ok(bytes) if format == Format::Json => read_json(bytes, name, opts),
            Ok(bytes) => Box::new(std::iter::once(text_doc(&bytes, name, opts))),
            Err(e) => Box::new(std::iter::once(Err(e))),
        },
    }
}

/// Reads all of `reader`, refusing more than `max_bytes`.
pub fn read_limited(reader: impl Read, name: &str, max_bytes: u64) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    reader
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| InputError::Io { file: name.to_string(), source })?;
    if bytes.len() as u64 > max_bytes {
        return Err(InputError::TooLarge { file: name.to_string(), size: bytes.len() as u64, limit: max_bytes });
    }
    Ok(bytes)
}

/// Reads all of standard input (`meta.source = "-"`) the way [`read_bytes`] does.
pub fn read_stdin(opts: &ReadOptions) -> Docs {
    match read_limited(io::stdin().lock(), "-", opts.max_bytes) {
        Ok(bytes) => read_bytes(bytes, "-", opts),
        Err(e) => Box::new(std::iter::once(Err(e))),
    }
}

/// Reads an in-memory input of unknown format (standard input): as JSONL
/// when it is UTF-8, starts (after spaces and an optional BOM) with `{` and
/// every non-empty line is a JSON object (`meta.source = name:LINE`); as a
/// JSON array of records when it starts with `[` and parses as an array of
/// objects (`name:N`); otherwise as one decoded document named `name`.
pub fn read_bytes(bytes: Vec<u8>, name: &str, opts: &ReadOptions) -> Docs {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if let Ok(text) = std::str::from_utf8(body) {
        if looks_like_jsonl(text) {
            return Box::new(JsonlIter::new(Cursor::new(bytes), name.to_string(), opts.clone()));
        }
        if text.trim_start().starts_with('[')
            && serde_json::from_str::<Vec<serde_json::Value>>(text).is_ok_and(|v| v.iter().all(|x| x.is_object()))
        {
            return read_json(bytes, name, opts);
        }
    }
    Box::new(std::iter::once(text_doc(&bytes, name, opts)))
}

/// One plain-text document; a text with nothing visible is [`InputError::Empty`].
fn text_doc(bytes: &[u8], name: &str, opts: &ReadOptions) -> Result<InputDoc, InputError> {
    let (raw, mut warnings) = decode(bytes, name)?;
    if is_blank(&raw) {
        return Err(InputError::Empty { file: name.to_string(), record: None });
    }
    warnings.retain(|w| w.code != "empty_input");
    let mut meta = Metadata { source: name.to_string(), ..Metadata::default() };
    opts.fill(&mut meta);
    Ok(InputDoc { meta, raw, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8], name: &str, format: Format, opts: &ReadOptions) -> Vec<Result<InputDoc, InputError>> {
        read_reader(Box::new(Cursor::new(bytes.to_vec())), name, format, opts).collect()
    }

    #[test]
    fn formats_by_name() {
        assert_eq!(Format::of_name("a/B.TXT"), Some(Format::Text));
        assert_eq!(Format::of_name("x.ndjson"), Some(Format::Jsonl));
        assert_eq!(Format::of_name("x.jsonl.gz"), Some(Format::Jsonl));
        assert_eq!(Format::of_name("x.json"), Some(Format::Json));
        assert_eq!(Format::of_name("x.CSV.gz"), Some(Format::Csv));
        assert_eq!(Format::of_name("x.tsv"), Some(Format::Tsv));
        assert_eq!(Format::of_name("x.html"), None);
        assert_eq!(Format::of_name("README"), None);
    }

    #[test]
    fn a_text_is_one_document() {
        let o =
            ReadOptions { published: Some("2024-01-29".into()), outlet: Some("Outlet".into()), ..Default::default() };
        let docs = read("\u{FEFF}نص المقال\n".as_bytes(), "a.txt", Format::Text, &o);
        assert_eq!(docs.len(), 1);
        let d = docs[0].as_ref().unwrap();
        assert_eq!(d.meta.source, "a.txt");
        assert_eq!(d.raw, "\u{FEFF}نص المقال\n");
        assert_eq!(d.meta.published.as_deref(), Some("2024-01-29"));
        assert_eq!(d.meta.outlet.as_deref(), Some("Outlet"));
    }

    #[test]
    fn empty_and_binary_texts_are_refused() {
        let o = ReadOptions::default();
        for bytes in [&b""[..], b" \n\t ", "\u{FEFF}\u{200F}\n".as_bytes()] {
            let e = read(bytes, "empty.txt", Format::Text, &o).pop().unwrap().unwrap_err();
            assert_eq!(e.to_string(), "empty.txt: empty document: no text to extract", "{bytes:?}");
        }
        let e = read(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "img.txt", Format::Text, &o).pop().unwrap().unwrap_err();
        assert!(matches!(e, InputError::Binary { .. }));
        assert!(e.to_string().contains("img.txt"));
    }

    #[test]
    fn size_limits() {
        let o = ReadOptions { max_bytes: 99, ..Default::default() };
        let e = read(&[b'a'; 100], "big.txt", Format::Text, &o).pop().unwrap().unwrap_err();
        assert!(matches!(e, InputError::TooLarge { size: 100, limit: 99, .. }));
        let o = ReadOptions { max_bytes: 100, ..Default::default() };
        assert!(read(&[b'a'; 100], "big.txt", Format::Text, &o)[0].is_ok());
    }

    #[test]
    fn a_jsonl_stream_yields_records_and_errors() {
        let data = "{\"id\": \"r1\", \"source\": \"S\", \"text\": \"أ\"}\n\nnot json\n{\"text\": 5}\n{\"id\": \"r2\", \"text\": \"ب\"}\n";
        let docs = read(data.as_bytes(), "x.ndjson", Format::Jsonl, &ReadOptions::default());
        assert_eq!(docs.len(), 4);
        let d = docs[0].as_ref().unwrap();
        assert_eq!(
            (d.meta.source.as_str(), d.meta.record_id.as_deref(), d.meta.outlet.as_deref()),
            ("x.ndjson:1", Some("r1"), Some("S"))
        );
        assert!(matches!(&docs[1], Err(InputError::JsonSyntax { line: 3, file, .. }) if file == "x.ndjson"));
        assert!(matches!(&docs[2], Err(InputError::WrongFieldType { line: 4, .. })));
        assert_eq!(docs[3].as_ref().unwrap().meta.source, "x.ndjson:5");
    }

    #[test]
    fn in_memory_input_sniffs_jsonl_and_json_arrays() {
        let o = ReadOptions::default();
        let docs: Vec<_> = read_bytes(b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n".to_vec(), "-", &o).collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].as_ref().unwrap().meta.source, "-:2");
        let docs: Vec<_> = read_bytes(b"{\"text\": \"a\"}\nplain".to_vec(), "-", &o).collect();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].as_ref().unwrap().meta.source, "-");
        assert_eq!(docs[0].as_ref().unwrap().raw, "{\"text\": \"a\"}\nplain");
        let docs: Vec<_> = read_bytes(br#" [{"content": "a"}, {"text": "b"}]"#.to_vec(), "-", &o).collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].as_ref().unwrap().raw, "a");
        let docs: Vec<_> = read_bytes("[عاجل] مقال عادي".as_bytes().to_vec(), "-", &o).collect();
        assert_eq!(docs[0].as_ref().unwrap().raw, "[عاجل] مقال عادي");
    }

    #[test]
    fn a_50_mb_jsonl_record_streams() {
        let text = "كلمة ".repeat(6_000_000);
        let line = format!("{{\"text\": \"{text}\"}}\n");
        assert!(line.len() > 50_000_000);
        let docs: Vec<_> =
            JsonlIter::new(Cursor::new(line.into_bytes()), "big".into(), ReadOptions::default()).collect();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].as_ref().unwrap().raw.len(), text.len());
    }
}
