//! Readers: files, directories, standard input.

use std::fs::{self, File};
use std::io::{self, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

use isnad_model::Metadata;

use crate::jsonl::{looks_like_jsonl, JsonlIter};
use crate::{decode, Docs, InputDoc, InputError, ReadOptions};

/// Reads a file or a directory.
///
/// * A `.jsonl` or `.ndjson` file (any case) is streamed line by line: one
///   document per non-empty line, `meta.source = "path:LINE"`. A bad record
///   yields an error naming the file and line; the records after it are
///   still read.
/// * Any other file is one plain-text document ([`decode`]d),
///   `meta.source = path`.
/// * A directory is walked recursively in sorted (byte-wise path) order,
///   reading `.txt`, `.jsonl` and `.ndjson` files; other files are skipped and
///   symbolic links to directories are not followed.
///
/// Errors reading one file are yielded in its place; reading goes on.
pub fn read_path(path: &Path, opts: &ReadOptions) -> Docs {
    let name = path.display().to_string();
    match fs::metadata(path) {
        Err(source) => Box::new(std::iter::once(Err(InputError::Io { file: name, source }))),
        Ok(m) if m.is_dir() => {
            let mut files = Vec::new();
            walk(path, &mut files);
            let opts = opts.clone();
            Box::new(files.into_iter().flat_map(move |f| -> Docs {
                match f {
                    Ok(p) => read_file(&p, &opts),
                    Err(e) => Box::new(std::iter::once(Err(e))),
                }
            }))
        }
        Ok(_) => read_file(path, opts),
    }
}

/// Reads all of standard input as one document (`meta.source = "-"`), or as
/// JSONL records (`meta.source = "-:LINE"`) when it looks like JSONL: its
/// first non-space char is `{` and every non-empty line parses as a JSON
/// object. See [`read_bytes`].
pub fn read_stdin(opts: &ReadOptions) -> Docs {
    let mut bytes = Vec::new();
    let read = io::stdin().lock().take(opts.max_bytes.saturating_add(1)).read_to_end(&mut bytes);
    if let Err(source) = read {
        return Box::new(std::iter::once(Err(InputError::Io { file: "-".into(), source })));
    }
    if bytes.len() as u64 > opts.max_bytes {
        let e = InputError::TooLarge { file: "-".into(), size: bytes.len() as u64, limit: opts.max_bytes };
        return Box::new(std::iter::once(Err(e)));
    }
    read_bytes(bytes, "-", opts)
}

/// Reads an in-memory input the way [`read_stdin`] does: as JSONL when it is
/// UTF-8, starts (after spaces and an optional BOM) with `{` and every
/// non-empty line is a JSON object; otherwise as one decoded document named
/// `name`.
pub fn read_bytes(bytes: Vec<u8>, name: &str, opts: &ReadOptions) -> Docs {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    if std::str::from_utf8(body).is_ok_and(looks_like_jsonl) {
        return Box::new(JsonlIter::new(Cursor::new(bytes), name.to_string(), opts.clone()));
    }
    Box::new(std::iter::once(text_doc(&bytes, name, opts)))
}

fn text_doc(bytes: &[u8], name: &str, opts: &ReadOptions) -> Result<InputDoc, InputError> {
    let (raw, warnings) = decode(bytes, name)?;
    let mut meta = Metadata { source: name.to_string(), ..Metadata::default() };
    opts.fill(&mut meta);
    Ok(InputDoc { meta, raw, warnings })
}

fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

fn is_input(path: &Path) -> bool {
    is_jsonl(path) || path.extension().and_then(|e| e.to_str()).is_some_and(|e| e.eq_ignore_ascii_case("txt"))
}

fn read_file(path: &Path, opts: &ReadOptions) -> Docs {
    let name = path.display().to_string();
    let io_err = |source| InputError::Io { file: name.clone(), source };
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => return Box::new(std::iter::once(Err(io_err(e)))),
    };
    if is_jsonl(path) {
        return Box::new(JsonlIter::new(BufReader::with_capacity(1 << 16, file), name, opts.clone()));
    }
    let result = (|| {
        let size = file.metadata().map_err(io_err)?.len();
        if size > opts.max_bytes {
            return Err(InputError::TooLarge { file: name.clone(), size, limit: opts.max_bytes });
        }
        let mut bytes = Vec::with_capacity(size as usize);
        file.take(opts.max_bytes.saturating_add(1)).read_to_end(&mut bytes).map_err(io_err)?;
        if bytes.len() as u64 > opts.max_bytes {
            return Err(InputError::TooLarge { file: name.clone(), size: bytes.len() as u64, limit: opts.max_bytes });
        }
        text_doc(&bytes, &name, opts)
    })();
    Box::new(std::iter::once(result))
}

