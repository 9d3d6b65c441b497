use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use isnad_model::{Document, EntityType, EventKind, Hedge, What};
use serde_json::json;

use super::*;

const TEXT: &str = "أعلنت وزارة الصحة في غزة مقتل 25 شخصا وإصابة 40 آخرين. وقال المتحدث أشرف القدرة: «الوضع كارثي». \
وذكرت وكالة رويترز أن نحو 300 شاحنة دخلت القطاع. واجتمع الوسطاء في الدوحة.";

/// Char span of the first occurrence of `sub` in `text`.
fn span(text: &str, sub: &str) -> (usize, usize) {
    let b = text.find(sub).unwrap_or_else(|| panic!("{sub} not in fixture"));
    let start = text[..b].chars().count();
    (start, start + sub.chars().count())
}

fn source(text: &str, sub: &str, entity: Option<&str>, anonymous: bool) -> serde_json::Value {
    let (s, e) = span(text, sub);
    json!({"start": s, "end": e, "surface": sub, "entity": entity, "anonymous": anonymous})
}

fn figure(text: &str, sub: &str, value: f64, what: &str, hedge: &str, place: Option<&str>) -> serde_json::Value {
    let (s, e) = span(text, sub);
    json!({
        "start": s, "end": e, "surface": sub, "number": 0, "value": value, "hedge": hedge, "what": what,
        "place": place, "modality": "reported",
        "source": source(text, "وزارة الصحة", Some("org:وزارة_الصحة"), false),
    })
}

fn mention(text: &str, sub: &str) -> serde_json::Value {
    let (s, e) = span(text, sub);
    json!({"start": s, "end": e, "surface": sub})
}

