//! No panics and consistent spans on arbitrary input.

use isnad_quantity::extract;
use proptest::prelude::*;

fn check(text: &str, published: Option<&str>) {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let slice = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    let q = extract(text, &[isnad_model::Span::new(0, n)], published);
    for x in &q.numbers {
        assert!(x.start <= x.end && x.end <= n, "{x:?}");
        assert_eq!(slice(x.start, x.end), x.surface);
        assert!(x.number.start >= x.start.min(x.number.start) && x.number.end <= n);
    }
    for x in &q.dates {
        assert!(x.start <= x.end && x.end <= n, "{x:?}");
        assert_eq!(slice(x.start, x.end), x.surface);
    }
    for x in &q.durations {
        assert!(x.start <= x.end && x.end <= n, "{x:?}");
        assert_eq!(slice(x.start, x.end), x.surface);
    }
}

/// Words the grammar reacts to, to build dense random phrases.
const WORDS: &[&str] = &[
    "نحو",
    "أكثر",
    "من",
    "ما",
    "لا",
    "يقل",
    "عن",
    "على",
    "الأقل",
    "و",
    "ثلاثة",
    "عشر",
    "عشرة",
    "مئة",
    "ألف",
    "آلاف",
    "مليون",
    "ونصف",
    "نصف",
    "ربع",
    "عشرات",
    "الآلاف",
    "يناير",
    "كانون",
    "الثاني",
    "/",
    "(",
    ")",
    "2024",
    "29",
    "7",
    "1445",
    "هـ",
    "رمضان",
    "يوم",
    "الأحد",
    "والجمعة",
    "ليل",
    "مساء",
    "قبل",
    "منذ",
    "أيام",
    "شهرين",
    "أسبوعا",
    "لمدة",
    "الماضي",
    "المقبل",
    "الساعة",
    ":",
    "10",
    "30",
    "%",
    "في",
    "المئة",
    "حتى",
    "الأسبوع",
    "عطلة",
    "نهاية",
    "أواخر",
    "برنامج",
    "\"",
    "هذا",
    "القناة",
    "12",
    "1,200",
    "٢٫٣",
    "الحادي",
    "الأولى",
    "معظمهم",
    "تقريبا",
    "،",
    "-",
    "\u{2009}",
    "000",
    "0123456789",
    "99999999999999999999",
    "عام",
    "اليوم",
    "أمس",
    "غدا",
    "الـ",
    "فبراير",
    "ذو",
    "الحجة",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn random_unicode(s in "\\PC{0,200}") {
        check(&s, None);
        check(&s, Some("2024-01-29"));
    }

    #[test]
    fn random_phrases(ws in proptest::collection::vec(proptest::sample::select(WORDS), 0..40), glue in any::<u64>()) {
        let mut s = String::new();
        for (k, w) in ws.iter().enumerate() {
            if glue >> (k % 64) & 1 == 0 {
                s.push(' ');
            }
            s.push_str(w);
        }
        check(&s, None);
        check(&s, Some("2023-12-31T23:00:00Z"));
        check(&s, Some("garbage"));
    }
}

#[test]
fn long_inputs_stay_linear() {
    let digits = "9".repeat(200_000);
    let months = "يناير ".repeat(50_000);
    let grouped = "1,".repeat(50_000) + "000";
    let thin = "1\u{2009}000".repeat(20_000);
    let nested = "قبل لمدة نحو ".repeat(20_000);
    let t0 = std::time::Instant::now();
    for s in [&digits, &months, &grouped, &thin, &nested] {
        check(s, Some("2024-01-29"));
    }
    assert!(t0.elapsed().as_secs() < 20, "took {:?}", t0.elapsed());
}
