//! Statistical Arabic named-entity tagger (linear-chain CRF via `crfsuite`).
//!
//! The tagger labels the tokens of one sentence with BIO labels over
//! [`EntityClass`] (PERSON, ORG, PLACE and an internal MISC class). The
//! bundled model (`model/ner.crfsuite`) is compiled into the binary and
//! loaded lazily by [`Tagger::bundled`]; `train-ner` regenerates it from the
//! public corpora in `shared/data/ner` (see `model/README.md`).

pub mod clusters;
pub mod conll;
pub mod crf;
pub mod evaluate;
pub mod features;
pub mod train;

use std::cell::RefCell;
use std::fmt;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

use isnad_text::Analysis;

use crate::crf::{CrfModel, FxMap};
use crate::features::{Score, Tok, NGAZ, WINDOW};

/// The bundled model bytes (see `model/README.md`).
static MODEL_BYTES: &[u8] = include_bytes!("../model/ner.crfsuite");

/// Errors of this crate.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    /// The model could not be loaded.
    #[error("NER model: {0}")]
    Model(String),
    /// A data file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// Training failed.
    #[error("training: {0}")]
    Train(String),
    /// Bad input data.
    #[error("data: {0}")]
    Data(String),
}

impl NerError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> Self {
        NerError::Io { path: path.display().to_string(), source }
    }
}

/// The entity classes the tagger predicts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityClass {
    /// A person (or a person's name).
    Person,
    /// An organisation (governments' bodies, companies, parties, teams, media).
    Org,
    /// A place: country, city, region, geographic feature.
    Place,
    /// Other names (events, products, currencies, buildings, works): kept internally.
    Misc,
}

impl EntityClass {
    /// All classes.
    pub const ALL: [EntityClass; 4] = [EntityClass::Person, EntityClass::Org, EntityClass::Place, EntityClass::Misc];

    /// Short tag used in the model and in CoNLL files (`PER`, `ORG`, `LOC`, `MISC`).
    pub fn tag(self) -> &'static str {
        match self {
            EntityClass::Person => "PER",
            EntityClass::Org => "ORG",
            EntityClass::Place => "LOC",
            EntityClass::Misc => "MISC",
        }
    }

    /// Parses a short tag (`PER`/`PERS`, `ORG`, `LOC`, `MISC`).
    pub fn from_tag(s: &str) -> Option<Self> {
        Some(match s {
            "PER" | "PERS" | "PERSON" => EntityClass::Person,
            "ORG" => EntityClass::Org,
            "LOC" | "PLACE" | "GPE" => EntityClass::Place,
            "MISC" | "MIS" => EntityClass::Misc,
            _ => return None,
        })
    }
}

impl fmt::Display for EntityClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EntityClass::Person => "PERSON",
            EntityClass::Org => "ORG",
            EntityClass::Place => "PLACE",
            EntityClass::Misc => "MISC",
        })
    }
}

/// A BIO label of one token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Label {
    /// Outside any entity.
    O,
    /// First token of an entity.
    B(EntityClass),
    /// Continuation of an entity.
    I(EntityClass),
}

impl Label {
    /// The label as written in the model and CoNLL files (`O`, `B-PER`, `I-LOC`, ...).
    pub fn as_string(self) -> String {
        match self {
            Label::O => "O".to_string(),
            Label::B(c) => format!("B-{}", c.tag()),
            Label::I(c) => format!("I-{}", c.tag()),
        }
    }

    /// Parses `O`, `B-X`, `I-X` with X a tag known to [`EntityClass::from_tag`]; unknown → `None`.
    pub fn parse(s: &str) -> Option<Label> {
        if s == "O" {
            return Some(Label::O);
        }
        let (bio, class) = s.split_once('-')?;
        let class = EntityClass::from_tag(class)?;
        match bio {
            "B" => Some(Label::B(class)),
            "I" => Some(Label::I(class)),
            _ => None,
        }
    }

    /// The class, unless `O`.
    pub fn class(self) -> Option<EntityClass> {
        match self {
            Label::O => None,
            Label::B(c) | Label::I(c) => Some(c),
        }
    }
}