/// Collects the input files under `dir`, sorted, depth first.
fn walk(dir: &Path, out: &mut Vec<Result<PathBuf, InputError>>) {
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd.collect::<Result<Vec<_>, _>>(),
        Err(e) => Err(e),
    };
    let mut entries = match entries {
        Ok(v) => v,
        Err(source) => {
            out.push(Err(InputError::Io { file: dir.display().to_string(), source }));
            return;
        }
    };
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let path = e.path();
        match e.file_type() {
            Ok(t) if t.is_dir() => walk(&path, out),
            Ok(t) if t.is_symlink() => {
                if fs::metadata(&path).is_ok_and(|m| m.is_file()) && is_input(&path) {
                    out.push(Ok(path));
                }
            }
            Ok(_) if is_input(&path) => out.push(Ok(path)),
            Ok(_) => {}
            Err(source) => out.push(Err(InputError::Io { file: path.display().to_string(), source })),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn write(dir: &Path, rel: &str, bytes: &[u8]) -> PathBuf {
        let p = dir.join(rel);
        fs::create_dir_all(p.parent().unwrap()).unwrap();
        fs::File::create(&p).unwrap().write_all(bytes).unwrap();
        p
    }

    fn sources(docs: Docs) -> Vec<Result<String, String>> {
        docs.map(|r| r.map(|d| d.meta.source).map_err(|e| e.to_string())).collect()
    }

    #[test]
    fn a_text_file_is_one_document() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "a.txt", "\u{FEFF}نص المقال\n".as_bytes());
        let o =
            ReadOptions { published: Some("2024-01-29".into()), outlet: Some("Outlet".into()), ..Default::default() };
        let docs: Vec<_> = read_path(&p, &o).collect();
        assert_eq!(docs.len(), 1);
        let d = docs[0].as_ref().unwrap();
        assert_eq!(d.meta.source, p.display().to_string());
        assert_eq!(d.raw, "\u{FEFF}نص المقال\n");
        assert_eq!(d.meta.published.as_deref(), Some("2024-01-29"));
        assert_eq!(d.meta.outlet.as_deref(), Some("Outlet"));
    }

    #[test]
    fn other_extensions_read_as_text_when_named() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "article.md", b"{\"text\": \"not jsonl by name\"}");
        let d = read_path(&p, &ReadOptions::default()).next().unwrap().unwrap();
        assert_eq!(d.raw, "{\"text\": \"not jsonl by name\"}");
    }

    #[test]
    fn empty_and_binary_files() {
        let dir = tempfile::tempdir().unwrap();
        let p = write(dir.path(), "empty.txt", b"");
        let d = read_path(&p, &ReadOptions::default()).next().unwrap().unwrap();
        assert_eq!(d.raw, "");
        assert_eq!(d.warnings[0].code, "empty_input");
        let p = write(dir.path(), "img.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        let e = read_path(&p, &ReadOptions::default()).next().unwrap().unwrap_err();
        assert!(matches!(e, InputError::Binary { .. }));
        assert!(e.to_string().contains("img.txt"));
    }

    #[test]
    fn missing_files_and_size_limits() {
        let dir = tempfile::tempdir().unwrap();
        let e = read_path(&dir.path().join("nope.txt"), &ReadOptions::default()).next().unwrap().unwrap_err();
        assert!(matches!(e, InputError::Io { .. }) && e.to_string().contains("nope.txt"));
        let p = write(dir.path(), "big.txt", &[b'a'; 100]);
        let o = ReadOptions { max_bytes: 99, ..Default::default() };
        let e = read_path(&p, &o).next().unwrap().unwrap_err();
        assert!(matches!(e, InputError::TooLarge { size: 100, limit: 99, .. }));
        let o = ReadOptions { max_bytes: 100, ..Default::default() };
        assert!(read_path(&p, &o).next().unwrap().is_ok());
    }

    #[test]
    fn a_jsonl_file_streams_records() {
        let dir = tempfile::tempdir().unwrap();
        let data = "{\"id\": \"r1\", \"source\": \"S\", \"text\": \"أ\"}\n\nnot json\n{\"text\": 5}\n{\"id\": \"r2\", \"text\": \"ب\"}\n";
        let p = write(dir.path(), "x.NDJSON", data.as_bytes());
        let name = p.display().to_string();
        let docs: Vec<_> = read_path(&p, &ReadOptions::default()).collect();
        assert_eq!(docs.len(), 4);
        let d = docs[0].as_ref().unwrap();
        assert_eq!(
            (d.meta.source.as_str(), d.meta.record_id.as_deref(), d.meta.outlet.as_deref()),
            (format!("{name}:1").as_str(), Some("r1"), Some("S"))
        );
        assert!(matches!(&docs[1], Err(InputError::JsonSyntax { line: 3, file, .. }) if *file == name));
        assert!(matches!(&docs[2], Err(InputError::WrongFieldType { line: 4, .. })));
        assert_eq!(docs[3].as_ref().unwrap().meta.source, format!("{name}:5"));
    }

    #[test]
    fn a_directory_is_walked_in_sorted_order() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "b.txt", b"b");
        write(dir.path(), "a/z.txt", b"z");
        write(dir.path(), "a/m.jsonl", b"{\"text\": \"m1\"}\n{\"text\": \"m2\"}\n");
        write(dir.path(), "c.png", b"\x89PNG\r\n\x1a\n");
        write(dir.path(), "notes.md", b"skipped");
        let root = dir.path().display().to_string();
        let got = sources(read_path(dir.path(), &ReadOptions::default()));
        let want = [
            format!("{root}/a/m.jsonl:1"),
            format!("{root}/a/m.jsonl:2"),
            format!("{root}/a/z.txt"),
            format!("{root}/b.txt"),
        ];
        assert_eq!(got, want.map(Ok));
    }

    #[test]
    fn in_memory_input_sniffs_jsonl() {
        let o = ReadOptions::default();
        let docs: Vec<_> = read_bytes(b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n".to_vec(), "-", &o).collect();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].as_ref().unwrap().meta.source, "-:2");
        let docs: Vec<_> = read_bytes(b"{\"text\": \"a\"}\nplain".to_vec(), "-", &o).collect();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].as_ref().unwrap().meta.source, "-");
        assert_eq!(docs[0].as_ref().unwrap().raw, "{\"text\": \"a\"}\nplain");
        let docs: Vec<_> = read_bytes("مقال عادي".as_bytes().to_vec(), "-", &o).collect();
        assert_eq!(docs[0].as_ref().unwrap().raw, "مقال عادي");
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
