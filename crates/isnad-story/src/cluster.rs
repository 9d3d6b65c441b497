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
//! published day is within 14 days of the story's first–last range and then
//! decays as `exp(−(gap − 14) / 60)` down to a floor of 0.6: an evolving
//! story can pick up a strongly similar article months later, a weakly
//! similar one cannot. Undated documents get `time = 0.8`. The document
//! joins the best story scoring at least 0.25; otherwise it starts a new one
//! (all in [`ClusterParams`]). The defaults were set on 1,000 news-dev
//! articles (Feb–Aug 2018, four outlets): a threshold of 0.3 with floor 0.5
//! gave 668 stories with the same large clusters but split more follow-ups
//! off as singletons; 0.25/0.6 gives ~545 stories, no story mixing sports
//! and ceasefire articles, and joins the seed articles from Nov 2023 to May 2024.
//! A story's profile is a decayed centroid: old weights × 0.85, plus the
//! document's vector, pruned to the [`PROFILE_SIZE`] heaviest features.

use std::collections::{BTreeMap, BTreeSet, HashMap};

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
/// Features kept per story profile and vector.
pub const PROFILE_SIZE: usize = 64;

const PRIOR_DOCS: f64 = 50.0;
const DECAY: f64 = 0.85;

/// The tunable parts of the scoring (defaults in the module docs).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ClusterParams {
    /// Minimum score to join a story.
    pub join_threshold: f64,
    /// Weight of the entity cosine (the term cosine gets the rest).
    pub entity_weight: f64,
    /// Days around a story's first and last document with no time penalty.
    pub window_days: i64,
    /// Days over which the time factor decays by 1/e past the window.
    pub decay_days: f64,
    /// The lowest time factor.
    pub time_floor: f64,
}

impl Default for ClusterParams {
    fn default() -> Self {
        ClusterParams { join_threshold: 0.25, entity_weight: 0.6, window_days: 14, decay_days: 60.0, time_floor: 0.6 }
    }
}

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
    /// Scoring parameters.
    #[serde(default)]
    pub params: ClusterParams,
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
    /// The owner's position in its document stream that this state includes
    /// (isnad-app keeps the store's last sequence number here, to replay the
    /// documents stored after it when the state was not saved).
    #[serde(default)]
    pub position: i64,
    /// Feature key (entity id or `t:` + term key) → indices of the stories whose
    /// profile holds it: the only stories that can score above zero. Rebuilt on load.
    #[serde(skip)]
    postings: Postings,
}

/// Derived lookup data: equal whatever it holds, so that a loaded clusterer
/// equals the one that was saved.
#[derive(Debug, Clone, Default)]
struct Postings(HashMap<String, BTreeSet<usize>>);

impl PartialEq for Postings {
    fn eq(&self, _: &Postings) -> bool {
        true
    }
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

    /// An empty clusterer with the given parameters.
    pub fn with_params(params: ClusterParams) -> StoryClusterer {
        StoryClusterer { params, ..StoryClusterer::default() }
    }

    fn idf(&self, df: u32) -> f64 {
        ((f64::from(self.docs) + PRIOR_DOCS + 1.0) / (f64::from(df) + 1.0)).ln()
    }

    fn ubiquitous(&self, df: u32) -> bool {
        self.docs >= MIN_DOCS_FOR_DF && f64::from(df) > UBIQUITOUS * f64::from(self.docs)
    }