/// A document over the fixture text; `tag` makes the raw (and so the id) unique.
/// `figures` picks how many of the fixture's figures are kept (0 to 3).
fn doc(tag: &str, url: Option<&str>, outlet: &str, published: &str, figures: usize) -> Document {
    let text = TEXT;
    let raw = format!("{text}\n{tag}");
    let mut figs = vec![
        figure(text, "مقتل 25 شخصا", 25.0, "killed", "exact", Some("place:غزة")),
        figure(text, "إصابة 40 آخرين", 40.0, "wounded", "exact", Some("place:غزة")),
        {
            let mut f = figure(text, "نحو 300 شاحنة", 300.0, "aid", "about", None);
            f["source"] = source(text, "وكالة رويترز", Some("outlet:رويترز"), false);
            f["citation"] = json!(0);
            f
        },
    ];
    figs.truncate(figures);
    let (cs, ce) = span(text, "الوضع كارثي");
    let (qs, _) = span(text, "وقال");
    let (ts, te) = span(text, "اجتمع");
    let (cit_s, cit_e) = span(text, "وذكرت وكالة رويترز");
    let value = json!({
        "schema": isnad_model::SCHEMA,
        "id": Document::content_id(&raw),
        "source": format!("test:{tag}"),
        "url": url,
        "outlet": outlet,
        "title": "غزة: حصيلة جديدة",
        "published": published,
        "text": text,
        "raw": raw,
        "offset_map": [[0, 0, text.chars().count(), text.chars().count()]],
        "noise": [],
        "repairs": [],
        "headings": [],
        "sentences": [{"start": 0, "end": text.chars().count()}],
        "truncated": false,
        "entities": [
            {"id": "place:غزة", "canonical": "غزة", "type": "PLACE", "english": "Gaza", "country": "PS",
             "mentions": [mention(text, "غزة")]},
            {"id": "person:أشرف_القدرة", "canonical": "أشرف القدرة", "type": "PERSON",
             "mentions": [mention(text, "أشرف القدرة")]},
            {"id": "org:وزارة_الصحة", "canonical": "وزارة الصحة", "type": "ORG",
             "mentions": [mention(text, "وزارة الصحة")]},
            {"id": "place:الدوحة", "canonical": "الدوحة", "type": "PLACE", "english": "Doha",
             "mentions": [mention(text, "الدوحة")]},
        ],
        "figures": figs,
        "quotes": [{
            "start": qs, "end": ce, "surface": isnad_model::char_slice(text, qs, ce), "cue": "قال",
            "cue_start": qs, "cue_end": qs + 4, "direct": true, "content_start": cs, "content_end": ce,
            "speaker": source(text, "المتحدث أشرف القدرة", Some("person:أشرف_القدرة"), false),
        }],
        "citations": [{
            "start": cit_s, "end": cit_e, "surface": "وذكرت وكالة رويترز", "cue": "ذكرت",
            "outlet": source(text, "وكالة رويترز", Some("outlet:رويترز"), false),
        }],
        "events": [{
            "kind": "meeting", "start": ts, "end": te, "surface": "اجتمع", "sentence": 2,
            "participants": ["org:الوسطاء"], "place": "place:الدوحة",
        }],
    });
    serde_json::from_value(value).expect("fixture document")
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

#[test]
fn open_creates_store_and_reopen_keeps_schema() {
    let dir = tmp();
    let root = dir.path().join("data");
    {
        let store = Store::open(&root).unwrap();
        assert_eq!(store.schema_version().unwrap(), 2);
        assert!(root.join(DB_FILE).is_file());
        let mode: String = store.conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
        assert_eq!(mode, "wal");
        let fk: i64 = store.conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
        assert_eq!(fk, 1);
    }
    let mut store = Store::open(&root).unwrap();
    assert_eq!(store.schema_version().unwrap(), 2);
    store.put_documents(&[doc("a", None, "الجزيرة", "2024-05-01", 2)]).unwrap();
    drop(store);
    let store = Store::open(&root).unwrap();
    assert_eq!(store.counts().unwrap().documents, 1);
    assert!(store.integrity_check().unwrap().is_empty());
}

#[test]
fn document_round_trips_with_facts() {
    let dir = tmp();
    let mut store = Store::open(dir.path()).unwrap();
    let d = doc("a", Some("https://example.com/1"), "الجزيرة", "2024-05-01T10:00:00+03:00", 3);
    let out = store.put_documents(std::slice::from_ref(&d)).unwrap();
    assert_eq!(out.outcomes, vec![Outcome::New]);
    assert_eq!(out.new, 1);
    assert_eq!(store.document(&d.id).unwrap().as_ref(), Some(&d));
    assert_eq!(store.document("nope").unwrap(), None);
    let c = store.counts().unwrap();
    assert_eq!((c.documents, c.entities, c.figures, c.quotes), (1, 4, 3, 1));

    let quotes = store.quotes(&QuoteFilter::default()).unwrap();
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].content, "الوضع كارثي");
    assert_eq!(quotes[0].speaker_name.as_deref(), Some("أشرف القدرة"));
    assert_eq!(quotes[0].outlet.as_deref(), Some("الجزيرة"));

    let figs = store.figures(&FigureFilter::default()).unwrap();
    assert_eq!(figs.len(), 3);
    assert_eq!(figs[0].what, What::Killed);
    assert_eq!(figs[0].place_name.as_deref(), Some("غزة"));
    assert_eq!(figs[2].hedge, Hedge::About);
    assert_eq!(figs[2].cited_outlet.as_deref(), Some("وكالة رويترز"));
    let (s, e) = span(TEXT, "مقتل 25 شخصا");
    assert_eq!((figs[0].start, figs[0].end), (s, e));

    let events = store.events(&EventFilter { doc: Some(d.id.clone()), ..Default::default() }).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].kind, EventKind::Meeting);
    assert_eq!(events[0].participants, vec!["org:الوسطاء".to_string()]);
    assert!(store.events(&EventFilter { kind: Some(EventKind::Truce), ..Default::default() }).unwrap().is_empty());
}

#[test]
fn reingest_is_a_no_op() {
    let dir = tmp();
    let mut store = Store::open(dir.path()).unwrap();
    let docs = vec![doc("a", None, "الجزيرة", "2024-05-01", 2), doc("b", None, "العربية", "2024-05-02", 1)];
    assert_eq!(store.put_documents(&docs).unwrap().new, 2);
    let before = store.counts().unwrap();
    let ingested: Vec<i64> =
        store.documents(&DocFilter::default()).unwrap().into_iter().map(|d| d.ingested_at).collect();
    let again = store.put_documents(&docs).unwrap();
    assert_eq!(again.outcomes, vec![Outcome::Unchanged, Outcome::Unchanged]);
    assert_eq!((again.new, again.unchanged, again.revised), (0, 2, 0));
    assert_eq!(store.counts().unwrap(), before);
    let after: Vec<i64> = store.documents(&DocFilter::default()).unwrap().into_iter().map(|d| d.ingested_at).collect();
    assert_eq!(after, ingested);
    // The same document twice in one batch is stored once.
    let dup =
        store.put_documents(&[doc("c", None, "x", "2024-05-03", 1), doc("c", None, "x", "2024-05-03", 1)]).unwrap();
    assert_eq!(dup.outcomes, vec![Outcome::New, Outcome::Unchanged]);
}

