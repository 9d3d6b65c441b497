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
    (s.prf.tp, s.prf.fp, s.prf.fn_)
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
    assert_eq!((n.prf.tp, n.prf.fp, n.prf.fn_), (1, 0, 1));
    assert_eq!((n.prf.precision(), n.prf.recall()), (1.0, 0.5));
    assert!((n.prf.f1() - 2.0 / 3.0).abs() < 1e-9);
    let j = r.category("joined_words").unwrap();
    assert_eq!((j.prf.precision(), j.prf.recall(), j.prf.f1()), (1.0, 1.0, 1.0));
    assert_eq!(r.category("truncation").unwrap().prf.tp, 1);
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
        DocScore { prf: Prf::new(2, 0, 0), ..Default::default() }
    }
    let r = evaluate_with(&[(gold(vec![]), doc(""))], &[("always", score_nothing)]);
    assert_eq!(r.categories.len(), 1);
    assert_eq!(r.category("always").unwrap().prf.tp, 2);
}

/// A produced date mention over the first occurrence of `surface` in `text`.
fn date(text: &str, surface: &str, value: &str, literal: &str) -> isnad_model::DateMention {
    let b = text.find(surface).expect("surface in text");
    let start = text[..b].chars().count();
    isnad_model::DateMention {
        value: value.into(),
        literal: literal.into(),
        grain: isnad_model::Grain::Day,
        resolved: value.starts_with(|c: char| c.is_ascii_digit()),
        part_of_day: None,
        start,
        end: start + surface.chars().count(),
        surface: surface.into(),
    }
}

fn gold_dates(dates: serde_json::Value) -> GoldDoc {
    GoldDoc { doc: "t.txt".into(), dates: Some(dates), ..Default::default() }
}

#[test]
fn date_value_is_an_accuracy_over_dates_matched_by_surface() {
    let text = "التقى الوفدان يوم الأحد في القاهرة، وكانت الجولة السابقة في 7 أكتوبر، وتستأنف المحادثات قريبا.";
    let mut d = doc(text);
    d.dates = Some(vec![
        // Resolved to the gold's resolved day: right.
        date(text, "يوم الأحد", "2024-03-10", "weekday:Sunday"),
        // Resolved to the wrong year: wrong.
        date(text, "7 أكتوبر", "2024-10-07", "--10-07"),
    ]);
    let g = gold_dates(serde_json::json!([
        {"surface": "يوم الأحد", "value": "weekday:Sunday", "grain": "day", "resolved": "2024-03-10"},
        {"surface": "7 أكتوبر", "value": "--10-07", "grain": "day", "resolved": "2023-10-07"},
        // Not found by surface: no part of the accuracy.
        {"surface": "قريبا", "value": "relative:soon", "grain": "relative", "resolved": null},
        // Optional: left out even when found.
        {"surface": "القاهرة", "value": "relative:x", "optional": true}
    ]));
    let s = score_date_value(&g, &d);
    assert_eq!(counts(&s), (1, 1, 1));
    assert_eq!(s.misses.len(), 1);
    assert!(s.misses[0].starts_with("7 أكتوبر: gold --10-07 = 2023-10-07 got 2024-10-07"), "{:?}", s.misses);
    // `dates` is unchanged by the new category: the `--10-07` literal still counts there.
    assert_eq!(counts(&score_dates(&g, &d)), (2, 0, 1));
}

