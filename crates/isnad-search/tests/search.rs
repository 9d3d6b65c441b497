//! End-to-end tests of the search index on small hand-written Arabic documents.

use isnad_model::Document;
use isnad_search::{SearchError, SearchIndex, SearchQuery};
use serde_json::json;

fn doc(id: &str, outlet: &str, published: &str, title: &str, text: &str) -> Document {
    serde_json::from_value(json!({
        "schema": isnad_model::SCHEMA,
        "id": id,
        "source": "test",
        "outlet": outlet,
        "published": published,
        "title": title,
        "text": text,
        "raw": text,
        "offset_map": [],
        "noise": [],
        "repairs": [],
        "headings": [],
        "sentences": [],
        "truncated": false,
    }))
    .expect("valid document")
}

fn fixtures() -> Vec<Document> {
    let mut gaza = doc(
        "gaza",
        "bbc",
        "2024-01-05T10:00:00+00:00",
        "غارات على القطاع",
        "قُتل ١٢ شخصاً في غزة جراء غارات إسرائيلية، وفق وزارة الصحة في القاهره.",
    );
    gaza.entities = Some(
        serde_json::from_value(json!([
            {"id": "place:gaza", "canonical": "غزة", "type": "PLACE", "mentions": []},
            {"id": "org:moh", "canonical": "وزارة الصحة", "type": "ORG", "mentions": []}
        ]))
        .unwrap(),
    );
    gaza.figures = Some(
        serde_json::from_value(json!([{
            "start": 0, "end": 10, "surface": "قتل ١٢ شخصا", "number": 0, "value": 12.0,
            "hedge": "exact", "what": "killed", "modality": "reported"
        }]))
        .unwrap(),
    );
    vec![
        gaza,
        doc(
            "beirut",
            "cnn",
            "2024-02-10",
            "زيارة إلى بيروت",
            "وصل المبعوث إلى بيروت لبحث الوضع في لبنان مع المسؤولين، بينما أعلنت حماس موقفها.",
        ),
        doc(
            "usa",
            "bbc",
            "2024-03-01",
            "واشنطن تعلق",
            "وقالت والولايات المتحدة إنها تدعم الجهود بغزة، وأشارت إسرائيل إلى 2024 عاماً صعباً. المستوطنون هاجموا القرية.",
        ),
        doc(
            "qatar",
            "france24",
            "2023-12-20",
            "الدوحة تستضيف محادثات",
            "استضافت الدوحة محادثات بين الطرفين بوساطة قطرية وبمشاركة مسؤولين من مصر، وقال مسؤول قطري إن المستوطنين يعرقلون الاتفاق.",
        ),
    ]
}

fn index() -> (tempfile::TempDir, SearchIndex) {
    let dir = tempfile::tempdir().unwrap();
    let mut ix = SearchIndex::open(dir.path().join("ix")).unwrap();
    let docs = fixtures();
    let refs: Vec<&Document> = docs.iter().collect();
    ix.add(&refs).unwrap();
    ix.commit().unwrap();
    (dir, ix)
}

fn ids(ix: &SearchIndex, q: SearchQuery) -> Vec<String> {
    let mut ids: Vec<String> = ix.search(&q).unwrap().hits.into_iter().map(|h| h.doc_id).collect();
    ids.sort();
    ids
}

fn text(ix: &SearchIndex, s: &str) -> Vec<String> {
    ids(ix, SearchQuery { text: s.into(), ..Default::default() })
}

#[test]
fn clitics_match_both_ways() {
    let (_d, ix) = index();
    // بغزة finds غزة, and غزة finds بغزة.
    assert_eq!(text(&ix, "بغزة"), ["gaza", "usa"]);
    assert_eq!(text(&ix, "غزة"), ["gaza", "usa"]);
    assert_eq!(text(&ix, "الولايات"), ["usa"]);
    assert_eq!(text(&ix, "لحماس"), ["beirut"]);
    assert_eq!(text(&ix, "الصحة"), ["gaza"]);
}

#[test]
fn words_starting_with_clitic_letters_are_not_broken() {
    let (_d, ix) = index();
    assert_eq!(text(&ix, "بيروت"), ["beirut"]);
    assert_eq!(text(&ix, "لبنان"), ["beirut"]);
    // Neither is split into a different word.
    assert!(text(&ix, "يروت").is_empty());
    assert!(text(&ix, "بنان").is_empty());
}

