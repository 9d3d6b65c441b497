//! The query commands: `story`, `figures`, `quotes`, `entities`, `search`.
//!
//! Each prints a table (cells isolated with Unicode bidi isolates so Arabic,
//! Latin and digits keep their order in a right-to-left terminal), JSON or CSV.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context};
use clap::{Args as ClapArgs, ValueEnum};
use isnad_app::Workspace;
use isnad_model::{EntityType, What};
use isnad_store::{EntityFilter, QuoteFilter};
use isnad_story::series::what_name;
use isnad_story::FigurePoint;
use serde::Serialize;

/// Output format of the query commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// An aligned table.
    Table,
    /// JSON.
    Json,
    /// CSV with a header row.
    Csv,
}

/// Options shared by the query commands.
#[derive(ClapArgs, Debug)]
pub struct Common {
    /// The data directory.
    #[arg(long, default_value = isnad_app::DEFAULT_DATA_DIR)]
    pub data: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

fn open(c: &Common) -> anyhow::Result<Workspace> {
    if !c.data.join(isnad_store::DB_FILE).exists() {
        bail!("{}: no isnad store here (run `isnad ingest --data {} PATH` first)", c.data.display(), c.data.display());
    }
    Workspace::open_read_only(&c.data).with_context(|| format!("cannot open {}", c.data.display()))
}

/// A table: a header and rows of cells.
struct Table {
    header: Vec<&'static str>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn print(&self, format: Format, json: impl FnOnce() -> anyhow::Result<String>) -> anyhow::Result<()> {
        let stdout = std::io::stdout();
        let mut out = stdout.lock();
        match format {
            Format::Json => writeln!(out, "{}", json()?)?,
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(&self.header)?;
                for r in &self.rows {
                    w.write_record(r)?;
                }
                w.flush()?;
            }
            Format::Table => {
                let widths: Vec<usize> = (0..self.header.len())
                    .map(|i| {
                        self.rows
                            .iter()
                            .map(|r| r.get(i).map_or(0, |c| c.chars().count().min(60)))
                            .chain([self.header[i].len()])
                            .max()
                            .unwrap_or(0)
                    })
                    .collect();
                let line = |cells: Vec<String>| -> String {
                    cells
                        .iter()
                        .zip(&widths)
                        .map(|(c, w)| {
                            let c: String = if c.chars().count() > 60 {
                                c.chars().take(59).chain(['…']).collect()
                            } else {
                                c.clone()
                            };
                            let pad = w.saturating_sub(c.chars().count());
                            // First-strong isolate: each cell keeps its own direction.
                            format!("\u{2068}{c}\u{2069}{}", " ".repeat(pad))
                        })
                        .collect::<Vec<_>>()
                        .join("  ")
                        .trim_end()
                        .to_string()
                };
                writeln!(out, "{}", line(self.header.iter().map(|s| s.to_string()).collect()))?;
                for r in &self.rows {
                    writeln!(out, "{}", line(r.clone()))?;
                }
            }
        }
        Ok(())
    }
}

fn opt(s: &Option<String>) -> String {
    s.clone().unwrap_or_default()
}

fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

fn point_row(key: &str, p: &FigurePoint) -> Vec<String> {
    let bounds = match (p.low, p.high) {
        (Some(l), Some(h)) => format!("{}–{}", num(l), num(h)),
        (Some(l), None) => format!("≥{}", num(l)),
        (None, Some(h)) => format!("≤{}", num(h)),
        _ => String::new(),
    };
    vec![
        key.to_string(),
        p.date().unwrap_or_default(),
        num(p.value),
        bounds,
        serde_json::to_value(p.hedge).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default(),
        opt(&p.source),
        opt(&p.outlet),
        p.surface.clone(),
        format!("{}:{}-{}", p.doc_id, p.start, p.end),
    ]
}

const POINT_HEADER: [&str; 9] = ["series", "date", "value", "bounds", "hedge", "source", "outlet", "surface", "span"];

