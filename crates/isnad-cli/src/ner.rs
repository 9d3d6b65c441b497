//! `isnad eval-ner` and `isnad train-ner`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args as ClapArgs;

/// Arguments of `isnad eval-ner`.
#[derive(ClapArgs, Debug)]
pub struct EvalArgs {
    /// The ANERcorp test split in CoNLL format (IOB2).
    #[arg(long, default_value = "../shared/data/ner/anercorp_camel_test/ANERCorp_CamelLab_test.txt")]
    pub test: PathBuf,
}

/// Arguments of `isnad train-ner`.
#[derive(ClapArgs, Debug)]
pub struct TrainArgs {
    /// The folder holding the NER corpora (`shared/data/ner`).
    #[arg(long, default_value = "../shared/data/ner")]
    pub data: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "crates/isnad-ner/model/ner.crfsuite")]
    pub out: PathBuf,
}

/// Runs `isnad eval-ner`: entity-level P/R/F1 of the bundled tagger, CoNLL style.
pub fn eval(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let table =
        isnad_ner::cli_eval(&args.test).with_context(|| format!("cannot evaluate on {}", args.test.display()))?;
    print!("{table}");
    Ok(ExitCode::SUCCESS)
}

/// Runs `isnad train-ner`: retrains the CRF model from the corpora.
#[cfg(feature = "train")]
pub fn train(args: TrainArgs) -> anyhow::Result<ExitCode> {
    let report = isnad_ner::cli_train(&args.data, &args.out).context("training failed")?;
    eprintln!("isnad train-ner: wrote {} ({report:?})", args.out.display());
    Ok(ExitCode::SUCCESS)
}

/// Without the `train` feature, `isnad train-ner` explains how to get it.
#[cfg(not(feature = "train"))]
pub fn train(args: TrainArgs) -> anyhow::Result<ExitCode> {
    let _ = (args.data, args.out);
    anyhow::bail!(
        "this isnad was built without training support; rebuild with \
         `cargo build --release -p isnad --features train` (needs cmake for crfsuite's C code)"
    )
}
