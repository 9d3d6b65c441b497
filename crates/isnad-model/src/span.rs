use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` of char offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
pub struct Span {
    /// First char of the span.
    pub start: usize,
    /// One past the last char of the span.
    pub end: usize,
}

impl Span {
    /// Creates a span; `start` must not exceed `end`.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end}");
        Span { start, end }
    }
    /// Number of chars covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    /// True when the span covers no char.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    /// True when the two spans share at least one char.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Returns the chars `[start, end)` of `s` (clamped to its length).
pub fn char_slice(s: &str, start: usize, end: usize) -> &str {
    let mut it = s.char_indices();
    let b0 = it.by_ref().nth(start).map(|(b, _)| b).unwrap_or(s.len());
    if end <= start {
        return &s[b0..b0];
    }
    let b1 = s[b0..].char_indices().nth(end - start).map(|(b, _)| b0 + b).unwrap_or(s.len());
    &s[b0..b1]
}

/// Converts between byte offsets and char offsets of one string in O(log n).
///
/// Keeps one checkpoint every 64 chars, so it costs about 1/16 of the
/// string's char count in memory.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// Byte offset of every 64th char.
    checkpoints: Vec<usize>,
    len_bytes: usize,
    len_chars: usize,
}

const STRIDE: usize = 64;

impl CharIndex {
    /// Indexes `s`.
    pub fn new(s: &str) -> Self {
        let mut checkpoints = Vec::with_capacity(s.len() / STRIDE + 1);
        let mut n = 0;
        for (b, &byte) in s.as_bytes().iter().enumerate() {
            // A char starts at every byte that is not a UTF-8 continuation byte.
            if byte & 0xC0 != 0x80 {
                if n % STRIDE == 0 {
                    checkpoints.push(b);
                }
                n += 1;
            }
        }
        CharIndex { checkpoints, len_bytes: s.len(), len_chars: n }
    }

    /// Number of chars in the indexed string.
    pub fn len_chars(&self) -> usize {
        self.len_chars
    }

    /// Char offset of byte offset `b` (which must be a char boundary of `s`).
    pub fn char_of(&self, s: &str, b: usize) -> usize {
        if b >= self.len_bytes {
            return self.len_chars;
        }
        let k = match self.checkpoints.binary_search(&b) {
            Ok(k) => return k * STRIDE,
            Err(k) => k - 1,
        };
        k * STRIDE + s[self.checkpoints[k]..b].chars().count()
    }

    /// Byte offset of char offset `c` (clamped to the end of `s`).
    pub fn byte_of(&self, s: &str, c: usize) -> usize {
        if c >= self.len_chars {
            return self.len_bytes;
        }
        let k = c / STRIDE;
        let base = self.checkpoints[k];
        let rest = c - k * STRIDE;
        s[base..].char_indices().nth(rest).map(|(i, _)| base + i).unwrap_or(self.len_bytes)
    }

    /// The chars `[start, end)` of `s`.
    pub fn slice<'a>(&self, s: &'a str, start: usize, end: usize) -> &'a str {
        let b0 = self.byte_of(s, start);
        let b1 = self.byte_of(s, end.max(start));
        &s[b0..b1]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_round_trips_mixed_scripts() {
        let s = "abc غزة 12 «قال» ".repeat(40);
        let idx = CharIndex::new(&s);
        for (c, (b, _)) in s.char_indices().enumerate() {
            assert_eq!(idx.char_of(&s, b), c);
            assert_eq!(idx.byte_of(&s, c), b);
        }
        assert_eq!(idx.char_of(&s, s.len()), s.chars().count());
        assert_eq!(idx.slice(&s, 4, 7), "غزة");
        assert_eq!(char_slice(&s, 4, 7), "غزة");
    }

    #[test]
    fn span_relations() {
        let a = Span::new(2, 6);
        assert!(a.overlaps(&Span::new(5, 9)));
        assert!(!a.overlaps(&Span::new(6, 9)));
        assert!(a.contains(&Span::new(3, 6)));
        assert_eq!(a.len(), 4);
    }
}
