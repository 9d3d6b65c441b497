//! JSONL records: one article a line.

use std::io::{self, BufRead, Read};

use serde_json::Value;

use crate::records::{record_doc, At};
use crate::{InputDoc, InputError, ReadOptions};

/// Parses one JSONL record (one line, without its line break).
///
/// `file` and `line` (1-based) name the record in `meta.source`
/// (`file:line`) and in errors. Fields are looked for under the names public
/// datasets use (see [`crate::records`]): text (`text`, `content`, `body`,
/// `article`, `story`; required, a string), `id` (string or number) →
/// `record_id`, url (`url`, `link`), outlet (`source`, `outlet`, `site`,
/// `publisher`), title (`title`, `headline`), published (`published`,
/// `date`, `pubDate`, `date_extracted`, `datetime`), `author`, `lang`; the
/// `--*-field` options ([`crate::FieldNames`]) override the names. Null or
/// blank values count as absent; other fields are ignored. `published` and
/// `outlet` fall back to `opts`. A blank text is [`InputError::Empty`].
pub fn parse_record(line: &str, file: &str, line_no: u64, opts: &ReadOptions) -> Result<InputDoc, InputError> {
    let value: Value = serde_json::from_str(line).map_err(|e| InputError::JsonSyntax {
        file: file.to_string(),
        line: line_no,
        message: e.to_string(),
    })?;
    let Value::Object(obj) = value else {
        return Err(InputError::NotAnObject { file: file.to_string(), line: line_no });
    };
    record_doc(&obj, format!("{file}:{line_no}"), At { file, n: line_no }, opts)
}

/// Streams the records of a JSONL reader, one line at a time.
pub(crate) struct JsonlIter<R> {
    reader: R,
    name: String,
    opts: ReadOptions,
    line_no: u64,
    buf: Vec<u8>,
    started: bool,
    done: bool,
}

impl<R: BufRead> JsonlIter<R> {
    pub(crate) fn new(reader: R, name: String, opts: ReadOptions) -> Self {
        JsonlIter { reader, name, opts, line_no: 0, buf: Vec::new(), started: false, done: false }
    }

    /// Refuses binary and UTF-16 files before the first line; skips a UTF-8 BOM.
    fn check_start(&mut self) -> Result<(), InputError> {
        let name = &self.name;
        let head = self.reader.fill_buf().map_err(|source| InputError::Io { file: name.clone(), source })?;
        if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") {
            return Err(InputError::Undecodable {
                file: name.clone(),
                reason: "JSONL must be UTF-8, found a UTF-16 byte-order mark".into(),
            });
        }
        let sample = &head[..head.len().min(4096)];
        if let Some(reason) = crate::decode::binary_reason(sample) {
            return Err(InputError::Binary { file: name.clone(), reason });
        }
        if head.starts_with(b"\xEF\xBB\xBF") {
            self.reader.consume(3);
        }
        Ok(())
    }

    fn io(&self, source: io::Error) -> InputError {
        InputError::Io { file: self.name.clone(), source }
    }

    /// Reads the next line into `buf` (without its line break). `Ok(None)` at
    /// the end, `Ok(Some(false))` when the line is over the limit (skipped).
    fn read_line(&mut self) -> io::Result<Option<bool>> {
        self.buf.clear();
        let limit = self.opts.max_bytes;
        let n = (&mut self.reader).take(limit.saturating_add(1)).read_until(b'\n', &mut self.buf)?;
        if n == 0 {
            return Ok(None);
        }
        if self.buf.last() == Some(&b'\n') {
            self.buf.pop();
            if self.buf.last() == Some(&b'\r') {
                self.buf.pop();
            }
            return Ok(Some(true));
        }
        if self.buf.len() as u64 <= limit {
            return Ok(Some(true)); // last line, no line break
        }
        // Over the limit: skip the rest of the line without keeping it.
        self.buf.clear();
        loop {
            let avail = self.reader.fill_buf()?;
            if avail.is_empty() {
                break;
            }
            if let Some(i) = avail.iter().position(|&b| b == b'\n') {
                self.reader.consume(i + 1);
                break;
            }
            let len = avail.len();
            self.reader.consume(len);
        }
        Ok(Some(false))
    }
}

