//! Token features for the CRF.
//!
//! Per token: the lossy matching form (`fold(.., Letters)`), the best
//! clitic-stripped stem (from `isnad_text::tokens::analyses`), affixes,
//! shape and length, word-list frequency band, gazetteer flags (countries,
//! cities, nationality adjectives, curated given names, titles, people,
//! organisations, places; multi-token matches marked B/I), word
//! clusters learned from unlabeled news ([`crate::clusters`]) and a
//! context window of ±2 words with neighbours' stems, affixes and flags.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use std::fmt::{self, Write as _};

use crate::crf::CrfModel;
use isnad_text::fold::{fold, is_arabic_letter, Fold};
use isnad_text::lexicon::words;
use isnad_text::tokens::analyses;

use crate::clusters::cluster;
use crate::conll::is_invisible;

static COUNTRIES: &str = include_str!("../../../data/gazetteers/countries.tsv");
static CITIES: &str = include_str!("../../../data/gazetteers/cities.tsv");
static NISBA: &str = include_str!("../../../data/gazetteers/nisba.tsv");
static GIVEN: &str = include_str!("../../../data/gazetteers/given_names.tsv");
static TITLES: &str = include_str!("../../../data/gazetteers/titles.tsv");
static PEOPLE: &str = include_str!("../../../data/gazetteers/people.tsv");
static ORGS: &str = include_str!("../../../data/gazetteers/organizations.tsv");
static PLACES: &str = include_str!("../../../data/gazetteers/places.tsv");

/// Gazetteer categories (index into the flag arrays).
const GAZ_NAMES: [&str; 9] = ["ctry", "city", "nis", "given", "given~", "title", "ppl", "org", "place"];
pub(crate) const NGAZ: usize = GAZ_NAMES.len();

struct Gazetteers {
    /// Folded phrase (tokens joined by a space) → bit set of its categories.
    map: HashMap<String, u16>,
    /// First word of a phrase → longest phrase (in words) starting with it.
    first: HashMap<String, u8>,
}

fn add_name(name: &str, set: &mut HashSet<String>) {
    let toks: Vec<String> = name.split_whitespace().map(norm).filter(|t| !t.is_empty()).collect();
    if toks.is_empty() || toks.len() > 5 {
        return;
    }
    set.insert(toks.join(" "));
}

/// Adds column `col` of every row (and, with `aliases`, the `|`-separated names of column 3).
fn load_column(tsv: &str, col: usize, aliases: bool, set: &mut HashSet<String>) {
    for line in tsv.lines() {
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if let Some(name) = cols.get(col) {
            add_name(name.trim_start_matches(['~', '+']), set);
        }
        if aliases {
            for a in cols.get(3).map(|c| c.split('|')).into_iter().flatten() {
                add_name(a.trim_start_matches(['~', '+']), set);
            }
        }
    }
}

static GAZ: LazyLock<Gazetteers> = LazyLock::new(|| {
    let mut sets: [HashSet<String>; NGAZ] = Default::default();
    load_column(COUNTRIES, 1, false, &mut sets[0]);
    load_column(CITIES, 1, false, &mut sets[1]);
    load_column(NISBA, 0, false, &mut sets[2]);
    let (plain, ambiguous): (Vec<&str>, Vec<&str>) =
        GIVEN.lines().filter(|l| !l.starts_with('#')).partition(|l| !l.starts_with('~'));
    load_column(&plain.join("\n"), 0, false, &mut sets[3]);
    load_column(&ambiguous.join("\n"), 0, false, &mut sets[4]);
    load_column(TITLES, 0, false, &mut sets[5]);
    load_column(PEOPLE, 0, true, &mut sets[6]);
    load_column(ORGS, 0, true, &mut sets[7]);
    load_column(PLACES, 0, true, &mut sets[8]);
    let mut map: HashMap<String, u16> = HashMap::new();
    for (g, set) in sets.into_iter().enumerate() {
        for phrase in set {
            *map.entry(phrase).or_default() |= 1 << g;
        }
    }
    let mut first: HashMap<String, u8> = HashMap::new();
    for phrase in map.keys() {
        let len = phrase.split(' ').count() as u8;
        let e = first.entry(phrase.split(' ').next().unwrap_or_default().to_string()).or_default();
        *e = (*e).max(len);
    }
    Gazetteers { map, first }
});

