//! Fuzzes the cleaner on arbitrary UTF-8 and checks its offset invariants.
#![no_main]

use isnad_model::char_slice;
use isnad_text::clean::Cleaner;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|raw: &str| {
    let c = Cleaner::default().clean(raw);
    for n in &c.noise {
        assert_eq!(char_slice(raw, n.raw.start, n.raw.end), n.surface, "{n:?}");
        assert!(n.raw.start <= n.raw.end && n.raw.end <= raw.chars().count(), "{n:?}");
    }
    for r in &c.repairs {
        assert_eq!(char_slice(raw, r.raw.start, r.raw.end), r.before, "{r:?}");
        assert_eq!(char_slice(&c.text, r.text.start, r.text.end), r.after, "{r:?}");
    }
    for h in &c.headings {
        assert_eq!(char_slice(&c.text, h.start, h.end), h.surface, "{h:?}");
    }
    assert_eq!(c.map.text_len(), c.text.chars().count());
});
