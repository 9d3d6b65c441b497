//! Online story clustering.
//!
//! Each document becomes two sparse, L2-normalized vectors:
//!
//! * **entities**: people, organisations and places (outlets left out, and
//!   the document's own outlet by name), weight `(1 + ln mentions) × idf`;
//! * **terms**: the [`TOP_TERMS`] normalized words of the headline and text
//!   with the highest `(1 + ln tf) × idf`, numbers and words of under three
//!   letters left out, and stop words dropped: words with a Zipf frequency of
//!   at least [`STOP_ZIPF`] in the bundled word list (a background document
//!   frequency, so stop words work from the first document) and words seen in
//!   more than [`UBIQUITOUS`] of the documents once [`MIN_DOCS_FOR_DF`] have been seen.
//!
//! `idf = ln((N + N0 + 1) / (df + 1))` with document frequencies counted
//! online over every document assigned so far (the current one included) and
//! a prior of `N0 = 50` unseen documents, so that a small stream does not
//! zero out the names every document shares.
//!
//! The score of a document against a story is
//! `(0.6 · cos(entities) + 0.4 · cos(terms)) × time`, using the terms alone
//! when the document has no entities, where `time` is 1 when the document's
//! date is within [`WINDOW_DAYS`] of the story's date range and then decays
//! as `exp(−(gap − 14) / 60)` down to a floor of 0.5: an evolving story can
//! pick up a strongly similar article months later, a weakly similar one
//! cannot. Undated documents get `time = 0.8`. The document joins the best
//! story scoring at least [`JOIN_THRESHOLD`]; otherwise it starts a new one.
//! A story's profile is a decayed centroid: old weights × 0.85, plus the
//! document's vector, pruned to the [`PROFILE_SIZE`] heaviest features.

use std::collections::BTreeMap;

use isnad_model::{Document, EntityType};
use isnad_text::fold::{fold, Fold};
use isnad_text::lexicon::words;
use serde::{Deserialize, Serialize};

use crate::terms::terms;
use crate::util::{day_number, iso_day};

/// Salient terms kept per document.
pub const TOP_TERMS: usize = 25;
/// Words with a Zipf frequency × 100 at or above this are stop words.
pub const STOP_ZIPF: u16 = 580;
/// Share of documents above which a term or entity counts as ubiquitous.
pub const UBIQUITOUS: f64 = 0.2;
/// Documents needed before the ubiquity cut applies.
pub const MIN_DOCS_FOR_DF: u32 = 100;
/// Days around a story's first and last document with no time penalty.
pub const WINDOW_DAYS: i64 = 14;
/// Minimum score to join a story.
pub const JOIN_THRESHOLD: f64 = 0.3;
/// Features kept per story profile and vector.
pub const PROFILE_SIZE: usize = 64;

const PRIOR_DOCS: f64 = 50.0;
const DECAY: f64 = 0.85;
const ENTITY_WEIGHT: f64 = 0.6;

/// What happened to a document in [`StoryClusterer::assign`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    /// The story it joined or started.
    pub story_id: u64,
    /// True when it started a new story.
    pub new: bool,
    /// Its score against the story it joined (0 for a new story).
    pub score: f64,
}

/// What the clusterer knows about one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryProfile {
    /// Story id, unique within the clusterer.
    pub id: u64,
    /// Entity id → decayed weight.
    pub entities: BTreeMap<String, f64>,
    /// Entity id → canonical name, for labels.
    pub entity_names: BTreeMap<String, String>,
    /// Term key → decayed weight.
    pub terms: BTreeMap<String, f64>,
    /// Term key → the form to show.
    pub term_names: BTreeMap<String, String>,
    /// Earliest published date (ISO day) of its documents.
    pub first: Option<String>,
    /// Latest published date (ISO day) of its documents.
    pub last: Option<String>,
    /// Number of documents.
    pub docs: usize,
}

/// An online story clusterer; its whole state is serializable.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct StoryClusterer {
    /// The stories, in order of creation.
    pub stories: Vec<StoryProfile>,
    /// Documents seen.
    pub docs: u32,
    /// Document frequency of entity ids.
    pub entity_df: BTreeMap<String, u32>,
    /// Document frequency of term keys.
    pub term_df: BTreeMap<String, u32>,
    /// The next story id.
    pub next_id: u64,
}

type Vector = Vec<(String, f64)>;

