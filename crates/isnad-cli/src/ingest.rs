//! `isnad ingest`.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::Args as ClapArgs;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use isnad_app::{IngestOptions, IngestReport, Progress, Workspace};
use isnad_sources::{count_documents, is_url, read_inputs, Fetcher};

/// Arguments of `isnad ingest`.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// Files or folders (.txt, .jsonl, .json, .csv, .tsv, .html, .warc(.gz), .xml/.rss/.atom feeds, any
    /// of them .gz), http(s) URLs of pages or feeds, or `-` for stdin.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The data directory.
    #[arg(long, default_value = isnad_app::DEFAULT_DATA_DIR)]
    pub data: PathBuf,
    #[command(flatten)]
    pub input: crate::inputs::InputArgs,
    /// Leave out the statistical NER tagger (faster).
    #[arg(long)]
    pub no_ner: bool,
    /// For feed URLs: fetch the article page of entries with only a summary.
    #[arg(long)]
    pub follow: bool,
    /// Documents per batch (one transaction each).
    #[arg(long, default_value_t = 64)]
    pub batch: usize,
    /// No progress bar.
    #[arg(long, short)]
    pub quiet: bool,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

/// Runs `isnad ingest`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let opts = args.input.read_options();
    let mut ws = Workspace::open(&args.data)
        .with_context(|| format!("cannot open the data directory {}", args.data.display()))?;
    let is_url_arg = |p: &PathBuf| p.to_str().is_some_and(is_url);
    let fetcher = if args.paths.iter().any(is_url_arg) {
        Some(Fetcher::new().context("cannot set up the HTTP client")?.follow(args.follow))
    } else {
        None
    };
    let inputs = read_inputs(&args.paths, &opts, fetcher);
    let bar = if args.quiet {
        ProgressBar::hidden()
    } else {
        // With a known total (files and JSONL records, counted up front), a bar with an ETA.
        let total: Option<u64> = args
            .paths
            .iter()
            .map(|p| if is_url_arg(p) || p.as_os_str() == "-" { None } else { count_documents(p) })
            .sum();
        let (b, template) = match total {
            Some(n) => (ProgressBar::new(n), "{bar:30} {pos}/{len} · {rate} · {elapsed} elapsed, ETA {eta} {msg}"),
            None => (ProgressBar::new_spinner(), "{spinner} {pos} · {rate} · {elapsed} {msg}"),
        };
        b.set_draw_target(ProgressDrawTarget::stderr_with_hz(4));
        let style = ProgressStyle::with_template(template).unwrap_or_else(|_| ProgressStyle::default_spinner());
        b.set_style(style.with_key("rate", |s: &ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{:.0} documents/s", s.per_sec());
        }));
        b.enable_steady_tick(Duration::from_millis(250));
        b
    };
    let started = Instant::now();
    let mut failures = 0usize;
    let report = ws.ingest(inputs, &IngestOptions { batch: args.batch, ner: !args.no_ner }, &mut |p| match p {
        Progress::Stored(n) => bar.inc(n as u64),
        Progress::Failed(f) => {
            failures += 1;
            bar.suspend(|| eprintln!("isnad: {}", f.message));
            bar.set_message(format!("· {failures} failed"));
        }
    });
    bar.finish_and_clear();
    let report: IngestReport = report.with_context(|| format!("ingest into {} stopped", args.data.display()))?;
    let secs = started.elapsed().as_secs_f64();
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        let rate = if secs > 0.0 { report.read as f64 / secs } else { 0.0 };
        eprintln!(
            "isnad: ingested {} documents in {:.1} s ({:.0}/s): {} new, {} unchanged, {} revised, {} near-duplicates linked, {} new stories, {} failed",
            report.read,
            secs,
            rate,
            report.new,
            report.unchanged,
            report.revised,
            report.duplicates,
            report.new_stories,
            report.failed.len()
        );
        for f in &report.failed {
            eprintln!("  failed: {}", f.message);
        }
    }
    Ok(if report.failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
