//! Runs figures and quotes over the seed articles in ../shared (beside the
//! checkout, as in CI), checks every span against the text and prints
//! P/R/F1 against the gold annotation.

use std::path::PathBuf;

use isnad_claims::{figures, quotes, score_seed, Prf, ScoreCounts, Source};
use isnad_extract::{Extractor, Options};
use isnad_model::{Document, Metadata};

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    p.exists().then_some(p)
}

fn check_source(doc: &Document, s: &Source) {
    assert_eq!(doc.text_of(s.start, s.end), s.surface, "source span");
}

fn line(name: &str, p: &Prf) -> String {
    format!(
        "{name:<12} P {:.2} R {:.2} F1 {:.2} (tp {} fp {} fn {})",
        p.precision(),
        p.recall(),
        p.f1(),
        p.tp,
        p.fp,
        p.fn_
    )
}

#[test]
fn seeds_spans_and_scores() {
    let Some(shared) = shared() else { return };
    let dir = shared.join("corpus/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else { return };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let ex = Extractor::with_options(Options { ner: false });
    let (mut nfig, mut nquote) = (0, 0);
    let mut total = ScoreCounts::default();
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
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let gold_path = shared.join("gold/seeds").join(format!("{stem}.json"));
        if let Ok(g) = std::fs::read_to_string(&gold_path) {
            let gold: serde_json::Value = serde_json::from_str(&g).expect("gold json");
            total.add(score_seed(&gold, &doc, &figs, &qs));
        }
    }
    if paths.is_empty() {
        return;
    }
    println!("{}", line("figures", &total.figures));
    println!("  of {} matched: what {} hedge {}", total.figures.tp, total.figure_what, total.figure_hedge);
    println!("{}", line("attribution", &total.attribution));
    println!("{}", line("quotes", &total.quotes));
    println!("  of {} matched: speaker {}", total.quotes.tp, total.quote_speaker);
    assert!(nfig > 0, "no figure found in the seeds");
    assert!(nquote > 0, "no quote found in the seeds");
}
