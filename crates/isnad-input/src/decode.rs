//! Bytes to text: encoding detection and binary rejection.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1256};
use isnad_model::Warning;

use crate::{warning, InputError};

/// Signatures of common binary formats.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1F\x8B", "gzip archive"),
    (b"\x7FELF", "ELF executable"),
];

/// Control bytes above this share of the input make it binary (1 in 10).
const MAX_CONTROL_SHARE: usize = 10;

/// Decodes the bytes of one text input; `name` names it in errors.
///
/// In order:
/// * empty input is an empty text with an `empty_input` warning;
/// * a UTF-16 LE/BE byte-order mark decodes as UTF-16 (the mark is dropped,
///   a `decoded_utf16` warning says so);
/// * binary signatures (PNG, JPEG, GIF, PDF, ZIP, gzip, ELF), NUL bytes or
///   more than 10% control bytes give [`InputError::Binary`];
/// * valid UTF-8 is returned as is, a leading BOM included (the cleaner
///   records and removes it);
/// * UTF-8 with a few broken sequences (at most one invalid byte per 20
///   valid non-ASCII chars, e.g. a file cut mid-character) is decoded with
///   U+FFFD replacements and an `invalid_utf8_replaced` warning;
/// * otherwise Windows-1256 is tried: accepted when at least 60% of the
///   letters it yields are Arabic (`decoded_windows_1256` warning);
/// * anything else is [`InputError::Undecodable`].
///
/// Runs in time linear in the input.
pub fn decode(bytes: &[u8], name: &str) -> Result<(String, Vec<Warning>), InputError> {
    if bytes.is_empty() {
        return Ok((String::new(), vec![warning("empty_input", format!("{name}: the input is empty"))]));
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return decode_utf16(&bytes[2..], UTF_16LE, name);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return decode_utf16(&bytes[2..], UTF_16BE, name);
    }
    if let Some(reason) = binary_reason(bytes) {
        return Err(InputError::Binary { file: name.to_string(), reason });
    }
    let first_error = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok((s.to_string(), Vec::new())),
        Err(e) => e.valid_up_to(),
    };

    let (mut multibyte, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    if multibyte > 0 && invalid * 20 <= multibyte {
        let text = String::from_utf8_lossy(bytes).into_owned();
        let w = warning(
            "invalid_utf8_replaced",
            format!("{name}: {invalid} invalid UTF-8 byte(s) replaced by U+FFFD (first at byte {first_error})"),
        );
        return Ok((text, vec![w]));
    }

    let (text, _) = WINDOWS_1256.decode_without_bom_handling(bytes);
    let (mut letters, mut arabic) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if is_arabic_letter(c) {
            arabic += 1;
        }
    }
    if arabic > 0 && arabic * 10 >= letters * 6 {
        let w = warning("decoded_windows_1256", format!("{name}: not UTF-8; decoded as Windows-1256 (Arabic)"));
        return Ok((text.into_owned(), vec![w]));
    }
    Err(InputError::Undecodable {
        file: name.to_string(),
        reason: format!(
            "not UTF-8 (invalid byte at offset {first_error}), no UTF-16 byte-order mark, \
             and not Arabic text in Windows-1256"
        ),
    })
}

fn decode_utf16(body: &[u8], enc: &'static Encoding, name: &str) -> Result<(String, Vec<Warning>), InputError> {
    let label = if enc == UTF_16LE { "UTF-16LE" } else { "UTF-16BE" };
    let undecodable = |why: &str| InputError::Undecodable { file: name.to_string(), reason: format!("{label}: {why}") };
    if body.len() % 2 == 1 {
        return Err(undecodable("odd number of bytes"));
    }
    let text = enc
        .decode_without_bom_handling_and_without_replacement(body)
        .ok_or_else(|| undecodable("unpaired surrogate"))?
        .into_owned();
    let controls = text.chars().filter(|&c| is_control(c as u32)).count();
    let len = text.chars().count();
    if text.contains('\0') || controls * MAX_CONTROL_SHARE > len {
        return Err(InputError::Binary {
            file: name.to_string(),
            reason: format!("{label} text full of control characters"),
        });
    }
    let mut warnings = vec![warning("decoded_utf16", format!("{name}: decoded as {label} (byte-order mark removed)"))];
    if text.is_empty() {
        warnings.push(warning("empty_input", format!("{name}: the input is empty")));
    }
    Ok((text, warnings))
}

/// Why the bytes look binary, if they do.
pub(crate) fn binary_reason(bytes: &[u8]) -> Option<String> {
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(format!("{what} signature"));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Some(format!("NUL byte at offset {at} (UTF-16 needs a byte-order mark)"));
    }
    let controls = bytes.iter().filter(|&&b| is_control(u32::from(b))).count();
    if controls * MAX_CONTROL_SHARE > bytes.len() {
        return Some(format!("{controls} control bytes in {}", bytes.len()));
    }
    None
}

