//! `isnad extract`.

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args as ClapArgs, ValueEnum};
use isnad_extract::{Extractor, JsonArraySink, JsonlSink, Options, Sink};
use isnad_input::InputDoc;
use isnad_model::Document;
use rayon::prelude::*;

/// Output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON value: the record for a single input, else an array.
    Json,
    /// One record per line.
    Jsonl,
}

/// Arguments of `isnad extract`.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Files or folders (.txt, .jsonl, .json, .csv, .tsv, .html, .warc(.gz), .xml/.rss/.atom feeds, any
    /// of them .gz), http(s) URLs, or `-` for stdin; nothing reads stdin.
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub input: crate::inputs::InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Indent the JSON.
    #[arg(long)]
    pub pretty: bool,
    /// Write to this file instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// Leave out the statistical NER tagger (gazetteers and patterns still run).
    #[arg(long)]
    pub no_ner: bool,
}

/// Documents extracted in parallel per batch, written in input order.
const BATCH: usize = 64;

/// Runs `isnad extract`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let opts = args.input.read_options();
    let out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let mut sink: Box<dyn Sink> = match args.format {
        Format::Json => Box::new(JsonArraySink::new(out, args.pretty)),
        Format::Jsonl => Box::new(JsonlSink::new(out, args.pretty)),
    };
    let stdin = [PathBuf::from("-")];
    let paths: &[PathBuf] = if args.paths.is_empty() { &stdin } else { &args.paths };
    let inputs = isnad_sources::read_inputs(paths, &opts, None);
    let extractor = Extractor::with_options(Options { ner: !args.no_ner });
    let (mut ok, mut failed, mut warned) = (0usize, 0usize, 0usize);
    let mut batch: Vec<InputDoc> = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<InputDoc>, sink: &mut Box<dyn Sink>| -> anyhow::Result<()> {
        let docs: Vec<Document> =
            std::mem::take(batch).into_par_iter().map(|d| extractor.extract(d.meta, d.raw, d.warnings)).collect();
        for d in &docs {
            for w in &d.warnings {
                eprintln!("isnad: warning: {}: {}", d.meta.source, w.message);
            }
            warned += !d.warnings.is_empty() as usize;
            sink.write(d)?;
        }
        ok += docs.len();
        Ok(())
    };
    for item in inputs {
        match item {
            Ok(doc) => {
                batch.push(doc);
                if batch.len() == BATCH {
                    flush(&mut batch, &mut sink)?;
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("isnad: error: {e}");
            }
        }
    }
    flush(&mut batch, &mut sink)?;
    sink.finish()?;
    eprintln!("isnad extract: {ok} extracted, {failed} failed, {warned} with warnings");
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
