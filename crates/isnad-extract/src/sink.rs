use std::io::Write;

use isnad_model::Document;

/// An error writing to a sink.
#[derive(Debug, thiserror::Error)]
pub enum SinkError {
    /// Writing failed.
    #[error("write failed: {0}")]
    Io(#[from] std::io::Error),
    /// Serialization failed.
    #[error("serialization failed: {0}")]
    Json(#[from] serde_json::Error),
}

/// Where extracted documents go.
pub trait Sink {
    /// Accepts one document.
    fn write(&mut self, doc: &Document) -> Result<(), SinkError>;
    /// Flushes and closes the output.
    fn finish(&mut self) -> Result<(), SinkError>;
}

/// One JSON object per line.
pub struct JsonlSink<W: Write> {
    out: W,
    pretty: bool,
}

impl<W: Write> JsonlSink<W> {
    /// A sink writing to `out`; `pretty` indents each record (then it is no
    /// longer one record per line).
    pub fn new(out: W, pretty: bool) -> Self {
        JsonlSink { out, pretty }
    }
}

impl<W: Write> Sink for JsonlSink<W> {
    fn write(&mut self, doc: &Document) -> Result<(), SinkError> {
        if self.pretty {
            serde_json::to_writer_pretty(&mut self.out, doc)?;
        } else {
            serde_json::to_writer(&mut self.out, doc)?;
        }
        self.out.write_all(b"\n")?;
        Ok(())
    }
    fn finish(&mut self) -> Result<(), SinkError> {
        self.out.flush()?;
        Ok(())
    }
}

/// A single JSON value: the document itself when there is exactly one,
/// else an array streamed as documents arrive (only one is held in memory).
pub struct JsonArraySink<W: Write> {
    out: W,
    pretty: bool,
    first: Option<Document>,
    count: usize,
}

impl<W: Write> JsonArraySink<W> {
    /// A sink writing to `out`.
    pub fn new(out: W, pretty: bool) -> Self {
        JsonArraySink { out, pretty, first: None, count: 0 }
    }

    fn put(&mut self, doc: &Document) -> Result<(), SinkError> {
        if self.pretty {
            serde_json::to_writer_pretty(&mut self.out, doc)?;
        } else {
            serde_json::to_writer(&mut self.out, doc)?;
        }
        Ok(())
    }
}

impl<W: Write> Sink for JsonArraySink<W> {
    fn write(&mut self, doc: &Document) -> Result<(), SinkError> {
        self.count += 1;
        match self.count {
            1 => self.first = Some(doc.clone()),
            2 => {
                self.out.write_all(b"[\n")?;
                let first = self.first.take().expect("first document held");
                self.put(&first)?;
                self.out.write_all(b",\n")?;
                self.put(doc)?;
            }
            _ => {
                self.out.write_all(b",\n")?;
                self.put(doc)?;
            }
        }
        Ok(())
    }

    fn finish(&mut self) -> Result<(), SinkError> {
        match self.count {
            0 => self.out.write_all(b"[]")?,
            1 => {
                let first = self.first.take().expect("first document held");
                self.put(&first)?;
            }
            _ => self.out.write_all(b"\n]")?,
        }
        self.out.write_all(b"\n")?;
        self.out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    fn doc(text: &str) -> Document {
        Extractor::new().extract(Default::default(), text.to_string(), vec![])
    }

    #[test]
    fn array_sink_writes_one_object_or_an_array() {
        let mut one = Vec::new();
        let mut s = JsonArraySink::new(&mut one, false);
        s.write(&doc("نص.")).unwrap();
        s.finish().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&one).unwrap();
        assert!(v.is_object());

        let mut many = Vec::new();
        let mut s = JsonArraySink::new(&mut many, true);
        for t in ["أ.", "ب.", "ج."] {
            s.write(&doc(t)).unwrap();
        }
        s.finish().unwrap();
        let v: serde_json::Value = serde_json::from_slice(&many).unwrap();
        assert_eq!(v.as_array().unwrap().len(), 3);
    }

    #[test]
    fn jsonl_sink_writes_one_line_per_document() {
        let mut out = Vec::new();
        let mut s = JsonlSink::new(&mut out, false);
        s.write(&doc("أ.")).unwrap();
        s.write(&doc("ب.")).unwrap();
        s.finish().unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count(), 2);
        for l in text.lines() {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            assert_eq!(v["schema"], "isnad.document/1");
        }
    }
}
