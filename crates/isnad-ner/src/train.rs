//! Training the CRF from the public corpora (see `model/README.md`).
//!
//! Training data (default): the ANERcorp train part (Benajiba variant, the
//! part before the CAMeL test split). NewsFANE gold, AQMAR and WikiFANE gold
//! can be added (`TrainOptions`); measured, they lower the ANERcorp-test F1
//! (see `model/README.md`). NewsFANE re-annotates ANERcorp's own articles, so every training sentence
//! that shares a word n-gram (default 5, matching forms) with the ANERcorp
//! test split is dropped: the test split is never trained on.

use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
#[cfg(feature = "train")]
use std::time::Instant;

#[cfg(feature = "train")]
use crfsuite::{Algorithm, Attribute, GraphicalModel, Trainer};

use crate::conll::{self, Sentence};
use crate::features::norm;
#[cfg(feature = "train")]
use crate::features::sentence_features;
use crate::NerError;

/// Training options.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// The `shared/data/ner` folder.
    pub data_dir: PathBuf,
    /// Use the ANERcorp train part (Benajiba variant).
    pub anercorp: bool,
    /// Use NewsFANE gold.
    pub news_fane: bool,
    /// Use WikiFANE gold.
    pub wiki_fane: bool,
    /// Use AQMAR.
    pub aqmar: bool,
    /// Keep AQMAR's MIS* classes as MISC (else `O`).
    pub aqmar_misc: bool,
    /// crfsuite training algorithm: `lbfgs` (default), `l2sgd`, `ap`, `pa`, `arow`.
    pub algorithm: String,
    /// L1 regularisation (prunes features; L-BFGS only).
    pub c1: f64,
    /// L2 regularisation.
    pub c2: f64,
    /// L-BFGS iterations.
    pub max_iterations: u32,
    /// Minimum feature frequency.
    pub min_freq: u32,
    /// Drop training sentences sharing an n-gram of this length with the test split.
    pub leak_ngram: usize,
    /// Hold out this many of the last training sentences (after the overlap
    /// filter) as a development set for choosing features and c1/c2 without
    /// looking at the test split; they are returned in [`TrainReport::dev`].
    pub dev_tail: usize,
    /// Further crfsuite trainer parameters (`name`, `value`), e.g. `feature.possible_states`.
    pub params: Vec<(String, String)>,
    /// Print crfsuite's progress.
    pub verbose: bool,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            data_dir: default_data_dir(),
            anercorp: true,
            news_fane: false,
            wiki_fane: false,
            aqmar: false,
            aqmar_misc: true,
            algorithm: "lbfgs".to_string(),
            c1: 0.2,
            c2: 0.01,
            max_iterations: 150,
            min_freq: 1,
            leak_ngram: 5,
            dev_tail: 0,
            params: Vec::new(),
            verbose: false,
        }
    }
}

/// `shared/data/ner` beside the repository (`CARGO_MANIFEST_DIR/../../../shared/data/ner`).
pub fn default_data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/ner")
}

/// Path of the ANERcorp (CAMeL) test split under a data dir.
pub fn test_split_path(data_dir: &Path) -> PathBuf {
    data_dir.join("anercorp_camel_test/ANERCorp_CamelLab_test.txt")
}

/// What training used and produced.
#[derive(Debug, Clone)]
pub struct TrainReport {
    /// (corpus, sentences kept, tokens kept, sentences dropped for test overlap).
    pub corpora: Vec<(String, usize, usize, usize)>,
    /// Seconds spent training.
    pub seconds: f64,
    /// Model file size in bytes.
    pub model_bytes: u64,
    /// The held-out development sentences (see [`TrainOptions::dev_tail`]).
    pub dev: Vec<Sentence>,
}

impl std::fmt::Display for TrainReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (name, s, t, d) in &self.corpora {
            writeln!(f, "{name:<12} {s:>6} sentences {t:>7} tokens ({d} dropped: overlap with the test split)")?;
        }
        write!(f, "trained in {:.0} s, model {} bytes", self.seconds, self.model_bytes)
    }
}

fn gram_hash(toks: &[String]) -> u64 {
    let mut h = DefaultHasher::new();
    toks.hash(&mut h);
    h.finish()
}

fn ngrams(tokens: &[String], n: usize) -> impl Iterator<Item = u64> + '_ {
    tokens.windows(n).map(gram_hash)
}