#[test]
fn changed_content_at_a_known_url_is_a_revision() {
    let dir = tmp();
    let mut store = Store::open(dir.path()).unwrap();
    let url = Some("https://example.com/story");
    let v1 = doc("v1", url, "الجزيرة", "2024-05-01", 1);
    let v2 = doc("v2", url, "الجزيرة", "2024-05-01", 2);
    let v3 = doc("v3", url, "الجزيرة", "2024-05-01", 3);
    store.put_documents(std::slice::from_ref(&v1)).unwrap();
    let out = store.put_documents(&[v2.clone(), v3.clone()]).unwrap();
    assert_eq!(out.outcomes, vec![Outcome::Revision { of: v1.id.clone() }, Outcome::Revision { of: v2.id.clone() }]);
    assert_eq!(out.revised, 2);
    let docs = store.documents(&DocFilter::default()).unwrap();
    let v3_row = docs.iter().find(|d| d.id == v3.id).unwrap();
    assert_eq!(v3_row.revision_of.as_deref(), Some(v2.id.as_str()));
    // Each revision keeps its own facts.
    let figs = store.figures(&FigureFilter { doc: Some(v3.id.clone()), ..Default::default() }).unwrap();
    assert_eq!(figs.len(), 3);
    assert_eq!(store.counts().unwrap().figures, 6);
}

