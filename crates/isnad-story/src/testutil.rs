//! Hand-made documents for unit tests.

use isnad_model::{Document, Entity, EntityType, Mention, Metadata, Sentence};

/// A document over `text` with one sentence, the given metadata and entities
/// found by their surfaces (every occurrence becomes a mention).
pub(crate) fn doc(id: &str, published: &str, title: &str, text: &str, entities: &[(&str, EntityType)]) -> Document {
    let chars: Vec<char> = text.chars().collect();
    let mut ents = Vec::new();
    for (name, ty) in entities {
        let n: Vec<char> = name.chars().collect();
        let mentions: Vec<Mention> = (0..chars.len().saturating_sub(n.len() - 1))
            .filter(|&i| chars[i..i + n.len()] == n[..])
            .map(|i| Mention { start: i, end: i + n.len(), surface: name.to_string(), metonymy: None, role: false })
            .collect();
        ents.push(Entity {
            id: format!("{}:{}", ty.as_str().to_lowercase(), name.replace(' ', "_")),
            canonical: name.to_string(),
            entity_type: *ty,
            english: None,
            country: None,
            roles: vec![],
            mentions,
        });
    }
    let meta = Metadata {
        source: id.into(),
        title: Some(title.into()),
        published: Some(published.into()),
        ..Default::default()
    };
    let mut d = Document::new(meta, text.into(), text.into());
    d.id = id.into();
    d.sentences = vec![Sentence { start: 0, end: chars.len(), incomplete: false }];
    d.entities = Some(ents);
    d
}

/// The char offset of the first occurrence of `needle` in `text`.
pub(crate) fn at(text: &str, needle: &str) -> usize {
    text.find(needle).map_or(0, |b| text[..b].chars().count())
}
