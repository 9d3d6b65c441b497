//! The isnad document record.
//!
//! A [`Document`] carries the raw input exactly as given, the cleaned `text`,
//! an [`OffsetMap`] from `text` back to `raw`, and everything removed or
//! repaired on the way. All offsets are Unicode scalar (char) offsets.
//! Later pipeline stages add fact lists (`numbers`, `dates`, `entities`, …);
//! a list that is absent was not extracted, an empty list was extracted and
//! found nothing.

mod claims;
mod document;
mod entity;
mod offsets;
mod published;
mod quantity;
mod span;

pub use claims::*;
pub use document::*;
pub use entity::*;
pub use offsets::{OffsetMap, Segment};
pub use published::{Published, PUBLISHED_YEARS};
pub use quantity::*;
pub use span::{char_slice, CharIndex, Span};

/// The schema tag written into every serialized document.
pub const SCHEMA: &str = "isnad.document/1";
