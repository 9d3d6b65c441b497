//! Identity across documents: a phonetic key for transliteration variants
//! and a merge decision with its reason, for the store to use.

use isnad_model::{Entity, EntityType};
use isnad_text::fold::{fold, Fold};

/// A normalized phonetic key of a name, equal for common transliteration
/// variants (`دافيد برنيع` / `ديفيد بارنيا`, `ماكغورك` / `مكجورك`).
///
/// Per word: letters folded (`Fold::Letters`), the article and long vowels
/// (ا و ي ى) dropped except word-initially, ع ء ئ ؤ dropped, and letters
/// that transliterations confuse merged (ت ط → t, د ض → d, س ص ث → s,
/// ز ذ ظ → z, ق ك → k, غ ج ڠ گ → g, ح ه ة خ → h, ف ڤ → f, ب پ → b).
/// Latin letters are lower-cased and their vowels dropped after the first
/// letter. Words are joined by one space.
pub fn phonetic_key(name: &str) -> String {
    let mut words = Vec::new();
    for w in fold(name, Fold::Letters).split(|c: char| !c.is_alphanumeric()) {
        let w = w.strip_prefix("ال").filter(|r| r.chars().count() >= 2).unwrap_or(w);
        let mut out = String::new();
        for (i, c) in w.chars().enumerate() {
            let m = match c {
                'ا' | 'و' | 'ي' | 'ى' if i > 0 => continue,
                'ا' | 'و' | 'ي' | 'ى' => 'a',
                'ع' | 'ء' | 'ئ' | 'ؤ' => continue,
                'ت' | 'ط' => 't',
                'د' | 'ض' => 'd',
                'س' | 'ص' | 'ث' => 's',
                'ز' | 'ذ' | 'ظ' => 'z',
                'ق' | 'ك' => 'k',
                'غ' | 'ج' | 'ڠ' | 'گ' => 'g',
                'ح' | 'ه' | 'ة' | 'خ' => 'h',
                'ف' | 'ڤ' => 'f',
                'ب' | 'پ' => 'b',
                'ش' => 'c',
                'ر' => 'r',
                'ل' => 'l',
                'م' => 'm',
                'ن' => 'n',
                c if c.is_ascii_alphabetic() => {
                    let c = c.to_ascii_lowercase();
                    if i > 0 && "aeiouy".contains(c) {
                        continue;
                    }
                    c
                }
                c if c.is_ascii_digit() => c,
                _ => continue,
            };
            // Doubled letters (shadda written out, "mm") count once.
            if out.ends_with(m) && i > 0 {
                continue;
            }
            out.push(m);
        }
        if !out.is_empty() {
            words.push(out);
        }
    }
    words.join(" ")
}

/// Whether two entity records are the same real-world entity, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeDecision {
    /// True when the records should be merged.
    pub merge: bool,
    /// The rule that decided, in words (`"same id"`, `"phonetic key"`, …).
    pub reason: String,
}

fn decide(merge: bool, reason: &str) -> MergeDecision {
    MergeDecision { merge, reason: reason.to_string() }
}

/// Decides whether two entities (typically from different documents) are one.
///
/// Rules, in order: different types never merge; the same id merges; the
/// same English name merges; different countries never merge; equal
/// phonetic keys of the canonical names (or of any two name forms of
/// people, of two words or more) merge; a person whose name is the tail of
/// the other's (`نتنياهو` / `بنيامين نتنياهو`) merges only when the short
/// form is one rare-enough word and the keys agree on it; otherwise no.
pub fn merge(a: &Entity, b: &Entity) -> MergeDecision {
    if a.entity_type != b.entity_type {
        return decide(false, "different types");
    }
    if a.id == b.id {
        return decide(true, "same id");
    }
    if let (Some(x), Some(y)) = (&a.english, &b.english) {
        if x.eq_ignore_ascii_case(y) {
            return decide(true, "same English name");
        }
    }
    if let (Some(x), Some(y)) = (&a.country, &b.country) {
        if x != y {
            return decide(false, "different countries");
        }
    }
    let forms = |e: &Entity| -> Vec<String> {
        let mut v = vec![phonetic_key(&e.canonical)];
        for m in e.mentions.iter().filter(|m| !m.role) {
            let k = phonetic_key(&m.surface);
            if !v.contains(&k) {
                v.push(k);
            }
        }
        v
    };
    let (ka, kb) = (phonetic_key(&a.canonical), phonetic_key(&b.canonical));
    if !ka.is_empty() && ka == kb {
        return decide(true, "phonetic key of the canonical names");
    }
    if a.entity_type == EntityType::Person {
        let (fa, fb) = (forms(a), forms(b));
        if fa.iter().any(|x| x.contains(' ') && fb.contains(x)) {
            return decide(true, "phonetic key of a full name form");
        }
        let (long, short) = if ka.len() >= kb.len() { (&ka, &kb) } else { (&kb, &ka) };
        if !short.is_empty() && !short.contains(' ') && long.ends_with(&format!(" {short}")) {
            return decide(true, "surname of the fuller name");
        }
    }
    decide(false, "no shared name form")
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_model::Mention;

    fn person(id: &str, canonical: &str) -> Entity {
        Entity {
            id: id.into(),
            canonical: canonical.into(),
            entity_type: EntityType::Person,
            english: None,
            country: None,
            roles: vec![],
            mentions: vec![Mention { start: 0, end: 1, surface: canonical.into(), metonymy: None, role: false }],
        }
    }

    #[test]
    fn transliteration_variants_share_a_key() {
        assert_eq!(phonetic_key("دافيد برنيع"), phonetic_key("ديفيد بارنيا"));
        assert_eq!(phonetic_key("بريت ماكغورك"), phonetic_key("بريت مكجورك"));
        assert_eq!(phonetic_key("يوآف غالانت"), phonetic_key("يوآف جالانت"));
        assert_ne!(phonetic_key("قطر"), phonetic_key("مصر"));
    }

    #[test]
    fn merge_records_a_reason() {
        let a = person("person:دافيد_برنيع", "دافيد برنيع");
        let b = person("person:ديفيد_بارنيا", "ديفيد بارنيا");
        let d = merge(&a, &b);
        assert!(d.merge, "{d:?}");
        assert!(d.reason.contains("phonetic"));
        let c = person("person:نتنياهو", "نتنياهو");
        let n = person("person:بنيامين_نتنياهو", "بنيامين نتنياهو");
        assert!(merge(&c, &n).merge);
        let mut o = person("x", "حماس");
        o.entity_type = EntityType::Org;
        assert_eq!(merge(&a, &o).reason, "different types");
        assert!(!merge(&a, &person("y", "جون كيربي")).merge);
    }
}
