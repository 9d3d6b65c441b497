//! Fuzzes `isnad_input::decode` and the JSONL record parser: no panics, and
//! the results keep their promises.
#![no_main]

use isnad_input::{decode, parse_record, read_bytes, InputError, ReadOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match decode(data, "fuzz") {
        Ok((text, _)) => {
            if let Ok(s) = std::str::from_utf8(data) {
                // Valid UTF-8 that was accepted comes back unchanged.
                assert_eq!(text, s);
            }
        }
        Err(e) => assert_eq!(e.file(), "fuzz"),
    }
    if let Ok(line) = std::str::from_utf8(data) {
        let opts = ReadOptions { outlet: Some("o".into()), ..ReadOptions::default() };
        match parse_record(line, "f.jsonl", 3, &opts) {
            Ok(doc) => {
                assert_eq!(doc.meta.source, "f.jsonl:3");
                assert!(doc.meta.outlet.is_some());
            }
            Err(e) => {
                assert_eq!(e.line(), Some(3));
                assert!(!matches!(e, InputError::Io { .. }));
            }
        }
    }
    // The whole-input path (JSONL sniffing, streaming) on the same bytes.
    let opts = ReadOptions { max_bytes: 4096, ..ReadOptions::default() };
    for doc in read_bytes(data.to_vec(), "-", &opts).take(64) {
        let _ = doc;
    }
});
