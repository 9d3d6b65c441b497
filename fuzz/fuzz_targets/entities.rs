#![no_main]
//! Entity recognition on arbitrary text never panics and every mention's
//! surface is its span of the text.

use isnad_entities::{recognise, Candidate, EntityType};
use isnad_model::{char_slice, Span};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let n = text.chars().count();
    let a = data.first().copied().unwrap_or(0) as usize % (n + 2);
    let b = data.last().copied().unwrap_or(0) as usize % (n + 2);
    let span = Span::new(a.min(b), a.max(b));
    let tagged = [Candidate { span, class: EntityType::Person, score: 1.0 }];
    let found = recognise(text, &[Span::new(0, n / 2), Span::new(n / 2, n)], &tagged);
    for e in &found.entities {
        for m in &e.mentions {
            assert_eq!(char_slice(text, m.start, m.end), m.surface);
        }
    }
});
