//! Compiles the generated Arabic word list (data/lexicons/ar_words.tsv) into
//! two finite-state maps, one keyed by the exact form and one by the lossy
//! matching form, so that the binary needs no data files at run time.

#[path = "src/fold.rs"]
#[allow(dead_code)]
mod fold;

use std::collections::BTreeMap;
use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let words = manifest.join("../../data/lexicons/ar_words.tsv");
    println!("cargo:rerun-if-changed={}", words.display());
    println!("cargo:rerun-if-changed=src/fold.rs");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());

    let text = std::fs::read_to_string(&words).unwrap_or_else(|_| {
        println!("cargo:warning=word list {} missing: joined-word repair is disabled", words.display());
        String::new()
    });
    let mut exact: BTreeMap<String, u64> = BTreeMap::new();
    let mut folded: BTreeMap<String, u64> = BTreeMap::new();
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(word), Some(freq)) = (cols.next(), cols.next()) else { continue };
        let Ok(freq) = freq.trim().parse::<u64>() else { continue };
        let e = exact.entry(word.to_string()).or_insert(0);
        *e = (*e).max(freq);
        let f = folded.entry(fold::fold(word, fold::Fold::Letters)).or_insert(0);
        *f = (*f).max(freq);
    }
    for (name, map) in [("words_exact.fst", &exact), ("words_folded.fst", &folded)] {
        let bytes = fst::Map::from_iter(map.iter().map(|(k, v)| (k.as_bytes(), *v)))
            .expect("sorted keys")
            .into_fst()
            .into_inner();
        std::fs::write(out.join(name), bytes).unwrap();
    }
}
