//! The isnad extraction pipeline.
//!
//! An [`Extractor`] turns one raw article and its metadata into a
//! [`Document`]: cleaning, headings, sentences, and (as later stages land)
//! the fact layers. Documents go to a [`Sink`]: JSON Lines, a JSON array,
//! and later the store or the API.

mod pipeline;
mod sink;

pub use pipeline::{Extractor, Options};
pub use sink::{JsonArraySink, JsonlSink, Sink, SinkError};
