//! The column schema of every exported table (documented in docs/export.md).
//!
//! The same columns, in the same order, go to CSV and Parquet; JSONL carries
//! the same keys (documents as JSONL are the full extraction records instead).

use super::Table;

/// The type of a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// UTF-8 text.
    Str,
    /// 64-bit integer.
    Int,
    /// 64-bit float.
    Float,
    /// Boolean.
    Bool,
    /// A list of texts.
    StrList,
    /// A list of integers.
    IntList,
}

/// One column: its name (the row's JSON key) and type. Every column is nullable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// Name.
    pub name: &'static str,
    /// Type.
    pub kind: Kind,
}

const fn c(name: &'static str, kind: Kind) -> Column {
    Column { name, kind }
}

use Kind::{Bool, Float, Int, IntList, Str, StrList};

const DOCUMENTS: &[Column] = &[
    c("id", Str),
    c("url", Str),
    c("source", Str),
    c("outlet", Str),
    c("title", Str),
    c("published", Str),
    c("author", Str),
    c("lang", Str),
    c("ingested_at", Int),
    c("revision_of", Str),
    c("duplicate_of", Str),
    c("story", Str),
    c("truncated", Bool),
    c("text", Str),
    c("entities", Int),
    c("figures", Int),
    c("quotes", Int),
    c("citations", Int),
    c("events", Int),
];

const FIGURES: &[Column] = &[
    c("doc", Str),
    c("outlet", Str),
    c("published", Str),
    c("idx", Int),
    c("what", Str),
    c("value", Float),
    c("low", Float),
    c("high", Float),
    c("hedge", Str),
    c("counted", Str),
    c("place", Str),
    c("place_name", Str),
    c("as_of", Str),
    c("source", Str),
    c("source_entity", Str),
    c("anonymous", Bool),
    c("modality", Str),
    c("cited_outlet", Str),
    c("start", Int),
    c("end", Int),
    c("surface", Str),
];

const QUOTES: &[Column] = &[
    c("doc", Str),
    c("outlet", Str),
    c("published", Str),
    c("idx", Int),
    c("speaker", Str),
    c("speaker_entity", Str),
    c("speaker_name", Str),
    c("anonymous", Bool),
    c("cue", Str),
    c("direct", Bool),
    c("content_start", Int),
    c("content_end", Int),
    c("content", Str),
    c("venue", Str),
    c("cited_outlet", Str),
    c("start", Int),
    c("end", Int),
];

const ENTITIES: &[Column] = &[
    c("id", Str),
    c("canonical", Str),
    c("type", Str),
    c("english", Str),
    c("country", Str),
    c("documents", Int),
    c("mentions", Int),
    c("first", Str),
    c("last", Str),
];

const EVENTS: &[Column] = &[
    c("doc", Str),
    c("outlet", Str),
    c("published", Str),
    c("idx", Int),
    c("kind", Str),
    c("trigger", Str),
    c("start", Int),
    c("end", Int),
    c("sentence", Int),
    c("participants", StrList),
    c("place", Str),
    c("time", Str),
    c("figures", IntList),
    c("negated", Bool),
];

/// The columns of a table.
pub fn columns(table: Table) -> &'static [Column] {
    match table {
        Table::Documents => DOCUMENTS,
        Table::Figures => FIGURES,
        Table::Quotes => QUOTES,
        Table::Entities => ENTITIES,
        Table::Events => EVENTS,
    }
}
