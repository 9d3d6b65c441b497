//! The gazetteers: every name, title and nationality adjective the
//! recogniser knows, compiled on first use into one finite-state map from a
//! matching key (tokens folded with `Fold::Letters`, Latin lower-cased,
//! joined by one space) to the entries that bear it.
//!
//! Sources (all in `data/gazetteers/`): the generated `countries.tsv`,
//! `cities.tsv` and `nisba.tsv`, and the team-curated `outlets.tsv`,
//! `organizations.tsv`, `people.tsv`, `places.tsv`, `titles.tsv` and
//! `given_names.tsv`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;
use std::time::Instant;

use fst::raw::{Fst, Output};
use fst::{Map, MapBuilder};
use isnad_model::EntityType;
use isnad_text::fold::{fold, Fold};
use isnad_text::lexicon::words;
use isnad_text::tokens::{tokenize, TokenKind};

static COUNTRIES: &str = include_str!("../../../data/gazetteers/countries.tsv");
static CITIES: &str = include_str!("../../../data/gazetteers/cities.tsv");
static NISBA: &str = include_str!("../../../data/gazetteers/nisba.tsv");
static OUTLETS: &str = include_str!("../../../data/gazetteers/outlets.tsv");
static ORGS: &str = include_str!("../../../data/gazetteers/organizations.tsv");
static PEOPLE: &str = include_str!("../../../data/gazetteers/people.tsv");
static PLACES: &str = include_str!("../../../data/gazetteers/places.tsv");
static TITLES: &str = include_str!("../../../data/gazetteers/titles.tsv");
static GIVEN: &str = include_str!("../../../data/gazetteers/given_names.tsv");

/// What a gazetteer entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A name of an entity.
    Name,
    /// A generic head (`الجيش`) naming a body only with a nationality adjective after it.
    Generic,
    /// A title or role; `head` titles take a complement (`مدير وكالة…`).
    Title { honorific: bool, head: bool },
    /// A nationality adjective.
    Nisba,
}

/// Where an entry comes from; earlier sources win ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Origin {
    Curated,
    Country,
    City,
}

/// One gazetteer entry.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub kind: Kind,
    pub etype: EntityType,
    pub canonical: String,
    pub english: Option<String>,
    pub country: Option<String>,
    /// Identity key: entries with the same key are the same entity.
    pub ident: String,
    /// Counts only after a cue word (`صحيفة`, `حركة`) or inside quotes after one.
    pub needs_cue: bool,
    pub origin: Origin,
    /// A capital or seat of government (for metonymy).
    pub capital: bool,
}

/// Sizes of the compiled gazetteers.
#[derive(Debug, Clone, Default)]
pub struct GazetteerStats {
    /// Entries by source file.
    pub entries: Vec<(&'static str, usize)>,
    /// Distinct matching keys in the finite-state map.
    pub keys: usize,
    /// Bytes of the finite-state map.
    pub fst_bytes: usize,
    /// Given names.
    pub given_names: usize,
    /// Time to parse and compile everything, in milliseconds.
    pub load_ms: f64,
}

/// The compiled gazetteers.
pub(crate) struct Gazetteer {
    map: Map<Vec<u8>>,
    groups: Vec<Vec<u32>>,
    pub entries: Vec<Entry>,
    /// Given names on the orthographic form; value true for names that are also common words.
    pub given: HashMap<String, bool>,
    pub stats: GazetteerStats,
}

static GAZ: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::build);

/// The bundled gazetteers, compiled on first use.
pub(crate) fn gazetteer() -> &'static Gazetteer {
    &GAZ
}

/// Sizes and load time of the bundled gazetteers (compiles them if needed).
pub fn gazetteer_stats() -> GazetteerStats {
    GAZ.stats.clone()
}

/// The matching key of one token: Arabic folded with `Fold::Letters`, Latin lower-cased.
pub(crate) fn token_key(s: &str, kind: TokenKind) -> String {
    match kind {
        TokenKind::Latin => s.to_lowercase(),
        _ => fold(s, Fold::Letters),
    }
}

/// The matching key of a name: its tokens' keys joined by one space.
pub(crate) fn name_key(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for t in tokenize(name) {
        let s: String = chars[t.start..t.end].iter().collect();
        let k = token_key(&s, t.kind);
        if k.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&k);
    }
    out
}

