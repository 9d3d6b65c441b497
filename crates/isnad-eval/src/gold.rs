//! The gold annotation format.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::EvalError;

/// One gold file: the annotation of one input article.
///
/// Unknown fields are kept in `extra`; missing ones take their defaults.
/// Categories not scored yet stay raw JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GoldDoc {
    /// The input file the gold annotates (e.g. `000_x.txt`).
    pub doc: String,
    /// The publication date annotation (not scored yet).
    #[serde(default)]
    pub published: Option<Value>,
    /// Noise that must not remain in the cleaned body.
    #[serde(default)]
    pub noise: Vec<GoldNoise>,
    /// Tokens where the scrape lost a space.
    #[serde(default)]
    pub joined_words: Vec<GoldJoined>,
    /// True when the article is cut off mid-sentence; `None` when not annotated.
    #[serde(default)]
    pub truncated: Option<bool>,
    /// Entities (not scored yet).
    #[serde(default)]
    pub entities: Option<Value>,
    /// Figures (not scored yet).
    #[serde(default)]
    pub figures: Option<Value>,
    /// Dates (not scored yet).
    #[serde(default)]
    pub dates: Option<Value>,
    /// Quotes (not scored yet).
    #[serde(default)]
    pub quotes: Option<Value>,
    /// Citations (not scored yet).
    #[serde(default)]
    pub citations: Option<Value>,
    /// Events (not scored yet).
    #[serde(default)]
    pub events: Option<Value>,
    /// Every other field (notes and future keys), verbatim.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// A gold noise item.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GoldNoise {
    /// The noise text, verbatim.
    pub surface: String,
    /// `ad_marker`, `source_trailer`, `related_link`, `dateline`, `byline`,
    /// `credit`, `heading`, `translation_artifact`, `truncated_fragment`, …
    pub kind: String,
    /// Borderline: finding it is not a miss, reporting it is not a false positive.
    #[serde(default)]
    pub optional: bool,
    /// Surrounding text, when the surface alone is ambiguous.
    #[serde(default)]
    pub context: Option<String>,
    /// What the context should read once fixed.
    #[serde(default)]
    pub fixed: Option<String>,
    /// Other fields (`note`, …), verbatim.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

fn one() -> usize {
    1
}

/// A gold joined-words item.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GoldJoined {
    /// The joined token, verbatim.
    pub surface: String,
    /// The token with its spaces restored.
    pub fixed: String,
    /// How often the token stands alone in the text (default 1).
    #[serde(default = "one")]
    pub occurrences: usize,
    /// Borderline item.
    #[serde(default)]
    pub optional: bool,
    /// Other fields (`note`, …), verbatim.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// Reads one gold file.
pub fn load_gold_file(path: &Path) -> Result<GoldDoc, EvalError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| EvalError::Io { path: name.clone(), source })?;
    serde_json::from_slice(&bytes).map_err(|source| EvalError::Json { path: name, source })
}

/// Reads every `*.json` file of a directory (not recursive), sorted by file name.
pub fn load_gold_dir(dir: impl AsRef<Path>) -> Result<Vec<GoldDoc>, EvalError> {
    let dir = dir.as_ref();
    let io = |source| EvalError::Io { path: dir.display().to_string(), source };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        if path.is_file() && path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
            paths.push(path);
        }
    }
    paths.sort();
    paths.iter().map(|p| load_gold_file(p)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tolerates_unknown_and_missing_fields() {
        let g: GoldDoc = serde_json::from_str(
            r#"{"doc": "a.txt", "noise": [{"surface": "x", "kind": "ad_marker", "note": "n", "new": 1}],
                "joined_words": [{"surface": "ab", "fixed": "a b"}], "figures": [], "future": {"k": 2}}"#,
        )
        .unwrap();
        assert_eq!(g.doc, "a.txt");
        assert!(!g.noise[0].optional);
        assert_eq!(g.noise[0].extra["note"], "n");
        assert_eq!(g.joined_words[0].occurrences, 1);
        assert_eq!(g.truncated, None);
        assert_eq!(g.figures, Some(Value::Array(vec![])));
        assert_eq!(g.extra["future"]["k"], 2);
    }

    #[test]
    fn loads_a_directory_sorted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b.json"), r#"{"doc": "b.txt", "truncated": true}"#).unwrap();
        std::fs::write(dir.path().join("a.json"), r#"{"doc": "a.txt"}"#).unwrap();
        std::fs::write(dir.path().join("readme.md"), "not gold").unwrap();
        let gold = load_gold_dir(dir.path()).unwrap();
        assert_eq!(gold.iter().map(|g| g.doc.as_str()).collect::<Vec<_>>(), ["a.txt", "b.txt"]);
        assert_eq!(gold[1].truncated, Some(true));
        std::fs::write(dir.path().join("c.json"), "{").unwrap();
        let e = load_gold_dir(dir.path()).unwrap_err();
        assert!(matches!(e, EvalError::Json { .. }) && e.to_string().contains("c.json"));
    }

    #[test]
    fn loads_the_shared_seed_gold() {
        let dir = crate::shared_path("gold/seeds");
        let gold = load_gold_dir(&dir).unwrap();
        assert!(!gold.is_empty());
        assert!(gold.iter().all(|g| g.doc.ends_with(".txt")));
    }
}
