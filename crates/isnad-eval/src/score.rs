//! The scoring functions, one per category.

use std::collections::BTreeMap;

use isnad_model::{Document, HeadingLevel, NoiseKind, RepairKind};

use crate::{normalize, surfaces_match, DocScore, GoldDoc};

/// Scores one category on one document.
pub type ScoreFn = fn(&GoldDoc, &Document) -> DocScore;

/// The scored categories, in report order. Append `(name, fn)` to add one.
pub const SCORERS: &[(&str, ScoreFn)] = &[
    ("noise", score_noise),
    ("joined_words", score_joined_words),
    ("truncation", score_truncation),
    ("entities", crate::score_entities),
    ("numbers", crate::score_numbers),
    ("dates", crate::score_dates),
    ("date_value", crate::score_date_value),
    ("figures", crate::score_figures),
    ("figure_what", crate::score_figure_what),
    ("figure_hedge", crate::score_figure_hedge),
    ("attribution", crate::score_attribution),
    ("quotes", crate::score_quotes),
    ("quote_speaker", crate::score_quote_speaker),
    ("citations", crate::score_citations_outlets),
    ("citation_source", crate::score_citation_sources),
    ("events", crate::score_events_gold),
];

/// The gold-side name of a produced noise kind; `None` for kinds the gold
/// does not annotate (`invisible`, `markup`).
fn kind_name(kind: NoiseKind) -> Option<&'static str> {
    Some(match kind {
        NoiseKind::AdMarker => "ad_marker",
        NoiseKind::SourceTrailer => "source_trailer",
        NoiseKind::RelatedLink => "related_link",
        NoiseKind::Dateline => "dateline",
        NoiseKind::Byline => "byline",
        NoiseKind::Credit => "credit",
        NoiseKind::TruncatedFragment => "truncated_fragment",
        NoiseKind::Boilerplate => "boilerplate",
        NoiseKind::Invisible | NoiseKind::Markup => return None,
    })
}

/// Kinds that are easily mistaken for one another and count as compatible.
const FAMILIES: &[&[&str]] = &[&["byline", "credit", "dateline"], &["related_link", "source_trailer", "boilerplate"]];

fn compatible(gold: &str, produced: &str) -> bool {
    gold == produced || FAMILIES.iter().any(|f| f.contains(&gold) && f.contains(&produced))
}

struct Produced {
    kind: &'static str,
    surface: String,
    /// False for candidates that may match gold but are never false positives.
    scored: bool,
    used: bool,
}

