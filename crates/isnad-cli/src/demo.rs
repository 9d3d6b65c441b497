//! `isnad demo`: ingest a folder, print its main story, then serve the web UI.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args as ClapArgs;

use crate::{ingest, query, serve};

/// Arguments of `isnad demo`.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// The folder to ingest.
    #[arg(default_value = "examples")]
    pub path: String,
    /// The data directory.
    #[arg(long, default_value = isnad_app::DEFAULT_DATA_DIR)]
    pub data: PathBuf,
    /// Address of the web UI.
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Stop after printing (don't serve).
    #[arg(long)]
    pub no_serve: bool,
}

/// Runs the demo.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let code = ingest::run(ingest::Args {
        paths: vec![PathBuf::from(&args.path)],
        data: args.data.clone(),
        input: crate::inputs::InputArgs {
            published: None,
            outlet: None,
            max_bytes: isnad_input::DEFAULT_MAX_BYTES,
            text_field: None,
            title_field: None,
            date_field: None,
            url_field: None,
            source_field: None,
        },
        no_ner: false,
        follow: false,
        batch: 64,
        quiet: true,
        json: false,
    })?;
    let common = || query::Common { data: args.data.clone(), format: query::Format::Table };
    println!("\n== القصص · stories");
    query::story(query::StoryArgs { id: None, common: common() })?;
    let ws = isnad_app::Workspace::open_read_only(&args.data)?;
    if let Some(top) = ws.stories()?.into_iter().next() {
        drop(ws);
        println!("\n== القصة الأكبر · the largest story");
        query::story(query::StoryArgs { id: Some(top.id), common: common() })?;
    }
    if args.no_serve {
        return Ok(code);
    }
    println!("\n== واجهة الويب · web UI: http://{}/  (Ctrl-C to stop)", args.addr);
    serve::run(serve::Args { data: args.data, addr: args.addr, read_only: false, readers: None })
}
