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

use crfsuite::Attribute;
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
const NGAZ: usize = GAZ_NAMES.len();

struct Gazetteers {
    /// Folded phrase (tokens joined by a space) → bit set of its categories.
    map: HashMap<String, u16>,
    max_len: usize,
}

fn add_name(name: &str, set: &mut HashSet<String>, max_len: &mut usize) {
    let toks: Vec<String> = name.split_whitespace().map(norm).filter(|t| !t.is_empty()).collect();
    if toks.is_empty() || toks.len() > 5 {
        return;
    }
    *max_len = (*max_len).max(toks.len());
    set.insert(toks.join(" "));
}

/// Adds column `col` of every row (and, with `aliases`, the `|`-separated names of column 3).
fn load_column(tsv: &str, col: usize, aliases: bool, set: &mut HashSet<String>, max_len: &mut usize) {
    for line in tsv.lines() {
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if let Some(name) = cols.get(col) {
            add_name(name.trim_start_matches(['~', '+']), set, max_len);
        }
        if aliases {
            for a in cols.get(3).map(|c| c.split('|')).into_iter().flatten() {
                add_name(a.trim_start_matches(['~', '+']), set, max_len);
            }
        }
    }
}

static GAZ: LazyLock<Gazetteers> = LazyLock::new(|| {
    let mut sets: [HashSet<String>; NGAZ] = Default::default();
    let mut m = 1;
    load_column(COUNTRIES, 1, false, &mut sets[0], &mut m);
    load_column(CITIES, 1, false, &mut sets[1], &mut m);
    load_column(NISBA, 0, false, &mut sets[2], &mut m);
    let (plain, ambiguous): (Vec<&str>, Vec<&str>) =
        GIVEN.lines().filter(|l| !l.starts_with('#')).partition(|l| !l.starts_with('~'));
    load_column(&plain.join("\n"), 0, false, &mut sets[3], &mut m);
    load_column(&ambiguous.join("\n"), 0, false, &mut sets[4], &mut m);
    load_column(TITLES, 0, false, &mut sets[5], &mut m);
    load_column(PEOPLE, 0, true, &mut sets[6], &mut m);
    load_column(ORGS, 0, true, &mut sets[7], &mut m);
    load_column(PLACES, 0, true, &mut sets[8], &mut m);
    let mut map: HashMap<String, u16> = HashMap::new();
    for (g, set) in sets.into_iter().enumerate() {
        for phrase in set {
            *map.entry(phrase).or_default() |= 1 << g;
        }
    }
    Gazetteers { map, max_len: m }
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
struct Tok {
    w: String,
    /// Best stem (clitics stripped when that gives a known word).
    stem: String,
    /// The stem without a leading article.
    bare: String,
    clitics: String,
    shape: &'static str,
    gaz: [u8; NGAZ], // 0 none, 1 single/begin, 2 inside
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

fn analyse(tok: &str) -> Tok {
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
    Tok { w, stem, bare, clitics, shape, gaz: [0; NGAZ], cl, z }
}

/// Candidate matching forms of a token for the first word of a gazetteer
/// phrase: itself, its stem, the stem without article.
fn first_forms(t: &Tok) -> [&str; 3] {
    [&t.w, &t.stem, &t.bare]
}

fn mark_gazetteers(toks: &mut [Tok]) {
    let gaz = &*GAZ;
    let n = toks.len();
    let mut phrase = String::new();
    for i in 0..n {
        if toks[i].shape != "ar" {
            continue;
        }
        // Longest match per category: lengths are tried longest first.
        let mut matched = [0usize; NGAZ];
        let mut seen: u16 = 0;
        for len in (1..=gaz.max_len.min(n - i)).rev() {
            for first in first_forms(&toks[i]) {
                phrase.clear();
                phrase.push_str(first);
                for t in &toks[i + 1..i + len] {
                    phrase.push(' ');
                    phrase.push_str(&t.w);
                }
                if let Some(&mask) = gaz.map.get(phrase.as_str()) {
                    for (g, m) in matched.iter_mut().enumerate() {
                        if mask & (1 << g) != 0 && seen & (1 << g) == 0 {
                            *m = len;
                        }
                    }
                    seen |= mask;
                }
            }
        }
        for (g, &len) in matched.iter().enumerate() {
            if len > 0 {
                if toks[i].gaz[g] == 0 {
                    toks[i].gaz[g] = 1;
                }
                for t in &mut toks[i + 1..i + len] {
                    t.gaz[g] = 2;
                }
            }
        }
    }
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

/// Attribute names for every token of a sentence (as strings, for training dumps and tests).
pub fn sentence_features(tokens: &[&str]) -> Vec<Vec<String>> {
    let mut toks: Vec<Tok> = tokens.iter().map(|t| analyse(t)).collect();
    mark_gazetteers(&mut toks);
    let n = toks.len();
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let t = &toks[i];
        let mut f: Vec<String> = Vec::with_capacity(48);
        f.push("bias".into());
        f.push(format!("w={}", t.w));
        f.push(format!("st={}", t.stem));
        f.push(format!("bs={}", t.bare));
        if !t.clitics.is_empty() {
            f.push(format!("cl={}", t.clitics));
        }
        f.push(format!("sh={}", t.shape));
        if t.shape == "ar" {
            f.push(format!("ln={}", len_band(&t.bare)));
            f.push(format!("z={}", t.z.0));
            f.push(format!("zs={}", t.z.1));
            f.push(format!("p2={}", prefix(&t.bare, 2)));
            f.push(format!("p3={}", prefix(&t.bare, 3)));
            f.push(format!("s1={}", suffix(&t.bare, 1)));
            f.push(format!("s2={}", suffix(&t.bare, 2)));
            f.push(format!("s3={}", suffix(&t.bare, 3)));
            if t.w.starts_with("ال") {
                f.push("al".into());
            }
        }
        match t.cl {
            Some((a, b)) => {
                f.push(format!("c1={a}"));
                f.push(format!("c2={b}"));
            }
            None => f.push("c=none".into()),
        }
        for (g, name) in GAZ_NAMES.iter().enumerate() {
            match t.gaz[g] {
                1 => f.push(format!("g={name}")),
                2 => f.push(format!("gi={name}")),
                _ => {}
            }
        }
        for d in [-2isize, -1, 1, 2] {
            let j = i as isize + d;
            if j < 0 {
                f.push(format!("w[{d}]=BOS"));
                continue;
            }
            if j as usize >= n {
                f.push(format!("w[{d}]=EOS"));
                continue;
            }
            let u = &toks[j as usize];
            f.push(format!("w[{d}]={}", u.w));
            if d.abs() == 1 {
                f.push(format!("st[{d}]={}", u.stem));
                f.push(format!("sh[{d}]={}", u.shape));
                if let Some((a, b)) = u.cl {
                    f.push(format!("c1[{d}]={a}"));
                    f.push(format!("c2[{d}]={b}"));
                }
                if u.shape == "ar" {
                    f.push(format!("s2[{d}]={}", suffix(&u.bare, 2)));
                    f.push(format!("z[{d}]={}", u.z.0));
                }
                for (g, name) in GAZ_NAMES.iter().enumerate() {
                    if u.gaz[g] != 0 {
                        f.push(format!("g[{d}]={name}"));
                    }
                }
            }
        }
        if i > 0 {
            f.push(format!("w[-1]|w={}|{}", toks[i - 1].w, t.w));
        }
        if i + 1 < n {
            f.push(format!("w|w[1]={}|{}", t.w, toks[i + 1].w));
        }
        for s in &mut f {
            if s.contains('\0') {
                *s = s.replace('\0', "");
            }
        }
        out.push(f);
    }
    out
}

/// Fills `items[..tokens.len()]` with the CRF items of a sentence, reusing allocations.
pub fn sentence_items(tokens: &[&str], items: &mut Vec<Vec<Attribute>>) {
    let feats = sentence_features(tokens);
    if items.len() < feats.len() {
        items.resize_with(feats.len(), Vec::new);
    }
    for (item, f) in items.iter_mut().zip(feats) {
        item.clear();
        item.extend(f.into_iter().map(|name| Attribute { name, value: 1.0 }));
    }
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
