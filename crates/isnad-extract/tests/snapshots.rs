//! Snapshot tests (insta): every fact of the bundled examples printed with
//! its span and surface, so a change in any stage shows up as a readable diff.

mod common;

use std::fmt::Write;
use std::path::PathBuf;

use isnad_extract::{Extractor, Options};
use isnad_model::{Document, Metadata};

fn example(name: &str) -> Document {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples").join(name);
    let raw = std::fs::read_to_string(&path).expect("example exists");
    let meta = Metadata { source: name.to_string(), published: Some("2024-03-12".into()), ..Default::default() };
    // The statistical tagger is left out so that retraining it does not churn these snapshots.
    Extractor::with_options(Options { ner: false }).extract(meta, raw, vec![])
}

/// Renders a document's facts, one per line: `kind [start..end] «surface» details`.
fn render(doc: &Document) -> String {
    let mut out = String::new();
    let line = |out: &mut String, kind: &str, s: usize, e: usize, surface: &str, extra: String| {
        writeln!(out, "{kind:<10} [{s}..{e}] «{surface}» {extra}").unwrap();
    };
    for n in &doc.noise {
        line(
            &mut out,
            "noise",
            n.raw.start,
            n.raw.end,
            &n.surface.escape_debug().to_string(),
            format!("{:?} (raw)", n.kind),
        );
    }
    for r in &doc.repairs {
        line(
            &mut out,
            "repair",
            r.text.start,
            r.text.end,
            &r.after,
            format!("{:?} from «{}»", r.kind, r.before.escape_debug()),
        );
    }
    for h in &doc.headings {
        line(&mut out, "heading", h.start, h.end, &h.surface, format!("{:?}", h.level));
    }
    writeln!(out, "sentences  {} truncated={}", doc.sentences.len(), doc.truncated).unwrap();
    for n in doc.numbers.iter().flatten() {
        line(
            &mut out,
            "number",
            n.start,
            n.end,
            &n.surface,
            format!("{} {:?} {:?} [{:?}, {:?}]", n.value, n.hedge, n.kind, n.low, n.high),
        );
    }
    for d in doc.dates.iter().flatten() {
        line(&mut out, "date", d.start, d.end, &d.surface, format!("{} ({}) {:?}", d.value, d.literal, d.grain));
    }
    for d in doc.durations.iter().flatten() {
        line(&mut out, "duration", d.start, d.end, &d.surface, d.iso.clone());
    }
    for e in doc.entities.iter().flatten() {
        for m in &e.mentions {
            let mut extra = format!("{} {}", e.entity_type.as_str(), e.canonical);
            if let Some(k) = &m.metonymy {
                extra.push_str(&format!(" metonymy={k}"));
            }
            line(&mut out, "entity", m.start, m.end, &m.surface, extra);
        }
    }
    for f in doc.figures.iter().flatten() {
        let source = f.source.as_ref().map(|s| s.surface.as_str()).unwrap_or("-");
        line(
            &mut out,
            "figure",
            f.start,
            f.end,
            &f.surface,
            format!("{:?} {} {:?} source={source} {:?}", f.what, f.value, f.hedge, f.modality),
        );
    }
    for q in doc.quotes.iter().flatten() {
        let speaker = q.speaker.as_ref().map(|s| s.surface.as_str()).unwrap_or("-");
        let venue = q.venue.as_ref().map(|s| s.surface.as_str()).unwrap_or("-");
        line(
            &mut out,
            "quote",
            q.start,
            q.end,
            &q.surface,
            format!("cue={} direct={} speaker={speaker} venue={venue}", q.cue, q.direct),
        );
    }
    for a in doc.nationalities.iter().flatten() {
        line(&mut out, "nisba", a.start, a.end, &a.surface, a.country_code.clone());
    }
    out
}

macro_rules! snapshot_example {
    ($test:ident, $file:literal) => {
        #[test]
        fn $test() {
            let doc = example($file);
            common::check_spans(&doc);
            insta::assert_snapshot!(render(&doc));
        }
    };
}

snapshot_example!(truce_talks, "01_truce_talks.txt");
snapshot_example!(casualties, "02_casualties.txt");
snapshot_example!(interview, "03_interview.txt");
snapshot_example!(cut_off, "04_cut_off.txt");
