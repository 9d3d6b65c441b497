//! Full-text search over isnad documents: tantivy with an Arabic analyzer built on the isnad text layer.
