//! Story state after a crash between a store commit and a checkpoint: the
//! next open replays story assignment and ends where an uninterrupted run ends.

use std::path::Path;

use isnad_app::{IngestOptions, Workspace};
use isnad_input::{InputDoc, InputError, ReadOptions};
use isnad_sources::read_any;

fn inputs(dir: &Path) -> Vec<Result<InputDoc, InputError>> {
    let mut files: Vec<_> = std::fs::read_dir(dir).expect("dir").map(|e| e.expect("entry").path()).collect();
    files.sort();
    files.iter().flat_map(|p| read_any(p, &ReadOptions::default())).collect()
}

fn story_ids(ws: &Workspace, ids: &[String]) -> Vec<Option<String>> {
    ids.iter().map(|id| ws.store().story_of(id).expect("story_of")).collect()
}

#[test]
fn a_lost_story_state_is_replayed_from_the_store() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    assert!(inputs(&examples).len() >= 6);
    // Two interleaved halves of the examples, read afresh for each run.
    let half = |odd: usize| inputs(&examples).into_iter().enumerate().filter(move |(i, _)| i % 2 == odd).map(|p| p.1);
    let opts = IngestOptions { batch: 2, ner: false };

    // Uninterrupted: both halves, checkpoints as usual.
    let clean = tempfile::tempdir().expect("tmp");
    let mut ws = Workspace::open(clean.path()).expect("open");
    let mut ids = ws.ingest(half(0), &opts, &mut |_| {}).expect("ingest").ids;
    ids.extend(ws.ingest(half(1), &opts, &mut |_| {}).expect("ingest").ids);
    let expected_stories = story_ids(&ws, &ids);
    let expected_summaries = serde_json::to_value(ws.stories().expect("stories")).expect("json");
    drop(ws);
    let expected_state = std::fs::read(clean.path().join("stories.json")).expect("state");

    // Interrupted: the state saved after the first half comes back after the second,
    // as if the process died before the second run's checkpoint.
    let crashed = tempfile::tempdir().expect("tmp");
    let mut ws = Workspace::open(crashed.path()).expect("open");
    ws.ingest(half(0), &opts, &mut |_| {}).expect("ingest");
    let stale = std::fs::read(crashed.path().join("stories.json")).expect("state");
    ws.ingest(half(1), &opts, &mut |_| {}).expect("ingest");
    drop(ws);
    assert_ne!(stale, std::fs::read(crashed.path().join("stories.json")).expect("state"));
    std::fs::write(crashed.path().join("stories.json"), &stale).expect("write");

    let ws = Workspace::open(crashed.path()).expect("reopen");
    assert_eq!(story_ids(&ws, &ids), expected_stories);
    assert_eq!(serde_json::to_value(ws.stories().expect("stories")).expect("json"), expected_summaries);
    drop(ws);
    let got = std::fs::read(crashed.path().join("stories.json")).expect("state");
    if got != expected_state {
        std::fs::write(std::env::temp_dir().join("isnad-replay-got.json"), &got).expect("write");
        std::fs::write(std::env::temp_dir().join("isnad-replay-expected.json"), &expected_state).expect("write");
        panic!("replayed story state differs (see isnad-replay-*.json in the temp dir)");
    }
}