/// The matching form used for features: invisible chars dropped, lossy letter fold.
pub fn norm(tok: &str) -> String {
    if tok.chars().any(is_invisible) {
        let clean: String = tok.chars().filter(|&c| !is_invisible(c)).collect();
        fold(&clean, Fold::Letters)
    } else {
        fold(tok, Fold::Letters)
    }
}

/// Per-token facts computed once and shared by the window features.
pub(crate) struct Tok {
    w: String,
    /// Best stem (clitics stripped when that gives a known word).
    stem: String,
    /// The stem without a leading article.
    bare: String,
    clitics: String,
    shape: &'static str,
    /// Word-list frequency bands of the word and of the stem.
    z: (&'static str, &'static str),
    /// Word clusters (coarse, fine) of the word, else of its stem.
    cl: Option<(u16, u16)>,
}

fn shape(w: &str) -> &'static str {
    let mut ar = false;
    let mut lat = false;
    let mut dig = false;
    let mut other = false;
    for c in w.chars() {
        if is_arabic_letter(c) {
            ar = true;
        } else if c.is_ascii_digit() {
            dig = true;
        } else if c.is_alphabetic() {
            lat = true;
        } else {
            other = true;
        }
    }
    match (ar, lat, dig, other) {
        (true, false, false, false) => "ar",
        (false, true, false, false) => {
            if w.chars().next().is_some_and(|c| c.is_uppercase()) {
                "Lat"
            } else {
                "lat"
            }
        }
        (false, false, true, _) => "num",
        (false, false, false, true) => "punct",
        (false, false, false, false) => "empty",
        _ => "mixed",
    }
}

pub(crate) fn analyse(tok: &str) -> Tok {
    let w = norm(tok);
    let shape = shape(&w);
    let (mut stem, mut clitics) = (w.clone(), String::new());
    if shape == "ar" && w.chars().count() <= 40 {
        let an = analyses(&w);
        let bare_known = an.first().is_some_and(|a| a.known);
        if !bare_known {
            // Prefer the analysis stripping the most clitics whose stem is known.
            if let Some(a) = an.iter().skip(1).filter(|a| a.known).max_by_key(|a| a.clitics.len()) {
                stem = a.stem.clone();
                clitics = a.clitics.iter().map(|c| c.as_str()).collect::<Vec<_>>().join("+");
            }
        }
    }
    let bare = stem.strip_prefix("ال").filter(|s| s.chars().count() >= 2).unwrap_or(&stem).to_string();
    let cl = cluster(&w).or_else(|| cluster(&stem));
    let z = if shape == "ar" { (zipf_band(&w), zipf_band(&stem)) } else { ("", "") };
    Tok { w, stem, bare, clitics, shape, cl, z }
}

/// Gazetteer flags per category (0 none, 1 single/begin, 2 inside) of every
/// token of a sentence. A token starts a phrase when its form, its stem or its
/// stem without article (the following words: their forms) is listed; the
/// longest match per category wins.
pub(crate) fn gazetteer_flags(toks: &[&Tok]) -> Vec<[u8; NGAZ]> {
    let gaz = &*GAZ;
    let n = toks.len();
    let mut flags = vec![[0u8; NGAZ]; n];
    let mut phrase = String::new();
    for i in 0..n {
        if toks[i].shape != "ar" {
            continue;
        }
        let mut matched = [0usize; NGAZ];
        let t = toks[i];
        let forms = [t.w.as_str(), t.stem.as_str(), t.bare.as_str()];
        for (k, first) in forms.iter().enumerate() {
            if forms[..k].contains(first) {
                continue;
            }
            let Some(&longest) = gaz.first.get(*first) else { continue };
            for len in 1..=(longest as usize).min(n - i) {
                phrase.clear();
                phrase.push_str(first);
                for u in &toks[i + 1..i + len] {
                    phrase.push(' ');
                    phrase.push_str(&u.w);
                }
                if let Some(&mask) = gaz.map.get(phrase.as_str()) {
                    for (g, m) in matched.iter_mut().enumerate() {
                        if mask & (1 << g) != 0 {
                            *m = (*m).max(len);
                        }
                    }
                }
            }
        }
        for (g, &len) in matched.iter().enumerate() {
            if len > 0 {
                if flags[i][g] == 0 {
                    flags[i][g] = 1;
                }
                for fl in &mut flags[i + 1..i + len] {
                    fl[g] = 2;
                }
            }
        }
    }
    flags
}

