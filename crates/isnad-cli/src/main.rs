//! The `isnad` command line.

mod demo;
mod eval;
mod export;
mod extract;
mod ingest;
mod inputs;
mod ner;
mod query;
mod serve;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// isnad reads Arabic news and gives back the story it tells, with every
/// fact traced to the span of text it came from.
#[derive(Parser)]
#[command(name = "isnad", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract one JSON record per article from files, folders, records, web formats, URLs or stdin.
    Extract(extract::Args),
    /// Score extraction output against gold annotations.
    Eval(eval::Args),
    /// Score the NER tagger on the ANERcorp test split (CoNLL entity level).
    EvalNer(ner::EvalArgs),
    /// Retrain the NER tagger from the public corpora.
    TrainNer(ner::TrainArgs),
    /// Ingest files, folders, records, WARC, HTML, feeds, URLs or stdin into the store.
    Ingest(ingest::Args),
    /// List stories, or show one: timeline, figure series, contradictions.
    Story(query::StoryArgs),
    /// Figure series with sources, latest values and contradictions.
    Figures(query::FiguresArgs),
    /// Who said what.
    Quotes(query::QuotesArgs),
    /// People, organisations, places and outlets in the store.
    Entities(query::EntitiesArgs),
    /// Full-text search with Arabic-aware matching.
    Search(query::SearchArgs),
    /// Export documents or fact tables as JSONL, CSV or Parquet.
    Export(export::Args),
    /// Serve the HTTP API and the Arabic web UI over the store.
    Serve(serve::Args),
    /// Ingest examples/, print the main story (timeline, series, contradictions), serve the UI.
    Demo(demo::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Eval(args) => eval::run(args),
        Command::EvalNer(args) => ner::eval(args),
        Command::TrainNer(args) => ner::train(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Story(args) => query::story(args),
        Command::Figures(args) => query::figures(args),
        Command::Quotes(args) => query::quotes(args),
        Command::Entities(args) => query::entities(args),
        Command::Search(args) => query::search(args),
        Command::Export(args) => export::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Demo(args) => demo::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("isnad: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