/// Capitals and seats of government whose name can stand for the government.
const CAPITALS: &[&str] = &[
    "Washington",
    "Doha",
    "Cairo",
    "Tel Aviv",
    "Moscow",
    "Beijing",
    "Tehran",
    "Ankara",
    "Riyadh",
    "Abu Dhabi",
    "Amman",
    "Beirut",
    "Damascus",
    "Baghdad",
    "London",
    "Paris",
    "Berlin",
    "Kyiv",
    "Kiev",
    "Kabul",
    "Sanaa",
    "Sana'a",
    "Rome",
    "Madrid",
    "Brussels",
    "Tokyo",
    "Seoul",
    "Pyongyang",
    "New Delhi",
    "Islamabad",
    "Muscat",
    "Kuwait City",
    "Manama",
    "Algiers",
    "Rabat",
    "Tunis",
    "Tripoli",
    "Khartoum",
    "Ottawa",
    "Canberra",
    "Ramallah",
    "Washington, D.C.",
];

/// Countries of the Middle East and North Africa, whose smaller towns are kept.
const MENA: &[&str] = &[
    "PS", "IL", "LB", "SY", "JO", "IQ", "YE", "EG", "SA", "QA", "AE", "KW", "BH", "OM", "LY", "TN", "DZ", "MA", "SD",
    "IR", "TR",
];

/// Country and region names that are more often common words.
const COUNTRY_STOP: &[&str] = &["العالم", "مالي", "العالم العربي"];

/// City names that are also common words or too ambiguous to take alone.
const CITY_STOP: &[&str] = &[
    "امان",
    "الامل",
    "النصر",
    "السلام",
    "الوحده",
    "الحريه",
    "العين",
    "مالي",
    "الخير",
    "النور",
    "الشرق",
    "الغرب",
    "الجنوب",
    "الشمال",
    "الوسط",
    "الحد",
    "البحر",
    "المدينه",
    "الجبل",
    "الساحل",
    "عين",
    "بيت",
    "دار",
    "باب",
    "قلعه",
    "الحي",
    "الحاره",
    "العرب",
    "العربي",
    "الصحراء",
    "الخليج",
    "الاسلام",
    "الدوله",
    "الحكومه",
    "جامعه",
    "المنطقه",
    "القريه",
    "مدينه",
    "سلام",
    "امل",
    "نصر",
    "الهدي",
    "الفتح",
    "الرحمه",
    "الكرامه",
    "النهضه",
    "الثوره",
    "الاتحاد",
    "المستقبل",
    "الامير",
    "الملك",
    "الشيخ",
    "الرئيس",
    "الوزير",
    "اليوم",
    "الحياه",
    "الجديد",
    "الجديده",
    "مصر الجديده",
    "البيضاء",
    "الخضراء",
    "الحمراء",
    "الزرقاء",
    "الصفا",
    "المروه",
    "المنار",
    "النخيل",
    "الريان",
    "الوكره",
    "عمر",
    "علي",
    "حسن",
    "محمد",
    "احمد",
    "محمود",
    "كريم",
    "سعيد",
    "جميل",
    "الرشيد",
    "فيصل",
    "المحمديه",
    "الحسين",
    "بلد",
    "الجزيره",
    "الجزائر",
    "تونس",
    "الكويت",
    "البحرين",
    "جيبوتي",
    "سنغافوره",
    "موناكو",
    "الفاتيكان",
    "لوكسمبورغ",
    "سان مارينو",
    "غواتيمالا",
    "بنما",
    "المكسيك",
    "بوكا",
    "مارس",
    "مايو",
    "يونيو",
    "يوليو",
    "نيس",
    "بين",
    "كان",
    "قال",
    "صور",
    "الرمله",
    "الخان",
    "المخيم",
    "الجسر",
    "القصر",
    "المطار",
    "الميناء",
    "الحدود",
    "المعبر",
    "رفيع",
    "ام",
    "ابو",
    "بن",
    "عاليه",
    "اشرف",
    "حجه",
];

fn split_aliases(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|a| !a.is_empty())
}

fn strip_cue(s: &str) -> (&str, bool) {
    match s.strip_prefix('~') {
        Some(rest) => (rest, true),
        None => (s, false),
    }
}

fn ident_of(etype: EntityType, canonical: &str) -> String {
    format!("{}:{}", etype.as_str(), name_key(canonical))
}

struct Builder {
    keys: BTreeMap<String, Vec<u32>>,
    entries: Vec<Entry>,
}

impl Builder {
    fn add(&mut self, name: &str, e: Entry) {
        let key = name_key(name);
        if key.is_empty() {
            return;
        }
        let idx = self.entries.len() as u32;
        self.entries.push(e);
        self.keys.entry(key).or_default().push(idx);
    }

