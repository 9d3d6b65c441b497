//! Story queries: the store's rows composed with the story layer.

use isnad_model::{Document, What};
use isnad_store::{DocFilter, DocSummary, FigureFilter, StoryRow};
use isnad_story::contradict::all_contradictions;
use isnad_story::{series, timeline, updates, Contradiction, FigurePoint, Series, TimelineItem, Update};
use serde::Serialize;

use crate::{AppError, Workspace};

/// Largest number of documents a story view loads.
const STORY_DOCS: u32 = 2000;

/// A story in a list: its label, span, size and latest figures.
#[derive(Debug, Clone, Serialize)]
pub struct StorySummary {
    /// Story id.
    pub id: String,
    /// Generated label (top entities and terms).
    pub label: Option<String>,
    /// Date of its first document.
    pub first: Option<String>,
    /// Date of its last document.
    pub last: Option<String>,
    /// Number of documents.
    pub documents: u64,
    /// The latest point of each of its figure series.
    pub latest: Vec<FigurePoint>,
}

/// Everything about one story.
#[derive(Debug, Clone, Serialize)]
pub struct StoryView {
    /// The summary.
    pub summary: StorySummary,
    /// Its documents, newest first.
    pub documents: Vec<DocSummary>,
    /// Dated events, statements and figures in order.
    pub timeline: Vec<TimelineItem>,
    /// Figure series.
    pub series: Vec<Series>,
    /// Disagreements between sources.
    pub contradictions: Vec<Contradiction>,
    /// Revisions by the same source over time.
    pub updates: Vec<Update>,
}

impl Workspace {
    /// All stories, largest first.
    pub fn stories(&self) -> Result<Vec<StorySummary>, AppError> {
        let mut rows = self.store.stories()?;
        rows.sort_by(|a, b| b.documents.cmp(&a.documents).then_with(|| b.last.cmp(&a.last)));
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let points = self.points(&FigureFilter { story: Some(row.id.clone()), ..Default::default() })?;
            let latest = series(&points).into_iter().map(|s| s.latest).collect();
            out.push(summary(row, latest));
        }
        Ok(out)
    }

    /// One story with its timeline, series, contradictions and updates.
    pub fn story(&self, id: &str) -> Result<Option<StoryView>, AppError> {
        let Some(row) = self.store.stories()?.into_iter().find(|s| s.id == id) else { return Ok(None) };
        let documents = self.store.documents(&DocFilter {
            story: Some(id.to_string()),
            limit: Some(STORY_DOCS),
            ..Default::default()
        })?;
        let docs: Vec<Document> = documents
            .iter()
            .filter(|d| d.duplicate_of.is_none())
            .filter_map(|d| self.store.document(&d.id).transpose())
            .collect::<Result<_, _>>()?;
        let refs: Vec<&Document> = docs.iter().collect();
        let points: Vec<FigurePoint> = docs.iter().flat_map(FigurePoint::from_document).collect();
        let series = series(&points);
        let contradictions = all_contradictions(&series);
        let updates = series.iter().flat_map(updates).collect();
        let latest = series.iter().map(|s| s.latest.clone()).collect();
        Ok(Some(StoryView {
            summary: summary(row, latest),
            documents,
            timeline: timeline(&refs),
            series,
            contradictions,
            updates,
        }))
    }

    /// Figure series over the whole store (or one story), optionally for one
    /// `what` and one place (matched on the folded place name).
    pub fn series(&self, what: Option<What>, place: Option<&str>) -> Result<Vec<Series>, AppError> {
        let points = self.points(&FigureFilter { what, ..Default::default() })?;
        let wanted = place.map(isnad_story::series::place_key);
        let all = series(&points);
        Ok(all.into_iter().filter(|s| wanted.as_ref().is_none_or(|w| s.key.place.as_ref() == Some(w))).collect())
    }

    /// Reported figures of the matching documents (near-duplicates left out), as series points.
    fn points(&self, filter: &FigureFilter) -> Result<Vec<FigurePoint>, AppError> {
        let rows = self.store.figures(&FigureFilter { limit: Some(100_000), ..filter.clone() })?;
        let mut ids: Vec<&str> = rows.iter().map(|r| r.doc.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        let mut out = Vec::new();
        let dups = self.store.duplicate_ids()?;
        for id in ids.into_iter().filter(|id| !dups.contains(*id)) {
            if let Some(doc) = self.store.document(id)? {
                out.extend(
                    FigurePoint::from_document(&doc).into_iter().filter(|p| filter.what.is_none_or(|w| p.what == w)),
                );
            }
        }
        Ok(out)
    }
}

fn summary(row: StoryRow, latest: Vec<FigurePoint>) -> StorySummary {
    StorySummary { id: row.id, label: row.label, first: row.first, last: row.last, documents: row.documents, latest }
}
