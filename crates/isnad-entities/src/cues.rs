//! The recogniser's cue word lists, compiled in from `data/cues/entities/` and parsed once on first use.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::gazetteer::rows;

static BODY_HEADS: &str = include_str!("../../../data/cues/entities/body_heads.tsv");
static EPITHETS: &str = include_str!("../../../data/cues/entities/epithets.tsv");
static GOVERNMENT_VERBS: &str = include_str!("../../../data/cues/entities/government_verbs.tsv");
static MENTION_CUES: &str = include_str!("../../../data/cues/entities/mention_cues.tsv");
static NAME_HEADS: &str = include_str!("../../../data/cues/entities/name_heads.tsv");
static NAME_PARTS: &str = include_str!("../../../data/cues/entities/name_parts.tsv");
static NAME_STOP: &str = include_str!("../../../data/cues/entities/name_stop.tsv");
static ROLE_LINKS: &str = include_str!("../../../data/cues/entities/role_links.tsv");
static TAGGER_SUPPORT: &str = include_str!("../../../data/cues/entities/tagger_support.tsv");

/// A set of cue words in their `Fold::Letters` form, matched against token keys.
pub(crate) type Words = HashSet<&'static str>;

/// The recogniser's cue lists.
pub(crate) struct Cues {
    /// Words that announce an outlet's name (`صحيفة "…"`).
    pub outlet: Words,
    /// Words that announce an organisation's name (`حركة فتح`).
    pub org: Words,
    /// Words after a programme's title that put it on a channel (`برنامج … على شبكة …`).
    pub on_air: Words,
    /// Function words and frequent verbs that never belong to a name.
    pub stop: Words,
    /// Name connectors after which the next word belongs to the name.
    pub connectors: Words,
    /// Latin initials spelled out in Arabic letters.
    pub initials: Words,
    /// Words joining a role to its complement (`سفير … لدى`, `المتحدث باسم`).
    pub role_links: Words,
    /// Verbs (third person feminine) after or before a capital that stands for its government.
    pub gov_verbs: Words,
    /// Two-word heads of a body of an organisation (`المكتب السياسي لحماس`), in file order.
    pub body_heads: Vec<[&'static str; 2]>,
    /// Words before a person that make an organisation (`إدارة بايدن`, `حكومة نتنياهو`).
    pub person_body_heads: Words,
    /// Support for an organisation candidate from a tagger.
    pub org_heads: Words,
    /// Support for a place candidate from a tagger.
    pub place_heads: Words,
    /// Indefinite heads that name an organisation with what follows (`وزارة الداخلية`).
    pub org_name_heads: Words,
    /// Indefinite heads that name a place with what follows (`محافظة صعدة`).
    pub place_name_heads: Words,
    /// Heads of administrative units that name the place itself (`محافظة صعدة`).
    pub admin_place_heads: Words,
    /// Heads of another common sense too (`حركة`, `ولاية`): the complement must be rare.
    pub weak_name_heads: Words,
    /// Definite adjectives without a nisba ending that belong to a name (`العليا`).
    pub name_adjectives: Words,
    /// Words before `الاحتلال` that show an article uses the epithet (`دولة الاحتلال`).
    pub epithet_heads: Words,
    /// Words after `الاحتلال` that make it the common noun (`الاحتلال الكامل`).
    pub epithet_not_after: Words,
    /// Words before `الاحتلال` that make it the common noun (`إنهاء الاحتلال`).
    pub epithet_not_before: Words,
}

static CUES: LazyLock<Cues> = LazyLock::new(Cues::load);

/// The bundled cue lists, parsed on first use.
pub(crate) fn cues() -> &'static Cues {
    &CUES
}

/// The entries of a one-column cue file, in file order.
fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    rows(text).map(str::trim)
}

