//! Times the pipeline on a repeated pattern at growing sizes (for spotting non-linear stages).
fn main() {
    let pat = std::env::args().nth(1).unwrap_or_else(|| "«نص \" [ad_1] &amp; ".to_string());
    let ex = isnad_extract::Extractor::new();
    for n in [10_000usize, 20_000, 40_000] {
        let raw = pat.repeat(n);
        let t = std::time::Instant::now();
        let c = isnad_text::clean::Cleaner::default().clean(&raw);
        let t1 = t.elapsed();
        let _ = isnad_text::sentences::split_sentences(&c.text, &[]);
        let t2 = t.elapsed();
        let _ = ex.extract(Default::default(), raw.clone(), vec![]);
        eprintln!("n={n}: clean {:?}, +sentences {:?}, extract {:?}", t1, t2, t.elapsed() - t2);
    }
}