#[test]
fn filters_select_the_right_rows() {
    let dir = tmp();
    let mut store = Store::open(dir.path()).unwrap();
    let a = doc("a", None, "الجزيرة", "2024-05-01T08:00:00Z", 3);
    let b = doc("b", None, "العربية", "2024-05-02", 1);
    let c = doc("c", None, "الجزيرة", "2024-05-03", 2);
    let story = StoryRow {
        id: "s1".into(),
        label: Some("هدنة غزة".into()),
        first: Some("2024-05-01".into()),
        last: Some("2024-05-02".into()),
        documents: 0,
        profile: Some(json!({"terms": {"هدنة": 0.5}})),
    };
    let items = vec![
        Item { story: Some("s1".into()), ..Item::new(&a) },
        Item { story: Some("s1".into()), ..Item::new(&b) },
        Item::new(&c),
    ];
    store.put_batch(&items, std::slice::from_ref(&story)).unwrap();

    let ids = |rows: Vec<DocSummary>| rows.into_iter().map(|d| d.id).collect::<Vec<_>>();
    assert_eq!(ids(store.documents(&DocFilter::default()).unwrap()), vec![c.id.clone(), b.id.clone(), a.id.clone()]);
    let outlet = DocFilter { outlet: Some("الجزيرة".into()), ..Default::default() };
    assert_eq!(ids(store.documents(&outlet).unwrap()), vec![c.id.clone(), a.id.clone()]);
    let day = DocFilter { from: Some("2024-05-01".into()), to: Some("2024-05-01".into()), ..Default::default() };
    assert_eq!(ids(store.documents(&day).unwrap()), vec![a.id.clone()]);
    let in_story = DocFilter { story: Some("s1".into()), ..Default::default() };
    assert_eq!(ids(store.documents(&in_story).unwrap()), vec![b.id.clone(), a.id.clone()]);
    let by_entity =
        DocFilter { entity: Some("place:الدوحة".into()), limit: Some(1), offset: Some(1), ..Default::default() };
    assert_eq!(ids(store.documents(&by_entity).unwrap()), vec![b.id.clone()]);
    let nobody = DocFilter { entity: Some("person:لا_أحد".into()), ..Default::default() };
    assert!(store.documents(&nobody).unwrap().is_empty());

    let count = |f: FigureFilter| store.figures(&f).unwrap().len();
    assert_eq!(count(FigureFilter::default()), 6);
    assert_eq!(count(FigureFilter { what: Some(What::Killed), ..Default::default() }), 3);
    assert_eq!(count(FigureFilter { what: Some(What::Aid), ..Default::default() }), 1);
    assert_eq!(count(FigureFilter { place: Some("place:غزة".into()), ..Default::default() }), 5);
    assert_eq!(count(FigureFilter { place: Some("غزة".into()), ..Default::default() }), 5);
    assert_eq!(count(FigureFilter { story: Some("s1".into()), ..Default::default() }), 4);
    assert_eq!(count(FigureFilter { doc: Some(c.id.clone()), ..Default::default() }), 2);
    assert_eq!(count(FigureFilter { source: Some("outlet:رويترز".into()), ..Default::default() }), 1);
    assert_eq!(count(FigureFilter { source: Some("الصحة".into()), ..Default::default() }), 5);
    assert_eq!(count(FigureFilter { from: Some("2024-05-02".into()), ..Default::default() }), 3);
    assert_eq!(count(FigureFilter { to: Some("2024-05-02".into()), ..Default::default() }), 4);
    assert_eq!(count(FigureFilter { limit: Some(2), offset: Some(5), ..Default::default() }), 1);

    let q = |f: QuoteFilter| store.quotes(&f).unwrap().len();
    assert_eq!(q(QuoteFilter { speaker: Some("المتحدث".into()), ..Default::default() }), 3);
    assert_eq!(q(QuoteFilter { speaker: Some("القدرة".into()), story: Some("s1".into()), ..Default::default() }), 2);
    assert_eq!(q(QuoteFilter { speaker: Some("نتنياهو".into()), ..Default::default() }), 0);

    let places = store.entities(&EntityFilter { entity_type: Some(EntityType::Place), ..Default::default() }).unwrap();
    assert_eq!(places.len(), 2);
    assert!(places.iter().all(|e| e.entity_type == EntityType::Place && e.documents == 3));
    let doha = store.entities(&EntityFilter { name: Some("Doha".into()), ..Default::default() }).unwrap();
    assert_eq!(doha.len(), 1);
    assert_eq!(doha[0].canonical, "الدوحة");
    assert_eq!(doha[0].first.as_deref(), Some("2024-05-01T08:00:00Z"));
    assert_eq!(doha[0].last.as_deref(), Some("2024-05-03"));

    let detail = store.entity("place:غزة").unwrap().unwrap();
    assert_eq!(detail.entity.mentions, 3);
    let days: Vec<&str> = detail.days.iter().map(|d| d.day.as_str()).collect();
    assert_eq!(days, vec!["2024-05-01", "2024-05-02", "2024-05-03"]);
    assert!(store.entity("place:المريخ").unwrap().is_none());

    let stories = store.stories().unwrap();
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0].documents, 2);
    assert_eq!(stories[0].profile, story.profile);
    assert_eq!(store.events(&EventFilter { story: Some("s1".into()), ..Default::default() }).unwrap().len(), 2);
}

#[test]
fn batch_extras_are_stored_with_the_documents() {
    let dir = tmp();
    let mut store = Store::open(dir.path()).unwrap();
    let a = doc("a", None, "الجزيرة", "2024-05-01", 1);
    let b = doc("b", None, "العربية", "2024-05-01", 1);
    let items = vec![
        Item { signature: Some(vec![1, 2, 3]), ..Item::new(&a) },
        Item { signature: Some(vec![4, 5]), duplicate_of: Some((a.id.clone(), 0.9)), ..Item::new(&b) },
    ];
    store.put_batch(&items, &[]).unwrap();
    assert_eq!(store.signatures().unwrap(), vec![(a.id.clone(), vec![1, 2, 3]), (b.id.clone(), vec![4, 5])]);
    let dups = store.duplicates_of(&a.id).unwrap();
    assert_eq!(dups.len(), 1);
    assert_eq!(dups[0].doc, b.id);
    assert!((dups[0].similarity - 0.9).abs() < 1e-6);
    let rows = store.documents(&DocFilter::default()).unwrap();
    assert_eq!(rows.iter().find(|r| r.id == b.id).unwrap().duplicate_of.as_deref(), Some(a.id.as_str()));

    let s = StoryRow { id: "s".into(), label: None, first: None, last: None, documents: 0, profile: None };
    store.upsert_story(&s).unwrap();
    assert!(store.set_story(&a.id, "s").unwrap());
    assert!(!store.set_story("missing", "s").unwrap());
    assert!(store.set_story(&a.id, "no-such-story").is_err());
    assert_eq!(store.stories().unwrap()[0].documents, 1);
    assert_eq!(store.counts().unwrap().duplicates, 1);
}

