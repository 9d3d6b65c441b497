//! `isnad eval`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::Args as ClapArgs;
use isnad_eval::{evaluate, load_gold_dir, GoldDoc};
use isnad_extract::{Extractor, Options};
use isnad_input::{read_path, ReadOptions};
use isnad_model::Document;

/// Arguments of `isnad eval`.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Folder of gold files (`*.json`, format of shared/gold/README.md).
    #[arg(long)]
    pub gold: PathBuf,
    /// Folder with the inputs the gold files name: raw articles (`.txt`),
    /// which are extracted now, or extracted records (`<name>.json`).
    #[arg(long)]
    pub input: PathBuf,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Print the report as a Markdown table.
    #[arg(long, conflicts_with = "json")]
    pub markdown: bool,
    /// Leave out the statistical NER tagger.
    #[arg(long)]
    pub no_ner: bool,
}

fn load_document(input: &Path, gold: &GoldDoc, extractor: &Extractor) -> anyhow::Result<Document> {
    let extracted =
        input.join(format!("{}.json", Path::new(&gold.doc).file_stem().unwrap_or_default().to_string_lossy()));
    if extracted.exists() {
        let text =
            std::fs::read_to_string(&extracted).with_context(|| format!("cannot read {}", extracted.display()))?;
        return serde_json::from_str(&text)
            .with_context(|| format!("{} is not an isnad document", extracted.display()));
    }
    let raw_path = input.join(&gold.doc);
    let mut docs = read_path(&raw_path, &ReadOptions::default());
    match docs.next() {
        Some(Ok(d)) => Ok(extractor.extract(d.meta, d.raw, d.warnings)),
        Some(Err(e)) => bail!("{e}"),
        None => bail!("{}: no document", raw_path.display()),
    }
}

/// Runs `isnad eval`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let golds =
        load_gold_dir(&args.gold).with_context(|| format!("cannot load gold files from {}", args.gold.display()))?;
    if golds.is_empty() {
        bail!("no gold files in {}", args.gold.display());
    }
    let extractor = Extractor::with_options(Options { ner: !args.no_ner });
    let mut pairs = Vec::with_capacity(golds.len());
    let mut failed = 0;
    for gold in golds {
        match load_document(&args.input, &gold, &extractor) {
            Ok(doc) => pairs.push((gold, doc)),
            Err(e) => {
                failed += 1;
                eprintln!("isnad: error: {}: {e:#}", gold.doc);
            }
        }
    }
    let report = evaluate(&pairs);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else if args.markdown {
        println!("| category | tp | fp | fn | precision | recall | F1 |");
        println!("|---|---:|---:|---:|---:|---:|---:|");
        for c in &report.categories {
            println!(
                "| {} | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
                c.name, c.tp, c.fp, c.fn_, c.precision, c.recall, c.f1
            );
        }
    } else {
        print!("{}", report.table());
    }
    eprintln!("isnad eval: {} documents scored, {failed} failed", pairs.len());
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
