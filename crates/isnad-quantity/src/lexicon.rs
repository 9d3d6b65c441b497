//! The words the grammar knows, keyed by their lossy matching form
//! (`isnad_text::fold::Fold::Letters`: alef forms → ا, ى → ي, ة → ه, no marks).

use std::sync::LazyLock;

use isnad_model::DurationUnit;
use isnad_text::fold::{fold, Fold};

/// Which calendar a month name belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cal {
    Gregorian,
    Hijri,
}

/// The grammatical form of a time-unit noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TForm {
    /// يوم، أسبوع: counts one only after لمدة.
    Sing,
    /// يوماً، أسبوعاً: one, indefinite accusative.
    SingAcc,
    /// يومين، شهرين: two.
    Dual,
    /// أيام، أشهر: after a count.
    Plural,
}

/// A lexicon entry.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum E {
    /// 1–10, usable alone.
    Unit(u8),
    /// أحد، إحدى، اثنا، اثني: only before عشر/عشرة.
    TeenHead(u8),
    /// 20–90.
    Ten(u8),
    /// 100–900.
    Hundred(u16),
    /// ألف، ألفين، آلاف, …: `count` 1 singular, 2 dual, 0 plural.
    Scale { mult: f64, count: u8 },
    /// عشرات، بضعة, …
    Vague { low: f64, high: f64 },
    /// ربع، نصف، ثلث، ثلثي.
    Frac(f64),
    /// أثلاث، أرباع، أخماس …: the plural denominator of "ثلاثة أرباع" (3/4).
    FracPlural(u8),
    /// معظم، غالبية، أغلب.
    Most,
    /// الأول … العاشر; `teen` for الحادي (only before عشر).
    Ord { v: u8, teen_only: bool },
    /// A time unit noun.
    Time(DurationUnit, TForm),
    /// A month name of one word.
    Month(Cal, u8, bool),
    /// ISO weekday 1 = Monday … 7 = Sunday.
    Weekday(u8),
    /// A part of the day (index into [`PARTS`]).
    Part(u8),
    /// A one-word hedge before a number.
    Hedge(isnad_model::Hedge),
    /// بالمئة، بالمائة.
    Percent,
}

/// Parts of the day, in English, by [`E::Part`] index.
pub const PARTS: &[&str] = &["morning", "evening", "noon", "afternoon", "dawn", "night", "midnight"];

/// Hash map keyed by words (FxHash, from `rustc-hash`).
pub type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// Folds a lexicon key.
pub fn key(s: &str) -> String {
    fold(s, Fold::Letters)
}

static MONTHS_TSV: &str = include_str!("../../../data/lexicons/months.tsv");
static WEEKDAYS_TSV: &str = include_str!("../../../data/lexicons/weekdays.tsv");

/// Month names that are also common words or names: they need a day, a year
/// or a month cue beside them to count as months.
const AMBIGUOUS_MONTHS: &[&str] = &[
    "آب",
    "مارس",
    "ماي",
    "أوت",
    "جوان",
    "تموز",
    "أيار",
    "نيسان",
    "محرم",
    "صفر",
    "رجب",
    "شعبان",
    "رمضان",
    "شوال",
    "المحرم",
];

pub struct Lexicon {
    pub words: FxMap<String, E>,
    /// Two-word month names: first word → [(second word, calendar, month)].
    pub month_pairs: FxMap<String, Vec<(String, Cal, u8)>>,
}

pub static LEX: LazyLock<Lexicon> = LazyLock::new(build);

