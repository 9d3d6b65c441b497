//! Readers for web inputs: HTML pages (main content and metadata), WARC archives and RSS/Atom feeds.