#[test]
fn a_failing_item_rolls_back_the_whole_batch() {
    let dir = tmp();
    let mut store = Store::open(dir.path()).unwrap();
    let a = doc("a", None, "الجزيرة", "2024-05-01", 2);
    let b = doc("b", None, "العربية", "2024-05-01", 1);
    // The duplicate link points at a document that is not stored: a foreign-key failure.
    let items = vec![Item::new(&a), Item { duplicate_of: Some(("missing".into(), 0.8)), ..Item::new(&b) }];
    let err = store.put_batch(&items, &[]).unwrap_err();
    assert!(matches!(err, StoreError::Sqlite { .. }), "{err}");
    assert!(err.to_string().contains(DB_FILE));
    assert_eq!(store.counts().unwrap(), StoreCounts::default());
}

#[test]
fn full_disk_is_reported_and_rolled_back() {
    let dir = tmp();
    let mut store = Store::open(dir.path()).unwrap();
    store.put_documents(&[doc("first", None, "x", "2024-05-01", 1)]).unwrap();
    let pages: i64 = store.conn.pragma_query_value(None, "page_count", |r| r.get(0)).unwrap();
    store.conn.pragma_update(None, "max_page_count", pages).unwrap();
    let docs: Vec<Document> = (0..50).map(|i| doc(&format!("big{i}"), None, "x", "2024-05-02", 3)).collect();
    let err = store.put_documents(&docs).unwrap_err();
    assert!(matches!(err, StoreError::DiskFull { .. }), "{err}");
    let msg = err.to_string();
    assert!(
        msg.starts_with("disk full while writing") && msg.contains(DB_FILE) && msg.contains("rolled back"),
        "{msg}"
    );
    assert_eq!(store.counts().unwrap().documents, 1);
}

#[test]
fn read_only_store_serves_and_refuses_writes() {
    let dir = tmp();
    let missing = Store::open_read_only(&dir.path().join("nothing")).unwrap_err();
    assert!(matches!(missing, StoreError::NotFound { .. }));
    assert!(!dir.path().join("nothing").exists());

    let a = doc("a", None, "الجزيرة", "2024-05-01", 2);
    Store::open(dir.path()).unwrap().put_documents(std::slice::from_ref(&a)).unwrap();
    let mut ro = Store::open_read_only(dir.path()).unwrap();
    assert!(ro.is_read_only());
    assert_eq!(ro.document(&a.id).unwrap().as_ref(), Some(&a));
    assert_eq!(ro.figures(&FigureFilter::default()).unwrap().len(), 2);
    let err = ro.put_documents(&[doc("b", None, "x", "2024-05-01", 1)]).unwrap_err();
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    let s = StoryRow { id: "s".into(), label: None, first: None, last: None, documents: 0, profile: None };
    assert!(matches!(ro.upsert_story(&s), Err(StoreError::ReadOnly { .. })));
    assert!(matches!(ro.set_story(&a.id, "s"), Err(StoreError::ReadOnly { .. })));
    // SQLite itself refuses writes on the read-only connection too.
    let raw = ro.conn.execute("DELETE FROM documents", []).unwrap_err();
    assert!(matches!(sqlite_error(ro.path(), raw), StoreError::ReadOnly { .. }));
    assert_eq!(ro.counts().unwrap().documents, 1);
}

#[test]
fn a_newer_store_is_refused() {
    let dir = tmp();
    drop(Store::open(dir.path()).unwrap());
    let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
    conn.pragma_update(None, "user_version", 99).unwrap();
    drop(conn);
    for err in [Store::open(dir.path()).unwrap_err(), Store::open_read_only(dir.path()).unwrap_err()] {
        assert!(
            matches!(err, StoreError::TooNew { found: 99, supported, .. } if supported == schema::current_version())
        );
        assert!(err.to_string().contains(DB_FILE), "{err}");
    }
}