impl<R: BufRead> Iterator for JsonlIter<R> {
    type Item = Result<InputDoc, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        if !self.started {
            self.started = true;
            if let Err(e) = self.check_start() {
                self.done = true;
                return Some(Err(e));
            }
        }
        loop {
            let fits = match self.read_line() {
                Ok(Some(fits)) => fits,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(self.io(e)));
                }
            };
            self.line_no += 1;
            if !fits {
                return Some(Err(InputError::LineTooLong {
                    file: self.name.clone(),
                    line: self.line_no,
                    limit: self.opts.max_bytes,
                }));
            }
            let line = match std::str::from_utf8(&self.buf) {
                Ok(s) => s,
                Err(e) => {
                    return Some(Err(InputError::JsonSyntax {
                        file: self.name.clone(),
                        line: self.line_no,
                        message: format!("not valid UTF-8 (byte {})", e.valid_up_to()),
                    }))
                }
            };
            if line.trim().is_empty() {
                continue;
            }
            return Some(parse_record(line, &self.name, self.line_no, &self.opts));
        }
    }
}

/// True when `text` is JSONL: its first non-space char is `{` and every
/// non-empty line parses as a JSON object.
pub(crate) fn looks_like_jsonl(text: &str) -> bool {
    text.trim_start().starts_with('{')
        && text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .all(|l| matches!(serde_json::from_str::<Value>(l), Ok(Value::Object(_))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> ReadOptions {
        ReadOptions::default()
    }

    #[test]
    fn a_full_record_fills_the_metadata() {
        let line = r#"{"id": "X-1", "url": "https://example.org/a", "source": "Example News", "title": "عنوان", "published": "2020-01-02T03:04:05+00:00", "author": "", "category": "world", "text": "نص الخبر."}"#;
        let d = parse_record(line, "f.jsonl", 7, &opts()).unwrap();
        assert_eq!(d.raw, "نص الخبر.");
        assert_eq!(d.meta.source, "f.jsonl:7");
        assert_eq!(d.meta.record_id.as_deref(), Some("X-1"));
        assert_eq!(d.meta.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(d.meta.outlet.as_deref(), Some("Example News"));
        assert_eq!(d.meta.title.as_deref(), Some("عنوان"));
        assert_eq!(d.meta.published.as_deref(), Some("2020-01-02T03:04:05+00:00"));
        assert_eq!(d.meta.author, None, "blank author is absent");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn options_fill_only_missing_metadata() {
        let o = ReadOptions { published: Some("2024-05-01".into()), outlet: Some("CLI Outlet".into()), ..opts() };
        let d = parse_record(r#"{"id": 42, "text": "x", "source": "Given"}"#, "f", 1, &o).unwrap();
        assert_eq!(d.meta.record_id.as_deref(), Some("42"));
        assert_eq!(d.meta.published.as_deref(), Some("2024-05-01"));
        assert_eq!(d.meta.outlet.as_deref(), Some("Given"));
    }

    #[test]
    fn bad_records_name_file_and_line() {
        let e = parse_record("{not json", "f.jsonl", 3, &opts()).unwrap_err();
        assert!(matches!(e, InputError::JsonSyntax { line: 3, .. }));
        assert!(e.to_string().starts_with("f.jsonl:3: "), "{e}");
        assert!(matches!(parse_record("[1]", "f", 4, &opts()), Err(InputError::NotAnObject { line: 4, .. })));
        assert!(matches!(
            parse_record(r#"{"id": "a"}"#, "f", 5, &opts()),
            Err(InputError::MissingText { line: 5, .. })
        ));
        assert!(matches!(parse_record(r#"{"text": null}"#, "f", 5, &opts()), Err(InputError::MissingText { .. })));
        let e = parse_record(r#"{"text": 12}"#, "f", 6, &opts()).unwrap_err();
        assert!(matches!(e, InputError::WrongFieldType { ref field, line: 6, .. } if field == "text"));
        let e = parse_record(r#"{"text": "t", "title": ["x"]}"#, "f", 8, &opts()).unwrap_err();
        assert!(matches!(e, InputError::WrongFieldType { ref field, .. } if field == "title"));
        assert_eq!(e.file(), "f");
        assert_eq!(e.line(), Some(8));
    }

    #[test]
    fn empty_text_is_an_empty_document_error() {
        let e = parse_record(r#"{"text": ""}"#, "f", 1, &opts()).unwrap_err();
        assert!(matches!(e, InputError::Empty { record: Some(1), .. }));
        assert_eq!(e.to_string(), "f:1: empty document: no text to extract");
        let e = parse_record("{\"text\": \" \\u200f\\n\"}", "f", 2, &opts()).unwrap_err();
        assert!(matches!(e, InputError::Empty { record: Some(2), .. }));
    }

    #[test]
    fn streaming_skips_blank_lines_and_keeps_going_after_errors() {
        let data = "\u{FEFF}{\"text\": \"a\"}\r\n\n   \n{broken\n{\"text\": \"b\"}\n{\"id\": 1}\n{\"text\": \"c\"}";
        let it = JsonlIter::new(data.as_bytes(), "s.jsonl".into(), opts());
        let got: Vec<_> = it.map(|r| r.map(|d| (d.meta.source, d.raw)).map_err(|e| e.to_string())).collect();
        assert_eq!(got.len(), 5);
        assert_eq!(got[0], Ok(("s.jsonl:1".to_string(), "a".to_string())));
        assert!(got[1].as_ref().unwrap_err().starts_with("s.jsonl:4: invalid JSON"));
        assert_eq!(got[2], Ok(("s.jsonl:5".to_string(), "b".to_string())));
        assert!(got[3].as_ref().unwrap_err().starts_with("s.jsonl:6: record has no"));
        assert_eq!(got[4], Ok(("s.jsonl:7".to_string(), "c".to_string())));
    }

    #[test]
    fn overlong_lines_are_skipped_with_an_error() {
        let long = format!("{{\"text\": \"{}\"}}", "x".repeat(100));
        let data = format!("{{\"text\": \"a\"}}\n{long}\n{{\"text\": \"b\"}}\n");
        let o = ReadOptions { max_bytes: 50, ..opts() };
        let got: Vec<_> = JsonlIter::new(data.as_bytes(), "l".into(), o).collect();
        assert_eq!(got.len(), 3);
        assert!(matches!(got[1], Err(InputError::LineTooLong { line: 2, limit: 50, .. })));
        assert_eq!(got[2].as_ref().unwrap().raw, "b");
    }

    #[test]
    fn binary_and_utf16_jsonl_are_refused_once() {
        let got: Vec<_> = JsonlIter::new(&b"\x89PNG\r\n\x1a\n\0\0rest\n{}\n"[..], "p.jsonl".into(), opts()).collect();
        assert_eq!(got.len(), 1);
        assert!(matches!(got[0], Err(InputError::Binary { .. })));
        let got: Vec<_> = JsonlIter::new(&b"\xFF\xFE{\0}\0"[..], "u.jsonl".into(), opts()).collect();
        assert!(matches!(got[..], [Err(InputError::Undecodable { .. })]));
        let got: Vec<_> =
            JsonlIter::new(&b"{\"text\": \"\xC7\xE1\"}\n{\"text\": \"ok\"}"[..], "w.jsonl".into(), opts()).collect();
        assert!(matches!(got[0], Err(InputError::JsonSyntax { line: 1, .. })));
        assert!(got[1].is_ok());
    }

    #[test]
    fn jsonl_sniffing() {
        assert!(looks_like_jsonl("{\"text\": \"a\"}\n\n{\"text\": \"b\"}\n"));
        assert!(looks_like_jsonl("  {\"a\": 1}"));
        assert!(!looks_like_jsonl("{\"text\": \"a\"}\nplain line"));
        assert!(!looks_like_jsonl("قال الوزير {إن}"));
        assert!(!looks_like_jsonl("[1, 2]"));
        assert!(!looks_like_jsonl(""));
    }
}