/// The entries of list `name` in a `<list> TAB <entry>` cue file, in file order.
fn list(text: &'static str, name: &str) -> Vec<&'static str> {
    rows(text).filter_map(|l| l.split_once('\t')).filter(|(k, _)| *k == name).map(|(_, v)| v.trim()).collect()
}

fn set(text: &'static str, name: &str) -> Words {
    list(text, name).into_iter().collect()
}

impl Cues {
    fn load() -> Cues {
        Cues {
            outlet: set(MENTION_CUES, "outlet"),
            org: set(MENTION_CUES, "org"),
            on_air: set(MENTION_CUES, "on_air"),
            stop: entries(NAME_STOP).collect(),
            connectors: set(NAME_PARTS, "connector"),
            initials: set(NAME_PARTS, "initial"),
            role_links: entries(ROLE_LINKS).collect(),
            gov_verbs: entries(GOVERNMENT_VERBS).collect(),
            body_heads: list(BODY_HEADS, "body")
                .into_iter()
                .map(|e| {
                    let (a, b) = e.split_once(' ').expect("body_heads.tsv: a body head is two words");
                    [a, b]
                })
                .collect(),
            person_body_heads: set(BODY_HEADS, "person"),
            org_heads: set(TAGGER_SUPPORT, "org"),
            place_heads: set(TAGGER_SUPPORT, "place"),
            org_name_heads: set(NAME_HEADS, "org").union(&set(NAME_HEADS, "weak_org")).copied().collect(),
            place_name_heads: set(NAME_HEADS, "place")
                .union(&set(NAME_HEADS, "weak_place"))
                .chain(&set(NAME_HEADS, "admin_place"))
                .copied()
                .collect(),
            admin_place_heads: set(NAME_HEADS, "admin_place"),
            weak_name_heads: set(NAME_HEADS, "weak_org").union(&set(NAME_HEADS, "weak_place")).copied().collect(),
            name_adjectives: set(NAME_HEADS, "adjective"),
            epithet_heads: set(EPITHETS, "head"),
            epithet_not_after: set(EPITHETS, "not_after"),
            epithet_not_before: set(EPITHETS, "not_before"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_text::analysis::is_folded_entry;

    /// Every cue file: its name, text and list names (none for a one-column file).
    const FILES: &[(&str, &str, &[&str])] = &[
        ("body_heads.tsv", BODY_HEADS, &["body", "person"]),
        ("epithets.tsv", EPITHETS, &["head", "not_after", "not_before"]),
        ("government_verbs.tsv", GOVERNMENT_VERBS, &[]),
        ("mention_cues.tsv", MENTION_CUES, &["outlet", "org", "on_air"]),
        ("name_heads.tsv", NAME_HEADS, &["org", "place", "admin_place", "weak_org", "weak_place", "adjective"]),
        ("name_parts.tsv", NAME_PARTS, &["connector", "initial"]),
        ("name_stop.tsv", NAME_STOP, &[]),
        ("role_links.tsv", ROLE_LINKS, &[]),
        ("tagger_support.tsv", TAGGER_SUPPORT, &["org", "place"]),
    ];

    /// Every row of every cue file: (file, list, entry).
    fn all_rows() -> Vec<(&'static str, &'static str, &'static str)> {
        let mut out = Vec::new();
        for &(file, text, lists) in FILES {
            for row in rows(text) {
                let (list, entry) = if lists.is_empty() {
                    assert!(!row.contains('\t'), "{file}: one entry per line, got {row:?}");
                    ("", row.trim())
                } else {
                    let (k, v) = row.split_once('\t').unwrap_or_else(|| panic!("{file}: no list name in {row:?}"));
                    assert!(lists.contains(&k), "{file}: unknown list {k:?}");
                    (k, v.trim())
                };
                assert!(!entry.is_empty(), "{file}: empty entry");
                out.push((file, list, entry));
            }
        }
        out
    }

    #[test]
    fn every_entry_is_folded() {
        let bad: Vec<_> = all_rows().into_iter().filter(|(_, _, e)| !is_folded_entry(e)).collect();
        assert!(bad.is_empty(), "entries not in their Fold::Letters form: {bad:?}");
    }

    #[test]
    fn no_duplicates_and_every_list_loads() {
        let rows = all_rows();
        let mut seen = HashSet::new();
        for r in &rows {
            assert!(seen.insert(*r), "duplicate entry {r:?}");
        }
        for &(file, _, lists) in FILES {
            for l in lists {
                assert!(rows.iter().any(|(f, k, _)| *f == file && k == l), "{file}: list {l} is empty");
            }
        }
        let c = cues();
        assert_eq!(c.outlet.len(), 15);
        assert_eq!(c.body_heads.len(), 6);
        assert!(c.body_heads.contains(&["المكتب", "السياسي"]));
        assert!(c.stop.contains("في") && c.connectors.contains("بن") && c.gov_verbs.contains("تؤكد"));
    }
}
