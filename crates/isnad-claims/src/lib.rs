//! Claims over an isnad [`Document`](isnad_model::Document): reported
//! figures with what they count and who reports them, quotes with their
//! speaker, outlets cited as sources (citations) and events.

mod citations;
mod context;
mod cues;
mod events;
mod figures;
mod quotes;
mod text;

pub use citations::{citations, link as link_citations};
pub use context::{fold, Layers};
pub use events::events;
pub use figures::figures;
pub use isnad_model::{Figure, Modality, Quote, Source, What};

/// The claims types, kept in `isnad-model` so the document record can carry them.
pub mod model {
    pub use isnad_model::{Figure, Modality, Quote, Source, What};
}
pub use quotes::quotes;

use isnad_model::{Citation, Event};

/// The claims of one document.
#[derive(Debug, Clone, Default)]
pub struct Claims {
    /// Figures, in text order, linked to their citations.
    pub figures: Vec<Figure>,
    /// Quotes, in text order, linked to their citations.
    pub quotes: Vec<Quote>,
    /// Citations of outlets and documents.
    pub citations: Vec<Citation>,
    /// Events, with the indices of their figures.
    pub events: Vec<Event>,
}

/// A figure inside a quote's content with no source of its own is the
/// speaker's: `وقال الوزير إن 40 شخصا قتلوا` reports 40 on the minister's word.
fn speakers_source_figures(figures: &mut [Figure], quotes: &[Quote]) {
    for f in figures.iter_mut().filter(|f| f.source.is_none()) {
        let q = quotes.iter().find(|q| q.content_start <= f.start && f.end <= q.content_end);
        if let Some(speaker) = q.and_then(|q| q.speaker.clone()) {
            f.source = Some(speaker);
        }
    }
}

/// Finds every claim of a document over one shared context: figures, then
/// quotes, then citations (linked to the figures and quotes they source), then
/// events.
pub fn extract(layers: &Layers<'_>) -> Claims {
    let ctx = context::Ctx::new(layers);
    let mut figures = figures::find(&ctx);
    let mut quotes = quotes::find(&ctx);
    speakers_source_figures(&mut figures, &quotes);
    let citations = citations::find(&ctx);
    citations::link_in(&ctx, &citations, &mut figures, &mut quotes);
    let events = events::find(&ctx, &figures);
    Claims { figures, quotes, citations, events }
}

#[cfg(test)]
mod test_util {
    use isnad_model::{Document, Metadata};

    /// Runs the extraction pipeline (without the statistical tagger) over a text.
    pub(crate) fn doc(text: &str) -> Document {
        let ex = isnad_extract::Extractor::with_options(isnad_extract::Options { ner: false });
        ex.extract(Metadata::default(), text.to_string(), vec![])
    }
}

#[cfg(test)]
mod extract_tests {
    use isnad_model::Span;
    use isnad_text::Analysis;

    #[test]
    fn a_figure_in_a_quote_is_the_speakers() {
        let text = "وتحدث وزير الصحة للصحفيين في المستشفى. وأضاف الوزير: «لقد قتل 40 شخصا في القصف وأصيب العشرات».";
        let d = crate::test_util::doc(text);
        let sentences: Vec<Span> = d.sentences.iter().map(|s| Span::new(s.start, s.end)).collect();
        let an = Analysis::new(&d.text, &sentences, &[]);
        let c = crate::extract(&crate::Layers {
            analysis: &an,
            numbers: d.numbers.as_deref().unwrap_or(&[]),
            dates: d.dates.as_deref().unwrap_or(&[]),
            durations: d.durations.as_deref().unwrap_or(&[]),
            entities: d.entities.as_deref().unwrap_or(&[]),
            nationalities: d.nationalities.as_deref().unwrap_or(&[]),
        });
        let f = c.figures.iter().find(|f| f.value == 40.0).expect("the figure");
        assert_eq!(f.source.as_ref().map(|s| s.surface.as_str()), Some("الوزير"));
    }
}
