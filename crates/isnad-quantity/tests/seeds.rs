//! Recall against the hand-annotated seed articles in `../shared` (skipped when absent).

use std::path::PathBuf;

use isnad_quantity::gold_eval::{score_numbers_dates, Counts};
use isnad_text::clean::Cleaner;
use isnad_text::sentences::split_sentences;

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

#[test]
fn seed_recall() {
    let gold_dir = shared().join("gold/seeds");
    let text_dir = shared().join("corpus/seeds");
    let Ok(rd) = std::fs::read_dir(&gold_dir) else {
        eprintln!("shared/gold/seeds not found; skipping");
        return;
    };
    let mut files: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    let cleaner = Cleaner::default();
    let (mut nums, mut dates) = (Counts::default(), Counts::default());
    let verbose = std::env::var_os("SEEDS_VERBOSE").is_some();
    for f in files.iter().filter(|p| p.extension().is_some_and(|x| x == "json")) {
        let stem = f.file_stem().unwrap().to_string_lossy().to_string();
        let Ok(raw) = std::fs::read_to_string(text_dir.join(format!("{stem}.txt"))) else { continue };
        let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(f).unwrap()).unwrap();
        let c = cleaner.clean(&raw);
        let headings: Vec<isnad_model::Span> =
            c.headings.iter().map(|h| isnad_model::Span::new(h.start, h.end)).collect();
        let sentences = split_sentences(&c.text, &headings);
        let q = isnad_quantity::extract(&c.text, &sentences, None);
        let (n, d) = score_numbers_dates(&gold, &c.text, &q);
        println!("{stem}: numbers {n:?}  dates {d:?}  reference {:?}", q.reference.as_ref().map(|r| &r.value));
        if verbose {
            for x in &q.numbers {
                println!("  N {} {:?} {:?} «{}»", x.value, x.hedge, x.kind, x.surface);
            }
            for x in &q.dates {
                println!("  D {} [{}] {:?} «{}»", x.value, x.literal, x.grain, x.surface);
            }
        }
        nums.add(n);
        dates.add(d);
    }
    println!(
        "numbers: recall {:.3} precision {:.3} {nums:?}\ndates: recall {:.3} precision {:.3} {dates:?}",
        nums.recall(),
        nums.precision(),
        dates.recall(),
        dates.precision()
    );
}