#[test]
fn orthographic_variants_and_digits_match() {
    let (_d, ix) = index();
    // إسرائيل (usa) matches exactly; إسرائيلية (gaza) shares its light stem and ranks below.
    let res = ix.search(&SearchQuery { text: "اسرائيل".into(), ..Default::default() }).unwrap();
    let order: Vec<&str> = res.hits.iter().map(|h| h.doc_id.as_str()).collect();
    assert_eq!(order, ["usa", "gaza"]);
    assert_eq!(text(&ix, "\"اسرائيلية\""), ["gaza"]);
    assert_eq!(text(&ix, "القاهرة"), ["gaza"]);
    assert_eq!(text(&ix, "قتل"), ["gaza"]);
    assert_eq!(text(&ix, "12"), ["gaza"]);
    assert_eq!(text(&ix, "٢٠٢٤"), ["usa"]);
}

#[test]
fn all_words_must_match_and_stems_widen() {
    let (_d, ix) = index();
    assert_eq!(text(&ix, "غزة الولايات"), ["usa"]);
    assert!(text(&ix, "غزة بيروت").is_empty());
    // المستوطنون and المستوطنين share a light stem.
    assert_eq!(text(&ix, "المستوطنين"), ["qatar", "usa"]);
    // ...but the exact form ranks first.
    let res = ix.search(&SearchQuery { text: "المستوطنين".into(), ..Default::default() }).unwrap();
    assert_eq!(res.hits[0].doc_id, "qatar");
}

#[test]
fn phrases_need_adjacent_words() {
    let (_d, ix) = index();
    assert_eq!(text(&ix, "\"الولايات المتحدة\""), ["usa"]);
    assert!(text(&ix, "\"المتحدة الولايات\"").is_empty());
    assert_eq!(text(&ix, "«وزارة الصحة»"), ["gaza"]);
}

#[test]
fn title_matches_and_rank_higher() {
    let (_d, ix) = index();
    // الدوحة is in the title and text of qatar only.
    assert_eq!(text(&ix, "بالدوحة"), ["qatar"]);
    assert_eq!(text(&ix, "القطاع"), ["gaza"]);
}

#[test]
fn filters_restrict_results() {
    let (_d, ix) = index();
    let q = |f: &dyn Fn(&mut SearchQuery)| {
        let mut q = SearchQuery::default();
        f(&mut q);
        ids(&ix, q)
    };
    assert_eq!(q(&|q| q.outlet = Some("bbc".into())), ["gaza", "usa"]);
    assert_eq!(
        q(&|q| {
            q.text = "غزة".into();
            q.outlet = Some("cnn".into())
        }),
        Vec::<String>::new()
    );
    assert_eq!(q(&|q| q.from = Some("2024-01-01".into())), ["beirut", "gaza", "usa"]);
    assert_eq!(
        q(&|q| {
            q.from = Some("2024-01-05".into());
            q.to = Some("2024-02-10".into())
        }),
        ["beirut", "gaza"]
    );
    assert_eq!(q(&|q| q.to = Some("2024-01-05T09:00:00Z".into())), ["qatar"]);
    assert_eq!(q(&|q| q.entity = Some("place:gaza".into())), ["gaza"]);
    assert_eq!(q(&|q| q.entity = Some("وزارة الصحة".into())), ["gaza"]);
    assert_eq!(q(&|q| q.fact_type = Some("figure".into())), ["gaza"]);
    assert_eq!(q(&|q| q.fact_type = Some("killed".into())), ["gaza"]);
    assert!(q(&|q| q.fact_type = Some("quote".into())).is_empty());
    assert_eq!(q(&|_| {}).len(), 4);
}

#[test]
fn bad_dates_are_errors_naming_the_index() {
    let (_d, ix) = index();
    let err = ix.search(&SearchQuery { from: Some("yesterday".into()), ..Default::default() }).unwrap_err();
    assert!(matches!(err, SearchError::InvalidDate { .. }));
    assert!(err.to_string().contains("ix"), "{err}");
}

#[test]
fn snippets_are_plain_text_with_char_highlights_on_the_original_words() {
    let (_d, ix) = index();
    let res = ix.search(&SearchQuery { text: "بغزة".into(), ..Default::default() }).unwrap();
    let gaza = res.hits.iter().find(|h| h.doc_id == "gaza").unwrap();
    let s = &gaza.snippet;
    assert!(!s.highlights.is_empty());
    let marked: Vec<String> = s.highlights.iter().map(|&(a, b)| s.text.chars().skip(a).take(b - a).collect()).collect();
    assert_eq!(marked, ["غزة"]);
    let usa = res.hits.iter().find(|h| h.doc_id == "usa").unwrap();
    let marked: Vec<String> =
        usa.snippet.highlights.iter().map(|&(a, b)| usa.snippet.text.chars().skip(a).take(b - a).collect()).collect();
    assert_eq!(marked, ["بغزة"]);
    assert_eq!(gaza.title.as_deref(), Some("غارات على القطاع"));
    assert_eq!(gaza.outlet.as_deref(), Some("bbc"));
    assert_eq!(gaza.published.as_deref(), Some("2024-01-05T10:00:00+00:00"));
    assert!(gaza.score > 0.0);
    // A stem-only match is highlighted too.
    let res = ix.search(&SearchQuery { text: "المستوطنين".into(), ..Default::default() }).unwrap();
    let usa = res.hits.iter().find(|h| h.doc_id == "usa").unwrap();
    let (a, b) = usa.snippet.highlights[0];
    assert_eq!(usa.snippet.text.chars().skip(a).take(b - a).collect::<String>(), "المستوطنون");
}