#[test]
fn migrations_apply_in_order_and_a_failed_one_changes_nothing() {
    let dir = tmp();
    let mut store = Store::open(dir.path()).unwrap();
    store.put_documents(&[doc("a", None, "x", "2024-05-01", 1)]).unwrap();
    let table_exists = |store: &Store, name: &str| -> bool {
        store
            .conn
            .query_row("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = ?1", [name], |r| {
                r.get::<_, i64>(0)
            })
            .unwrap()
            == 1
    };
    // A broken second migration: its first statement must not survive the failure.
    let v = schema::current_version();
    let mut broken = schema::MIGRATIONS.to_vec();
    broken.push("CREATE TABLE extra (a TEXT); THIS IS NOT SQL;");
    assert!(store.migrate_with(&broken).is_err());
    assert_eq!(store.schema_version().unwrap(), v);
    assert!(!table_exists(&store, "extra"));
    // A good one is applied once; re-running is a no-op.
    let mut good = schema::MIGRATIONS.to_vec();
    good.push("CREATE TABLE extra (a TEXT);");
    store.migrate_with(&good).unwrap();
    store.migrate_with(&good).unwrap();
    assert_eq!(store.schema_version().unwrap(), v + 1);
    assert!(table_exists(&store, "extra"));
    assert_eq!(store.counts().unwrap().documents, 1);
    drop(store);
    // This binary does not know the extra migration and refuses the store.
    let err = Store::open(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::TooNew { found, supported, .. } if found == v + 1 && supported == v), "{err}");
}

#[test]
fn an_older_store_is_migrated_and_keeps_its_data() {
    let dir = tmp();
    let conn = rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap();
    conn.execute_batch(schema::MIGRATIONS[0]).unwrap();
    conn.pragma_update(None, "user_version", 1).unwrap();
    conn.execute("INSERT INTO stories (id, label) VALUES ('old', 'قصة قديمة')", []).unwrap();
    drop(conn);
    let mut store = Store::open(dir.path()).unwrap();
    assert_eq!(store.schema_version().unwrap(), schema::current_version());
    assert_eq!(store.stories().unwrap()[0].label.as_deref(), Some("قصة قديمة"));
    let run = store.begin_run().unwrap();
    store.put_documents(&[doc("a", None, "x", "2024-05-01", 1), doc("b", None, "x", "2024-05-01", 1)]).unwrap();
    store.put_documents(&[doc("a", None, "x", "2024-05-01", 1)]).unwrap();
    let done = store.finish_run().unwrap().unwrap();
    assert_eq!((done.id, done.batches, done.new, done.unchanged, done.revised), (run, 2, 2, 1, 0));
    assert!(done.finished.is_some());
    assert_eq!(store.finish_run().unwrap(), None);
}

#[test]
fn read_only_open_refuses_an_unmigrated_store() {
    let dir = tmp();
    drop(rusqlite::Connection::open(dir.path().join(DB_FILE)).unwrap());
    let err = Store::open_read_only(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::NeedsMigration { found: 0, .. }), "{err}");
}

// --- Crash safety: a writer killed with SIGKILL never leaves half a batch. ---

const CHILD_ENV: &str = "ISNAD_STORE_CHILD";
const CHILD_BATCHES: usize = 120;
const PER_BATCH: usize = 25;

fn crash_doc(batch: usize, i: usize) -> Document {
    let n = batch * PER_BATCH + i;
    let url = format!("https://example.com/{}", n % 97);
    doc(&format!("crash {batch} {i}"), Some(&url), "الجزيرة", &format!("2024-05-{:02}", n % 28 + 1), n % 4)
}

/// The writer. Does nothing unless re-invoked by `killed_writer_leaves_only_whole_batches`.
#[test]
fn crash_child() {
    let Ok(dir) = std::env::var(CHILD_ENV) else { return };
    let mut store = Store::open(Path::new(&dir)).unwrap();
    store.begin_run().unwrap();
    for batch in 0..CHILD_BATCHES {
        let docs: Vec<Document> = (0..PER_BATCH).map(|i| crash_doc(batch, i)).collect();
        let items: Vec<Item<'_>> =
            docs.iter().map(|d| Item { signature: Some(d.id.as_bytes().to_vec()), ..Item::new(d) }).collect();
        store.put_batch(&items, &[]).unwrap();
    }
    store.finish_run().unwrap();
}

fn stored_documents(dir: &Path) -> u64 {
    Store::open_read_only(dir).and_then(|s| s.counts()).map(|c| c.documents).unwrap_or(0)
}

