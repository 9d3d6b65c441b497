use isnad_entities::Candidate;
use isnad_model::{Document, EntityType, Metadata, Sentence, Span, Warning, SCHEMA};
use isnad_ner::{EntityClass, Tagger};
use isnad_text::clean::Cleaner;
use isnad_text::sentences::split_sentences;
use isnad_text::Analysis;

/// Which optional stages run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Run the statistical NER tagger and offer its spans to entity
    /// recognition (gazetteers and patterns run regardless).
    pub ner: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { ner: true }
    }
}

/// Runs the pipeline stages over one article. Cheap to share across threads.
pub struct Extractor {
    cleaner: Cleaner<'static>,
    tagger: Option<&'static Tagger>,
}

impl Default for Extractor {
    fn default() -> Self {
        Self::with_options(Options::default())
    }
}

impl Extractor {
    /// An extractor with the bundled lexicons and all stages.
    pub fn new() -> Self {
        Self::default()
    }

    /// An extractor with the given stages. If the bundled NER model cannot
    /// be loaded, the tagger is left out (entity recognition still runs).
    pub fn with_options(options: Options) -> Self {
        let tagger = if options.ner { Tagger::bundled().ok() } else { None };
        Extractor { cleaner: Cleaner::default(), tagger }
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

        let analysis = Analysis::new(&cleaned.text, &spans, &heading_spans);
        let quantities = isnad_quantity::extract_analysis(&analysis, meta.published.as_deref());
        let candidates = match self.tagger {
            Some(t) => tag_candidates(t, &analysis),
            None => Vec::new(),
        };
        // Headings name entities too: the analysis units hold both.
        let entities = isnad_entities::recognise_analysis(&analysis, &candidates);

        // Claims read the finished layers: numbers, dates, entities, nationalities.
        let claims = isnad_claims::extract(&isnad_claims::Layers {
            analysis: &analysis,
            numbers: &quantities.numbers,
            dates: &quantities.dates,
            durations: &quantities.durations,
            entities: &entities.entities,
            nationalities: &entities.nationalities,
        });
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
            reference: quantities.reference,
            numbers: Some(quantities.numbers),
            dates: Some(quantities.dates),
            durations: Some(quantities.durations),
            entities: Some(entities.entities),
            nationalities: Some(entities.nationalities),
            figures: Some(claims.figures),
            quotes: Some(claims.quotes),
            citations: Some(claims.citations),
            events: Some(claims.events),
        }
    }
}

/// The tagger's runs over the analysed text, as candidate spans for entity recognition.
fn tag_candidates(tagger: &Tagger, analysis: &Analysis<'_>) -> Vec<Candidate> {
    tagger
        .tag_analysis(analysis)
        .into_iter()
        .filter_map(|t| {
            let class = match t.class {
                EntityClass::Person => EntityType::Person,
                EntityClass::Org => EntityType::Org,
                EntityClass::Place => EntityType::Place,
                EntityClass::Misc => return None,
            };
            Some(Candidate { span: Span::new(t.start, t.end), class, score: 1.0 })
        })
        .collect()
}