/// Longest sentence handed to the CRF at once; longer inputs are tagged in chunks.
const MAX_SEQ: usize = 400;

/// Words whose analyses and score rows are cached per thread (the cache is
/// emptied when it grows beyond this).
const CACHE_WORDS: usize = 60_000;

/// A loaded CRF model. Thread-safe: the model is read-only; per-thread
/// scratch buffers and a per-thread word cache live in thread-locals.
pub struct Tagger {
    crf: CrfModel,
    /// Score rows of the context attributes that do not depend on a word:
    /// gazetteer flags (own begin/inside, neighbour −1/+1) and sentence boundaries.
    fixed: Vec<f64>,
    /// Distinguishes taggers in the thread-local word caches.
    id: u64,
    size: usize,
}

static BUNDLED: OnceLock<Result<Tagger, String>> = OnceLock::new();
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// Rows of `Tagger::fixed` (each `L` wide).
const ROW_G1: usize = 0;
const ROW_GI: usize = NGAZ;
const ROW_GPREV: usize = 2 * NGAZ;
const ROW_GNEXT: usize = 3 * NGAZ;
const ROW_BOUND: usize = 4 * NGAZ; // + index of the offset in WINDOW
const FIXED_ROWS: usize = 4 * NGAZ + WINDOW.len();

/// A cached word: its analysis and the summed state weights of the
/// attributes it contributes as the current token and as each neighbour.
struct Entry {
    tok: Tok,
    /// `(1 + WINDOW.len()) × L`: own attributes, then one row per window offset.
    rows: Box<[f64]>,
}

#[derive(Default)]
struct Scratch {
    tagger: u64,
    index: FxMap<Box<str>, u32>,
    entries: Vec<Entry>,
    ids: Vec<u32>,
    scores: Vec<f64>,
    back: Vec<u16>,
    path: Vec<usize>,
    buf: String,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl Tagger {
    /// The model compiled into the binary, loaded on first use and shared.
    pub fn bundled() -> Result<&'static Tagger, NerError> {
        BUNDLED
            .get_or_init(|| Tagger::from_slice(MODEL_BYTES).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| NerError::Model(e.clone()))
    }

    fn from_slice(bytes: &[u8]) -> Result<Tagger, NerError> {
        let crf = CrfModel::parse(bytes)?;
        let l = crf.num_labels();
        let mut fixed = vec![0.0; FIXED_ROWS * l];
        let mut buf = String::new();
        {
            let mut row = |r: usize, f: &dyn Fn(&mut Score<'_>)| {
                let mut s = Score { model: &crf, row: &mut fixed[r * l..(r + 1) * l], buf: &mut buf };
                f(&mut s);
            };
            for g in 0..NGAZ {
                row(ROW_G1 + g, &|s| features::gaz_feat(g, 1, s));
                row(ROW_GI + g, &|s| features::gaz_feat(g, 2, s));
                row(ROW_GPREV + g, &|s| features::nb_gaz_feat(g, -1, s));
                row(ROW_GNEXT + g, &|s| features::nb_gaz_feat(g, 1, s));
            }
            for (k, d) in WINDOW.into_iter().enumerate() {
                row(ROW_BOUND + k, &|s| features::boundary_feat(d, s));
            }
        }
        Ok(Tagger { crf, fixed, id: NEXT_ID.fetch_add(1, Ordering::Relaxed), size: bytes.len() })
    }

    /// Loads a model file (as written by [`train::train`]).
    pub fn from_file(path: &Path) -> Result<Tagger, NerError> {
        let bytes = std::fs::read(path).map_err(|e| NerError::io(path, e))?;
        Tagger::from_bytes(bytes)
    }