    /// Adds a curated row: canonical, type, english, aliases.
    fn curated_row(&mut self, line: &str, default: EntityType) -> bool {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 2 {
            return false;
        }
        let etype = match cols[1].trim() {
            "PERSON" => EntityType::Person,
            "ORG" => EntityType::Org,
            "PLACE" => EntityType::Place,
            "OUTLET" => EntityType::Outlet,
            _ => default,
        };
        let (canon, canon_cue) = strip_cue(cols[0].trim());
        let (canon, generic) = match canon.strip_prefix('+') {
            Some(rest) => (rest, true),
            None => (canon, false),
        };
        let english_col = cols.get(2).map(|s| s.trim()).unwrap_or("");
        let (english, country, ident) = if let Some(code) = english_col.strip_prefix('=') {
            (None, Some(code.to_string()), format!("C:{code}"))
        } else if etype == EntityType::Place {
            let (en, cc) = english_col.split_once('/').unwrap_or((english_col, ""));
            let cc = (!cc.is_empty()).then(|| cc.to_string());
            (Some(en.to_string()).filter(|s| !s.is_empty()), cc, ident_of(etype, canon))
        } else {
            (Some(english_col.to_string()).filter(|s| !s.is_empty()), None, ident_of(etype, canon))
        };
        let kind = if generic { Kind::Generic } else { Kind::Name };
        let capital = english.as_deref().is_some_and(|e| CAPITALS.contains(&e));
        let entry = |needs_cue: bool| Entry {
            kind,
            etype,
            canonical: canon.to_string(),
            english: english.clone(),
            country: country.clone(),
            ident: ident.clone(),
            needs_cue,
            origin: Origin::Curated,
            capital,
        };
        if !english_col.starts_with('=') {
            self.add(canon, entry(canon_cue));
        }
        for a in split_aliases(cols.get(3).copied().unwrap_or("")) {
            let (a, cue) = strip_cue(a);
            let a = a.strip_prefix('+').unwrap_or(a);
            self.add(a, entry(cue));
        }
        true
    }
}

/// The data rows of a TSV file: comment (`#`) and blank lines skipped.
pub(crate) fn rows(s: &str) -> impl Iterator<Item = &str> {
    s.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty())
}

