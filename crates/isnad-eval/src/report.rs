//! Scores and their rendering.

use serde::Serialize;

/// The score of one category on one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DocScore {
    /// The category (filled in by [`crate::evaluate_with`]).
    pub category: String,
    /// Gold items found.
    pub tp: usize,
    /// Produced items matching no gold item.
    pub fp: usize,
    /// Gold items not found.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// Gold items not found, as `kind: surface` or similar.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub misses: Vec<String>,
    /// Produced items matching no gold item.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub false_positives: Vec<String>,
}

/// The totals of one category over all documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CategoryReport {
    /// The category.
    pub name: String,
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives (misses).
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// tp / (tp + fp); 1.0 when nothing was produced.
    pub precision: f64,
    /// tp / (tp + fn); 1.0 when there was nothing to find.
    pub recall: f64,
    /// Harmonic mean of precision and recall (0.0 when both are 0).
    pub f1: f64,
}

impl CategoryReport {
    pub(crate) fn new(name: &str) -> Self {
        let mut c =
            CategoryReport { name: name.to_string(), tp: 0, fp: 0, fn_: 0, precision: 0.0, recall: 0.0, f1: 0.0 };
        c.finish();
        c
    }

    pub(crate) fn add(&mut self, s: &DocScore) {
        self.tp += s.tp;
        self.fp += s.fp;
        self.fn_ += s.fn_;
    }

    /// Computes precision, recall and F1 from the counts. With nothing to
    /// find and nothing found, all three are 1.0.
    pub(crate) fn finish(&mut self) {
        let ratio = |num: usize, den: usize| if den == 0 { 1.0 } else { num as f64 / den as f64 };
        self.precision = ratio(self.tp, self.tp + self.fp);
        self.recall = ratio(self.tp, self.tp + self.fn_);
        let sum = self.precision + self.recall;
        self.f1 = if sum == 0.0 { 0.0 } else { 2.0 * self.precision * self.recall / sum };
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
            rows.push(vec![
                c.name.clone(),
                c.tp.to_string(),
                c.fp.to_string(),
                c.fn_.to_string(),
                format!("{:.3}", c.precision),
                format!("{:.3}", c.recall),
                format!("{:.3}", c.f1),
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_categories_score_one() {
        let c = CategoryReport::new("x");
        assert_eq!((c.precision, c.recall, c.f1), (1.0, 1.0, 1.0));
        let mut c = CategoryReport::new("y");
        c.add(&DocScore { fn_: 2, ..Default::default() });
        c.finish();
        assert_eq!((c.precision, c.recall, c.f1), (1.0, 0.0, 0.0));
    }

    #[test]
    fn table_is_aligned() {
        let mut a = CategoryReport::new("noise");
        a.add(&DocScore { tp: 3, fp: 1, fn_: 0, ..Default::default() });
        a.finish();
        let b = CategoryReport::new("joined_words");
        let r = Report { categories: vec![a, b], documents: vec![] };
        let t = r.table();
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0], "category      tp  fp  fn  precision  recall     F1");
        assert_eq!(lines[1], "noise          3   1   0      0.750   1.000  0.857");
        assert_eq!(lines[2], "joined_words   0   0   0      1.000   1.000  1.000");
    }
}
