//! `isnad export`: documents and fact tables as JSONL, CSV or Parquet, with one
//! documented column schema ([`schema`], docs/export.md) for CSV and Parquet.

mod columnar;
pub mod schema;

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::{Args as ClapArgs, ValueEnum};
use isnad_app::Workspace;
use isnad_store::{DocFilter, EntityFilter, EventFilter, FigureFilter, QuoteFilter};
use serde::Serialize;
use serde_json::Value;

use columnar::ParquetRows;
use schema::{columns, Column};

/// What `isnad export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Table {
    /// Documents: full extraction records as JSONL; metadata, text and fact counts as CSV/Parquet.
    Documents,
    /// One row per figure.
    Figures,
    /// One row per quote.
    Quotes,
    /// One row per entity.
    Entities,
    /// One row per event.
    Events,
}

impl Table {
    fn name(self) -> &'static str {
        match self {
            Table::Documents => "documents",
            Table::Figures => "figures",
            Table::Quotes => "quotes",
            Table::Entities => "entities",
            Table::Events => "events",
        }
    }
}

/// Export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON record per line.
    Jsonl,
    /// CSV with a header row; lists joined with `;`.
    Csv,
    /// Apache Parquet (Snappy), for pandas, DuckDB, Spark.
    Parquet,
}

/// Arguments of `isnad export`.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// What to export.
    #[arg(long, value_enum, default_value_t = Table::Documents)]
    pub what: Table,
    /// Format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Write here instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// The data directory.
    #[arg(long, default_value = isnad_app::DEFAULT_DATA_DIR)]
    pub data: PathBuf,
}

/// Runs `isnad export`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if !args.data.join("isnad.sqlite").exists() {
        bail!(
            "{}: no store here (run `isnad ingest --data {} PATH...` first)",
            args.data.display(),
            args.data.display()
        );
    }
    let ws = Workspace::open_read_only(&args.data).with_context(|| format!("opening {}", args.data.display()))?;
    let out: Box<dyn Write + Send> = match &args.output {
        Some(path) => Box::new(File::create(path).with_context(|| format!("{}: cannot create", path.display()))?),
        None if args.format == Format::Parquet && std::io::stdout().is_terminal() => {
            bail!("Parquet is binary: give --output FILE or redirect standard output")
        }
        None => Box::new(std::io::stdout()),
    };
    let out = BufWriter::new(out);
    let cols = columns(args.what);
    let mut sink = match args.format {
        Format::Jsonl => Sink::Jsonl(out),
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(cols.iter().map(|c| c.name))?;
            Sink::Csv(Box::new(w), cols)
        }
        Format::Parquet => Sink::Parquet(Box::new(ParquetRows::new(out, args.what.name(), cols)?)),
    };
    let n = write_rows(&ws, args.what, args.format == Format::Jsonl, &mut sink)?;
    sink.finish()?;
    if let Some(path) = &args.output {
        eprintln!("isnad: {n} {} rows written to {}", args.what.name(), path.display());
    }
    Ok(ExitCode::SUCCESS)
}

/// Pages through the store and writes every row of the table; returns the row count.
fn write_rows(ws: &Workspace, table: Table, full_documents: bool, sink: &mut Sink) -> anyhow::Result<usize> {
    const PAGE: u32 = 1000;
    let store = ws.store();
    let mut offset = 0u32;
    let mut total = 0usize;
    loop {
        let (limit, at) = (Some(PAGE), Some(offset));
        // The rows, and the size of the store page they came from (which decides when to stop).
        let (rows, page_len): (Vec<Value>, usize) = match table {
            Table::Documents => {
                let page = store.documents(&DocFilter { limit, offset: at, ..Default::default() })?;
                let mut rows = Vec::with_capacity(page.len());
                for summary in &page {
                    let Some(doc) = store.document(&summary.id)? else { continue };
                    rows.push(if full_documents { serde_json::to_value(&doc)? } else { document_row(summary, &doc)? });
                }
                (rows, page.len())
            }
            Table::Figures => values(&store.figures(&FigureFilter { limit, offset: at, ..Default::default() })?)?,
            Table::Quotes => values(&store.quotes(&QuoteFilter { limit, offset: at, ..Default::default() })?)?,
            Table::Entities => values(&store.entities(&EntityFilter { limit, offset: at, ..Default::default() })?)?,
            Table::Events => values(&store.events(&EventFilter { limit, offset: at, ..Default::default() })?)?,
        };
        total += rows.len();
        sink.write(rows)?;
        if page_len < PAGE as usize {
            break;
        }
        offset += PAGE;
    }
    Ok(total)
}

