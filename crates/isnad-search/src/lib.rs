//! Full-text search over isnad documents: tantivy with an Arabic analyzer built on the isnad text layer.
//!
//! # Analyzer
//!
//! Two tantivy tokenizers, registered on every opened index (see [`ArabicTokenizer`]):
//!
//! * `isnad_ar` ([`ANALYZER`]): words from [`isnad_text::tokens::tokenize`]
//!   (punctuation dropped). An Arabic word loses its proclitics
//!   (و ف ب ك ل لل س) when the remaining stem is a known word more frequent
//!   than the whole word in the bundled word list — `بغزة` → `غزة`,
//!   `والولايات` → `الولايات`, while `بيروت` and `لبنان` stay whole. Unknown
//!   words lose only a clitic chain before the article or one proclitic before
//!   ≥ 4 letters. Then the article `ال` goes (except in `الله`, `الذي`, `التي`, …)
//!   and the word is letter-folded ([`isnad_text::fold::Fold::Letters`]: alef
//!   forms, ى/ي, ة/ه, diacritics, tatweel). Latin words are lowercased; numbers
//!   get ASCII digits (`٢٠٢٤` → `2024`).
//! * `isnad_ar_stem` ([`STEM_ANALYZER`]): the same, then one suffix
//!   (ات ون ين ها هم ية ي ة) stripped when ≥ 3 letters remain
//!   ([`analyzer::light_stem`]). It conflates more (`القطري` ~ `قطر`), so it is
//!   kept in its own, lower-weighted field.
//!
//! Token offsets are byte offsets of the whole surface word, so snippets mark
//! `بغزة`, not `غزة`.
//!
//! # Fields
//!
//! | field | indexing | stored |
//! |---|---|---|
//! | `id` | raw string (document id) | yes |
//! | `title` | `isnad_ar`, positions | yes |
//! | `text` | `isnad_ar`, positions | yes (snippets) |
//! | `text_stem` | `isnad_ar_stem`, freqs (title and text) | no |
//! | `outlet` | raw string | yes |
//! | `published` | date, seconds, indexed + fast | no (`published_raw` stores the string) |
//! | `entity` | raw string, one per entity id | no |
//! | `entity_name` | `isnad_ar`, positions (canonical names) | no |
//! | `fact` | raw string: `figure` `quote` `event` `citation`, figure `what` (`killed`) | no |
//!
//! # Queries
//!
//! [`SearchIndex::search`] analyzes the query text itself (no query parser, so
//! no syntax errors): every word must match, in `text` (×2), `title` (×3) or
//! `text_stem` (×1); `"quoted"` / `«quoted»` words must match their exact
//! forms, adjacent. Filters (outlet, date range, entity id or name, fact type)
//! do not change scores. Snippets are plain text with char-offset highlights.
//!
//! # Performance
//!
//! `examples/latency.rs` on news-dev replicated to 100,000 documents (319 MB
//! of text, release build, 2 cores shared with other builds): indexing
//! ~1,300 docs/s (4.2 MB/s), index 290 MB; 200 queries of 1–3 common words
//! with top-10 snippets: p50 2.7 ms, p95 9.9 ms (second pass p50 1.5 ms,
//! p95 6.6 ms).
//!
//! ```no_run
//! # fn main() -> isnad_search::Result<()> {
//! use isnad_search::{SearchIndex, SearchQuery};
//! let index = SearchIndex::open_read_only("data/search")?;
//! let res = index.search(&SearchQuery { text: "بغزة".into(), limit: 10, ..Default::default() })?;
//! for hit in res.hits {
//!     println!("{} {:.2} {}", hit.doc_id, hit.score, hit.snippet.text);
//! }
//! # Ok(())
//! # }
//! ```

pub mod analyzer;
mod date;
mod index;

pub use analyzer::{ArabicTokenizer, ANALYZER, STEM_ANALYZER};
pub use date::parse_iso;
pub use index::{fact_types, Hit, Result, SearchError, SearchIndex, SearchQuery, SearchResults, Snippet};
