//! Article records in any common shape: one JSON object (a JSONL line, an
//! element of a JSON array) or one CSV/TSV row, with fields named the way
//! public datasets name them.

use std::io::{BufRead, BufReader, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use isnad_model::Metadata;
use serde_json::{Map, Value};

use crate::{Docs, InputDoc, InputError, ReadOptions};

/// Field names looked for, in order, when no override is given.
pub const TEXT_FIELDS: &[&str] = &["text", "content", "body", "article", "story"];
/// Title field names, in order.
pub const TITLE_FIELDS: &[&str] = &["title", "headline"];
/// Publication date field names, in order.
pub const DATE_FIELDS: &[&str] = &["published", "date", "pubDate", "date_extracted", "datetime"];
/// URL field names, in order.
pub const URL_FIELDS: &[&str] = &["url", "link"];
/// Outlet field names, in order.
pub const SOURCE_FIELDS: &[&str] = &["source", "outlet", "site", "publisher"];

/// Field-name overrides (`--text-field`, `--title-field`, `--date-field`,
/// `--url-field`, `--source-field`): when set, only that name is looked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldNames {
    /// The article text.
    pub text: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The publication date.
    pub date: Option<String>,
    /// The article URL.
    pub url: Option<String>,
    /// The outlet.
    pub source: Option<String>,
}

/// Where a record is: the file and its line or record number (1-based).
#[derive(Debug, Clone, Copy)]
pub(crate) struct At<'a> {
    pub file: &'a str,
    pub n: u64,
}

impl At<'_> {
    fn wrong(&self, field: &str, expected: &'static str) -> InputError {
        InputError::WrongFieldType { file: self.file.to_string(), line: self.n, field: field.to_string(), expected }
    }
}

/// The key of `obj` for a field: the override if given, else the first of
/// `names` present with a value other than null or a blank string; exact
/// names first, then ignoring case.
fn find_key<'o>(obj: &'o Map<String, Value>, names: &[&str], over: Option<&str>) -> Option<&'o str> {
    let one;
    let names: &[&str] = match over {
        Some(o) => {
            one = [o];
            &one
        }
        None => names,
    };
    let present = |k: &&String| match obj.get(k.as_str()) {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !is_blank(s),
        Some(_) => true,
    };
    for n in names {
        if let Some((k, _)) = obj.get_key_value(*n).filter(|(k, _)| present(k)) {
            return Some(k.as_str());
        }
    }
    for n in names {
        if let Some(k) = obj.keys().filter(present).find(|k| k.eq_ignore_ascii_case(n)) {
            return Some(k.as_str());
        }
    }
    None
}

/// A string field: `Ok(None)` when missing, null or blank; `Err` for other types.
fn string_at(obj: &Map<String, Value>, key: Option<&str>, at: At<'_>) -> Result<Option<String>, InputError> {
    let Some(key) = key else { return Ok(None) };
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(at.wrong(key, "a string or null")),
    }
}

/// True when `s` has no visible character (only spaces, zero-width and bidi
/// controls, byte-order marks).
pub fn is_blank(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_whitespace()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}')
    })
}