#[test]
fn hostile_query_strings_never_fail() {
    let (_d, ix) = index();
    for q in [
        "",
        "\"",
        "\"\"",
        "«",
        "AND OR NOT",
        "title:غزة",
        "غزة~2 ^3 [a TO b]",
        "(((",
        "*",
        "\\",
        "؟!،",
        "ـــ",
        "\u{200f}",
    ] {
        let res = ix.search(&SearchQuery { text: q.into(), limit: 5, ..Default::default() });
        assert!(res.is_ok(), "{q:?}: {res:?}");
    }
    assert_eq!(text(&ix, "title:غزة"), Vec::<String>::new());
}

#[test]
fn paging_and_total() {
    let (_d, ix) = index();
    let all = ix.search(&SearchQuery { limit: 2, ..Default::default() }).unwrap();
    assert_eq!(all.total, 4);
    assert_eq!(all.hits.len(), 2);
    let rest = ix.search(&SearchQuery { limit: 2, offset: 2, ..Default::default() }).unwrap();
    assert_eq!(rest.hits.len(), 2);
    let mut seen: Vec<String> = all.hits.into_iter().chain(rest.hits).map(|h| h.doc_id).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 4);
    let past = ix.search(&SearchQuery { limit: usize::MAX, offset: usize::MAX, ..Default::default() }).unwrap();
    assert_eq!(past.total, 4);
    assert!(past.hits.is_empty());
}

#[test]
fn re_adding_a_document_replaces_it_and_read_only_sees_commits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ix");
    let mut ix = SearchIndex::open(&path).unwrap();
    let a = doc("a", "bbc", "2024-01-01", "عنوان", "خبر عن غزة");
    ix.add(&[&a]).unwrap();
    ix.commit().unwrap();
    let b = doc("a", "bbc", "2024-01-01", "عنوان", "خبر عن بيروت");
    ix.add(&[&b, &b]).unwrap();
    ix.commit().unwrap();
    assert_eq!(ix.num_docs(), 1);
    assert!(text(&ix, "غزة").is_empty());
    assert_eq!(text(&ix, "بيروت"), ["a"]);
    drop(ix);

    let mut ro = SearchIndex::open_read_only(&path).unwrap();
    assert_eq!(text(&ro, "بيروت"), ["a"]);
    assert!(matches!(ro.add(&[&a]), Err(SearchError::ReadOnly { .. })));
    // Reopening for writing keeps the data.
    let ix = SearchIndex::open(&path).unwrap();
    assert_eq!(ix.num_docs(), 1);
}

#[test]
fn opening_a_missing_index_read_only_fails_with_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let err = SearchIndex::open_read_only(dir.path().join("nothing")).unwrap_err();
    assert!(err.to_string().contains("nothing"), "{err}");
}

#[test]
fn unknown_names_match_with_and_without_a_proclitic() {
    let dir = tempfile::tempdir().unwrap();
    let mut ix = SearchIndex::open(dir.path().join("ix")).unwrap();
    let a = doc("a", "bbc", "2024-01-01", "", "التقى الوزير بكوزيمانوف أمس");
    let b = doc("b", "bbc", "2024-01-01", "", "وقال لكوزيمانوف إن الوالي وصل");
    ix.add(&[&a, &b]).unwrap();
    ix.commit().unwrap();
    assert_eq!(text(&ix, "كوزيمانوف"), ["a", "b"]);
    // Both readings of a query word are searched.
    assert_eq!(text(&ix, "بكوزيمانوف"), ["a", "b"]);
    // A quoted word keeps only its first (whole-word) reading.
    assert_eq!(text(&ix, "\"بكوزيمانوف\""), ["a"]);
    // The governor (والي) is not the preposition إلى.
    assert!(text(&ix, "إلى").is_empty());
    assert_eq!(text(&ix, "والي"), ["b"]);
}