impl Gazetteer {
    fn build() -> Gazetteer {
        let t0 = Instant::now();
        let mut b = Builder { keys: BTreeMap::new(), entries: Vec::new() };
        let mut counts: Vec<(&'static str, usize)> = Vec::new();

        for (file, text, default) in [
            ("outlets.tsv", OUTLETS, EntityType::Outlet),
            ("organizations.tsv", ORGS, EntityType::Org),
            ("people.tsv", PEOPLE, EntityType::Person),
            ("places.tsv", PLACES, EntityType::Place),
        ] {
            let before = b.entries.len();
            for line in rows(text) {
                b.curated_row(line, default);
            }
            counts.push((file, b.entries.len() - before));
        }

        // Countries: canonical = first name of each code; groupings (EU, UN) are bodies, not places.
        let before = b.entries.len();
        let mut canon: HashMap<&str, (&str, &str)> = HashMap::new();
        for line in rows(COUNTRIES) {
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() < 4 || c[3].contains("cldr-grouping") || COUNTRY_STOP.contains(&c[1]) {
                continue;
            }
            let (code, name, en) = (c[0], c[1], c[2]);
            let (cname, cen) = *canon.entry(code).or_insert((name, en));
            b.add(
                name,
                Entry {
                    kind: Kind::Name,
                    etype: EntityType::Place,
                    canonical: cname.to_string(),
                    english: Some(cen.to_string()),
                    country: (code.len() == 2).then(|| code.to_string()),
                    ident: format!("C:{code}"),
                    needs_cue: false,
                    origin: Origin::Country,
                    capital: false,
                },
            );
        }
        counts.push(("countries.tsv", b.entries.len() - before));

        // Cities: only rows with a population and either several sources or a
        // large population; names that are common words are left out.
        let before = b.entries.len();
        let lex = words();
        let stop: HashSet<&str> = CITY_STOP.iter().copied().collect();
        let mut city_canon: HashMap<&str, &str> = HashMap::new();
        for line in rows(CITIES) {
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() < 6 {
                continue;
            }
            let (gid, name, en, cc, pop, origin) = (c[0], c[1], c[2], c[3], c[4], c[5]);
            let pop: u64 = pop.parse().unwrap_or(0);
            let sources = origin.split(',').count();
            let key = name_key(name);
            if pop == 0 || stop.contains(key.as_str()) {
                continue;
            }
            let capital = CAPITALS.contains(&en);
            // The region the news is mostly about keeps its smaller towns.
            let near = MENA.contains(&cc) && ((pop >= 5_000 && sources >= 2) || pop >= 20_000);
            let keep =
                capital || near || pop >= 500_000 || (pop >= 50_000 && sources >= 2) || (pop >= 10_000 && sources >= 3);
            if !keep {
                continue;
            }
            // A one-word name that is a frequent word is more often the word.
            if !key.contains(' ') && !capital && pop < 2_000_000 {
                let z = lex.zipf(name).unwrap_or(0).max(lex.exact(&key).unwrap_or(0));
                if z >= 400 {
                    continue;
                }
            }
            let cname = *city_canon.entry(gid).or_insert(name);
            b.add(
                name,
                Entry {
                    kind: Kind::Name,
                    etype: EntityType::Place,
                    canonical: cname.to_string(),
                    english: Some(en.to_string()).filter(|s| !s.is_empty()),
                    country: Some(cc.to_string()).filter(|s| !s.is_empty()),
                    ident: format!("G:{gid}"),
                    needs_cue: false,
                    origin: Origin::City,
                    capital,
                },
            );
        }
        counts.push(("cities.tsv", b.entries.len() - before));

        let before = b.entries.len();
        for line in rows(NISBA) {
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() < 2 || c[0] == "مالي" || c[0] == "المالي" || c[0] == "المالية" || c[0] == "مالية"
            {
                continue;
            }
            b.add(c[0], nisba_entry(c[1]));
            // The indefinite accusative (`أمريكيا`, `جنديا إسرائيليا`).
            if c.get(2) == Some(&"m") && !c[0].starts_with("ال") {
                b.add(&format!("{}ا", c[0]), nisba_entry(c[1]));
            }
        }
        // Nationality adjectives the generated list lacks (see data/SOURCES.md, known gaps).
        for (adj, code) in EXTRA_NISBA {
            b.add(adj, nisba_entry(code));
        }
        counts.push(("nisba.tsv", b.entries.len() - before));

        let before = b.entries.len();
        for line in rows(TITLES) {
            let c: Vec<&str> = line.split('\t').collect();
            let kind = c.get(1).map(|s| s.trim()).unwrap_or("role");
            b.add(
                c[0],
                Entry {
                    kind: Kind::Title { honorific: kind == "honorific", head: kind == "head" },
                    etype: EntityType::Person,
                    canonical: c[0].to_string(),
                    english: None,
                    country: None,
                    ident: String::new(),
                    needs_cue: false,
                    origin: Origin::Curated,
                    capital: false,
                },
            );
        }
        counts.push(("titles.tsv", b.entries.len() - before));

        let mut given = HashMap::new();
        for line in rows(GIVEN) {
            let (name, amb) = strip_cue(line.trim());
            given.insert(fold(name, Fold::Orthographic), amb);
        }

        let mut groups = Vec::with_capacity(b.keys.len());
        let mut mb = MapBuilder::memory();
        for (k, v) in &b.keys {
            mb.insert(k.as_bytes(), groups.len() as u64).expect("sorted keys");
            groups.push(v.clone());
        }
        let bytes = mb.into_inner().expect("fst in memory");
        let fst_bytes = bytes.len();
        let map = Map::new(bytes).expect("valid fst");
        let stats = GazetteerStats {
            entries: counts,
            keys: groups.len(),
            fst_bytes,
            given_names: given.len(),
            load_ms: t0.elapsed().as_secs_f64() * 1000.0,
        };
        Gazetteer { map, groups, entries: b.entries, given, stats }
    }

    /// The raw automaton, for incremental walks.
    pub fn fst(&self) -> &Fst<Vec<u8>> {
        self.map.as_fst()
    }

    /// Entries of a group.
    pub fn group(&self, g: usize) -> impl Iterator<Item = (u32, &Entry)> {
        self.groups[g].iter().map(|&i| (i, &self.entries[i as usize]))
    }

    /// The entry group whose key is exactly `key`.
    pub fn lookup(&self, key: &str) -> Option<usize> {
        self.map.get(key).map(|v| v as usize)
    }
}

fn nisba_entry(code: &str) -> Entry {
    Entry {
        kind: Kind::Nisba,
        etype: EntityType::Place,
        canonical: String::new(),
        english: None,
        country: Some(code.to_string()),
        ident: String::new(),
        needs_cue: false,
        origin: Origin::Country,
        capital: false,
    }
}

/// Irregular nationality adjectives no generated source gives (listed as gaps in data/SOURCES.md).
const EXTRA_NISBA: &[(&str, &str)] = &[
    ("البريطاني", "GB"),
    ("البريطانية", "GB"),
    ("البريطانيين", "GB"),
    ("البريطانيون", "GB"),
    ("بريطاني", "GB"),
    ("بريطانية", "GB"),
    ("بريطانيين", "GB"),
    ("الأمريكيين", "US"),
    ("الأميركيين", "US"),
    ("الأمريكيون", "US"),
    ("الأميركيون", "US"),
    ("الفلسطيني", "PS"),
    ("الفلسطينية", "PS"),
    ("الفلسطينيين", "PS"),
    ("الفلسطينيون", "PS"),
    ("فلسطيني", "PS"),
    ("فلسطينية", "PS"),
    ("فلسطينيين", "PS"),
    ("فلسطينيا", "PS"),
    ("الصهيوني", "IL"),
    ("الصهيونية", "IL"),
    ("العبري", "IL"),
    ("العبرية", "IL"),
    ("الكوري الجنوبي", "KR"),
    ("الكورية الجنوبية", "KR"),
    ("الكوري الشمالي", "KP"),
    ("الكورية الشمالية", "KP"),
];

/// Incremental walk over the automaton, one token at a time.
#[derive(Clone, Copy)]
pub(crate) struct Walk {
    addr: usize,
    out: Output,
}

impl Walk {
    pub fn start(fst: &Fst<Vec<u8>>) -> Walk {
        Walk { addr: fst.root().addr(), out: Output::zero() }
    }