/// Turns one record (a JSON object) into a document. `source` becomes `meta.source`.
pub(crate) fn record_doc(
    obj: &Map<String, Value>,
    source: String,
    at: At<'_>,
    opts: &ReadOptions,
) -> Result<InputDoc, InputError> {
    let f = &opts.fields;
    let Some(text_key) = find_key(obj, TEXT_FIELDS, f.text.as_deref()) else {
        let names: Vec<&str> = match &f.text {
            Some(t) => vec![t.as_str()],
            None => TEXT_FIELDS.to_vec(),
        };
        if obj.iter().any(|(k, v)| v.is_string() && names.iter().any(|n| k.eq_ignore_ascii_case(n))) {
            return Err(InputError::Empty { file: at.file.to_string(), record: Some(at.n) });
        }
        let looked_for = match &f.text {
            Some(t) => t.clone(),
            None => TEXT_FIELDS.join(", "),
        };
        let mut seen: Vec<&str> = obj.keys().map(String::as_str).take(30).collect();
        if obj.len() > seen.len() {
            seen.push("…");
        }
        let seen = if seen.is_empty() { "none".to_string() } else { seen.join(", ") };
        return Err(InputError::MissingText { file: at.file.to_string(), line: at.n, looked_for, seen });
    };
    let text = match obj.get(text_key) {
        Some(Value::String(s)) => s.clone(),
        _ => return Err(at.wrong(text_key, "a string")),
    };
    let record_id = match obj.get("id") {
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => string_at(obj, Some("id"), at).map_err(|_| at.wrong("id", "a string or a number"))?,
    };
    let get =
        |names: &[&str], over: Option<&String>| string_at(obj, find_key(obj, names, over.map(String::as_str)), at);
    let mut meta = Metadata {
        source,
        record_id,
        url: get(URL_FIELDS, f.url.as_ref())?,
        outlet: get(SOURCE_FIELDS, f.source.as_ref())?,
        title: get(TITLE_FIELDS, f.title.as_ref())?,
        published: get(DATE_FIELDS, f.date.as_ref())?,
        author: get(&["author"], None)?,
        lang: get(&["lang"], None)?,
    };
    let warnings = Vec::new();
    opts.fill(&mut meta);
    Ok(InputDoc { meta, raw: text, warnings })
}

/// Reads a whole JSON file: an array of records (`meta.source = file:N`, N
/// the 1-based record number), or one record object (`meta.source = file`).
/// A file that is not one JSON value but is JSON Lines is read as JSONL.
pub fn read_json(bytes: Vec<u8>, name: &str, opts: &ReadOptions) -> Docs {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => {
            if std::str::from_utf8(body).is_ok_and(crate::jsonl::looks_like_jsonl) {
                return Box::new(crate::jsonl::JsonlIter::new(std::io::Cursor::new(bytes), name.into(), opts.clone()));
            }
            if let Some(reason) = crate::decode::binary_reason(&body[..body.len().min(4096)]) {
                return Box::new(std::iter::once(Err(InputError::Binary { file: name.into(), reason })));
            }
            let e = InputError::JsonSyntax { file: name.into(), line: e.line() as u64, message: e.to_string() };
            return Box::new(std::iter::once(Err(e)));
        }
    };
    match value {
        Value::Array(items) => {
            let (name, opts) = (name.to_string(), opts.clone());
            Box::new(items.into_iter().enumerate().map(move |(i, v)| {
                let n = i as u64 + 1;
                match v {
                    Value::Object(obj) => record_doc(&obj, format!("{name}:{n}"), At { file: &name, n }, &opts),
                    _ => Err(InputError::NotAnObject { file: name.clone(), line: n }),
                }
            }))
        }
        Value::Object(obj) => Box::new(std::iter::once(record_doc(&obj, name.into(), At { file: name, n: 1 }, opts))),
        _ => Box::new(std::iter::once(Err(InputError::NotAnObject { file: name.into(), line: 1 }))),
    }
}