/// Loads the training sentences selected by `opts`, with the test-overlap filter applied.
pub fn load_training(opts: &TrainOptions) -> Result<(Vec<Sentence>, TrainReport), NerError> {
    let d = &opts.data_dir;
    let test = conll::read_anercorp_camel(&test_split_path(d))?;
    let n = opts.leak_ngram.max(2);
    let mut test_grams = HashSet::new();
    for s in &test {
        let f: Vec<String> = s.tokens.iter().map(|t| norm(t)).collect();
        test_grams.extend(ngrams(&f, n));
    }
    let mut corpora: Vec<(&str, Vec<Sentence>)> = Vec::new();
    if opts.anercorp {
        corpora.push((
            "anercorp",
            conll::read_anercorp_benajiba(&d.join("anercorp_benajiba_variant/ANERCorp.train-part.txt"))?,
        ));
    }
    if opts.news_fane {
        corpora.push(("newsfane", conll::read_fane(&d.join("fane_gold_2014/NewsFANE_Gold_2014_170K.txt"))?));
    }
    if opts.wiki_fane {
        corpora.push(("wikifane", conll::read_fane(&d.join("fane_gold_2014/WikiFANE_Gold_2014_500K.txt"))?));
    }
    if opts.aqmar {
        corpora.push(("aqmar", conll::read_aqmar(&d.join("aqmar"), opts.aqmar_misc)?));
    }
    let mut all = Vec::new();
    let mut report = TrainReport { corpora: Vec::new(), seconds: 0.0, model_bytes: 0, dev: Vec::new() };
    for (name, sents) in corpora {
        let (mut kept, mut toks, mut dropped) = (0, 0, 0);
        for s in sents {
            let f: Vec<String> = s.tokens.iter().map(|t| norm(t)).collect();
            if ngrams(&f, n).any(|g| test_grams.contains(&g)) {
                dropped += 1;
                continue;
            }
            kept += 1;
            toks += s.tokens.len();
            all.push(s);
        }
        report.corpora.push((name.to_string(), kept, toks, dropped));
    }
    Ok((all, report))
}

/// Trains a model on the corpora selected by `opts` and writes it to `out`
/// (needs the `train` feature: crfsuite's C build).
#[cfg(feature = "train")]
pub fn train(out: &Path, opts: &TrainOptions) -> Result<TrainReport, NerError> {
    let (mut sents, mut report) = load_training(opts)?;
    if opts.dev_tail > 0 {
        report.dev = sents.split_off(sents.len().saturating_sub(opts.dev_tail));
    }
    if sents.is_empty() {
        return Err(NerError::Data("no training sentences".into()));
    }
    let start = Instant::now();
    let err = |e: crfsuite::CrfError| NerError::Train(e.to_string());
    let mut trainer = Trainer::new(opts.verbose);
    let algorithm: Algorithm = opts.algorithm.parse().map_err(err)?;
    trainer.select(algorithm, GraphicalModel::CRF1D).map_err(err)?;
    if matches!(algorithm, Algorithm::LBFGS) {
        trainer.set("c1", &opts.c1.to_string()).map_err(err)?;
    }
    if matches!(algorithm, Algorithm::LBFGS | Algorithm::L2SGD) {
        trainer.set("c2", &opts.c2.to_string()).map_err(err)?;
    }
    trainer.set("max_iterations", &opts.max_iterations.to_string()).map_err(err)?;
    trainer.set("feature.minfreq", &opts.min_freq.to_string()).map_err(err)?;
    for (k, v) in &opts.params {
        trainer.set(k, v).map_err(err)?;
    }
    for s in &sents {
        let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        let xseq: Vec<Vec<Attribute>> = sentence_features(&toks)
            .into_iter()
            .map(|f| f.into_iter().map(|name| Attribute { name, value: 1.0 }).collect())
            .collect();
        let yseq: Vec<String> = s.labels.iter().map(|l| l.as_string()).collect();
        trainer.append(&xseq, &yseq, 0).map_err(err)?;
    }
    let out_str = out.to_str().ok_or_else(|| NerError::Train("non-UTF-8 output path".into()))?;
    if out_str.contains('\0') {
        return Err(NerError::Train("output path contains NUL".into()));
    }
    trainer.train(out_str, -1).map_err(err)?;
    report.seconds = start.elapsed().as_secs_f64();
    report.model_bytes = std::fs::metadata(out).map_err(|e| NerError::io(out, e))?.len();
    Ok(report)
}
