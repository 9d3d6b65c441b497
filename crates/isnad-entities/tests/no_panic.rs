//! The recogniser never panics and keeps its span invariant on random input.

use isnad_entities::{recognise, Candidate, EntityType};
use isnad_model::{char_slice, Span};
use proptest::prelude::*;

fn arabicish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "حماس",
        "لحماس",
        "الدوحة",
        "وواشنطن",
        "رئيس الوزراء",
        "القطري",
        "الشيخ",
        "محمد",
        "بن",
        "عبد",
        "الرحمن",
        "آل",
        "ثاني",
        "ج.",
        "إي",
        "دولة الاحتلال",
        "الاحتلال",
        "تعتقد",
        "صحيفة",
        "\"",
        "“",
        "”",
        "برنامج",
        "Face",
        "the",
        "Nation",
        "،",
        ".",
        "\n",
        " ",
        "كان 11",
        "إدارة",
        "بايدن",
        "المكتب السياسي",
        "ـ",
        "\u{064E}",
        "x",
        "١٢",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.join(" "))
}

fn check(text: &str, sentences: &[Span], tagged: &[Candidate]) {
    let found = recognise(text, sentences, tagged);
    for e in &found.entities {
        for m in &e.mentions {
            assert!(m.start < m.end, "{m:?}");
            assert_eq!(char_slice(text, m.start, m.end), m.surface);
        }
    }
    for a in &found.nationalities {
        assert_eq!(char_slice(text, a.start, a.end), a.surface);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_unicode_never_panics(text in "\\PC{0,200}", a in 0usize..300, b in 0usize..300) {
        let span = Span::new(a.min(b), a.max(b));
        let tagged = [Candidate { span, class: EntityType::Org, score: 0.5 }, Candidate { span, class: EntityType::Person, score: 0.5 }];
        check(&text, &[span], &tagged);
    }

    #[test]
    fn arabic_news_fragments_keep_spans(text in arabicish(), a in 0usize..400, b in 0usize..400) {
        let span = Span::new(a.min(b), a.max(b));
        let tagged = [Candidate { span, class: EntityType::Person, score: 0.5 }, Candidate { span, class: EntityType::Place, score: 0.5 }];
        check(&text, &[span, Span::new(0, 0)], &tagged);
    }
}