/// Streams the rows of a CSV (`delimiter` `b','`) or TSV (`b'\t'`) file with
/// a header row; each row is a record whose fields are the header's names.
/// `meta.source = file:LINE` (the row's first line in the file). A row that
/// cannot be read (bad UTF-8) is an error naming its line; the rows after it
/// are still read. A binary or UTF-16 file is refused whole; a row over
/// `max_bytes` (an unterminated quote swallowing the rest of the file) or a
/// read error (a corrupt `.gz`) is an error naming the line it starts on, and
/// ends the file.
pub fn read_csv<R: Read + Send + 'static>(reader: R, name: &str, delimiter: u8, opts: &ReadOptions) -> Docs {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let once = |e| -> Docs { Box::new(std::iter::once(Err(e))) };
    match reader.fill_buf() {
        Err(source) => return once(InputError::Io { file: name.into(), source }),
        Ok(head) if head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF") => {
            let reason = "CSV must be UTF-8, found a UTF-16 byte-order mark".into();
            return once(InputError::Undecodable { file: name.into(), reason });
        }
        Ok(head) => {
            if let Some(reason) = crate::decode::binary_reason(&head[..head.len().min(4096)]) {
                return once(InputError::Binary { file: name.into(), reason });
            }
        }
    }
    let since = Arc::new(AtomicU64::new(0));
    let bounded = Bounded { inner: reader, since: Arc::clone(&since), limit: opts.max_bytes };
    let mut rdr = csv::ReaderBuilder::new().delimiter(delimiter).flexible(true).from_reader(bounded);
    let headers = match rdr.headers() {
        Ok(h) => h.iter().map(|h| h.trim_start_matches('\u{FEFF}').trim().to_string()).collect::<Vec<_>>(),
        Err(e) => return once(csv_error(name, &e, 1, opts.max_bytes)),
    };
    let (name, opts) = (name.to_string(), opts.clone());
    let mut records = rdr.into_records();
    // The line the next row starts on, for errors without a position.
    let mut next_line = 2u64;
    let mut done = false;
    Box::new(std::iter::from_fn(move || {
        if done {
            return None;
        }
        let row = records.next()?;
        since.store(0, Ordering::Relaxed);
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                done = matches!(e.kind(), csv::ErrorKind::Io(_));
                return Some(Err(csv_error(&name, &e, next_line, opts.max_bytes)));
            }
        };
        let n = row.position().map_or(next_line, |p| p.line());
        next_line = n + 1 + row.iter().map(|f| f.matches('\n').count() as u64).sum::<u64>();
        let obj: Map<String, Value> =
            headers.iter().zip(row.iter()).map(|(h, v)| (h.clone(), Value::String(v.to_string()))).collect();
        Some(record_doc(&obj, format!("{name}:{n}"), At { file: &name, n }, &opts))
    }))
}

/// A reader that fails once more than `limit` bytes (and some read-ahead)
/// were read since `since` was last reset: one CSV row may not be larger.
struct Bounded<R> {
    inner: R,
    since: Arc<AtomicU64>,
    limit: u64,
}

/// Bytes the CSV reader may read ahead of the row it returns.
const READ_AHEAD: u64 = 64 * 1024;

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let total = self.since.fetch_add(n as u64, Ordering::Relaxed) + n as u64;
        if total > self.limit.saturating_add(READ_AHEAD) {
            return Err(std::io::Error::other(RowTooLong));
        }
        Ok(n)
    }
}

/// The marker error of [`Bounded`].
#[derive(Debug)]
struct RowTooLong;

impl std::fmt::Display for RowTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("row over the size limit")
    }
}

impl std::error::Error for RowTooLong {}