fn series_key(s: &isnad_story::Series) -> String {
    let mut k = what_name(s.key.what).to_string();
    if let Some(p) = &s.key.place {
        k.push_str(" @ ");
        k.push_str(p);
    }
    if let Some(h) = &s.key.holder {
        k.push_str(" / ");
        k.push_str(h);
    }
    k
}

/// Arguments of `isnad story`.
#[derive(ClapArgs, Debug)]
pub struct StoryArgs {
    /// The story id; without it, lists the stories.
    pub id: Option<String>,
    #[command(flatten)]
    pub common: Common,
}

/// Runs `isnad story`.
pub fn story(args: StoryArgs) -> anyhow::Result<ExitCode> {
    let ws = open(&args.common)?;
    let Some(id) = args.id else {
        let stories = ws.stories()?;
        let t = Table {
            header: vec!["id", "documents", "first", "last", "label", "latest"],
            rows: stories
                .iter()
                .map(|s| {
                    let latest = s
                        .latest
                        .iter()
                        .take(3)
                        .map(|p| format!("{} {}", what_name(p.what), num(p.value)))
                        .collect::<Vec<_>>()
                        .join("، ");
                    vec![s.id.clone(), s.documents.to_string(), opt(&s.first), opt(&s.last), opt(&s.label), latest]
                })
                .collect(),
        };
        t.print(args.common.format, || Ok(serde_json::to_string_pretty(&stories)?))?;
        return Ok(ExitCode::SUCCESS);
    };
    let Some(view) = ws.story(&id)? else { bail!("no story {id} in {}", args.common.data.display()) };
    if args.common.format != Format::Table {
        // JSON carries everything; CSV is the timeline.
        let t = Table {
            header: vec!["date", "kind", "doc", "start", "end", "surface", "summary"],
            rows: view
                .timeline
                .iter()
                .map(|i| {
                    vec![
                        opt(&i.date),
                        format!("{:?}", i.kind).to_lowercase(),
                        i.doc_id.clone(),
                        i.start.to_string(),
                        i.end.to_string(),
                        i.surface.clone(),
                        i.summary.clone(),
                    ]
                })
                .collect(),
        };
        t.print(args.common.format, || Ok(serde_json::to_string_pretty(&view)?))?;
        return Ok(ExitCode::SUCCESS);
    }
    let s = &view.summary;
    println!("القصة {} · story {}: {}", s.id, s.id, opt(&s.label));
    println!("{} documents, {} → {}", s.documents, opt(&s.first), opt(&s.last));
    println!("\nالخط الزمني · timeline");
    Table {
        header: vec!["date", "kind", "summary"],
        rows: view
            .timeline
            .iter()
            .map(|i| vec![opt(&i.date), format!("{:?}", i.kind).to_lowercase(), i.summary.clone()])
            .collect(),
    }
    .print(Format::Table, || Ok(String::new()))?;
    println!("\nسلاسل الأرقام · figure series");
    let mut rows = Vec::new();
    for se in &view.series {
        let key = series_key(se);
        for p in &se.points {
            rows.push(point_row(&key, p));
        }
    }
    Table { header: POINT_HEADER.to_vec(), rows }.print(Format::Table, || Ok(String::new()))?;
    println!("\nتناقضات · contradictions ({})", view.contradictions.len());
    for c in &view.contradictions {
        println!(
            "  {}: {} ({}, {}) ≠ {} ({}, {})",
            what_name(c.key.what),
            num(c.a.value),
            who(&c.a),
            c.a.date().unwrap_or_default(),
            num(c.b.value),
            who(&c.b),
            c.b.date().unwrap_or_default(),
        );
        println!("     «{}» [{}:{}-{}]", c.a.surface, c.a.doc_id, c.a.start, c.a.end);
        println!("     «{}» [{}:{}-{}]", c.b.surface, c.b.doc_id, c.b.start, c.b.end);
    }
    if !view.updates.is_empty() {
        println!("\nتحديثات · updates ({})", view.updates.len());
        for u in &view.updates {
            println!("  {}: {} → {} ({})", what_name(u.key.what), num(u.from.value), num(u.to.value), who(&u.to));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Who reported a point: its source, else its outlet.
fn who(p: &FigurePoint) -> String {
    p.source.clone().filter(|s| !s.is_empty()).or_else(|| p.outlet.clone()).unwrap_or_default()
}

/// Arguments of `isnad figures`.
#[derive(ClapArgs, Debug)]
pub struct FiguresArgs {
    /// What is counted (killed, wounded, hostages_held, hostages_released, prisoners_released, …).
    #[arg(long)]
    pub what: Option<String>,
    /// A place name (folded: غزة matches قطاع غزة).
    #[arg(long)]
    pub place: Option<String>,
    #[command(flatten)]
    pub common: Common,
}

/// Runs `isnad figures`: figure series with their sources, latest value and contradictions.
pub fn figures(args: FiguresArgs) -> anyhow::Result<ExitCode> {
    let ws = open(&args.common)?;
    let what: Option<What> = match &args.what {
        Some(w) => Some(
            serde_json::from_value(serde_json::Value::String(w.clone()))
                .with_context(|| format!("unknown --what {w}"))?,
        ),
        None => None,
    };
    let series = ws.series(what, args.place.as_deref())?;
    let contradictions = isnad_story::contradict::all_contradictions(&series);
    let mut rows = Vec::new();
    for s in &series {
        let key = series_key(s);
        for p in &s.points {
            rows.push(point_row(&key, p));
        }
    }
    #[derive(Serialize)]
    struct Out<'a> {
        series: &'a [isnad_story::Series],
        contradictions: &'a [isnad_story::Contradiction],
    }
    Table { header: POINT_HEADER.to_vec(), rows }.print(args.common.format, || {
        Ok(serde_json::to_string_pretty(&Out { series: &series, contradictions: &contradictions })?)
    })?;
    if args.common.format == Format::Table {
        println!("\n{} series, {} contradictions", series.len(), contradictions.len());
        for s in &series {
            println!("  latest {}: {}", series_key(s), num(s.latest.value));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `isnad quotes`.
#[derive(ClapArgs, Debug)]
pub struct QuotesArgs {
    /// Speaker name (a part of it) or entity id.
    #[arg(long)]
    pub speaker: Option<String>,
    /// Only this story.
    #[arg(long)]
    pub story: Option<String>,
    /// Most rows.
    #[arg(long, default_value_t = 100)]
    pub limit: u32,
    #[command(flatten)]
    pub common: Common,
}

/// Runs `isnad quotes`.
pub fn quotes(args: QuotesArgs) -> anyhow::Result<ExitCode> {
    let ws = open(&args.common)?;
    let rows = ws.store().quotes(&QuoteFilter {
        speaker: args.speaker.clone(),
        story: args.story.clone(),
        limit: Some(args.limit),
        ..Default::default()
    })?;
    Table {
        header: vec!["date", "speaker", "cue", "direct", "content", "venue", "via outlet", "span"],
        rows: rows
            .iter()
            .map(|q| {
                vec![
                    opt(&q.published),
                    q.speaker_name.clone().or(q.speaker.clone()).unwrap_or_default(),
                    q.cue.clone(),
                    if q.direct { "«»".into() } else { String::new() },
                    q.content.clone(),
                    opt(&q.venue),
                    opt(&q.cited_outlet),
                    format!("{}:{}-{}", q.doc, q.start, q.end),
                ]
            })
            .collect(),
    }
    .print(args.common.format, || Ok(serde_json::to_string_pretty(&rows)?))?;
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `isnad entities`.
#[derive(ClapArgs, Debug)]
pub struct EntitiesArgs {
    /// PERSON, ORG, PLACE or OUTLET.
    #[arg(long = "type")]
    pub entity_type: Option<String>,
    /// A part of the name.
    #[arg(long)]
    pub name: Option<String>,
    /// Most rows.
    #[arg(long, default_value_t = 100)]
    pub limit: u32,
    #[command(flatten)]
    pub common: Common,
}

/// Runs `isnad entities`.
pub fn entities(args: EntitiesArgs) -> anyhow::Result<ExitCode> {
    let ws = open(&args.common)?;
    let entity_type: Option<EntityType> = match &args.entity_type {
        Some(t) => Some(
            serde_json::from_value(serde_json::Value::String(t.to_uppercase()))
                .with_context(|| format!("unknown --type {t} (PERSON, ORG, PLACE, OUTLET)"))?,
        ),
        None => None,
    };
    let rows = ws.store().entities(&EntityFilter {
        entity_type,
        name: args.name.clone(),
        limit: Some(args.limit),
        ..Default::default()
    })?;
    Table {
        header: vec!["id", "type", "canonical", "english", "documents", "mentions", "first", "last"],
        rows: rows
            .iter()
            .map(|e| {
                vec![
                    e.id.clone(),
                    e.entity_type.as_str().to_string(),
                    e.canonical.clone(),
                    opt(&e.english),
                    e.documents.to_string(),
                    e.mentions.to_string(),
                    opt(&e.first),
                    opt(&e.last),
                ]
            })
            .collect(),
    }
    .print(args.common.format, || Ok(serde_json::to_string_pretty(&rows)?))?;
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `isnad search`.
#[derive(ClapArgs, Debug)]
pub struct SearchArgs {
    /// The query: words (all must match, clitics and spelling folded) or "a phrase".
    pub query: String,
    /// Only this outlet.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Published on or after (YYYY-MM-DD).
    #[arg(long)]
    pub from: Option<String>,
    /// Published on or before (YYYY-MM-DD).
    #[arg(long)]
    pub to: Option<String>,
    /// Documents mentioning this entity (id or name).
    #[arg(long)]
    pub entity: Option<String>,
    /// Documents with this fact type (figure, quote, citation, event, killed, …).
    #[arg(long = "type")]
    pub fact_type: Option<String>,
    /// Most hits.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    #[command(flatten)]
    pub common: Common,
}

/// Runs `isnad search`.
pub fn search(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let ws = open(&args.common)?;
    let res = ws.search(&isnad_search::SearchQuery {
        text: args.query.clone(),
        outlet: args.outlet.clone(),
        from: args.from.clone(),
        to: args.to.clone(),
        entity: args.entity.clone(),
        fact_type: args.fact_type.clone(),
        limit: args.limit,
        offset: 0,
    })?;
    if args.common.format == Format::Table {
        println!("{} documents match", res.total);
        for h in &res.hits {
            println!("\n{:.2}  {}  {}  {}", h.score, opt(&h.published), opt(&h.outlet), opt(&h.title));
            println!("      {}  [{}]", highlight(&h.snippet), h.doc_id);
        }
        return Ok(ExitCode::SUCCESS);
    }
    Table {
        header: vec!["doc", "score", "published", "outlet", "title", "snippet"],
        rows: res
            .hits
            .iter()
            .map(|h| {
                vec![
                    h.doc_id.clone(),
                    format!("{:.3}", h.score),
                    opt(&h.published),
                    opt(&h.outlet),
                    opt(&h.title),
                    h.snippet.text.clone(),
                ]
            })
            .collect(),
    }
    .print(args.common.format, || Ok(serde_json::to_string_pretty(&res)?))?;
    Ok(ExitCode::SUCCESS)
}

/// The snippet with its highlights in bold (when stdout is a terminal) or [brackets].
fn highlight(s: &isnad_search::Snippet) -> String {
    use std::io::IsTerminal;
    let (open, close) = if std::io::stdout().is_terminal() { ("\x1b[1m", "\x1b[0m") } else { ("[", "]") };
    let chars: Vec<char> = s.text.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    for &(a, b) in &s.highlights {
        let (a, b) = (a.min(chars.len()), b.min(chars.len()));
        if a < at {
            continue;
        }
        out.extend(&chars[at..a]);
        out.push_str(open);
        out.extend(&chars[a..b]);
        out.push_str(close);
        at = b;
    }
    out.extend(&chars[at..]);
    out.replace('\n', " ")
}
