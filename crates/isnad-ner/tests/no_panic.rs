//! `Tagger::tag` never panics and always returns one well-formed label per token.

use isnad_ner::{Label, Tagger};
use proptest::prelude::*;

fn well_formed(labels: &[Label]) -> bool {
    labels.iter().enumerate().all(|(i, l)| match l {
        Label::I(c) => i > 0 && labels[i - 1].class() == Some(*c),
        _ => true,
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn tag_arbitrary_tokens(tokens in proptest::collection::vec(any::<String>(), 0..40)) {
        let tagger = Tagger::bundled().expect("bundled model");
        let refs: Vec<&str> = tokens.iter().map(String::as_str).collect();
        let labels = tagger.tag(&refs);
        prop_assert_eq!(labels.len(), refs.len());
        prop_assert!(well_formed(&labels));
    }

    #[test]
    fn tag_arabic_like_tokens(tokens in proptest::collection::vec("[\u{0600}-\u{06FF}\u{200E}\u{200F}\u{0000} .،؟a-z0-9]{0,12}", 0..60)) {
        let tagger = Tagger::bundled().expect("bundled model");
        let refs: Vec<&str> = tokens.iter().map(String::as_str).collect();
        let labels = tagger.tag(&refs);
        prop_assert_eq!(labels.len(), refs.len());
        prop_assert!(well_formed(&labels));
    }
}

#[test]
fn edge_cases() {
    let tagger = Tagger::bundled().expect("bundled model");
    assert!(tagger.tag(&[]).is_empty());
    assert_eq!(tagger.tag(&[""]).len(), 1);
    assert_eq!(tagger.tag(&["\0", "\u{FEFF}", "ـــ"]).len(), 3);
    let long: Vec<&str> = std::iter::repeat_n("بغداد", 1500).collect();
    assert_eq!(tagger.tag(&long).len(), 1500);
    let huge = "ب".repeat(100_000);
    assert_eq!(tagger.tag(&[huge.as_str()]).len(), 1);
}

#[test]
fn tags_obvious_entities() {
    let tagger = Tagger::bundled().expect("bundled model");
    let toks = ["وقال", "الرئيس", "الأمريكي", "جورج", "بوش", "في", "واشنطن", "إن", "الأمم", "المتحدة", "ستجتمع", "."];
    let labels = tagger.tag(&toks);
    use isnad_ner::EntityClass::*;
    assert_eq!(labels[3], Label::B(Person), "{labels:?}");
    assert_eq!(labels[4], Label::I(Person), "{labels:?}");
    assert_eq!(labels[6], Label::B(Place), "{labels:?}");
}
