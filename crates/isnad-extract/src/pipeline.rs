use isnad_model::{Document, Metadata, Sentence, Span, Warning, SCHEMA};
use isnad_text::clean::Cleaner;
use isnad_text::sentences::split_sentences;

/// Runs the pipeline stages over one article. Cheap to share across threads.
pub struct Extractor {
    cleaner: Cleaner<'static>,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor { cleaner: Cleaner::default() }
    }
}

impl Extractor {
    /// An extractor with the bundled lexicons.
    pub fn new() -> Self {
        Self::default()
    }

    /// Extracts a document from raw text and metadata. Never fails: problems
    /// with the text itself become warnings on the document.
    pub fn extract(&self, mut meta: Metadata, raw: String, mut warnings: Vec<Warning>) -> Document {
        let cleaned = self.cleaner.clean(&raw);
        if let Some(d) = &cleaned.dateline {
            if meta.outlet.is_none() {
                meta.outlet = d.outlet.clone();
            }
        }
        if meta.author.is_none() {
            meta.author = cleaned.author.clone();
        }
        if raw.trim().is_empty() && !warnings.iter().any(|w| w.code == "empty_input") {
            warnings.push(Warning { code: "empty_input".into(), message: "the input has no text".into() });
        }
        let heading_spans: Vec<Span> = cleaned.headings.iter().map(|h| Span::new(h.start, h.end)).collect();
        let spans = split_sentences(&cleaned.text, &heading_spans);
        let n = spans.len();
        let sentences = spans
            .into_iter()
            .enumerate()
            .map(|(i, s)| Sentence { start: s.start, end: s.end, incomplete: cleaned.truncated && i + 1 == n })
            .collect();
        Document {
            schema: SCHEMA.to_string(),
            id: Document::content_id(&raw),
            meta,
            text: cleaned.text,
            offset_map: cleaned.map,
            noise: cleaned.noise,
            repairs: cleaned.repairs,
            dateline: cleaned.dateline,
            headings: cleaned.headings,
            sentences,
            truncated: cleaned.truncated,
            warnings,
            raw,
        }
    }
}