struct Features {
    entities: Vector,
    terms: Vector,
    entity_names: Vec<(String, String)>,
    term_names: Vec<(String, String)>,
    day: Option<i64>,
}

fn normalize(v: &mut Vector) {
    let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        for (_, w) in v.iter_mut() {
            *w /= norm;
        }
    }
    v.retain(|(_, w)| *w > 0.0);
}

fn cosine(doc: &Vector, profile: &BTreeMap<String, f64>) -> f64 {
    let norm = profile.values().map(|w| w * w).sum::<f64>().sqrt();
    if norm == 0.0 {
        return 0.0;
    }
    doc.iter().filter_map(|(k, w)| profile.get(k).map(|p| w * p)).sum::<f64>() / norm
}

impl StoryClusterer {
    /// An empty clusterer.
    pub fn new() -> StoryClusterer {
        StoryClusterer::default()
    }

    fn idf(&self, df: u32) -> f64 {
        ((f64::from(self.docs) + PRIOR_DOCS + 1.0) / (f64::from(df) + 1.0)).ln()
    }

    fn ubiquitous(&self, df: u32) -> bool {
        self.docs >= MIN_DOCS_FOR_DF && f64::from(df) > UBIQUITOUS * f64::from(self.docs)
    }

    /// Counts the document's entities and terms and builds its vectors.
    fn features(&mut self, doc: &Document) -> Features {
        let outlet = doc.meta.outlet.as_deref().map(|o| fold(o, Fold::Letters));
        let mut ent_tf: BTreeMap<String, (usize, String)> = BTreeMap::new();
        for e in doc.entities.iter().flatten() {
            if e.entity_type == EntityType::Outlet || e.mentions.is_empty() {
                continue;
            }
            if outlet.as_deref() == Some(fold(&e.canonical, Fold::Letters).as_str()) {
                continue;
            }
            let slot = ent_tf.entry(e.id.clone()).or_insert((0, e.canonical.clone()));
            slot.0 += e.mentions.len();
        }
        let mut term_tf: BTreeMap<String, (usize, String)> = BTreeMap::new();
        let title = doc.meta.title.as_deref().unwrap_or("");
        for t in terms(title).into_iter().chain(terms(&doc.text)) {
            if t.number || t.key.chars().count() < 3 {
                continue;
            }
            if words().zipf(&t.display).is_some_and(|z| z >= STOP_ZIPF)
                || words().zipf(&t.key).is_some_and(|z| z >= STOP_ZIPF)
            {
                continue;
            }
            let slot = term_tf.entry(t.key).or_insert((0, t.display));
            slot.0 += 1;
        }
        self.docs += 1;
        for k in ent_tf.keys() {
            *self.entity_df.entry(k.clone()).or_default() += 1;
        }
        for k in term_tf.keys() {
            *self.term_df.entry(k.clone()).or_default() += 1;
        }
        let mut entities: Vector = Vec::new();
        let mut entity_names = Vec::new();
        for (id, (tf, name)) in ent_tf {
            let df = self.entity_df.get(&id).copied().unwrap_or(1);
            if self.ubiquitous(df) {
                continue;
            }
            entities.push((id.clone(), (1.0 + (tf as f64).ln()) * self.idf(df)));
            entity_names.push((id, name));
        }
        let mut scored: Vec<(String, f64, String)> = term_tf
            .into_iter()
            .filter_map(|(k, (tf, name))| {
                let df = self.term_df.get(&k).copied().unwrap_or(1);
                (!self.ubiquitous(df)).then(|| {
                    let w = (1.0 + (tf as f64).ln()) * self.idf(df);
                    (k, w, name)
                })
            })
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        scored.truncate(TOP_TERMS);
        let term_names = scored.iter().map(|(k, _, n)| (k.clone(), n.clone())).collect();
        let mut terms: Vector = scored.into_iter().map(|(k, w, _)| (k, w)).collect();
        normalize(&mut entities);
        normalize(&mut terms);
        let day = doc.meta.published.as_deref().and_then(day_number);
        Features { entities, terms, entity_names, term_names, day }
    }

    fn score(f: &Features, s: &StoryProfile) -> f64 {
        let content = if f.entities.is_empty() {
            cosine(&f.terms, &s.terms)
        } else {
            ENTITY_WEIGHT * cosine(&f.entities, &s.entities) + (1.0 - ENTITY_WEIGHT) * cosine(&f.terms, &s.terms)
        };
        content * time_factor(f.day, s)
    }