    /// Loads a model from its bytes.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Tagger, NerError> {
        Tagger::from_slice(&bytes)
    }

    /// Size of the model in bytes.
    pub fn model_size(&self) -> usize {
        self.size
    }

    /// Tags one sentence: `tokens` are the surface strings of its tokens (as
    /// produced by `isnad_text::tokens::tokenize`). Returns one label per
    /// token; the output is always well-formed BIO (no `I` after `O` or after
    /// another class). Never panics.
    pub fn tag(&self, tokens: &[&str]) -> Vec<Label> {
        let mut out = Vec::with_capacity(tokens.len());
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut sc) => {
                for chunk in tokens.chunks(MAX_SEQ) {
                    self.tag_chunk(chunk, &mut sc, &mut out);
                }
            }
            // Re-entrant use on this thread (not expected): fresh buffers.
            Err(_) => {
                let mut sc = Scratch::default();
                for chunk in tokens.chunks(MAX_SEQ) {
                    self.tag_chunk(chunk, &mut sc, &mut out);
                }
            }
        });
        out
    }

    /// Tags every sentence and heading of a document's [`Analysis`] (its
    /// tokens, never re-tokenized) and returns the entity runs as char spans
    /// of the text, in text order. MISC runs are left out: they are the
    /// tagger's internal class.
    pub fn tag_analysis(&self, analysis: &Analysis<'_>) -> Vec<TaggedSpan> {
        let mut out = Vec::new();
        let tokens = analysis.tokens();
        for unit in analysis.units() {
            let range = unit.tokens.clone();
            if range.is_empty() {
                continue;
            }
            let surfaces: Vec<String> = range.clone().map(|i| analysis.surface(i)).collect();
            let refs: Vec<&str> = surfaces.iter().map(String::as_str).collect();
            let labels = self.tag(&refs);
            for (a, b, class) in bio_runs(&labels) {
                if class == EntityClass::Misc {
                    continue;
                }
                out.push(TaggedSpan {
                    start: tokens[range.start + a].start,
                    end: tokens[range.start + b - 1].end,
                    class,
                });
            }
        }
        out
    }

    fn entry_rows(&self, tok: &Tok, buf: &mut String) -> Box<[f64]> {
        let l = self.crf.num_labels();
        let mut rows = vec![0.0; (1 + WINDOW.len()) * l].into_boxed_slice();
        let (own, nbs) = rows.split_at_mut(l);
        features::own_feats(tok, &mut Score { model: &self.crf, row: own, buf });
        for (k, d) in WINDOW.into_iter().enumerate() {
            features::nb_feats(tok, d, &mut Score { model: &self.crf, row: &mut nbs[k * l..(k + 1) * l], buf });
        }
        rows
    }

    fn tag_chunk(&self, tokens: &[&str], sc: &mut Scratch, out: &mut Vec<Label>) {
        let n = tokens.len();
        if n == 0 {
            return;
        }
        let l = self.crf.num_labels();
        if sc.tagger != self.id || sc.entries.len() + n > CACHE_WORDS {
            sc.index.clear();
            sc.entries.clear();
            sc.tagger = self.id;
        }
        let Scratch { index, entries, ids, scores, back, path, buf, .. } = sc;
        ids.clear();
        for &t in tokens {
            let id = match index.get(t) {
                Some(&id) => id,
                None => {
                    let tok = features::analyse(t);
                    let rows = self.entry_rows(&tok, buf);
                    entries.push(Entry { tok, rows });
                    let id = (entries.len() - 1) as u32;
                    index.insert(t.into(), id);
                    id
                }
            };
            ids.push(id);
        }
        let toks: Vec<&Tok> = ids.iter().map(|&id| &entries[id as usize].tok).collect();
        let gaz = features::gazetteer_flags(&toks);
        scores.clear();
        scores.resize(n * l, 0.0);
        let fixed = |r: usize| &self.fixed[r * l..(r + 1) * l];
        for i in 0..n {
            let row = &mut scores[i * l..(i + 1) * l];
            let add = |row: &mut [f64], w: &[f64]| row.iter_mut().zip(w).for_each(|(r, w)| *r += w);
            add(row, &entries[ids[i] as usize].rows[..l]);
            for (g, &flag) in gaz[i].iter().enumerate() {
                match flag {
                    1 => add(row, fixed(ROW_G1 + g)),
                    2 => add(row, fixed(ROW_GI + g)),
                    _ => {}
                }
            }
            for (k, d) in WINDOW.into_iter().enumerate() {
                let j = i as isize + d;
                if j < 0 || j as usize >= n {
                    add(row, fixed(ROW_BOUND + k));
                    continue;
                }
                let j = j as usize;
                add(row, &entries[ids[j] as usize].rows[(1 + k) * l..(2 + k) * l]);
                if d.abs() == 1 {
                    let base = if d < 0 { ROW_GPREV } else { ROW_GNEXT };
                    for (g, &flag) in gaz[j].iter().enumerate() {
                        if flag != 0 {
                            add(row, fixed(base + g));
                        }
                    }
                }
            }
            let prev = i.checked_sub(1).map(|p| toks[p]);
            features::pair_feats(prev, toks[i], toks.get(i + 1).copied(), &mut Score { model: &self.crf, row, buf });
        }
        self.crf.viterbi(scores, back, path);
        let labels = path.iter().map(|&y| self.crf.labels.get(y).copied().unwrap_or(Label::O));
        out.extend(repair_bio(labels));
    }
}