/// Scores noise removal.
///
/// Produced items: the document's `noise` (without `invisible` and `markup`,
/// which the gold does not annotate); its subheadings and title as kind
/// `heading`; its `dateline` (by raw span) when no dateline noise has the
/// same span. A gold item is found when an unused produced item of a
/// compatible kind (same kind, or both in {byline, credit, dateline} or in
/// {related_link, source_trailer, boilerplate}) matches its surface
/// ([`surfaces_match`]); exact normalized matches are tried first. Optional
/// gold items absorb any produced items they match, neither TP nor FP, and
/// are never misses. Produced items left over are false positives, except
/// titles (the gold does not annotate headlines) and further occurrences of
/// a surface some gold item already matched (a gold item stands for every
/// occurrence of its surface).
pub fn score_noise(gold: &GoldDoc, doc: &Document) -> DocScore {
    let mut produced: Vec<Produced> = Vec::new();
    for n in &doc.noise {
        if let Some(kind) = kind_name(n.kind) {
            produced.push(Produced { kind, surface: n.surface.clone(), scored: true, used: false });
        }
    }
    for h in &doc.headings {
        let scored = h.level == HeadingLevel::Subheading;
        produced.push(Produced { kind: "heading", surface: h.surface.clone(), scored, used: false });
    }
    if let Some(d) = &doc.dateline {
        if !doc.noise.iter().any(|n| n.kind == NoiseKind::Dateline && n.raw == d.raw) {
            produced.push(Produced {
                kind: "dateline",
                surface: doc.raw_of(d.raw).to_string(),
                scored: true,
                used: false,
            });
        }
    }

    let mut s = DocScore::default();
    let required: Vec<_> = gold.noise.iter().filter(|g| !g.optional).collect();
    let mut found = vec![false; required.len()];
    // Exact normalized matches first, then containment.
    for exact in [true, false] {
        for (g, found) in required.iter().zip(found.iter_mut()) {
            if *found {
                continue;
            }
            let gn = normalize(&g.surface);
            let hit = produced.iter_mut().find(|p| {
                !p.used
                    && compatible(&g.kind, p.kind)
                    && if exact { normalize(&p.surface) == gn } else { surfaces_match(&g.surface, &p.surface) }
            });
            if let Some(p) = hit {
                p.used = true;
                *found = true;
            }
        }
    }
    for (g, found) in required.iter().zip(&found) {
        if *found {
            s.prf.tp += 1;
        } else {
            s.prf.fn_ += 1;
            s.misses.push(format!("{}: {}", g.kind, g.surface));
        }
    }
    for p in produced.iter_mut().filter(|p| !p.used) {
        let known = gold.noise.iter().any(|g| compatible(&g.kind, p.kind) && surfaces_match(&g.surface, &p.surface));
        if known || !p.scored {
            p.used = true;
        } else {
            s.prf.fp += 1;
            s.false_positives.push(format!("{}: {}", p.kind, p.surface));
        }
    }
    s
}

/// Collapses whitespace so `fixed` strings compare by words.
fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Scores joined-word repairs.
///
/// Produced `joined_words` repairs are a multiset of `(before, after)`;
/// each gold item claims up to `occurrences` repairs whose `before` equals
/// its surface exactly and whose `after` equals its `fixed` (whitespace
/// collapsed). Claimed repairs are true positives, unclaimed occurrences
/// misses, repairs left over (including wrong splits of a gold token) false
/// repairs. Optional gold items claim their repairs without scoring them.
pub fn score_joined_words(gold: &GoldDoc, doc: &Document) -> DocScore {
    let mut produced: BTreeMap<(String, String), usize> = BTreeMap::new();
    for r in doc.repairs.iter().filter(|r| r.kind == RepairKind::JoinedWords) {
        *produced.entry((r.before.clone(), words(&r.after))).or_default() += 1;
    }
    let mut s = DocScore::default();
    for g in &gold.joined_words {
        let key = (g.surface.clone(), words(&g.fixed));
        let have = produced.get(&key).copied().unwrap_or(0);
        if g.optional {
            produced.remove(&key);
            continue;
        }
        let hit = have.min(g.occurrences);
        s.prf.tp += hit;
        s.prf.fn_ += g.occurrences - hit;
        for _ in hit..g.occurrences {
            s.misses.push(format!("{} → {}", g.surface, g.fixed));
        }
        if have > hit {
            produced.insert(key, have - hit);
        } else {
            produced.remove(&key);
        }
    }
    for ((before, after), n) in produced {
        s.prf.fp += n;
        for _ in 0..n {
            s.false_positives.push(format!("{before} → {after}"));
        }
    }
    s
}

/// Scores truncation as a binary per-document decision (positive class:
/// truncated). Documents whose gold has no `truncated` value score nothing.
pub fn score_truncation(gold: &GoldDoc, doc: &Document) -> DocScore {
    let mut s = DocScore::default();
    match (gold.truncated, doc.truncated) {
        (Some(true), true) => s.prf.tp = 1,
        (Some(true), false) => {
            s.prf.fn_ = 1;
            s.misses.push("truncated article reported complete".into());
        }
        (Some(false), true) => {
            s.prf.fp = 1;
            s.false_positives.push("complete article reported truncated".into());
        }
        (Some(false), false) | (None, _) => {}
    }
    s
}
