//! Readers for the four public Arabic NER corpora used for training and evaluation.
//!
//! Every reader returns [`Sentence`]s with labels mapped to [`EntityClass`]
//! BIO labels (repaired to well-formed BIO). Format quirks handled:
//! * ANERcorp (CAMeL test split): `token TAG`, blank line between sentences.
//! * ANERcorp (Benajiba variant, train part): `token TAG`, no sentence breaks:
//!   sentences are cut after sentence-final punctuation tokens; empty tokens skipped.
//! * FANE (NewsFANE / WikiFANE gold): BOM, CRLF, U+200E before tokens,
//!   `token<TAB>TAG` with 50 fine-grained classes mapped by [`fane_class`];
//!   a line with only a TAB ends a sentence.
//! * AQMAR: `token TAG`, blank line between sentences, `PER/LOC/ORG/MIS0..3` plus typos.

use std::path::Path;

use crate::{repair_bio, EntityClass, Label, NerError};

/// One labelled sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Token surfaces.
    pub tokens: Vec<String>,
    /// One label per token.
    pub labels: Vec<Label>,
}

fn read(path: &Path) -> Result<String, NerError> {
    let bytes = std::fs::read(path).map_err(|e| NerError::io(path, e))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Removes BOM, direction marks and other invisible format characters.
pub fn strip_invisible(s: &str) -> String {
    s.chars().filter(|&c| !is_invisible(c)).collect()
}

/// True for zero-width/format chars that carry no letters (BOM, LRM, RLM, ZWJ...).
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{FEFF}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}')
}

fn push_sentence(out: &mut Vec<Sentence>, tokens: &mut Vec<String>, labels: &mut Vec<Label>) {
    if !tokens.is_empty() {
        out.push(Sentence { tokens: std::mem::take(tokens), labels: repair_bio(labels.drain(..)) });
    }
}

/// Maps a plain 4-class tag (`B-PERS`, `I-LOC`, ...) to a label; unknown tags → `O`.
fn plain_label(tag: &str) -> Label {
    Label::parse(tag.trim()).unwrap_or(Label::O)
}

/// Reads a `token TAG` file with blank lines between sentences (CAMeL ANERcorp split).
pub fn read_anercorp_camel(path: &Path) -> Result<Vec<Sentence>, NerError> {
    let text = read(path)?;
    let (mut out, mut toks, mut labs) = (Vec::new(), Vec::new(), Vec::new());
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            push_sentence(&mut out, &mut toks, &mut labs);
            continue;
        }
        let Some((tok, tag)) = line.rsplit_once(' ') else { continue };
        if tok.trim().is_empty() {
            continue;
        }
        toks.push(tok.trim().to_string());
        labs.push(plain_label(tag));
    }
    push_sentence(&mut out, &mut toks, &mut labs);
    Ok(out)
}

/// True for tokens that end a sentence in unsegmented corpora.
pub fn is_sentence_final(tok: &str) -> bool {
    matches!(tok, "." | "!" | "?" | "؟" | "..." | "…")
}

/// Reads the Benajiba ANERcorp variant (no sentence breaks): cuts after
/// sentence-final punctuation tokens and skips empty tokens.
pub fn read_anercorp_benajiba(path: &Path) -> Result<Vec<Sentence>, NerError> {
    let text = read(path)?;
    let (mut out, mut toks, mut labs) = (Vec::new(), Vec::new(), Vec::new());
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        let Some((tok, tag)) = line.rsplit_once(' ') else { continue };
        let tok = tok.trim();
        if tok.is_empty() {
            continue;
        }
        toks.push(tok.to_string());
        labs.push(plain_label(tag));
        if is_sentence_final(tok) {
            push_sentence(&mut out, &mut toks, &mut labs);
        }
    }
    push_sentence(&mut out, &mut toks, &mut labs);
    Ok(out)
}