/// Reopens the store after a crash and checks that every stored document has all its facts.
fn verify_whole(dir: &Path) -> u64 {
    let store = Store::open(dir).unwrap();
    assert_eq!(store.integrity_check().unwrap(), Vec::<String>::new());
    let docs: Vec<(String, String)> = store
        .conn
        .prepare("SELECT id, json FROM documents")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let count =
        |sql: &str, id: &str| -> usize { store.conn.query_row(sql, [id], |r| r.get::<_, i64>(0)).unwrap() as usize };
    for (id, json) in &docs {
        let d: Document = serde_json::from_str(json).unwrap();
        let figures = d.figures.as_ref().map_or(0, Vec::len);
        let quotes = d.quotes.as_ref().map_or(0, Vec::len);
        let mentions: usize = d.entities.iter().flatten().map(|e| e.mentions.len()).sum();
        assert_eq!(count("SELECT COUNT(*) FROM figures WHERE doc = ?1", id), figures, "figures of {id}");
        assert_eq!(count("SELECT COUNT(*) FROM quotes WHERE doc = ?1", id), quotes, "quotes of {id}");
        assert_eq!(count("SELECT COUNT(*) FROM mentions WHERE doc = ?1", id), mentions, "mentions of {id}");
        assert_eq!(count("SELECT COUNT(*) FROM events WHERE doc = ?1", id), 1, "events of {id}");
        assert_eq!(count("SELECT COUNT(*) FROM signatures WHERE doc = ?1", id), 1, "signature of {id}");
    }
    let n = docs.len() as u64;
    assert_eq!(n % PER_BATCH as u64, 0, "{n} documents is not a whole number of batches");
    // Run counts are written in the batch transactions, so they account for every stored document.
    let runs = store.runs().unwrap();
    assert_eq!(runs.iter().map(|r| r.new + r.revised).sum::<u64>(), n);
    assert_eq!(
        runs.iter().map(|r| r.batches).sum::<u64>() * PER_BATCH as u64,
        runs.iter().map(|r| r.new + r.revised + r.unchanged).sum::<u64>()
    );
    n
}

fn spawn_child(dir: &Path) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "tests::crash_child", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn killed_writer_leaves_only_whole_batches() {
    let dir = tmp();
    let dir = dir.path();
    let mut seed = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().subsec_nanos() as u64 | 1;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let total = (CHILD_BATCHES * PER_BATCH) as u64;
    let mut killed = Vec::new();
    let mut previous = 0;
    for round in 0..5 {
        let mut child = spawn_child(dir);
        // Let the writer commit something new, then kill it a random moment later.
        let deadline = Instant::now() + Duration::from_secs(120);
        while child.try_wait().unwrap().is_none() && stored_documents(dir) <= previous && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(2));
        }
        std::thread::sleep(Duration::from_millis(next() % (10 + 20 * round)));
        let running = child.try_wait().unwrap().is_none();
        child.kill().unwrap();
        child.wait().unwrap();
        killed.push(running);
        let stored = verify_whole(dir);
        assert!(stored >= previous, "round {round}: {stored} documents after {previous}");
        eprintln!(
            "round {round}: killed {} with {stored} of {total} documents stored",
            if running { "mid-run" } else { "after exit" }
        );
        previous = stored;
    }
    assert!(killed.contains(&true), "the writer always finished before being killed");

    // A resumed run completes, skips what is stored and duplicates nothing.
    let status = spawn_child(dir).wait().unwrap();
    assert!(status.success());
    assert_eq!(verify_whole(dir), total);
    let store = Store::open(dir).unwrap();
    let distinct: i64 = store.conn.query_row("SELECT COUNT(DISTINCT id) FROM documents", [], |r| r.get(0)).unwrap();
    assert_eq!(distinct as u64, total);
    let expected_figures: u64 = (0..total).map(|n| n % 4).sum();
    assert_eq!(store.counts().unwrap().figures, expected_figures);
    assert_eq!(store.signatures().unwrap().len() as u64, total);
    let runs = store.runs().unwrap();
    assert_eq!(runs.len(), 6);
    for (run, killed) in runs.iter().zip(&killed) {
        assert_eq!(run.finished.is_none(), *killed, "a killed run stays unfinished: {run:?}");
    }
    assert!(runs[5].finished.is_some());
    assert_eq!(runs[5].batches as usize, CHILD_BATCHES);
}