    /// Assigns a document to the best story (or a new one) and updates the state.
    pub fn assign(&mut self, doc: &Document) -> Assignment {
        let f = self.features(doc);
        let best = self
            .stories
            .iter()
            .enumerate()
            .map(|(i, s)| (i, Self::score(&f, s)))
            .filter(|(_, sc)| *sc >= JOIN_THRESHOLD)
            .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)));
        let (index, new, score) = match best {
            Some((i, sc)) => (i, false, sc),
            None => {
                let id = self.next_id;
                self.next_id += 1;
                self.stories.push(StoryProfile {
                    id,
                    entities: BTreeMap::new(),
                    entity_names: BTreeMap::new(),
                    terms: BTreeMap::new(),
                    term_names: BTreeMap::new(),
                    first: None,
                    last: None,
                    docs: 0,
                });
                (self.stories.len() - 1, true, 0.0)
            }
        };
        let Some(story) = self.stories.get_mut(index) else {
            return Assignment { story_id: 0, new, score };
        };
        update(story, f, doc.meta.published.as_deref());
        Assignment { story_id: story.id, new, score }
    }

    /// The profile of a story.
    pub fn story(&self, id: u64) -> Option<&StoryProfile> {
        self.stories.iter().find(|s| s.id == id)
    }
}

fn time_factor(day: Option<i64>, s: &StoryProfile) -> f64 {
    let (Some(day), Some(first), Some(last)) =
        (day, s.first.as_deref().and_then(day_number), s.last.as_deref().and_then(day_number))
    else {
        return 0.8;
    };
    let gap = if day < first { first - day } else { (day - last).max(0) };
    if gap <= WINDOW_DAYS {
        1.0
    } else {
        (-((gap - WINDOW_DAYS) as f64) / 60.0).exp().max(0.5)
    }
}

fn merge(map: &mut BTreeMap<String, f64>, add: &Vector) {
    for w in map.values_mut() {
        *w *= DECAY;
    }
    for (k, w) in add {
        *map.entry(k.clone()).or_default() += w;
    }
    if map.len() > PROFILE_SIZE {
        let mut all: Vec<(String, f64)> = std::mem::take(map).into_iter().collect();
        all.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        all.truncate(PROFILE_SIZE);
        map.extend(all);
    }
}

fn update(story: &mut StoryProfile, f: Features, published: Option<&str>) {
    merge(&mut story.entities, &f.entities);
    merge(&mut story.terms, &f.terms);
    for (id, name) in f.entity_names {
        story.entity_names.entry(id).or_insert(name);
    }
    for (k, name) in f.term_names {
        story.term_names.entry(k).or_insert(name);
    }
    story.entity_names.retain(|k, _| story.entities.contains_key(k));
    story.term_names.retain(|k, _| story.terms.contains_key(k));
    if let Some(d) = published.and_then(iso_day) {
        if story.first.as_deref().is_none_or(|x| d.as_str() < x) {
            story.first = Some(d.clone());
        }
        if story.last.as_deref().is_none_or(|x| d.as_str() > x) {
            story.last = Some(d);
        }
    }
    story.docs += 1;
}

/// A short Arabic label: the three heaviest entities' names and the two heaviest terms, joined by ` · `.
pub fn label(story: &StoryProfile) -> String {
    fn top<'a>(w: &'a BTreeMap<String, f64>, names: &'a BTreeMap<String, String>, n: usize) -> Vec<&'a str> {
        let mut v: Vec<(&String, &f64)> = w.iter().collect();
        v.sort_by(|a, b| b.1.total_cmp(a.1).then_with(|| a.0.cmp(b.0)));
        v.into_iter().filter_map(|(k, _)| names.get(k).map(String::as_str)).take(n).collect()
    }
    let mut parts = top(&story.entities, &story.entity_names, 3);
    let folded: Vec<String> = parts.iter().map(|p| fold(p, Fold::Letters)).collect();
    for t in top(&story.terms, &story.term_names, 4) {
        if parts.len() >= 5 {
            break;
        }
        let ft = fold(t, Fold::Letters);
        if !folded.iter().any(|p| p.contains(ft.trim_start_matches("ال"))) {
            parts.push(t);
        }
    }
    parts.join(" · ")
}