/// Maps a FANE fine-grained class to our classes (`None` = not an entity for us).
///
/// * PERSON: Politician, Athlete, Artist, Scientist, Businessperson, Lawyer,
///   Engineer, Police, Religious_PER, Other_PER. (Group — peoples such as
///   العرب, المسلمين — is `O`, as in ANERcorp.)
/// * ORG: Government, Non-Governmental, Commercial, Educational, Media,
///   Sports, Religious_ORG, Medical-Science, Entertainment.
/// * PLACE: GPE (Nation, Population-Center, State-or-Province,
///   County-or-District, GPE-Cluster, Continent) and LOC (Water-Body,
///   Land-Region-Natural, Celestial).
/// * MISC: facilities (Building-Grounds, Airport, Path, Subarea-Facility,
///   Plant — ANERcorp tags البيت الأبيض as MISC), vehicles (Land, Air,
///   Water), weapons, products (Book, Movie, Sound, Software, Hardware,
///   Food, Drug).
pub fn fane_class(fine: &str) -> Option<EntityClass> {
    use EntityClass::*;
    Some(match fine {
        "Politician" | "Athlete" | "Artist" | "Scientist" | "Businessperson" | "Lawyer" | "Engineer" | "Police"
        | "Religious_PER" | "Other_PER" => Person,
        "Government" | "Non-Governmental" | "Commercial" | "Educational" | "Media" | "Sports" | "Religious_ORG"
        | "Medical-Science" | "Entertainment" => Org,
        "Nation"
        | "Population-Center"
        | "State-or-Province"
        | "County-or-District"
        | "GPE-Cluster"
        | "Continent"
        | "Water-Body"
        | "Land-Region-Natural"
        | "Celestial" => Place,
        "Building-Grounds" | "Airport" | "Path" | "Subarea-Facility" | "Plant" | "Land" | "Air" | "Water" | "Book"
        | "Movie" | "Sound" | "Software" | "Hardware" | "Food" | "Drug" | "Projectile" | "Shooting" | "Blunt"
        | "Exploding" | "Nuclear" | "Chemical" | "Sharp" => Misc,
        _ => return None,
    })
}

fn fane_label(tag: &str) -> Label {
    let Some((bio, fine)) = tag.trim().split_once('-') else { return Label::O };
    match (bio, fane_class(fine)) {
        ("B", Some(c)) => Label::B(c),
        ("I", Some(c)) => Label::I(c),
        _ => Label::O,
    }
}

/// Reads a FANE gold file (NewsFANE or WikiFANE).
pub fn read_fane(path: &Path) -> Result<Vec<Sentence>, NerError> {
    let text = read(path)?;
    let (mut out, mut toks, mut labs) = (Vec::new(), Vec::new(), Vec::new());
    for line in text.lines() {
        let line = strip_invisible(line.trim_end_matches('\r'));
        let (tok, tag) = line.split_once('\t').unwrap_or((line.as_str(), "O"));
        let tok = tok.trim();
        if tok.is_empty() {
            push_sentence(&mut out, &mut toks, &mut labs);
            continue;
        }
        toks.push(tok.to_string());
        labs.push(fane_label(tag));
    }
    push_sentence(&mut out, &mut toks, &mut labs);
    Ok(out)
}

/// Maps an AQMAR tag: PER/LOC/ORG as such, MIS* to MISC (or `O` when
/// `misc` is false), typos (`I--ORG`, `MISS1`, ``MIS1` ``) repaired, anything else `O`.
pub fn aqmar_label(tag: &str, misc: bool) -> Label {
    let tag = tag.trim();
    let Some((bio, rest)) = tag.split_once('-') else { return Label::O };
    let rest = rest.trim_start_matches('-');
    let class = if rest.starts_with("PER") {
        EntityClass::Person
    } else if rest.starts_with("LOC") {
        EntityClass::Place
    } else if rest.starts_with("ORG") {
        EntityClass::Org
    } else if rest.starts_with("MIS") && misc {
        EntityClass::Misc
    } else {
        return Label::O;
    };
    match bio {
        "B" => Label::B(class),
        "I" => Label::I(class),
        _ => Label::O,
    }
}

/// Reads every `*.txt` article of the AQMAR folder (sorted by name), skipping `LICENSE_NOTE.txt`.
pub fn read_aqmar(dir: &Path, misc: bool) -> Result<Vec<Sentence>, NerError> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| NerError::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt") && p.file_name().is_some_and(|n| n != "LICENSE_NOTE.txt"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let text = read(&f)?;
        let (mut toks, mut labs) = (Vec::new(), Vec::new());
        for line in text.lines() {
            let line = strip_invisible(line.trim_end_matches('\r'));
            if line.trim().is_empty() {
                push_sentence(&mut out, &mut toks, &mut labs);
                continue;
            }
            let Some((tok, tag)) = line.rsplit_once(' ') else { continue };
            let tok = tok.trim();
            if tok.is_empty() {
                continue;
            }
            toks.push(tok.to_string());
            labs.push(aqmar_label(tag, misc));
        }
        push_sentence(&mut out, &mut toks, &mut labs);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fane_and_aqmar_tags() {
        assert_eq!(fane_label("B-Politician"), Label::B(EntityClass::Person));
        assert_eq!(fane_label("I-Population-Center"), Label::I(EntityClass::Place));
        assert_eq!(fane_label("B-Group"), Label::O);
        assert_eq!(aqmar_label("I--ORG", true), Label::I(EntityClass::Org));
        assert_eq!(aqmar_label("B-MISS1", true), Label::B(EntityClass::Misc));
        assert_eq!(aqmar_label("B-MIS1`", false), Label::O);
        assert_eq!(aqmar_label("OO", true), Label::O);
    }
}