    /// Builds the document's vectors from its counts with the current document frequencies.
    fn features(&self, published: Option<&str>, counts: Counts) -> Features {
        let (ent_tf, term_tf) = counts;
        let mut entities: Vector = Vec::new();
        let mut entity_names = Vec::new();
        for (id, (tf, name)) in ent_tf {
            let df = self.entity_df.get(&id).copied().unwrap_or(0);
            if self.ubiquitous(df) {
                continue;
            }
            entities.push((id.clone(), (1.0 + (tf as f64).ln()) * self.idf(df)));
            entity_names.push((id, name));
        }
        let mut scored: Vec<(String, f64, String)> = term_tf
            .into_iter()
            .filter_map(|(k, (tf, name))| {
                let df = self.term_df.get(&k).copied().unwrap_or(0);
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
        let day = published.and_then(day_number);
        Features { entities, terms, entity_names, term_names, day }
    }

    /// The scores of a document against every story, best first, without changing anything
    /// (document frequencies as they stand, this document not counted).
    pub fn scores(&self, doc: &Document) -> Vec<(u64, f64)> {
        let f = self.features(doc.meta.published.as_deref(), counts(doc));
        let mut out: Vec<(u64, f64)> = self.stories.iter().map(|s| (s.id, self.score(&f, s))).collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        out
    }

    fn score(&self, f: &Features, s: &StoryProfile) -> f64 {
        let w = self.params.entity_weight;
        let content = if f.entities.is_empty() {
            cosine(&f.terms, &s.terms)
        } else {
            w * cosine(&f.entities, &s.entities) + (1.0 - w) * cosine(&f.terms, &s.terms)
        };
        content * self.time_factor(f.day, s)
    }

    fn time_factor(&self, day: Option<i64>, s: &StoryProfile) -> f64 {
        let (Some(day), Some(first), Some(last)) =
            (day, s.first.as_deref().and_then(day_number), s.last.as_deref().and_then(day_number))
        else {
            return 0.8;
        };
        let p = &self.params;
        let gap = if day < first { first - day } else { (day - last).max(0) };
        if gap <= p.window_days {
            1.0
        } else {
            (-((gap - p.window_days) as f64) / p.decay_days.max(1.0)).exp().max(p.time_floor)
        }
    }

    /// Assigns a document to the best story (or a new one) and updates the state.
    pub fn assign(&mut self, doc: &Document) -> Assignment {
        self.assign_counts(DocCounts::of(doc))
    }

    /// [`StoryClusterer::assign`] for counts made beforehand with [`DocCounts::of`].
    ///
    /// Only the stories sharing an entity or a term with the document are
    /// scored (any other scores 0), so the cost does not grow with the number
    /// of unrelated stories.
    pub fn assign_counts(&mut self, doc: DocCounts) -> Assignment {
        let DocCounts { counts: c, published } = doc;
        self.docs += 1;
        for k in c.0.keys() {
            *self.entity_df.entry(k.clone()).or_default() += 1;
        }
        for k in c.1.keys() {
            *self.term_df.entry(k.clone()).or_default() += 1;
        }
        let f = self.features(published.as_deref(), c);
        if self.postings.0.is_empty() && !self.stories.is_empty() {
            self.rebuild_postings();
        }
        let mut candidates: BTreeSet<usize> = BTreeSet::new();
        for key in f.entities.iter().map(|(k, _)| k.clone()).chain(f.terms.iter().map(|(k, _)| term_posting(k))) {
            if let Some(p) = self.postings.0.get(&key) {
                candidates.extend(p);
            }
        }
        let best = candidates
            .into_iter()
            .filter_map(|i| self.stories.get(i).map(|s| (i, self.score(&f, s))))
            .filter(|(_, sc)| *sc >= self.params.join_threshold)
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
        let before = profile_keys(story);
        update(story, f, published.as_deref());
        let after = profile_keys(story);
        let id = story.id;
        for gone in before.difference(&after) {
            if let Some(p) = self.postings.0.get_mut(gone) {
                p.remove(&index);
                if p.is_empty() {
                    self.postings.0.remove(gone);
                }
            }
        }
        for added in after.difference(&before) {
            self.postings.0.entry(added.clone()).or_default().insert(index);
        }
        Assignment { story_id: id, new, score }
    }

    fn rebuild_postings(&mut self) {
        self.postings.0.clear();
        for (i, s) in self.stories.iter().enumerate() {
            for key in profile_keys(s) {
                self.postings.0.entry(key).or_default().insert(i);
            }
        }
    }

    /// The profile of a story.
    pub fn story(&self, id: u64) -> Option<&StoryProfile> {
        self.stories.iter().find(|s| s.id == id)
    }
}

/// Entity id → (mentions, canonical name) and term key → (count, display form).
type Counts = (BTreeMap<String, (usize, String)>, BTreeMap<String, (usize, String)>);

/// What the clusterer reads of a document, computed without the clusterer's
/// state (so in parallel, see [`DocCounts::of`]) and consumed by
/// [`StoryClusterer::assign_counts`].
#[derive(Debug, Clone, PartialEq)]
pub struct DocCounts {
    counts: Counts,
    published: Option<String>,
}

impl DocCounts {
    /// Counts the document's entities and terms (see the module docs for what is left out).
    pub fn of(doc: &Document) -> DocCounts {
        DocCounts { counts: counts(doc), published: doc.meta.published.clone() }
    }
}

/// Counts the document's entities and terms (see the module docs for what is left out).
fn counts(doc: &Document) -> Counts {
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
    (ent_tf, term_tf)
}

/// The posting key of a term (entity ids and term keys live in one map).
fn term_posting(key: &str) -> String {
    format!("t:{key}")
}

/// The posting keys of a story profile.
fn profile_keys(s: &StoryProfile) -> BTreeSet<String> {
    s.entities.keys().cloned().chain(s.terms.keys().map(|k| term_posting(k))).collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::doc;
    use EntityType::{Org, Person, Place};

    const GAZA: &[(&str, EntityType)] = &[("حماس", Org), ("إسرائيل", Place), ("قطر", Place), ("غزة", Place)];

    #[test]
    fn related_articles_join_and_unrelated_ones_start_stories() {
        let a = doc(
            "a",
            "2024-01-28",
            "مفاوضات الهدنة في غزة",
            "قال مسؤولون إن الوسطاء في قطر قدموا لحماس وإسرائيل مقترحاً لهدنة في غزة يتضمن الإفراج عن الرهائن \
             مقابل أسرى فلسطينيين، وإن المفاوضات ستستأنف الأسبوع المقبل في الدوحة.",
            GAZA,
        );
        let b = doc(
            "b",
            "2024-01-30",
            "حماس تدرس مقترح الهدنة",
            "أعلنت حماس أنها تدرس مقترح الهدنة الذي قدمته قطر، فيما قالت إسرائيل إن الإفراج عن الرهائن في غزة \
             أولوية، وأكد الوسطاء أن المفاوضات تحرز تقدماً.",
            GAZA,
        );
        let c = doc(
            "c",
            "2024-01-30",
            "ريال مدريد يفوز على ليفربول",
            "فاز ريال مدريد على ليفربول بثلاثة أهداف مقابل هدف في نهائي دوري أبطال أوروبا في كييف، \
             وسجل كريم بنزيمة الهدف الأول بعد خطأ من حارس المرمى.",
            &[("ريال مدريد", Org), ("ليفربول", Org), ("كييف", Place), ("كريم بنزيمة", Person)],
        );
        let mut c0 = StoryClusterer::new();
        let first = c0.assign(&a);
        assert!(first.new);
        let preview = c0.scores(&b);
        assert_eq!(c0.docs, 1, "scores() changes nothing");
        let second = c0.assign(&b);
        assert!(!second.new, "{second:?}");
        assert_eq!(second.story_id, first.story_id);
        assert_eq!(preview.first().map(|p| p.0), Some(first.story_id));
        let third = c0.assign(&c);
        assert!(third.new, "{third:?}");
        let story = c0.story(first.story_id).expect("story");
        assert_eq!(
            (story.docs, story.first.as_deref(), story.last.as_deref()),
            (2, Some("2024-01-28"), Some("2024-01-30"))
        );
        let l = label(story);
        assert!(l.contains("حماس") && l.contains(" · "), "{l}");
        assert!(label(c0.story(third.story_id).expect("story")).contains("ريال مدريد"));
    }

    #[test]
    fn time_factor_decays_to_its_floor() {
        let c = StoryClusterer::new();
        let s = StoryProfile {
            id: 0,
            entities: BTreeMap::new(),
            entity_names: BTreeMap::new(),
            terms: BTreeMap::new(),
            term_names: BTreeMap::new(),
            first: Some("2024-01-01".into()),
            last: Some("2024-01-10".into()),
            docs: 1,
        };
        let day = |d: &str| day_number(d);
        assert_eq!(c.time_factor(day("2024-01-20"), &s), 1.0);
        let mid = c.time_factor(day("2024-02-04"), &s);
        assert!(mid < 1.0 && mid > 0.6, "{mid}");
        assert_eq!(c.time_factor(day("2025-01-01"), &s), 0.6);
        assert_eq!(c.time_factor(None, &s), 0.8);
    }
}
