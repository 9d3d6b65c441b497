//! The `isnad` command line.

mod eval;
mod extract;
mod ner;

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
    /// Extract one JSON record per article from files, folders, JSONL or stdin.
    Extract(extract::Args),
    /// Score extraction output against gold annotations.
    Eval(eval::Args),
    /// Score the NER tagger on the ANERcorp test split (CoNLL entity level).
    EvalNer(ner::EvalArgs),
    /// Retrain the NER tagger from the public corpora.
    TrainNer(ner::TrainArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Eval(args) => eval::run(args),
        Command::EvalNer(args) => ner::eval(args),
        Command::TrainNer(args) => ner::train(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("isnad: error: {e:#}");
            ExitCode::from(2)
        }
    }
}
