//! The `entities` category: document-level entities matched by type and any name form.

use isnad_model::{Document, Entity, EntityType};
use serde::Deserialize;
use serde_json::Value;

use crate::{normalize, DocScore, GoldDoc};

/// A gold entity item (`shared/gold/README.md`).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct GoldEntity {
    /// The canonical name.
    pub canonical: String,
    /// `PERSON`, `ORG`, `PLACE` or `OUTLET`.
    #[serde(rename = "type")]
    pub entity_type: String,
    /// Every distinct name form, verbatim.
    #[serde(default)]
    pub surfaces: Vec<String>,
    /// Borderline: finding it is not a miss, reporting it is not a false positive.
    #[serde(default)]
    pub optional: bool,
    /// Named only in text the cleaner removes (a dateline, a credit): scored like `optional`.
    #[serde(default)]
    pub only_in_noise: bool,
}

/// The gold entities of a document (empty when not annotated or malformed).
pub fn gold_entities(gold: &GoldDoc) -> Vec<GoldEntity> {
    gold.entities.as_ref().and_then(|v| serde_json::from_value(v.clone()).ok()).unwrap_or_default()
}

/// Leading clitics folded when comparing name forms: و ف ب ل ك and their pairs.
const CLITICS: &[&str] = &["وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك"];

/// Name forms of one side, normalized ([`normalize`]); quotes and brackets dropped.
fn forms<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        let n: String = n.chars().filter(|c| !"\"“”«»'‘’()[]".contains(*c)).collect();
        let n = normalize(&n);
        if !n.is_empty() && !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

/// True when two normalized forms are equal, or equal once a leading clitic
/// is taken off one of them (the remainder keeping at least 3 chars).
fn same_form(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let strip = |x: &str, y: &str| {
        CLITICS.iter().any(|c| {
            x.strip_prefix(c).is_some_and(|r| {
                r.chars().count() >= 3 && (r == y || ("ال".to_string() + r.strip_prefix('ل').unwrap_or("\u{0}")) == y)
            })
        })
    };
    strip(a, b) || strip(b, a)
}

fn type_name(t: EntityType) -> &'static str {
    t.as_str()
}

/// The entities a produced document carries (its `entities` field), read
/// through JSON so the scorer does not depend on how the pipeline stores them.
pub fn produced_entities(doc: &Document) -> Vec<Entity> {
    serde_json::to_value(doc)
        .ok()
        .and_then(|mut v| v.get_mut("entities").map(Value::take))
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default()
}

/// Scores the document's entities ([`score_entity_list`] over [`produced_entities`]).
pub fn score_entities(gold: &GoldDoc, doc: &Document) -> DocScore {
    score_entity_list(gold, &produced_entities(doc))
}

/// Scores produced entities against the gold entities of one document.
///
/// A produced entity's name forms are its canonical name and the surfaces of
/// its name mentions (role mentions such as `رئيس الوزراء القطري` are not
/// names); a gold entity's are its canonical name and surfaces. Forms are
/// compared after [`normalize`], quotes dropped, and a leading clitic (و ف
/// ب ل ك) folded. A gold entity is found by an unused produced entity of the
/// same type sharing a form (one to one). Optional and noise-only gold
/// entities absorb what they match, neither TP nor FP. A produced entity
/// left over is a false positive, including a second identity for an
/// entity already found (a split identity).
pub fn score_entity_list(gold: &GoldDoc, produced: &[Entity]) -> DocScore {
    let gold = gold_entities(gold);
    let gforms: Vec<Vec<String>> = gold
        .iter()
        .map(|g| forms(std::iter::once(g.canonical.as_str()).chain(g.surfaces.iter().map(String::as_str))))
        .collect();
    let pforms: Vec<Vec<String>> = produced
        .iter()
        .map(|p| {
            forms(
                std::iter::once(p.canonical.as_str())
                    .chain(p.mentions.iter().filter(|m| !m.role).map(|m| m.surface.as_str())),
            )
        })
        .collect();
    let matches = |gi: usize, pi: usize| {
        gold[gi].entity_type == type_name(produced[pi].entity_type)
            && gforms[gi].iter().any(|a| pforms[pi].iter().any(|b| same_form(a, b)))
    };
    let mut used = vec![false; produced.len()];
    let mut s = DocScore::default();
    // Required gold first, then optional ones absorb what is left.
    for pass_optional in [false, true] {
        for (gi, g) in gold.iter().enumerate() {
            let optional = g.optional || g.only_in_noise;
            if optional != pass_optional {
                continue;
            }
            let hit = (0..produced.len()).find(|&pi| !used[pi] && matches(gi, pi));
            match hit {
                Some(pi) => {
                    used[pi] = true;
                    if !optional {
                        s.prf.tp += 1;
                    }
                    // An optional item absorbs every produced entity it matches.
                    if optional {
                        for (pj, u) in used.iter_mut().enumerate() {
                            if matches(gi, pj) {
                                *u = true;
                            }
                        }
                    }
                }
                None if !optional => {
                    s.prf.fn_ += 1;
                    s.misses.push(format!("{}: {}", g.entity_type, g.canonical));
                }
                None => {}
            }
        }
    }
    for (pi, p) in produced.iter().enumerate() {
        if !used[pi] {
            s.prf.fp += 1;
            s.false_positives.push(format!("{}: {}", type_name(p.entity_type), p.canonical));
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_model::Mention;

    fn ent(t: EntityType, canonical: &str, surfaces: &[&str]) -> Entity {
        Entity {
            id: canonical.into(),
            canonical: canonical.into(),
            entity_type: t,
            english: None,
            country: None,
            roles: vec![],
            mentions: surfaces
                .iter()
                .map(|s| Mention { start: 0, end: 0, surface: s.to_string(), metonymy: None, role: false })
                .collect(),
        }
    }

    #[test]
    fn matches_by_type_and_any_form() {
        let gold: GoldDoc = serde_json::from_str(
            r#"{"doc": "a.txt", "entities": [
                {"canonical": "حماس", "type": "ORG", "surfaces": ["حماس"]},
                {"canonical": "دولة الاحتلال", "type": "PLACE", "surfaces": ["دولة الاحتلال", "الاحتلال"]},
                {"canonical": "بايدن", "type": "PERSON", "surfaces": ["بايدن"], "optional": true},
                {"canonical": "حيفا", "type": "PLACE", "surfaces": ["حيفا"], "only_in_noise": true},
                {"canonical": "مصر", "type": "PLACE", "surfaces": ["مصر"]}
            ]}"#,
        )
        .unwrap();
        let produced = vec![
            ent(EntityType::Org, "حركة حماس", &["لحماس"]),
            ent(EntityType::Place, "إسرائيل", &["دولة الاحتلال"]),
            ent(EntityType::Person, "جو بايدن", &["بايدن"]),
            ent(EntityType::Person, "مصر", &["مصر"]),
        ];
        let s = score_entity_list(&gold, &produced);
        assert_eq!((s.prf.tp, s.prf.fp, s.prf.fn_), (2, 1, 1), "{s:?}");
    }

    #[test]
    fn clitic_folding_keeps_three_letters() {
        assert!(same_form("لحماس", "حماس"));
        assert!(same_form("والولايات المتحده", "الولايات المتحده"));
        assert!(!same_form("بر", "ر"));
        assert!(!same_form("لبنان", "سوريا"));
        // Only one clitic layer and only at the start.
        assert!(!same_form("حماس", "ماس"));
    }
}