#[test]
fn date_values_compare_by_gold_format() {
    let text = "x";
    let m = |value: &str, literal: &str| {
        let mut d = date(text, "x", value, literal);
        d.literal = literal.into();
        d
    };
    // YYYY-MM-DD, YYYY-MM, YYYY and ranges: the produced value itself.
    assert!(date_value_ok("2024-01-29", None, &m("2024-01-29", "2024-01-29")));
    assert!(!date_value_ok("2024-01-29", None, &m("2024-01-28", "--01-28")));
    assert!(date_value_ok("2006-07", Some("2006-07"), &m("2006-07", "2006-07")));
    assert!(date_value_ok("2003/2011", None, &m("2003/2011", "2003/2011")));
    assert!(!date_value_ok("2015", None, &m("2015-05", "--05")));
    // --MM-DD with no resolved value: what the text says.
    assert!(date_value_ok("--03-30", None, &m("--03-30", "--03-30")));
    assert!(!date_value_ok("--03-30", None, &m("--03-31", "--03-31")));
    // --MM-DD resolved by the gold: the resolved day, when the produced date is resolved.
    assert!(date_value_ok("--03-30", Some("2018-03-30"), &m("2018-03-30", "--03-30")));
    assert!(!date_value_ok("--03-30", Some("2018-03-30"), &m("2017-03-30", "--03-30")));
    // An unresolved produced date: what the text says.
    assert!(date_value_ok("--03-30", Some("2018-03-30"), &m("--03-30", "--03-30")));
    assert!(date_value_ok("weekday:Thursday", Some("2018-04-05"), &m("weekday:Thursday", "weekday:Thursday")));
    assert!(!date_value_ok("2024-01-29", None, &m("--01-29", "--01-29")));
    // weekday: the resolved day, else the weekday named.
    assert!(date_value_ok("weekday:Thursday", Some("2018-04-05"), &m("2018-04-05", "weekday:Thursday")));
    assert!(!date_value_ok("weekday:Thursday", Some("2018-04-05"), &m("2018-04-12", "weekday:Thursday")));
    assert!(date_value_ok("weekday:Sunday morning", None, &m("weekday:Sunday", "weekday:Sunday")));
    assert!(!date_value_ok("weekday:Sunday", None, &m("weekday:Monday", "weekday:Monday")));
    assert!(date_value_ok(
        "weekday:Thursday-Friday night",
        Some("2025-08-07/2025-08-08"),
        &m("2025-08-07/2025-08-08", "weekday:Thursday-Friday")
    ));
    // relative: a resolved gold needs the resolved value, else any relative expression.
    assert!(date_value_ok("relative:last year", Some("2017"), &m("2017", "relative:last year")));
    assert!(!date_value_ok("relative:last year", Some("2017"), &m("2018", "relative:this year")));
    assert!(date_value_ok("relative:the coming days", None, &m("relative:coming days", "relative:coming days")));
    assert!(!date_value_ok("relative:the coming days", None, &m("2024-01-29", "2024-01-29")));
    // time: the clock time, with the day when the gold resolves it.
    assert!(date_value_ok("time:15:00 local", None, &m("T15:00", "T15:00")));
    assert!(!date_value_ok("time:15:00 local", None, &m("T16:00", "T16:00")));
    assert!(date_value_ok("time:12:00 GMT", Some("2018-05-03T12:00"), &m("2018-05-03T12:00", "T12:00")));
    assert!(!date_value_ok("time:12:00 GMT", Some("2018-05-03T12:00"), &m("2018-05-04T12:00", "T12:00")));
    assert!(date_value_ok("time:12:00 GMT", Some("2018-05-03T12:00"), &m("T12:00", "T12:00")));
}

#[test]
fn gold_surfaces_are_found_by_their_folded_form() {
    // Exact occurrences, in chars.
    assert_eq!(find_all("قال إن إن", "إن"), [(4, 6), (7, 9)]);
    // Folded: hamza forms, ta marbuta, diacritics and digits of any script.
    assert_eq!(find_all("في غزةَ ١٢ قتيلا", "غزه 12"), [(3, 10)]);
    assert!(find_all("abc", "").is_empty());
    assert!(find_all("abc", "abcd").is_empty());
}

#[test]
fn names_compare_by_words_without_clitics() {
    assert_eq!(words_key("والرئيس، «بالأمم» المتحدة"), "رييس امم متحده");
    assert_eq!(words_key("لمسؤولين محليين"), "مسوولين محليين");
    // A clitic is kept when too little would remain.
    assert_eq!(words_key("ول"), "ول");
}
