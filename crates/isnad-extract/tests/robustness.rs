//! No panics and no quadratic blow-up on any input; every span stays exact.

mod common;

use isnad_extract::Extractor;
use isnad_model::Metadata;
use proptest::prelude::*;

fn extract(raw: &str) -> isnad_model::Document {
    Extractor::new().extract(Metadata::default(), raw.to_string(), vec![])
}

/// Pieces that exercise every cleaning rule, glued at random.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("[ad_1]".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("المصدر".to_string()),
        Just("اقرأ أيضاً: ".to_string()),
        Just("الأممالمتحدة".to_string()),
        Just("&quot;".to_string()),
        Just("&#1594;".to_string()),
        Just("<br>".to_string()),
        Just("\u{200F}\u{FEFF}\u{00A0}".to_string()),
        Just("«".to_string()),
        Just("\"".to_string()),
        Just("ج. ".to_string()),
        Just("2.3 ".to_string()),
        Just("غزة – وكالة\n".to_string()),
        Just("(CNN)— ".to_string()),
        Just("قال الوزير إن المحادثات مستمرة. ".to_string()),
        Just("ساهم في إعداد التقارير فلان".to_string()),
        "\\PC{0,12}",
        any::<String>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_unicode_never_panics_and_spans_hold(s in any::<String>()) {
        common::check_spans(&extract(&s));
    }

    #[test]
    fn noisy_articles_keep_exact_spans(parts in prop::collection::vec(piece(), 0..40)) {
        let raw: String = parts.concat();
        let doc = extract(&raw);
        common::check_spans(&doc);
        prop_assert!(!doc.text.contains("[ad_1]"));
    }
}

#[test]
fn fifty_megabyte_article_completes() {
    let para = "قال المتحدث باسم الوزارة إن 26 ألفاً و422 شخصاً قتلوا، وفق الأرقام الرسمية. ";
    let mut raw = String::with_capacity(52 * 1024 * 1024);
    let mut paragraphs = 0;
    while raw.len() < 50 * 1024 * 1024 {
        raw.push_str(para);
        paragraphs += 1;
        if paragraphs % 7 == 0 {
            raw.push('\n');
        }
    }
    let doc = extract(&raw);
    assert_eq!(doc.text, raw);
    assert_eq!(doc.sentences.len(), paragraphs);
}

#[test]
fn one_huge_line_with_many_quotes_completes() {
    // Unpaired quotation marks and markers by the hundred thousand stay linear.
    let raw = "«نص \" [ad_1] &amp; ".repeat(200_000);
    let doc = extract(&raw);
    common::check_spans(&doc);
    assert!(!doc.text.contains("[ad_1]"));
}

#[test]
fn empty_input_is_a_valid_document_with_a_warning() {
    let doc = extract("");
    assert_eq!(doc.text, "");
    assert!(doc.sentences.is_empty());
    assert!(doc.warnings.iter().any(|w| w.code == "empty_input"));
}