fn csv_error(name: &str, e: &csv::Error, line: u64, limit: u64) -> InputError {
    if let csv::ErrorKind::Io(io) = e.kind() {
        if io.get_ref().is_some_and(|inner| inner.is::<RowTooLong>()) {
            return InputError::LineTooLong { file: name.to_string(), line, limit };
        }
        let message = format!("read error: {io}");
        return InputError::Malformed { file: name.to_string(), record: Some(line), format: "csv", message };
    }
    let record = e.position().map(|p| p.line()).or(Some(line));
    InputError::Malformed { file: name.to_string(), record, format: "csv", message: e.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> ReadOptions {
        ReadOptions::default()
    }

    fn obj(json: &str) -> Map<String, Value> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn dataset_field_names_are_recognised() {
        let o = obj(
            r#"{"headline": "عنوان", "Body": "قال الوزير.", "pubDate": "2021-03-04", "link": "https://e.org/a", "publisher": "وكالة", "id": 7}"#,
        );
        let d = record_doc(&o, "f:1".into(), At { file: "f", n: 1 }, &opts()).unwrap();
        assert_eq!(d.raw, "قال الوزير.");
        assert_eq!(d.meta.title.as_deref(), Some("عنوان"));
        assert_eq!(d.meta.published.as_deref(), Some("2021-03-04"));
        assert_eq!(d.meta.url.as_deref(), Some("https://e.org/a"));
        assert_eq!(d.meta.outlet.as_deref(), Some("وكالة"));
        assert_eq!(d.meta.record_id.as_deref(), Some("7"));
    }

    #[test]
    fn the_first_name_in_order_wins_and_null_falls_through() {
        let o = obj(r#"{"content": "ثاني", "text": "أول", "story": "ثالث"}"#);
        assert_eq!(record_doc(&o, "s".into(), At { file: "f", n: 1 }, &opts()).unwrap().raw, "أول");
        let o = obj(r#"{"text": null, "article": "نص"}"#);
        assert_eq!(record_doc(&o, "s".into(), At { file: "f", n: 1 }, &opts()).unwrap().raw, "نص");
    }

    #[test]
    fn overrides_replace_the_names_looked_for() {
        let o = obj(r#"{"text": "ليس هذا", "maqal": "هذا", "onwan": "ع", "tarikh": "2020-01-01", "w": "x"}"#);
        let fields = FieldNames {
            text: Some("maqal".into()),
            title: Some("onwan".into()),
            date: Some("tarikh".into()),
            url: None,
            source: Some("w".into()),
        };
        let o2 = ReadOptions { fields, ..opts() };
        let d = record_doc(&o, "s".into(), At { file: "f", n: 1 }, &o2).unwrap();
        assert_eq!(
            (d.raw.as_str(), d.meta.title.as_deref(), d.meta.published.as_deref(), d.meta.outlet.as_deref()),
            ("هذا", Some("ع"), Some("2020-01-01"), Some("x"))
        );
        let missing = obj(r#"{"text": "x"}"#);
        let e = record_doc(&missing, "s".into(), At { file: "f.jsonl", n: 9 }, &o2).unwrap_err();
        assert_eq!(e.to_string(), "f.jsonl:9: record has no text field (looked for maqal; fields seen: text)");
    }

    #[test]
    fn a_record_without_text_lists_the_fields_seen() {
        let o = obj(r#"{"id": "a", "titre": "t", "corps": "c"}"#);
        let e = record_doc(&o, "s".into(), At { file: "d.json", n: 3 }, &opts()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "d.json:3: record has no text field (looked for text, content, body, article, story; fields seen: corps, id, titre)"
        );
        assert_eq!((e.file(), e.line()), ("d.json", Some(3)));
    }

    #[test]
    fn a_json_array_is_records_and_bad_elements_are_named() {
        let data = r#"[{"text": "أ", "title": "t1"}, 5, {"body": "ب"}, {"text": "  "}]"#;
        let got: Vec<_> = read_json(data.as_bytes().to_vec(), "a.json", &opts()).collect();
        assert_eq!(got.len(), 4);
        let d = got[0].as_ref().unwrap();
        assert_eq!((d.meta.source.as_str(), d.raw.as_str()), ("a.json:1", "أ"));
        assert!(matches!(got[1], Err(InputError::NotAnObject { line: 2, .. })));
        assert_eq!(got[2].as_ref().unwrap().raw, "ب");
        assert_eq!(got[3].as_ref().unwrap_err().to_string(), "a.json:4: empty document: no text to extract");
    }

    #[test]
    fn a_json_object_is_one_record_and_json_lines_named_json_still_read() {
        let got: Vec<_> = read_json(r#"{"content": "نص"}"#.as_bytes().to_vec(), "o.json", &opts()).collect();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].as_ref().unwrap().meta.source, "o.json");
        let got: Vec<_> = read_json(b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n".to_vec(), "l.json", &opts()).collect();
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].as_ref().unwrap().meta.source, "l.json:2");
        let got: Vec<_> = read_json(b"[{\"text\": \"a\"},".to_vec(), "bad.json", &opts()).collect();
        assert!(matches!(got[..], [Err(InputError::JsonSyntax { .. })]));
    }

    #[test]
    fn csv_and_tsv_rows_are_records_with_their_line() {
        let csv =
            "\u{FEFF}headline,article,date\n\"عنوان، أول\",\"سطر\nثان\",2020-05-06\nt2,,2020-05-07\nt3,نص ثالث,\n";
        let got: Vec<_> = read_csv(std::io::Cursor::new(csv.as_bytes().to_vec()), "n.csv", b',', &opts()).collect();
        assert_eq!(got.len(), 3);
        let d = got[0].as_ref().unwrap();
        assert_eq!(d.raw, "سطر\nثان");
        assert_eq!(d.meta.title.as_deref(), Some("عنوان، أول"));
        assert_eq!(d.meta.published.as_deref(), Some("2020-05-06"));
        assert_eq!(d.meta.source, "n.csv:2");
        assert_eq!(got[1].as_ref().unwrap_err().to_string(), "n.csv:4: empty document: no text to extract");
        assert_eq!(got[2].as_ref().unwrap().meta.source, "n.csv:5");
        let tsv = "id\ttext\nr1\tقال\n";
        let got: Vec<_> = read_csv(std::io::Cursor::new(tsv.as_bytes().to_vec()), "t.tsv", b'\t', &opts()).collect();
        assert_eq!(got[0].as_ref().unwrap().meta.record_id.as_deref(), Some("r1"));
    }

    #[test]
    fn an_unterminated_quote_is_bounded_and_named() {
        let mut csv = String::from("title,text\nt1,نص أول\nt2,\"بداية بلا نهاية\n");
        csv.push_str(&"سطر طويل\n".repeat(20_000));
        let o = ReadOptions { max_bytes: 1000, ..opts() };
        let got: Vec<_> = read_csv(std::io::Cursor::new(csv.into_bytes()), "q.csv", b',', &o).collect();
        assert_eq!(got.len(), 2, "the good row, then one error ending the file");
        assert_eq!(got[0].as_ref().unwrap().raw, "نص أول");
        assert_eq!(got[1].as_ref().unwrap_err().to_string(), "q.csv:3: record is over the limit of 1000 bytes");
    }

    #[test]
    fn binary_and_utf16_csv_files_are_refused_whole() {
        let got: Vec<_> =
            read_csv(std::io::Cursor::new(b"a,b\n\0\0\0\x01\x02,x\n".to_vec()), "b.csv", b',', &opts()).collect();
        assert!(matches!(got[..], [Err(InputError::Binary { .. })]), "{got:?}");
        let got: Vec<_> = read_csv(std::io::Cursor::new(b"\xFF\xFEa\0".to_vec()), "u.csv", b',', &opts()).collect();
        assert!(matches!(got[..], [Err(InputError::Undecodable { .. })]), "{got:?}");
    }

    #[test]
    fn a_read_error_ends_the_file_once() {
        struct Failing(usize);
        impl Read for Failing {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let data = "text\nنص\n".as_bytes();
                if self.0 < data.len() {
                    let n = (data.len() - self.0).min(buf.len());
                    buf[..n].copy_from_slice(&data[self.0..self.0 + n]);
                    self.0 += n;
                    return Ok(n);
                }
                Err(std::io::Error::other("corrupt deflate stream"))
            }
        }
        let got: Vec<_> = read_csv(Failing(0), "z.csv.gz", b',', &opts()).collect();
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].as_ref().unwrap().raw, "نص");
        let e = got[1].as_ref().unwrap_err().to_string();
        assert!(e.starts_with("z.csv.gz:3: malformed csv: read error") && e.contains("corrupt deflate"), "{e}");
    }

    #[test]
    fn a_csv_without_a_text_column_names_every_row() {
        let csv = "a,b\n1,2\n3,4\n";
        let got: Vec<_> = read_csv(std::io::Cursor::new(csv.as_bytes().to_vec()), "x.csv", b',', &opts()).collect();
        let msgs: Vec<String> = got.into_iter().map(|r| r.unwrap_err().to_string()).collect();
        assert_eq!(
            msgs[1],
            "x.csv:3: record has no text field (looked for text, content, body, article, story; fields seen: a, b)"
        );
    }
}