fn build() -> Lexicon {
    let mut w: FxMap<String, E> = FxMap::default();
    let mut put = |forms: &[&str], e: E| {
        for f in forms {
            w.entry(key(f)).or_insert(e);
        }
    };
    // Units, both genders and cases.
    put(&["واحد", "واحدة", "واحدا", "واحداً"], E::Unit(1));
    put(&["اثنان", "اثنين", "اثنتان", "اثنتين", "إثنان", "إثنين", "إثنتين", "ثنتين"], E::Unit(2));
    put(&["ثلاث", "ثلاثة"], E::Unit(3));
    put(&["أربع", "أربعة"], E::Unit(4));
    put(&["خمس", "خمسة"], E::Unit(5));
    put(&["ست", "ستة"], E::Unit(6));
    put(&["سبع", "سبعة"], E::Unit(7));
    put(&["ثمان", "ثماني", "ثمانية"], E::Unit(8));
    put(&["تسع", "تسعة"], E::Unit(9));
    put(&["عشر", "عشرة"], E::Unit(10));
    put(&["أحد", "إحدى", "حادي"], E::TeenHead(1));
    put(&["اثنا", "اثني", "اثنتا", "اثنتي", "إثنا", "إثني"], E::TeenHead(2));
    // Definite numerals after a definite noun (الدول الثلاث).
    for (v, forms) in [
        (3u8, &["الثلاث", "الثلاثة"][..]),
        (4, &["الأربع", "الأربعة"]),
        (5, &["الخمس", "الخمسة"]),
        (6, &["الست", "الستة"]),
        (7, &["السبع", "السبعة"]),
        (8, &["الثماني", "الثمانية"]),
        (9, &["التسع", "التسعة"]),
        (10, &["العشر", "العشرة"]),
    ] {
        put(forms, E::Unit(v));
    }
    for (v, stem) in
        [(20u8, "عشر"), (30, "ثلاث"), (40, "أربع"), (50, "خمس"), (60, "ست"), (70, "سبع"), (80, "ثمان"), (90, "تسع")]
    {
        put(&[&format!("{stem}ون"), &format!("{stem}ين"), &format!("ال{stem}ين"), &format!("ال{stem}ون")], E::Ten(v));
    }
    put(&["مئة", "مائة", "مئه", "ماية", "المئة", "المائة"], E::Hundred(100));
    put(&["مئتان", "مئتين", "مائتان", "مائتين", "مئتا", "مئتي", "مائتا", "مائتي"], E::Hundred(200));
    for (v, stems) in [
        (300u16, &["ثلاث"][..]),
        (400, &["أربع"]),
        (500, &["خمس"]),
        (600, &["ست"]),
        (700, &["سبع"]),
        (800, &["ثمان", "ثماني"]),
        (900, &["تسع"]),
    ] {
        for s in stems {
            put(&[&format!("{s}مئة"), &format!("{s}مائة")], E::Hundred(v));
        }
    }
    put(&["ألف", "ألفا", "ألفاً"], E::Scale { mult: 1e3, count: 1 });
    put(&["ألفان", "ألفين", "ألفي"], E::Scale { mult: 1e3, count: 2 });
    put(&["آلاف", "ألوف"], E::Scale { mult: 1e3, count: 0 });
    put(&["مليون", "مليونا", "مليوناً"], E::Scale { mult: 1e6, count: 1 });
    put(&["مليونان", "مليونين", "مليوني"], E::Scale { mult: 1e6, count: 2 });
    put(&["ملايين"], E::Scale { mult: 1e6, count: 0 });
    put(&["مليار", "مليارا", "ملياراً", "بليون"], E::Scale { mult: 1e9, count: 1 });
    put(&["ملياران", "مليارين", "ملياري"], E::Scale { mult: 1e9, count: 2 });
    put(&["مليارات", "بلايين"], E::Scale { mult: 1e9, count: 0 });
    put(&["تريليون"], E::Scale { mult: 1e12, count: 1 });
    put(&["عشرات", "العشرات"], E::Vague { low: 20.0, high: 99.0 });
    put(&["مئات", "المئات", "مئات"], E::Vague { low: 200.0, high: 999.0 });
    put(&["الآلاف", "الألوف"], E::Vague { low: 2000.0, high: 9999.0 });
    put(&["الملايين"], E::Vague { low: 2e6, high: 9.999e6 });
    put(&["بضعة", "بضع"], E::Vague { low: 3.0, high: 9.0 });
    put(&["عدة"], E::Vague { low: 3.0, high: 10.0 });
    // Fractions and proportions, with the attached pronouns.
    let suffixes = ["", "هم", "ها", "هن", "ه", "كم", "نا", "هما"];
    for (forms, e) in [
        (&["ربع"][..], E::Frac(0.25)),
        (&["نصف"], E::Frac(0.5)),
        (&["ثلث"], E::Frac(1.0 / 3.0)),
        (&["ثلثي", "ثلثا"], E::Frac(2.0 / 3.0)),
        (&["معظم", "غالبية", "أغلب", "أغلبية", "غالبيت", "أغلبيت"], E::Most),
    ] {
        for f in forms {
            for s in suffixes {
                if f.ends_with('ت') && s.is_empty() {
                    continue;
                }
                put(&[&format!("{f}{s}")], e);
            }
        }
    }
    // Plural denominators: ثلاثة أرباع = 3/4 (أثمان is left out: "prices").
    for (d, f) in [(3u8, "أثلاث"), (4, "أرباع"), (5, "أخماس"), (6, "أسداس"), (7, "أسباع"), (9, "أتساع"), (10, "أعشار")]
    {
        put(&[f], E::FracPlural(d));
    }
    // Ordinals with the article.
    for (v, forms) in [
        (1u8, &["الأول", "الأولى", "الاولى"][..]),
        (2, &["الثاني", "الثانية"]),
        (3, &["الثالث", "الثالثة"]),
        (4, &["الرابع", "الرابعة"]),
        (5, &["الخامس", "الخامسة"]),
        (6, &["السادس", "السادسة"]),
        (7, &["السابع", "السابعة"]),
        (8, &["الثامن", "الثامنة"]),
        (9, &["التاسع", "التاسعة"]),
        (10, &["العاشر", "العاشرة"]),
    ] {
        put(forms, E::Ord { v, teen_only: false });
    }
    put(&["الحادي", "الحادية"], E::Ord { v: 1, teen_only: true });
    // Time units.
    use DurationUnit as U;
    use TForm::*;
    for (u, sing, acc, dual, plural) in [
        (U::Second, &["ثانية"][..], &["ثانيةً"][..], &["ثانيتين", "ثانيتان"][..], &["ثوان", "ثواني", "ثوانٍ"][..]),
        (U::Minute, &["دقيقة"], &["دقيقةً"], &["دقيقتين", "دقيقتان"], &["دقائق"]),
        (U::Hour, &["ساعة"], &["ساعةً"], &["ساعتين", "ساعتان"], &["ساعات"]),
        (U::Day, &["يوم"], &["يوما", "يوماً"], &["يومين", "يومان"], &["أيام"]),
        (U::Week, &["أسبوع"], &["أسبوعا", "أسبوعاً"], &["أسبوعين", "أسبوعان"], &["أسابيع"]),
        (U::Month, &["شهر"], &["شهرا", "شهراً"], &["شهرين", "شهران"], &["أشهر", "شهور"]),
        (
            U::Year,
            &["عام", "سنة"],
            &["عاما", "عاماً", "سنةً"],
            &["عامين", "عامان", "سنتين", "سنتان"],
            &["سنوات", "أعوام", "سنين"],
        ),
        (U::Decade, &["عقد"], &["عقدا", "عقداً"], &["عقدين", "عقدان"], &["عقود"]),
    ] {
        put(dual, E::Time(u, Dual));
        put(plural, E::Time(u, Plural));
        put(sing, E::Time(u, Sing));
        put(acc, E::Time(u, SingAcc));
    }
    // Weekdays: only the forms with the article (أحد alone is "one").
    for line in WEEKDAYS_TSV.lines().filter(|l| !l.starts_with('#')) {
        let mut it = line.split('\t');
        let (Some(n), Some(form)) = (it.next(), it.next()) else { continue };
        let Ok(n) = n.parse::<u8>() else { continue };
        if key(form).starts_with("ال") {
            put(&[form], E::Weekday(n));
        }
    }
    for (i, forms) in [
        &["صباح", "صبيحة", "صباحا", "صباحاً"][..],
        &["مساء", "مساءً", "مساءا", "عشية", "مساء"],
        &["ظهر", "ظهرا", "ظهراً", "ظهيرة"],
        &["عصر", "عصرا", "عصراً", "بعد ظهر"],
        &["فجر", "فجرا", "فجراً"],
        &["ليل", "ليلة", "ليلا", "ليلاً", "ليلتي", "ليلتا"],
    ]
    .iter()
    .enumerate()
    {
        put(forms, E::Part(i as u8));
    }
    use isnad_model::Hedge as H;
    put(
        &["نحو", "حوالي", "حوالى", "قرابة", "زهاء", "تقريبا", "تقريباً", "قرابه", "يناهز", "يقارب", "تناهز", "تقارب"],
        E::Hedge(H::About),
    );
    put(&["بالمئة", "بالمائة", "بالمية", "بالمائه"], E::Percent);

    // Months from CLDR (data/lexicons/months.tsv), plus a few common spellings.
    let mut month_pairs: FxMap<String, Vec<(String, Cal, u8)>> = FxMap::default();
    let extra = "gregorian\t6\tيونيه\ngregorian\t7\tيوليه\ngregorian\t9\tسيبتمبر\ngregorian\t12\tديسيمبر\ngregorian\t2\tفبرير\n\
                 islamic\t1\tالمحرم\nislamic\t4\tربيع الثاني\nislamic\t6\tجمادى الثانية\nislamic\t6\tجمادى الآخر\nislamic\t6\tجمادي الثانية\n";
    for line in MONTHS_TSV.lines().chain(extra.lines()).filter(|l| !l.starts_with('#')) {
        let mut it = line.split('\t');
        let (Some(cal), Some(m), Some(form)) = (it.next(), it.next(), it.next()) else { continue };
        let Ok(m) = m.parse::<u8>() else { continue };
        let cal = if cal.starts_with("islamic") { Cal::Hijri } else { Cal::Gregorian };
        let k = key(form);
        let parts: Vec<&str> = k.split(' ').collect();
        match parts.as_slice() {
            [one] => {
                let amb = AMBIGUOUS_MONTHS.iter().any(|a| key(a) == *one) || cal == Cal::Hijri;
                w.entry(one.to_string()).or_insert(E::Month(cal, m, amb));
            }
            [a, b] => {
                let v = month_pairs.entry(a.to_string()).or_default();
                if !v.iter().any(|(s, _, _)| s == b) {
                    v.push((b.to_string(), cal, m));
                }
            }
            _ => {}
        }
    }
    Lexicon { words: w, month_pairs }
}
