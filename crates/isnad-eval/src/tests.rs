//! Scoring tests on small hand-made gold and documents.

use isnad_model::{Dateline, Document, Heading, HeadingLevel, Metadata, Noise, NoiseKind, Repair, RepairKind, Span};

use crate::*;

fn doc(raw: &str) -> Document {
    Document::new(Metadata::default(), raw.to_string(), raw.to_string())
}

fn noise(kind: NoiseKind, surface: &str) -> Noise {
    Noise { kind, raw: Span::new(0, surface.chars().count()), surface: surface.to_string() }
}

fn gnoise(kind: &str, surface: &str, optional: bool) -> GoldNoise {
    GoldNoise { surface: surface.into(), kind: kind.into(), optional, ..Default::default() }
}

fn heading(level: HeadingLevel, surface: &str) -> Heading {
    Heading { level, start: 0, end: surface.chars().count(), surface: surface.into() }
}

fn joined(before: &str, after: &str) -> Repair {
    Repair {
        kind: RepairKind::JoinedWords,
        before: before.into(),
        after: after.into(),
        raw: Span::default(),
        text: Span::default(),
    }
}

fn gjoined(surface: &str, fixed: &str, occurrences: usize, optional: bool) -> GoldJoined {
    GoldJoined { surface: surface.into(), fixed: fixed.into(), occurrences, optional, ..Default::default() }
}

fn gold(noise: Vec<GoldNoise>) -> GoldDoc {
    GoldDoc { doc: "t.txt".into(), noise, ..Default::default() }
}

fn counts(s: &DocScore) -> (usize, usize, usize) {
    (s.tp, s.fp, s.fn_)
}

#[test]
fn noise_true_positives_false_positives_and_misses() {
    let g = gold(vec![
        gnoise("ad_marker", "[ad_1]", false),
        gnoise("related_link", "اقرأ أيضاً:\u{00A0}خبر آخر عن غزة", false),
        gnoise("credit", "ساهم فلان في إعداد التقرير.", false),
    ]);
    let mut d = doc("");
    d.noise = vec![
        noise(NoiseKind::AdMarker, "[ad_1]"),
        noise(NoiseKind::RelatedLink, "اقرا ايضا: خبر آخر عن غزة"),
        noise(NoiseKind::Invisible, "\\u{200F}"),
        noise(NoiseKind::Markup, "<br>"),
        noise(NoiseKind::Boilerplate, "تابعونا على تطبيق الأخبار"),
    ];
    let s = score_noise(&g, &d);
    assert_eq!(counts(&s), (2, 1, 1));
    assert_eq!(s.misses, ["credit: ساهم فلان في إعداد التقرير."]);
    assert_eq!(s.false_positives, ["boilerplate: تابعونا على تطبيق الأخبار"]);
}

#[test]
fn noise_kinds_must_be_compatible() {
    let g = gold(vec![gnoise("ad_marker", "[ad_1]", false), gnoise("dateline", "القدس – وكالة ما", false)]);
    let mut d = doc("");
    d.noise = vec![noise(NoiseKind::Credit, "[ad_1]"), noise(NoiseKind::Byline, "القدس – وكالة ما")];
    let s = score_noise(&g, &d);
    // The byline covers the dateline (same family); a credit is no ad marker.
    assert_eq!(counts(&s), (1, 1, 1));
}

#[test]
fn noise_containment_needs_80_percent_overlap() {
    let g = gold(vec![gnoise("credit", "ساهم سامي علي في إعداد هذا التقرير من عمان.", false)]);
    let mut d = doc("");
    d.noise = vec![noise(NoiseKind::Credit, "ساهم سامي علي في إعداد هذا التقرير من عمان")];
    assert_eq!(counts(&score_noise(&g, &d)), (1, 0, 0));
    d.noise = vec![noise(NoiseKind::Credit, "ساهم سامي علي")];
    assert_eq!(counts(&score_noise(&g, &d)), (0, 1, 1));
}

#[test]
fn optional_noise_is_neither_found_nor_missed() {
    let g = gold(vec![gnoise("translation_artifact", "ذلك. ", true), gnoise("truncated_fragment", "كما أدى", true)]);
    let mut d = doc("");
    assert_eq!(counts(&score_noise(&g, &d)), (0, 0, 0));
    d.noise = vec![noise(NoiseKind::TruncatedFragment, "كما أدى")];
    assert_eq!(counts(&score_noise(&g, &d)), (0, 0, 0));
    // A required translation artefact can never be found: no produced kind matches.
    let g = gold(vec![gnoise("translation_artifact", "ذلك. ", false)]);
    assert_eq!(counts(&score_noise(&g, &d)), (0, 1, 1));
}

#[test]
fn headings_and_datelines_count_as_noise_candidates() {
    let g = gold(vec![gnoise("heading", "ضغوط متزايدة", false), gnoise("dateline", "رام الله – وكالة المحلية", false)]);
    let raw = "رام الله – وكالة المحلية\nنص.";
    let mut d = doc(raw);
    d.headings =
        vec![heading(HeadingLevel::Title, "عنوان المقال الرئيسي"), heading(HeadingLevel::Subheading, "ضغوط متزايدة")];
    d.dateline =
        Some(Dateline {
            place: Some("رام الله".into()), outlet: Some("وكالة المحلية".into()), raw: Span::new(0, 24)
        });
    // The title matches no gold item but is never a false positive.
    assert_eq!(counts(&score_noise(&g, &d)), (2, 0, 0));
    // A dateline also recorded as noise is one candidate, not two.
    d.noise =
        vec![Noise {
            kind: NoiseKind::Dateline, raw: Span::new(0, 24), surface: "رام الله – وكالة المحلية".into()
        }];
    assert_eq!(counts(&score_noise(&g, &d)), (2, 0, 0));
    // An unannotated subheading is a false positive.
    d.headings.push(heading(HeadingLevel::Subheading, "سطر عادي"));
    assert_eq!(counts(&score_noise(&g, &d)), (2, 1, 0));
}

