//! Statistical Arabic named-entity tagger (linear-chain CRF via `crfsuite`).
//!
//! The tagger labels the tokens of one sentence with BIO labels over
//! [`EntityClass`] (PERSON, ORG, PLACE and an internal MISC class). The
//! bundled model (`model/ner.crfsuite`) is compiled into the binary and
//! loaded lazily by [`Tagger::bundled`]; `train-ner` regenerates it from the
//! public corpora in `shared/data/ner` (see `model/README.md`).

pub mod clusters;
pub mod conll;
pub mod evaluate;
pub mod features;
pub mod train;

use std::cell::RefCell;
use std::fmt;
use std::path::Path;
use std::sync::OnceLock;

use crfsuite::{Attribute, Model};

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

/// A loaded CRF model. Thread-safe: the model is read-only and each call
/// builds its own small decoding context.
pub struct Tagger {
    // Field order matters: the model refers to the bytes and must drop first.
    model: Model,
    _bytes: Option<Box<[u8]>>,
    size: usize,
}

// SAFETY-free: `crfsuite::Model` is Send + Sync (read-only after loading).

static BUNDLED: OnceLock<Result<Tagger, String>> = OnceLock::new();

thread_local! {
    static FEATS: RefCell<Vec<Vec<Attribute>>> = const { RefCell::new(Vec::new()) };
}

impl Tagger {
    /// The model compiled into the binary, loaded on first use and shared.
    pub fn bundled() -> Result<&'static Tagger, NerError> {
        BUNDLED
            .get_or_init(|| Tagger::from_static(MODEL_BYTES).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| NerError::Model(e.clone()))
    }

    fn from_static(bytes: &'static [u8]) -> Result<Tagger, NerError> {
        let model = Model::from_memory(bytes).map_err(|e| NerError::Model(e.to_string()))?;
        Ok(Tagger { model, _bytes: None, size: bytes.len() })
    }

    /// Loads a model file (as written by [`train::train`]).
    pub fn from_file(path: &Path) -> Result<Tagger, NerError> {
        let bytes = std::fs::read(path).map_err(|e| NerError::io(path, e))?;
        Tagger::from_bytes(bytes)
    }

    /// Loads a model from its bytes.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Tagger, NerError> {
        let bytes = bytes.into_boxed_slice();
        let size = bytes.len();
        // The boxed slice's heap buffer does not move when the box is moved.
        let model = Model::from_memory(&bytes).map_err(|e| NerError::Model(e.to_string()))?;
        Ok(Tagger { model, _bytes: Some(bytes), size })
    }

    /// Size of the model in bytes.
    pub fn model_size(&self) -> usize {
        self.size
    }

    /// Tags one sentence: `tokens` are the surface strings of its tokens (as
    /// produced by `isnad_text::tokens::tokenize`). Returns one label per
    /// token; the output is always well-formed BIO (no `I` after `O` or after
    /// another class). Never panics; on an internal CRF error the tokens get `O`.
    pub fn tag(&self, tokens: &[&str]) -> Vec<Label> {
        let mut out = Vec::with_capacity(tokens.len());
        for chunk in tokens.chunks(MAX_SEQ) {
            out.extend(self.tag_chunk(chunk));
        }
        out
    }

    fn tag_chunk(&self, tokens: &[&str]) -> Vec<Label> {
        if tokens.is_empty() {
            return Vec::new();
        }
        let labels = FEATS.with(|cell| {
            let mut items = cell.borrow_mut();
            features::sentence_items(tokens, &mut items);
            let mut tagger = self.model.tagger().ok()?;
            tagger.tag(&items[..tokens.len()]).ok()
        });
        match labels {
            Some(l) if l.len() == tokens.len() => repair_bio(l.iter().map(|s| Label::parse(s).unwrap_or(Label::O))),
            _ => vec![Label::O; tokens.len()],
        }
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
pub fn cli_train(data_dir: &Path, out: &Path) -> Result<train::TrainReport, NerError> {
    let opts = train::TrainOptions { data_dir: data_dir.to_path_buf(), ..train::TrainOptions::default() };
    train::train(out, &opts)
}