fn zipf_band(w: &str) -> &'static str {
    match words().zipf(w) {
        None => "none",
        Some(z) if z < 200 => "1",
        Some(z) if z < 300 => "2",
        Some(z) if z < 400 => "3",
        Some(z) if z < 500 => "4",
        Some(_) => "5",
    }
}

fn len_band(w: &str) -> &'static str {
    match w.chars().count() {
        0..=2 => "s",
        3..=4 => "m",
        5..=7 => "l",
        _ => "xl",
    }
}

fn prefix(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn suffix(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    match s.char_indices().nth(count - n) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// Receives the attributes of a token.
pub(crate) trait Sink {
    /// One attribute (NUL characters are dropped from its name).
    fn attr(&mut self, a: fmt::Arguments<'_>);
}

/// Collects attribute names as strings (training, tests).
struct Collect(Vec<String>);

impl Sink for Collect {
    fn attr(&mut self, a: fmt::Arguments<'_>) {
        let mut s = match a.as_str() {
            Some(s) => s.to_string(),
            None => fmt::format(a),
        };
        if s.contains('\0') {
            s = s.replace('\0', "");
        }
        self.0.push(s);
    }
}

/// Sums the model's state weights of the attributes into a score row (tagging).
pub(crate) struct Score<'a> {
    pub model: &'a CrfModel,
    pub row: &'a mut [f64],
    pub buf: &'a mut String,
}

impl Sink for Score<'_> {
    #[inline]
    fn attr(&mut self, a: fmt::Arguments<'_>) {
        let name = match a.as_str() {
            Some(s) if !s.contains('\0') => s,
            _ => {
                self.buf.clear();
                let _ = self.buf.write_fmt(a);
                if self.buf.contains('\0') {
                    self.buf.retain(|c| c != '\0');
                }
                self.buf.as_str()
            }
        };
        self.model.add_attr(name, self.row);
    }
}

/// Attributes of a token that depend on the token alone.
pub(crate) fn own_feats(t: &Tok, f: &mut impl Sink) {
    f.attr(format_args!("bias"));
    f.attr(format_args!("w={}", t.w));
    f.attr(format_args!("st={}", t.stem));
    f.attr(format_args!("bs={}", t.bare));
    if !t.clitics.is_empty() {
        f.attr(format_args!("cl={}", t.clitics));
    }
    f.attr(format_args!("sh={}", t.shape));
    if t.shape == "ar" {
        f.attr(format_args!("ln={}", len_band(&t.bare)));
        f.attr(format_args!("z={}", t.z.0));
        f.attr(format_args!("zs={}", t.z.1));
        f.attr(format_args!("p2={}", prefix(&t.bare, 2)));
        f.attr(format_args!("p3={}", prefix(&t.bare, 3)));
        f.attr(format_args!("s1={}", suffix(&t.bare, 1)));
        f.attr(format_args!("s2={}", suffix(&t.bare, 2)));
        f.attr(format_args!("s3={}", suffix(&t.bare, 3)));
        if t.w.starts_with("ال") {
            f.attr(format_args!("al"));
        }
    }
    match t.cl {
        Some((a, b)) => {
            f.attr(format_args!("c1={a}"));
            f.attr(format_args!("c2={b}"));
        }
        None => f.attr(format_args!("c=none")),
    }
}

/// The gazetteer attribute of category `g` with flag `flag` (1 begin, 2 inside).
pub(crate) fn gaz_feat(g: usize, flag: u8, f: &mut impl Sink) {
    match flag {
        1 => f.attr(format_args!("g={}", GAZ_NAMES[g])),
        2 => f.attr(format_args!("gi={}", GAZ_NAMES[g])),
        _ => {}
    }
}

/// Attributes describing the neighbour `u` at offset `d` (its gazetteer flags aside).
pub(crate) fn nb_feats(u: &Tok, d: isize, f: &mut impl Sink) {
    f.attr(format_args!("w[{d}]={}", u.w));
    if d.abs() == 1 {
        f.attr(format_args!("st[{d}]={}", u.stem));
        f.attr(format_args!("sh[{d}]={}", u.shape));
        if let Some((a, b)) = u.cl {
            f.attr(format_args!("c1[{d}]={a}"));
            f.attr(format_args!("c2[{d}]={b}"));
        }
        if u.shape == "ar" {
            f.attr(format_args!("s2[{d}]={}", suffix(&u.bare, 2)));
            f.attr(format_args!("z[{d}]={}", u.z.0));
        }
    }
}

/// The gazetteer attribute of category `g` at neighbour offset `d` (±1).
pub(crate) fn nb_gaz_feat(g: usize, d: isize, f: &mut impl Sink) {
    f.attr(format_args!("g[{d}]={}", GAZ_NAMES[g]));
}

/// The attribute of a neighbour offset `d` beyond the sentence.
pub(crate) fn boundary_feat(d: isize, f: &mut impl Sink) {
    if d < 0 {
        f.attr(format_args!("w[{d}]=BOS"));
    } else {
        f.attr(format_args!("w[{d}]=EOS"));
    }
}

/// Word-pair attributes with the previous and next token.
pub(crate) fn pair_feats(prev: Option<&Tok>, t: &Tok, next: Option<&Tok>, f: &mut impl Sink) {
    if let Some(p) = prev {
        f.attr(format_args!("w[-1]|w={}|{}", p.w, t.w));
    }
    if let Some(n) = next {
        f.attr(format_args!("w|w[1]={}|{}", t.w, n.w));
    }
}

/// Neighbour offsets of the context window.
pub(crate) const WINDOW: [isize; 4] = [-2, -1, 1, 2];

/// Attribute names for every token of a sentence (as strings, for training and tests).
pub fn sentence_features(tokens: &[&str]) -> Vec<Vec<String>> {
    let toks: Vec<Tok> = tokens.iter().map(|t| analyse(t)).collect();
    let refs: Vec<&Tok> = toks.iter().collect();
    let gaz = gazetteer_flags(&refs);
    let n = toks.len();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let t = &toks[i];
        let mut f = Collect(Vec::with_capacity(48));
        own_feats(t, &mut f);
        for (g, &flag) in gaz[i].iter().enumerate() {
            gaz_feat(g, flag, &mut f);
        }
        for d in WINDOW {
            let j = i as isize + d;
            if j < 0 || j as usize >= n {
                boundary_feat(d, &mut f);
                continue;
            }
            let j = j as usize;
            nb_feats(&toks[j], d, &mut f);
            if d.abs() == 1 {
                for (g, &flag) in gaz[j].iter().enumerate() {
                    if flag != 0 {
                        nb_gaz_feat(g, d, &mut f);
                    }
                }
            }
        }
        pair_feats(i.checked_sub(1).map(|p| &toks[p]), t, toks.get(i + 1), &mut f);
        out.push(f.0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_and_stem_features() {
        let f = sentence_features(&["وصل", "إلى", "بغداد", "من", "الولايات", "المتحدة"]);
        assert!(f[2].iter().any(|s| s == "g=city"), "{:?}", f[2]);
        assert!(f[4].iter().any(|s| s == "g=ctry"), "{:?}", f[4]);
        assert!(f[5].iter().any(|s| s == "gi=ctry"), "{:?}", f[5]);
        let f = sentence_features(&["\u{200E}بغداد"]);
        assert!(f[0].iter().any(|s| s == "w=بغداد"), "{:?}", f[0]);
    }

    #[test]
    fn affixes_are_char_safe() {
        assert_eq!(prefix("ابc", 2), "اب");
        assert_eq!(suffix("ابc", 2), "بc");
        assert_eq!(suffix("a", 3), "a");
    }
}