    /// Feeds bytes; `None` when no key continues this way.
    pub fn feed(self, fst: &Fst<Vec<u8>>, bytes: &[u8]) -> Option<Walk> {
        let mut node = fst.node(self.addr);
        let mut out = self.out;
        for &b in bytes {
            let i = node.find_input(b)?;
            let t = node.transition(i);
            out = out.cat(t.out);
            node = fst.node(t.addr);
        }
        Some(Walk { addr: node.addr(), out })
    }

    /// The value when the walk so far is a whole key.
    pub fn value(self, fst: &Fst<Vec<u8>>) -> Option<usize> {
        let node = fst.node(self.addr);
        node.is_final().then(|| self.out.cat(node.final_output()).value() as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn types(name: &str) -> Vec<(EntityType, Kind, String)> {
        let g = gazetteer();
        g.lookup(&name_key(name))
            .map(|i| g.group(i).map(|(_, e)| (e.etype, e.kind, e.canonical.clone())).collect())
            .unwrap_or_default()
    }

    #[test]
    fn loads_every_list() {
        let s = gazetteer_stats();
        assert!(s.keys > 4000, "{s:?}");
        assert!(s.entries.iter().all(|(_, n)| *n > 10), "{s:?}");
        assert!(s.given_names > 100);
    }

    #[test]
    fn knows_countries_cities_outlets_and_titles() {
        assert!(types("قطر").iter().any(|(t, k, _)| *t == EntityType::Place && *k == Kind::Name));
        assert!(types("الدوحة").iter().any(|(t, _, _)| *t == EntityType::Place));
        assert!(types("وكالة الأنباء الفلسطينية وفا").iter().any(|(t, _, _)| *t == EntityType::Outlet));
        assert!(types("Face the Nation").iter().any(|(t, _, _)| *t == EntityType::Outlet));
        assert!(types("القطري").iter().any(|(_, k, _)| *k == Kind::Nisba));
        assert!(types("رئيس الوزراء").iter().any(|(_, k, _)| matches!(k, Kind::Title { .. })));
        // Groupings are bodies, not places.
        assert!(types("الأمم المتحدة").iter().all(|(t, _, _)| *t == EntityType::Org));
        // Common words are not cities.
        assert!(types("أمان").is_empty());
    }

    #[test]
    fn keys_fold_letters_and_latin_case() {
        assert_eq!(name_key("الأُمم  المتحدة"), "الامم المتحده");
        assert_eq!(name_key("Face the Nation"), "face the nation");
        assert_eq!(name_key("كان 11"), "كان 11");
    }

    #[test]
    fn walk_finds_prefixes_and_keys() {
        let g = gazetteer();
        let w = Walk::start(g.fst()).feed(g.fst(), name_key("قطاع").as_bytes()).unwrap();
        assert!(w.value(g.fst()).is_none());
        let w = w.feed(g.fst(), " غزه".as_bytes()).unwrap();
        assert!(w.value(g.fst()).is_some());
    }
}
