//! `isnad eval`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::Args as ClapArgs;
use isnad_eval::{evaluate, load_gold_dir, GoldDoc};
use isnad_extract::{Extractor, Options};
use isnad_input::ReadOptions;
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
    /// JSON Lines records (`id`, `published`, and optionally `source`,
    /// `title`, `url`) giving each raw article's metadata, matched by the
    /// gold file's name without extension (as `shared/corpus/dev/articles.jsonl`).
    #[arg(long, value_name = "JSONL")]
    pub published: Option<PathBuf>,
}

/// Metadata of one article, from a `--published` record.
#[derive(Debug, Default, Clone, serde::Deserialize)]
struct RecordMeta {
    id: String,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

/// Reads `--published` records by id; a malformed line is an error naming it.
fn load_records(path: &Path) -> anyhow::Result<HashMap<String, RecordMeta>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut out = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: RecordMeta = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not a record with an id", path.display(), i + 1))?;
        out.insert(r.id.clone(), r);
    }
    Ok(out)
}

fn load_document(
    input: &Path,
    gold: &GoldDoc,
    extractor: &Extractor,
    records: &HashMap<String, RecordMeta>,
) -> anyhow::Result<Document> {
    let extracted =
        input.join(format!("{}.json", Path::new(&gold.doc).file_stem().unwrap_or_default().to_string_lossy()));
    if extracted.exists() {
        let text =
            std::fs::read_to_string(&extracted).with_context(|| format!("cannot read {}", extracted.display()))?;
        return serde_json::from_str(&text)
            .with_context(|| format!("{} is not an isnad document", extracted.display()));
    }
    let raw_path = input.join(&gold.doc);
    let mut docs = isnad_sources::read_any(&raw_path, &ReadOptions::default());
    match docs.next() {
        Some(Ok(mut d)) => {
            let stem = Path::new(&gold.doc).file_stem().unwrap_or_default().to_string_lossy().into_owned();
            if let Some(r) = records.get(&stem) {
                d.meta.published = r.published.clone().or(d.meta.published);
                d.meta.outlet = r.source.clone().or(d.meta.outlet);
                d.meta.title = r.title.clone().or(d.meta.title);
                d.meta.url = r.url.clone().or(d.meta.url);
                d.meta.record_id = Some(r.id.clone());
            } else if !records.is_empty() {
                eprintln!("isnad eval: warning: {stem} has no record in --published");
            }
            Ok(extractor.extract(d.meta, d.raw, d.warnings))
        }
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
    let records = match &args.published {
        Some(p) => load_records(p)?,
        None => HashMap::new(),
    };
    let extractor = Extractor::with_options(Options { ner: !args.no_ner });
    let mut pairs = Vec::with_capacity(golds.len());
    let mut failed = 0;
    for gold in golds {
        match load_document(&args.input, &gold, &extractor, &records) {
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
        print!("{}", report.markdown());
    } else {
        print!("{}", report.table());
    }
    eprintln!("isnad eval: {} documents scored, {failed} failed", pairs.len());
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
