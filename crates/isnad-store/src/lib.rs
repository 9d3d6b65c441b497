//! The embedded isnad store: SQLite (WAL) with versioned migrations, documents, facts, duplicates and stories.