#[test]
fn repeated_noise_surfaces_are_not_false_positives() {
    let g = gold(vec![gnoise("source_trailer", "المصدر", false)]);
    let mut d = doc("");
    d.noise = vec![noise(NoiseKind::SourceTrailer, "المصدر"), noise(NoiseKind::SourceTrailer, "المصدر")];
    assert_eq!(counts(&score_noise(&g, &d)), (1, 0, 0));
}

#[test]
fn joined_words_are_a_multiset_of_exact_repairs() {
    let mut g = gold(vec![]);
    g.joined_words = vec![
        gjoined("الولاياتالمتحدةوقطر", "الولايات المتحدة وقطر", 1, false),
        gjoined("الولاياتالمتحدة", "الولايات المتحدة", 2, false),
        gjoined("الأممالمتحدة", "الأمم المتحدة", 1, false),
    ];
    let mut d = doc("");
    d.repairs = vec![
        joined("الولاياتالمتحدة", "الولايات المتحدة"),
        joined("الولاياتالمتحدةوقطر", "الولايات المتحدة وقطر"),
        joined("الأممالمتحدة", "الأمم  المتحدة"),
        joined("الأممالمتحدة", "الأمم المتحدة"),
        joined("وقالمسؤول", "وقا لمسؤول"),
        Repair { kind: RepairKind::Space, ..joined("\u{00A0}", " ") },
    ];
    let s = score_joined_words(&g, &d);
    // 1 + 1 + 1 found; one الولاياتالمتحدة missed; a duplicate and a false split.
    assert_eq!(counts(&s), (3, 2, 1));
    assert_eq!(s.misses, ["الولاياتالمتحدة → الولايات المتحدة"]);
    assert_eq!(s.false_positives.len(), 2);
}

#[test]
fn a_wrong_split_is_a_miss_and_a_false_repair() {
    let mut g = gold(vec![]);
    g.joined_words = vec![gjoined("الأممالمتحدة", "الأمم المتحدة", 1, false), gjoined("غزةاليوم", "غزة اليوم", 1, true)];
    let mut d = doc("");
    d.repairs = vec![joined("الأممالمتحدة", "الأ ممالمتحدة"), joined("غزةاليوم", "غزة اليوم")];
    assert_eq!(counts(&score_joined_words(&g, &d)), (0, 1, 1));
}

#[test]
fn truncation_is_binary() {
    let mut g = gold(vec![]);
    let mut d = doc("");
    for (gt, dt, want) in [
        (Some(true), true, (1, 0, 0)),
        (Some(true), false, (0, 0, 1)),
        (Some(false), true, (0, 1, 0)),
        (Some(false), false, (0, 0, 0)),
        (None, true, (0, 0, 0)),
    ] {
        g.truncated = gt;
        d.truncated = dt;
        assert_eq!(counts(&score_truncation(&g, &d)), want, "{gt:?} {dt}");
    }
}

#[test]
fn evaluate_sums_documents_and_serializes() {
    let mut g1 = gold(vec![gnoise("ad_marker", "[ad_1]", false)]);
    g1.truncated = Some(true);
    let mut d1 = doc("");
    d1.noise = vec![noise(NoiseKind::AdMarker, "[ad_1]")];
    d1.truncated = true;
    let mut g2 = gold(vec![gnoise("ad_marker", "[ad_2]", false)]);
    g2.doc = "u.txt".into();
    g2.truncated = Some(false);
    let d2 = doc("");
    let r = evaluate(&[(g1, d1), (g2, d2)]);
    let n = r.category("noise").unwrap();
    assert_eq!((n.tp, n.fp, n.fn_), (1, 0, 1));
    assert_eq!((n.precision, n.recall), (1.0, 0.5));
    assert!((n.f1 - 2.0 / 3.0).abs() < 1e-9);
    let j = r.category("joined_words").unwrap();
    assert_eq!((j.precision, j.recall, j.f1), (1.0, 1.0, 1.0));
    assert_eq!(r.category("truncation").unwrap().tp, 1);
    assert_eq!(r.documents[1].doc, "u.txt");
    assert_eq!(r.documents[1].scores[0].misses, ["ad_marker: [ad_2]"]);
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["categories"][0]["fn"], 1);
    assert_eq!(json["documents"][1]["scores"][0]["category"], "noise");
    assert!(r.table().starts_with("category"));
}

#[test]
fn custom_scorers_extend_the_report() {
    fn score_nothing(_: &GoldDoc, _: &Document) -> DocScore {
        DocScore { tp: 2, ..Default::default() }
    }
    let r = evaluate_with(&[(gold(vec![]), doc(""))], &[("always", score_nothing)]);
    assert_eq!(r.categories.len(), 1);
    assert_eq!(r.category("always").unwrap().tp, 2);
}