/// Makes a label sequence well-formed BIO: an `I-X` not preceded by `B-X`/`I-X` becomes `B-X`.
pub fn repair_bio(labels: impl IntoIterator<Item = Label>) -> Vec<Label> {
    let mut out: Vec<Label> = Vec::new();
    for l in labels {
        let l = match (l, out.last()) {
            (Label::I(c), Some(Label::B(p) | Label::I(p))) if *p == c => Label::I(c),
            (Label::I(c), _) => Label::B(c),
            (l, _) => l,
        };
        out.push(l);
    }
    out
}

/// Entry point for `isnad eval-ner`: evaluates the bundled model on the
/// ANERcorp (CAMeL) test split at `path` and returns the rendered table.
pub fn cli_eval(path: &Path) -> Result<String, NerError> {
    let tagger = Tagger::bundled()?;
    let scores = evaluate::eval_anercorp_test(tagger, path)?;
    Ok(scores.table())
}

/// Entry point for `isnad train-ner`: trains with default options from the
/// corpora under `data_dir` (the `shared/data/ner` folder) and writes `out`.
#[cfg(feature = "train")]
pub fn cli_train(data_dir: &Path, out: &Path) -> Result<train::TrainReport, NerError> {
    let opts = train::TrainOptions { data_dir: data_dir.to_path_buf(), ..train::TrainOptions::default() };
    train::train(out, &opts)
}

/// An entity run found by the tagger: chars `[start, end)` of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TaggedSpan {
    /// Start (chars).
    pub start: usize,
    /// End (chars).
    pub end: usize,
    /// The class.
    pub class: EntityClass,
}

/// Decodes BIO labels into runs `(first, end, class)` of token indices
/// (`end` exclusive). An `I` that does not continue a run of its class
/// starts one, as CoNLL evaluation reads it.
pub fn bio_runs(labels: &[Label]) -> Vec<(usize, usize, EntityClass)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize, EntityClass)> = None;
    for (k, label) in labels.iter().enumerate() {
        match *label {
            Label::B(c) => {
                out.extend(open.take());
                open = Some((k, k + 1, c));
            }
            Label::I(c) => match &mut open {
                Some((_, end, oc)) if *oc == c => *end = k + 1,
                _ => {
                    out.extend(open.take());
                    open = Some((k, k + 1, c));
                }
            },
            Label::O => out.extend(open.take()),
        }
    }
    out.extend(open);
    out
}

#[cfg(test)]
mod bio_tests {
    use super::*;

    #[test]
    fn bio_runs_close_on_o_b_and_class_change() {
        use EntityClass::*;
        let l = [
            Label::B(Person),
            Label::I(Person),
            Label::O,
            Label::I(Place),
            Label::I(Org),
            Label::B(Org),
            Label::I(Org),
        ];
        assert_eq!(bio_runs(&l), [(0, 2, Person), (3, 4, Place), (4, 5, Org), (5, 7, Org)]);
        assert!(bio_runs(&[Label::O, Label::O]).is_empty());
    }
}
