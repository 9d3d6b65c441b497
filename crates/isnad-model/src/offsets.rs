use serde::{Deserialize, Serialize};

use crate::Span;

/// One run of the map: `text_len` chars of the cleaned text starting at
/// `text` came from `raw_len` chars of the raw input starting at `raw`.
///
/// Runs with `text_len == raw_len` map char for char (copied, or replaced one
/// for one, such as an NBSP made a space). A longer replacement (an HTML entity,
/// a repaired space) has lengths that differ; an insertion has `raw_len == 0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "[usize; 4]", from = "[usize; 4]")]
pub struct Segment {
    /// Start in the cleaned text.
    pub text: usize,
    /// Start in the raw input.
    pub raw: usize,
    /// Length in the cleaned text.
    pub text_len: usize,
    /// Length in the raw input.
    pub raw_len: usize,
}

impl From<Segment> for [usize; 4] {
    fn from(s: Segment) -> Self {
        [s.text, s.raw, s.text_len, s.raw_len]
    }
}

impl From<[usize; 4]> for Segment {
    fn from(a: [usize; 4]) -> Self {
        Segment { text: a[0], raw: a[1], text_len: a[2], raw_len: a[3] }
    }
}

impl Segment {
    fn is_copy(&self) -> bool {
        self.text_len == self.raw_len
    }
}

/// Maps char offsets of the cleaned text back to char offsets of the raw input.
///
/// Stored as sorted, contiguous runs ([`Segment`]), so an untouched article
/// costs one run whatever its length. Chars of the raw input that were
/// removed simply fall between runs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OffsetMap {
    segments: Vec<Segment>,
}

impl OffsetMap {
    /// An empty map (for an empty text).
    pub fn new() -> Self {
        Self::default()
    }

    /// The runs, in text order.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// Appends `text_len` text chars produced from raw chars `[raw, raw+raw_len)`.
    /// Adjacent copy runs are merged.
    pub fn push(&mut self, raw: usize, raw_len: usize, text_len: usize) {
        if text_len == 0 {
            return;
        }
        let text = self.text_len();
        if let Some(last) = self.segments.last_mut() {
            if last.is_copy()
                && raw_len == text_len
                && last.raw + last.raw_len == raw
                && last.text + last.text_len == text
            {
                last.raw_len += raw_len;
                last.text_len += text_len;
                return;
            }
        }
        self.segments.push(Segment { text, raw, text_len, raw_len });
    }

    /// Length of the cleaned text in chars.
    pub fn text_len(&self) -> usize {
        self.segments.last().map(|s| s.text + s.text_len).unwrap_or(0)
    }

    fn segment_at(&self, t: usize) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.text + s.text_len <= t);
        self.segments.get(i)
    }

    /// Raw char offset where text char `t` begins.
    pub fn raw_start(&self, t: usize) -> usize {
        match self.segment_at(t) {
            Some(s) if s.is_copy() => s.raw + (t - s.text),
            Some(s) => s.raw,
            None => self.segments.last().map(|s| s.raw + s.raw_len).unwrap_or(0),
        }
    }

    /// Raw char offset one past where text char `t - 1` ends.
    pub fn raw_end(&self, t: usize) -> usize {
        if t == 0 {
            return self.raw_start(0);
        }
        match self.segment_at(t - 1) {
            Some(s) if s.is_copy() => s.raw + (t - s.text),
            Some(s) => s.raw + s.raw_len,
            None => self.segments.last().map(|s| s.raw + s.raw_len).unwrap_or(0),
        }
    }

    /// Maps a raw span to the text span it became, when the raw span was
    /// copied unchanged (it lies inside one copy run or one whole run).
    pub fn to_text(&self, raw: Span) -> Option<Span> {
        let i = self
            .segments
            .partition_point(|s| s.raw + s.raw_len <= raw.start && !(s.raw_len == 0 && s.raw == raw.start));
        let s = self.segments.get(i)?;
        if s.raw > raw.start || raw.end > s.raw + s.raw_len {
            return None;
        }
        if s.is_copy() {
            Some(Span::new(s.text + (raw.start - s.raw), s.text + (raw.end - s.raw)))
        } else if raw.start == s.raw && raw.end == s.raw + s.raw_len {
            Some(Span::new(s.text, s.text + s.text_len))
        } else {
            None
        }
    }

    /// Maps a span of the cleaned text to the raw span it came from.
    pub fn to_raw(&self, span: Span) -> Span {
        if span.is_empty() {
            let p = self.raw_start(span.start);
            return Span::new(p, p);
        }
        Span::new(self.raw_start(span.start), self.raw_end(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_merge_and_replacements_map_whole() {
        let mut m = OffsetMap::new();
        m.push(0, 3, 3); // "abc"
        m.push(3, 2, 2); // "de" merges
        m.push(10, 5, 1); // "&amp;" -> "&"
        m.push(15, 0, 1); // inserted space
        m.push(15, 4, 4);
        assert_eq!(m.segments().len(), 4);
        assert_eq!(m.text_len(), 11);
        assert_eq!(m.to_raw(Span::new(1, 4)), Span::new(1, 4));
        assert_eq!(m.to_raw(Span::new(5, 6)), Span::new(10, 15));
        assert_eq!(m.to_raw(Span::new(4, 8)), Span::new(4, 16));
        assert_eq!(m.to_raw(Span::new(6, 7)), Span::new(15, 15));
    }

    #[test]
    fn maps_raw_back_to_text() {
        let mut m = OffsetMap::new();
        m.push(0, 3, 3);
        m.push(10, 5, 1);
        m.push(15, 4, 4);
        assert_eq!(m.to_text(Span::new(1, 3)), Some(Span::new(1, 3)));
        assert_eq!(m.to_text(Span::new(10, 15)), Some(Span::new(3, 4)));
        assert_eq!(m.to_text(Span::new(16, 18)), Some(Span::new(5, 7)));
        assert_eq!(m.to_text(Span::new(5, 7)), None);
    }

    #[test]
    fn serializes_as_quads() {
        let mut m = OffsetMap::new();
        m.push(2, 3, 3);
        assert_eq!(serde_json::to_string(&m).unwrap(), "[[0,2,3,3]]");
        let back: OffsetMap = serde_json::from_str("[[0,2,3,3]]").unwrap();
        assert_eq!(back, m);
    }
}
