//! Scores and their rendering.

use serde::{Serialize, Serializer};

/// True positives, false positives and misses, with precision, recall and
/// F1: the one counting type of the scorer, per document and in totals.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Prf {
    /// Gold items found.
    pub tp: usize,
    /// Produced items matching no gold item.
    pub fp: usize,
    /// Gold items not found.
    pub fn_: usize,
}

impl Prf {
    /// The counts `(tp, fp, fn)`.
    pub fn new(tp: usize, fp: usize, fn_: usize) -> Self {
        Prf { tp, fp, fn_ }
    }

    /// An accuracy over `matched` items of which `right` are right, as
    /// counts: a wrong item is one false positive and one miss, so
    /// precision = recall = F1 = right / matched.
    pub fn accuracy(right: usize, matched: usize) -> Self {
        let wrong = matched.saturating_sub(right);
        Prf { tp: right, fp: wrong, fn_: wrong }
    }

    /// tp / (tp + fp); 1.0 when nothing was produced.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// tp / (tp + fn); 1.0 when there was nothing to find.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// Harmonic mean of precision and recall (0.0 when both are 0). With
    /// nothing to find and nothing found, 1.0.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Adds another count.
    pub fn add(&mut self, o: Prf) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        1.0
    } else {
        num as f64 / den as f64
    }
}

/// Serialized as `tp`, `fp`, `fn`, `precision`, `recall`, `f1`.
impl Serialize for Prf {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Out {
            tp: usize,
            fp: usize,
            #[serde(rename = "fn")]
            fn_: usize,
            precision: f64,
            recall: f64,
            f1: f64,
        }
        Out {
            tp: self.tp,
            fp: self.fp,
            fn_: self.fn_,
            precision: self.precision(),
            recall: self.recall(),
            f1: self.f1(),
        }
        .serialize(s)
    }
}

/// The score of one category on one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DocScore {
    /// The category (filled in by [`crate::evaluate_with`]).
    pub category: String,
    /// The counts.
    #[serde(flatten)]
    pub prf: Prf,
    /// Gold items not found, as `kind: surface` or similar.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub misses: Vec<String>,
    /// Produced items matching no gold item.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub false_positives: Vec<String>,
}

impl From<Prf> for DocScore {
    fn from(prf: Prf) -> Self {
        DocScore { prf, ..Default::default() }
    }
}

/// The totals of one category over all documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategoryReport {
    /// The category.
    pub name: String,
    /// The counts summed over documents.
    #[serde(flatten)]
    pub prf: Prf,
}

impl CategoryReport {
    pub(crate) fn new(name: &str) -> Self {
        CategoryReport { name: name.to_string(), prf: Prf::default() }
    }
}

/// The scores of one document, one entry per category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DocReport {
    /// The gold `doc` name.
    pub doc: String,
    /// Per-category scores with misses and false positives.
    pub scores: Vec<DocScore>,
}

/// The result of [`crate::evaluate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Totals per category, in scorer order.
    pub categories: Vec<CategoryReport>,
    /// Per-document details, in input order.
    pub documents: Vec<DocReport>,
}

impl Report {
    /// The totals of a category, by name.
    pub fn category(&self, name: &str) -> Option<&CategoryReport> {
        self.categories.iter().find(|c| c.name == name)
    }

    /// An aligned text table: category, tp, fp, fn, precision, recall, F1
    /// (three decimals), one row per category.
    pub fn table(&self) -> String {
        let header = ["category", "tp", "fp", "fn", "precision", "recall", "F1"];
        let mut rows = vec![header.map(String::from).to_vec()];
        for c in &self.categories {
            let p = &c.prf;
            rows.push(vec![
                c.name.clone(),
                p.tp.to_string(),
                p.fp.to_string(),
                p.fn_.to_string(),
                format!("{:.3}", p.precision()),
                format!("{:.3}", p.recall()),
                format!("{:.3}", p.f1()),
            ]);
        }
        let widths: Vec<usize> =
            (0..header.len()).map(|i| rows.iter().map(|r| r[i].chars().count()).max().unwrap_or(0)).collect();
        let mut out = String::new();
        for row in &rows {
            let cells: Vec<String> = row
                .iter()
                .zip(&widths)
                .enumerate()
                .map(|(i, (cell, &w))| if i == 0 { format!("{cell:<w$}") } else { format!("{cell:>w$}") })
                .collect();
            out.push_str(cells.join("  ").trim_end());
            out.push('\n');
        }
        out
    }

    /// A Markdown table with the same columns as [`Report::table`].
    pub fn markdown(&self) -> String {
        let mut out = String::from(
            "| category | tp | fp | fn | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|---:|\n",
        );
        for c in &self.categories {
            let p = &c.prf;
            out.push_str(&format!(
                "| {} | {} | {} | {} | {:.3} | {:.3} | {:.3} |\n",
                c.name,
                p.tp,
                p.fp,
                p.fn_,
                p.precision(),
                p.recall(),
                p.f1()
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_categories_score_one() {
        let p = Prf::default();
        assert_eq!((p.precision(), p.recall(), p.f1()), (1.0, 1.0, 1.0));
        let p = Prf::new(0, 0, 2);
        assert_eq!((p.precision(), p.recall(), p.f1()), (1.0, 0.0, 0.0));
    }

    #[test]
    fn ratios_and_accuracy() {
        let mut p = Prf::new(2, 0, 1);
        p.add(Prf::new(0, 0, 0));
        assert!((p.f1() - 0.8).abs() < 1e-9);
        let a = Prf::accuracy(3, 4);
        assert_eq!(a, Prf::new(3, 1, 1));
        assert_eq!((a.precision(), a.recall()), (0.75, 0.75));
    }

    #[test]
    fn serializes_counts_and_ratios() {
        let c = CategoryReport { name: "x".into(), prf: Prf::new(1, 1, 0) };
        let v = serde_json::to_value(&c).unwrap();
        assert_eq!(v["name"], "x");
        assert_eq!(v["fn"], 0);
        assert_eq!(v["precision"], 0.5);
        assert_eq!(v["recall"], 1.0);
    }

    #[test]
    fn table_is_aligned() {
        let a = CategoryReport { name: "noise".into(), prf: Prf::new(3, 1, 0) };
        let b = CategoryReport::new("joined_words");
        let r = Report { categories: vec![a, b], documents: vec![] };
        let t = r.table();
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0], "category      tp  fp  fn  precision  recall     F1");
        assert_eq!(lines[1], "noise          3   1   0      0.750   1.000  0.857");
        assert_eq!(lines[2], "joined_words   0   0   0      1.000   1.000  1.000");
        assert!(r.markdown().contains("| noise | 3 | 1 | 0 | 0.750 | 1.000 | 0.857 |"));
    }
}
