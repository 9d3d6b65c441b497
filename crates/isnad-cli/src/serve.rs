//! `isnad serve`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args as ClapArgs;

/// Arguments of `isnad serve`.
#[derive(ClapArgs, Debug)]
pub struct Args {
    /// The data directory.
    #[arg(long, default_value = isnad_app::DEFAULT_DATA_DIR)]
    pub data: PathBuf,
    /// Address to listen on (loopback by default).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Refuse writes (no ingest from the UI or the API).
    #[arg(long)]
    pub read_only: bool,
    /// With --read-only: workspaces answering requests in parallel (default: the cores, up to 4).
    #[arg(long)]
    pub readers: Option<usize>,
}

/// Runs `isnad serve` until interrupted.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut cfg =
        isnad_serve::ServeConfig { data: args.data, addr: args.addr, read_only: args.read_only, ..Default::default() };
    if let Some(n) = args.readers {
        anyhow::ensure!(n >= 1, "--readers must be at least 1");
        cfg.readers = n;
    }
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    rt.block_on(isnad_serve::serve(cfg))?;
    Ok(ExitCode::SUCCESS)
}