fn values<T: Serialize>(rows: &[T]) -> anyhow::Result<(Vec<Value>, usize)> {
    let v = rows.iter().map(serde_json::to_value).collect::<Result<Vec<_>, _>>()?;
    Ok((v, rows.len()))
}

/// The flat documents row: the stored summary, the cleaned text and fact counts.
fn document_row(summary: &isnad_store::DocSummary, doc: &isnad_model::Document) -> anyhow::Result<Value> {
    let mut row = serde_json::to_value(summary)?;
    let count = |n: Option<usize>| Value::from(n.unwrap_or(0));
    if let Value::Object(m) = &mut row {
        m.insert("truncated".into(), Value::from(doc.truncated));
        m.insert("text".into(), Value::from(doc.text.as_str()));
        m.insert("entities".into(), count(doc.entities.as_ref().map(Vec::len)));
        m.insert("figures".into(), count(doc.figures.as_ref().map(Vec::len)));
        m.insert("quotes".into(), count(doc.quotes.as_ref().map(Vec::len)));
        m.insert("citations".into(), count(doc.citations.as_ref().map(Vec::len)));
        m.insert("events".into(), count(doc.events.as_ref().map(Vec::len)));
    }
    Ok(row)
}

/// Where exported rows go.
enum Sink {
    Jsonl(BufWriter<Box<dyn Write + Send>>),
    Csv(Box<csv::Writer<BufWriter<Box<dyn Write + Send>>>>, &'static [Column]),
    Parquet(Box<ParquetRows<BufWriter<Box<dyn Write + Send>>>>),
}

impl Sink {
    fn write(&mut self, rows: Vec<Value>) -> anyhow::Result<()> {
        for row in rows {
            match self {
                Sink::Jsonl(w) => {
                    serde_json::to_writer(&mut *w, &row)?;
                    writeln!(w)?;
                }
                Sink::Csv(w, cols) => w.write_record(cols.iter().map(|c| csv_cell(row.get(c.name))))?,
                Sink::Parquet(p) => p.push(row)?,
            }
        }
        Ok(())
    }

    fn finish(self) -> anyhow::Result<()> {
        match self {
            Sink::Jsonl(mut w) => w.flush()?,
            Sink::Csv(mut w, _) => w.flush()?,
            Sink::Parquet(p) => p.finish()?.flush()?,
        }
        Ok(())
    }
}

/// A CSV cell: null is empty, lists are joined with `;`.
fn csv_cell(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items.iter().map(|i| csv_cell(Some(i))).collect::<Vec<_>>().join(";"),
        Some(other) => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::columnar::message_type;
    use super::schema::{columns, Kind};
    use super::*;

    #[test]
    fn csv_cells_flatten_lists_and_nulls() {
        assert_eq!(csv_cell(None), "");
        assert_eq!(csv_cell(Some(&Value::Null)), "");
        assert_eq!(csv_cell(Some(&serde_json::json!(["a", "b"]))), "a;b");
        assert_eq!(csv_cell(Some(&serde_json::json!([1, 2]))), "1;2");
        assert_eq!(csv_cell(Some(&serde_json::json!(2.5))), "2.5");
    }

    #[test]
    fn every_schema_parses_as_parquet() {
        for t in [Table::Documents, Table::Figures, Table::Quotes, Table::Entities, Table::Events] {
            let msg = message_type(t.name(), columns(t));
            parquet::schema::parser::parse_message_type(&msg).unwrap_or_else(|e| panic!("{msg}: {e}"));
        }
        assert!(columns(Table::Events).iter().any(|c| c.kind == Kind::StrList));
    }
}
