//! Claims over an isnad [`Document`](isnad_model::Document): reported
//! figures with what they count and who reports them, quotes with their
//! speaker, outlets cited as sources (citations) and events.

mod citations;
mod context;
mod cues;
mod events;
mod figures;
mod quotes;
mod score;
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

/// Finds every claim of a document over one shared context: figures, then
/// quotes, then citations (linked to the figures and quotes they source), then
/// events.
pub fn extract(layers: &Layers<'_>) -> Claims {
    let ctx = context::Ctx::new(layers);
    let mut figures = figures::find(&ctx);
    let mut quotes = quotes::find(&ctx);
    let citations = citations::find(&ctx);
    citations::link_in(&ctx, &citations, &mut figures, &mut quotes);
    let events = events::find(&ctx, &figures);
    Claims { figures, quotes, citations, events }
}
pub use score::{score_citations, score_events, score_seed, Prf, ScoreCounts};

#[cfg(test)]
mod test_util {
    use isnad_model::{Document, Metadata};

    /// Runs the extraction pipeline (without the statistical tagger) over a text.
    pub(crate) fn doc(text: &str) -> Document {
        let ex = isnad_extract::Extractor::with_options(isnad_extract::Options { ner: false });
        ex.extract(Metadata::default(), text.to_string(), vec![])
    }
}