/// C0 controls other than tab, line feed, form feed and carriage return; DEL.
fn is_control(c: u32) -> bool {
    (c < 0x20 && !matches!(c, 0x09 | 0x0A | 0x0C | 0x0D)) || c == 0x7F
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FC}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(w: &[Warning]) -> Vec<&str> {
        w.iter().map(|w| w.code.as_str()).collect()
    }

    #[test]
    fn empty_input_is_a_valid_empty_text_with_a_warning() {
        let (t, w) = decode(b"", "e.txt").unwrap();
        assert_eq!(t, "");
        assert_eq!(codes(&w), ["empty_input"]);
    }

    #[test]
    fn utf8_is_kept_with_its_bom() {
        let (t, w) = decode("\u{FEFF}مرحبا بالعالم".as_bytes(), "a.txt").unwrap();
        assert_eq!(t, "\u{FEFF}مرحبا بالعالم");
        assert!(w.is_empty());
        let (t, _) = decode(b"plain ascii\r\nline two\t.", "a.txt").unwrap();
        assert_eq!(t, "plain ascii\r\nline two\t.");
    }

    #[test]
    fn utf16_with_bom_in_both_byte_orders() {
        let s = "سلام عليكم\nline";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in s.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        for bytes in [le, be] {
            let (t, w) = decode(&bytes, "u.txt").unwrap();
            assert_eq!(t, s);
            assert_eq!(codes(&w), ["decoded_utf16"]);
        }
        assert!(matches!(decode(&[0xFF, 0xFE, 0x41], "u.txt"), Err(InputError::Undecodable { .. })));
        // A lone high surrogate.
        assert!(matches!(decode(&[0xFF, 0xFE, 0x00, 0xD8], "u.txt"), Err(InputError::Undecodable { .. })));
    }

    #[test]
    fn windows_1256_arabic_is_detected() {
        let s = "قال الوزير إن الاجتماع انتهى، وأضاف: «نعم».";
        let (bytes, _, unmappable) = WINDOWS_1256.encode(s);
        assert!(!unmappable);
        let (t, w) = decode(&bytes, "w.txt").unwrap();
        assert_eq!(t, s);
        assert_eq!(codes(&w), ["decoded_windows_1256"]);
    }

    #[test]
    fn latin1_text_is_undecodable() {
        // "café crème brûlée" in ISO-8859-1: not UTF-8, and not Arabic in 1256.
        let bytes = b"caf\xE9 cr\xE8me br\xFBl\xE9e and more english words here";
        let e = decode(bytes, "l.txt").unwrap_err();
        assert!(matches!(e, InputError::Undecodable { ref file, .. } if file == "l.txt"), "{e}");
        assert!(e.to_string().contains("l.txt"));
    }

    #[test]
    fn utf8_cut_mid_character_is_repaired_with_a_warning() {
        let mut bytes = "نص عربي طويل بما يكفي ليكون مقالا".as_bytes().to_vec();
        bytes.push(0xD8); // first byte of a two-byte char, then EOF
        let (t, w) = decode(&bytes, "c.txt").unwrap();
        assert!(t.ends_with('\u{FFFD}'));
        assert_eq!(codes(&w), ["invalid_utf8_replaced"]);
    }

    #[test]
    fn binary_inputs_are_refused() {
        let cases: &[&[u8]] = &[
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            b"\xFF\xD8\xFF\xE0\0\x10JFIF",
            b"%PDF-1.7\n%\xE2\xE3",
            b"PK\x03\x04\x14\0\0\0",
            b"\x1F\x8B\x08\0\0\0\0\0",
            b"\x7FELF\x02\x01\x01",
            b"text with a NUL\0 inside",
            b"\x01\x02\x03\x04 ab",
        ];
        for bytes in cases {
            assert!(matches!(decode(bytes, "b.bin"), Err(InputError::Binary { .. })), "{bytes:?}");
        }
        // UTF-16 full of controls.
        assert!(matches!(decode(&[0xFF, 0xFE, 1, 0, 2, 0, 3, 0], "b"), Err(InputError::Binary { .. })));
    }

    #[test]
    fn a_50_mb_article_decodes() {
        let para = "وقال المتحدث باسم الوزارة إن المفاوضات ستستأنف الأسبوع المقبل في القاهرة.\n";
        let n = 50_000_000 / para.len() + 1;
        let big = para.repeat(n);
        assert!(big.len() >= 50_000_000);
        let (t, w) = decode(big.as_bytes(), "big.txt").unwrap();
        assert_eq!(t.len(), big.len());
        assert!(w.is_empty());
        // The same through the Windows-1256 path.
        let (bytes, _, _) = WINDOWS_1256.encode(&big);
        let (t, w) = decode(&bytes, "big1256.txt").unwrap();
        assert_eq!(t, big);
        assert_eq!(codes(&w), ["decoded_windows_1256"]);
    }

    proptest::proptest! {
        #[test]
        fn decode_never_panics(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
            let _ = decode(&bytes, "p");
        }

        #[test]
        fn decode_round_trips_utf8(s in "\\PC*") {
            // Text without control characters is never refused, only a
            // binary signature at its start could make it so.
            if let Ok((t, _)) = decode(s.as_bytes(), "p") {
                proptest::prop_assert_eq!(t, s);
            }
        }
    }
}
