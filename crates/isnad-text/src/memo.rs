//! A bounded per-word memo for analyses that depend only on the word.
//!
//! News text repeats its vocabulary, and word analyses (clitic splits,
//! word-list lookups) cost far more than a hash lookup. Put one in a
//! `thread_local!` so threads never contend:
//!
//! ```
//! use isnad_text::memo::WordMemo;
//! thread_local! {
//!     static LENGTHS: WordMemo<usize> = WordMemo::new(10_000);
//! }
//! let n = LENGTHS.with(|m| m.get_or("غزة", |w| w.chars().count()));
//! assert_eq!(n, 3);
//! ```

use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// Word → value, emptied when it reaches its limit (simple, and the hot words come back at once).
#[derive(Debug)]
pub struct WordMemo<V> {
    map: RefCell<FxHashMap<String, V>>,
    limit: usize,
}

impl<V: Clone> WordMemo<V> {
    /// An empty memo holding at most `limit` words.
    pub fn new(limit: usize) -> Self {
        WordMemo { map: RefCell::new(FxHashMap::default()), limit: limit.max(1) }
    }

    /// The value for `word`, computed with `f` on a miss.
    pub fn get_or(&self, word: &str, f: impl FnOnce(&str) -> V) -> V {
        if let Some(v) = self.map.borrow().get(word) {
            return v.clone();
        }
        let v = f(word);
        let mut map = self.map.borrow_mut();
        if map.len() >= self.limit {
            map.clear();
        }
        map.insert(word.to_string(), v.clone());
        v
    }

    /// Words held now.
    pub fn len(&self) -> usize {
        self.map.borrow().len()
    }

    /// True when nothing is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn computes_once_and_stays_bounded() {
        let memo = WordMemo::new(2);
        let mut calls = 0;
        assert_eq!(
            memo.get_or("a", |w| {
                calls += 1;
                w.len()
            }),
            1
        );
        assert_eq!(
            memo.get_or("a", |_| {
                calls += 1;
                0
            }),
            1
        );
        assert_eq!(calls, 1);
        memo.get_or("bb", |w| w.len());
        memo.get_or("ccc", |w| w.len());
        assert!(memo.len() <= 2);
    }
}
