//! Regenerates `crates/isnad-ner/model/ner.crfsuite` from `shared/data/ner`.
//!
//! `cargo run --release -p isnad-ner --bin train-ner -- [--out FILE] [--data DIR] [--algo lbfgs|l2sgd|ap|pa|arow]
//! [--c1 X] [--c2 X] [--iters N] [--minfreq N] [--dev N] [--set NAME=VALUE] [--wiki] [--no-newsfane]
//! [--no-anercorp] [--no-aqmar] [--aqmar-misc-o] [--verbose] [--no-eval]
//! [--eval-only MODEL]`
//!
//! `train-ner --clusters` first regenerates `model/clusters.tsv` from
//! `shared/corpus/news-dev` (then rebuild: the table is compiled in).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use isnad_ner::evaluate::eval_anercorp_test;
use isnad_ner::train::{test_split_path, train, TrainOptions};
use isnad_ner::Tagger;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train-ner: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut opts = TrainOptions::default();
    let mut out = Path::new(env!("CARGO_MANIFEST_DIR")).join("model/ner.crfsuite");
    let mut eval = true;
    let mut eval_only: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--out" => out = PathBuf::from(val()?),
            "--data" => opts.data_dir = PathBuf::from(val()?),
            "--algo" => opts.algorithm = val()?,
            "--c1" => opts.c1 = val()?.parse()?,
            "--c2" => opts.c2 = val()?.parse()?,
            "--iters" => opts.max_iterations = val()?.parse()?,
            "--minfreq" => opts.min_freq = val()?.parse()?,
            "--ngram" => opts.leak_ngram = val()?.parse()?,
            "--dev" => opts.dev_tail = val()?.parse()?,
            "--set" => {
                let kv = val()?;
                let (k, v) = kv.split_once('=').ok_or("--set needs NAME=VALUE")?;
                opts.params.push((k.to_string(), v.to_string()));
            }
            "--wiki" => opts.wiki_fane = true,
            "--no-newsfane" => opts.news_fane = false,
            "--no-anercorp" => opts.anercorp = false,
            "--no-aqmar" => opts.aqmar = false,
            "--aqmar-misc-o" => opts.aqmar_misc = false,
            "--verbose" => opts.verbose = true,
            "--no-eval" => eval = false,
            "--clusters" => {
                let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/news-dev");
                let table = Path::new(env!("CARGO_MANIFEST_DIR")).join("model/clusters.tsv");
                let n = isnad_ner::clusters::build(&corpus, &table, &Default::default())?;
                println!("wrote {} ({n} words); rebuild, then train", table.display());
                return Ok(());
            }
            "--eval-only" => eval_only = Some(PathBuf::from(val()?)),
            "-h" | "--help" => {
                println!("see the doc comment of crates/isnad-ner/src/bin/train-ner.rs");
                return Ok(());
            }
            _ => return Err(format!("unknown argument {a}").into()),
        }
    }
    if eval_only.is_none() {
        eprintln!("training with {opts:?}");
        let report = train(&out, &opts)?;
        println!("{report}");
        if !report.dev.is_empty() {
            let tagger = Tagger::from_file(&out)?;
            println!("held-out dev ({} sentences of the training data):", report.dev.len());
            print!("{}", isnad_ner::evaluate::eval_sentences(&tagger, &report.dev).table());
            if opts.dev_tail > 0 {
                return Ok(());
            }
        }
    }
    if eval || eval_only.is_some() {
        let model = eval_only.unwrap_or(out);
        let t = Instant::now();
        let tagger = Tagger::from_file(&model)?;
        println!("model {} bytes, loaded in {:.1} ms", tagger.model_size(), t.elapsed().as_secs_f64() * 1e3);
        let scores = eval_anercorp_test(&tagger, &test_split_path(&opts.data_dir))?;
        print!("{}", scores.table());
    }
    Ok(())
}
