//! Fuzzes number/date/duration extraction: any text, any published string, never a panic,
//! and every span stays inside the text with its surface matching.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let (published, text) = match s.split_once('\u{1}') {
        Some((p, t)) => (Some(p), t),
        None => (None, &*s),
    };
    let n = text.chars().count();
    let sentences = [isnad_model::Span::new(0, n)];
    let q = isnad_quantity::extract(text, &sentences, published);
    for x in &q.numbers {
        assert!(x.start <= x.end && x.end <= n);
        assert_eq!(isnad_model::char_slice(text, x.start, x.end), x.surface);
    }
    for x in &q.dates {
        assert!(x.start <= x.end && x.end <= n);
        assert_eq!(isnad_model::char_slice(text, x.start, x.end), x.surface);
    }
    for x in &q.durations {
        assert!(x.start <= x.end && x.end <= n);
    }
});
