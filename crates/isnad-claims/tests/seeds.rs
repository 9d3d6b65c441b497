//! Runs figures and quotes over the seed articles in ../shared (beside the
//! checkout, as in CI; the test fails without them) and checks every span
//! against the text. Their scores against the gold are `isnad eval`'s
//! (crate isnad-eval).

use std::path::PathBuf;

use isnad_claims::{figures, quotes, Source};
use isnad_eval::shared_path;
use isnad_extract::{Extractor, Options};
use isnad_model::{Document, Metadata};

fn check_source(doc: &Document, s: &Source) {
    assert_eq!(doc.text_of(s.start, s.end), s.surface, "source span");
}

#[test]
fn seeds_spans() {
    let dir = shared_path("corpus/seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no seed article in {}", dir.display());
    let ex = Extractor::with_options(Options { ner: false });
    let (mut nfig, mut nquote) = (0, 0);
    for path in &paths {
        let raw = std::fs::read_to_string(path).expect("read seed");
        let meta = Metadata { source: path.display().to_string(), ..Default::default() };
        let doc = ex.extract(meta, raw, vec![]);
        let figs = figures(&doc);
        let qs = quotes(&doc);
        for f in &figs {
            assert_eq!(doc.text_of(f.start, f.end), f.surface, "figure span");
            if let Some(s) = &f.source {
                check_source(&doc, s);
            }
        }
        for q in &qs {
            assert_eq!(doc.text_of(q.start, q.end), q.surface, "quote span");
            assert!(q.cue_start <= q.cue_end && q.content_start <= q.content_end);
            for s in q.speaker.iter().chain(q.venue.iter()) {
                check_source(&doc, s);
            }
        }
        nfig += figs.len();
        nquote += qs.len();
    }
    assert!(nfig > 0, "no figure found in the seeds");
    assert!(nquote > 0, "no quote found in the seeds");
}
