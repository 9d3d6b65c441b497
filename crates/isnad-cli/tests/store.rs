//! End-to-end tests of ingestion and the query commands over a temporary data directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn isnad(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_isnad")).args(args).output().unwrap()
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples")
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(o)))
}

#[test]
fn examples_make_a_story_with_series_a_contradiction_and_search() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let ex = examples();
    let out = isnad(&["ingest", "--data", d, "--no-ner", "-q", "--json", ex.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report = json(&out);
    let read = report["read"].as_u64().unwrap();
    assert!(read >= 8, "{report}");
    assert_eq!(report["new"].as_u64().unwrap(), read);

    // Re-ingesting the same content is a no-op.
    let again = json(&isnad(&["ingest", "--data", d, "--no-ner", "-q", "--json", ex.to_str().unwrap()]));
    assert_eq!(again["new"], 0);
    assert_eq!(again["unchanged"].as_u64().unwrap(), read);

    // The three related reports in 06_story.jsonl form one story.
    let stories = json(&isnad(&["story", "--data", d, "--format", "json"]));
    let big = &stories.as_array().unwrap()[0];
    assert!(big["documents"].as_u64().unwrap() >= 3, "{stories}");
    let id = big["id"].as_str().unwrap();
    let view = json(&isnad(&["story", id, "--data", d, "--format", "json"]));
    assert!(!view["timeline"].as_array().unwrap().is_empty());
    // The ministry's toll and the army's estimate for the same day disagree.
    let contradictions = view["contradictions"].as_array().unwrap();
    assert!(!contradictions.is_empty(), "{view}");
    let c = &contradictions[0];
    assert_eq!(c["key"]["what"], "killed");
    assert_ne!(c["a"]["source"], c["b"]["source"]);
    // The ministry's two reports over time are an update, not a contradiction.
    assert!(view["updates"].as_array().unwrap().iter().any(|u| u["key"]["what"] == "killed"), "{view}");

    // Figure series over the store, filtered by what and place (folded).
    let figs = json(&isnad(&["figures", "--data", d, "--what", "killed", "--place", "قطاع غزة", "--format", "json"]));
    let series = figs["series"].as_array().unwrap();
    assert_eq!(series.len(), 1, "{figs}");
    let points = series[0]["points"].as_array().unwrap();
    assert!(points.len() >= 3);
    let dates: Vec<&str> = points.iter().filter_map(|p| p["published"].as_str()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    assert!(points.iter().all(|p| p["source"].is_string()), "{figs}");
    assert!(!figs["contradictions"].as_array().unwrap().is_empty());

    // Search sees through clitics: بغزة finds غزة.
    let hits = json(&isnad(&["search", "بغزة", "--data", d, "--format", "json"]));
    assert!(hits["total"].as_u64().unwrap() >= 3, "{hits}");
    assert!(!hits["hits"][0]["snippet"]["highlights"].as_array().unwrap().is_empty());

    // Quotes by speaker, entities by type, CSV export with a header.
    let quotes = json(&isnad(&["quotes", "--data", d, "--speaker", "الجيش", "--format", "json"]));
    assert!(!quotes.as_array().unwrap().is_empty(), "{quotes}");
    let people = json(&isnad(&["entities", "--data", d, "--type", "person", "--format", "json"]));
    assert!(people.as_array().unwrap().iter().all(|e| e["entity_type"] == "PERSON" || e["type"] == "PERSON"));
    let csv = text(&isnad(&["export", "--data", d, "--what", "figures", "--format", "csv"]));
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().contains("what"), "{csv}");
    assert!(lines.count() >= 10);
    let table = text(&isnad(&["figures", "--data", d, "--what", "killed"]));
    assert!(table.contains("31184"), "{table}");
}

#[test]
fn seeds_form_one_story_with_dated_hostage_and_casualty_series() {
    let seeds = isnad_eval::shared_path("corpus/seeds");
    // Publication dates: the gold annotation's estimates (the texts carry none).
    let dates = ["2023-11-20", "2024-01-30", "2024-01-29", "2025-08-09", "2024-05-26"];
    let mut files: Vec<PathBuf> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    let work = tempfile::tempdir().unwrap();
    let jsonl = work.path().join("seeds.jsonl");
    let lines: Vec<String> = files
        .iter()
        .zip(dates)
        .map(|(p, date)| {
            let text = std::fs::read_to_string(p).unwrap();
            serde_json::json!({"id": p.file_stem().unwrap().to_str(), "published": date, "text": text}).to_string()
        })
        .collect();
    std::fs::write(&jsonl, lines.join("\n")).unwrap();
    let data = work.path().join("data");
    let d = data.to_str().unwrap();
    let out = isnad(&["ingest", "--data", d, "-q", "--json", jsonl.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(json(&out)["new"], 5);

    let stories = json(&isnad(&["story", "--data", d, "--format", "json"]));
    let stories = stories.as_array().unwrap();
    assert_eq!(stories.len(), 1, "{stories:?}");
    assert_eq!(stories[0]["documents"], 5);

    for what in ["hostages_held", "killed"] {
        let figs = json(&isnad(&["figures", "--data", d, "--what", what, "--format", "json"]));
        let series = figs["series"].as_array().unwrap();
        let longest = series.iter().max_by_key(|s| s["points"].as_array().unwrap().len()).expect(what);
        let points = longest["points"].as_array().unwrap();
        assert!(points.len() >= 2, "{what}: {figs}");
        let dates: Vec<String> = points
            .iter()
            .map(|p| p["as_of"].as_str().or(p["published"].as_str()).unwrap_or("").chars().take(10).collect())
            .collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{what}: {dates:?}");
        assert!(points.iter().any(|p| p["source"].is_string()), "{what}: {figs}");
    }

    // The tolls of the 7 October attack (in Israel) and of the war in Gaza are
    // two series, not one series with a false contradiction between them.
    let figs = json(&isnad(&["figures", "--data", d, "--what", "killed", "--format", "json"]));
    let series = figs["series"].as_array().unwrap();
    let at = |place: &str| {
        series
            .iter()
            .find(|s| s["key"]["place"].as_str().is_some_and(|p| p.contains(place)))
            .unwrap_or_else(|| panic!("no killed series in {place}: {figs}"))
    };
    let gaza = at("غزه")["points"].as_array().unwrap();
    assert!(gaza.len() >= 3, "{figs}");
    let sources: std::collections::BTreeSet<&str> = gaza.iter().filter_map(|p| p["source"].as_str()).collect();
    assert!(sources.len() >= 2, "{sources:?}");
    let israel = at("اسرائيل")["points"].as_array().unwrap();
    assert!(israel.iter().all(|p| p["value"].as_f64().unwrap() < 2000.0), "{figs}");

    // A flagged disagreement between two sources, both sides traced to their spans.
    let contradictions = figs["contradictions"].as_array().unwrap();
    assert!(!contradictions.is_empty(), "{figs}");
    let docs: Vec<serde_json::Value> =
        text(&isnad(&["export", "--data", d])).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    for c in contradictions {
        assert_ne!(c["a"]["source"], c["b"]["source"], "{c}");
        for side in [&c["a"], &c["b"]] {
            let doc = docs.iter().find(|x| x["id"] == side["doc_id"]).expect("the side's document");
            let chars: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
            let (start, end) = (side["start"].as_u64().unwrap() as usize, side["end"].as_u64().unwrap() as usize);
            assert_eq!(chars[start..end].iter().collect::<String>(), side["surface"].as_str().unwrap());
        }
    }
}

#[test]
fn a_bad_file_in_a_batch_is_named_and_the_good_ones_are_stored() {
    let work = tempfile::tempdir().unwrap();
    let input = work.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join("a.txt"), "قال الوزير إن 40 شخصا قتلوا في القصف.").unwrap();
    std::fs::write(input.join("b.xml"), "<rss><channel><item>").unwrap();
    std::fs::write(input.join("c.warc.gz"), [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]).unwrap();
    std::fs::write(input.join("d.html"), "<html><body><article><p>عاد الوفد المفاوض إلى القاهرة مساء الأحد بعد جولة من المحادثات.</p></article></body></html>").unwrap();
    let data = work.path().join("data");
    let out = isnad(&["ingest", "--data", data.to_str().unwrap(), "--no-ner", "-q", input.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("b.xml"), "{stderr}");
    assert!(stderr.contains("c.warc.gz"), "{stderr}");
    assert!(stderr.contains("2 new"), "{stderr}");
    let docs = text(&isnad(&["export", "--data", data.to_str().unwrap()]));
    assert_eq!(docs.lines().count(), 2, "{docs}");
}

#[test]
fn queries_on_a_missing_store_say_so() {
    let work = tempfile::tempdir().unwrap();
    let out = isnad(&["story", "--data", work.path().join("nothing").to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no isnad store"));
}

/// Reads a Parquet file back: column names and rows as JSON objects.
fn read_parquet(path: &Path) -> (Vec<String>, Vec<serde_json::Value>) {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let reader = SerializedFileReader::new(std::fs::File::open(path).unwrap()).unwrap();
    let names = reader
        .metadata()
        .file_metadata()
        .schema_descr()
        .root_schema()
        .get_fields()
        .iter()
        .map(|f| f.name().to_string())
        .collect();
    let rows = reader
        .get_row_iter(None)
        .unwrap()
        .map(|r| {
            let r = r.unwrap();
            serde_json::Value::Object(r.get_column_iter().map(|(k, v)| (k.clone(), field(v))).collect())
        })
        .collect();
    (names, rows)
}

fn field(f: &parquet::record::Field) -> serde_json::Value {
    use parquet::record::Field;
    match f {
        Field::Null => serde_json::Value::Null,
        Field::Bool(b) => (*b).into(),
        Field::Long(n) => (*n).into(),
        Field::Double(x) => (*x).into(),
        Field::Str(s) => s.as_str().into(),
        Field::ListInternal(l) => serde_json::Value::Array((0..l.len()).map(|i| list_item(l, i)).collect()),
        other => panic!("unexpected parquet field {other:?}"),
    }
}

fn list_item(l: &parquet::record::List, i: usize) -> serde_json::Value {
    l.elements().get(i).map(field).unwrap_or(serde_json::Value::Null)
}

#[test]
fn export_writes_the_same_rows_as_jsonl_csv_and_parquet() {
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let out = isnad(&["ingest", "--data", d, "--no-ner", "-q", examples().to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for what in ["documents", "figures", "quotes", "entities", "events"] {
        let jsonl = text(&isnad(&["export", "--data", d, "--what", what, "--format", "jsonl"]));
        let records: Vec<serde_json::Value> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert!(!records.is_empty(), "{what}: no rows");
        let csv_out = isnad(&["export", "--data", d, "--what", what, "--format", "csv"]);
        assert!(csv_out.status.success(), "{what}: {}", String::from_utf8_lossy(&csv_out.stderr));
        let mut csv = csv::Reader::from_reader(csv_out.stdout.as_slice());
        let header: Vec<String> = csv.headers().unwrap().iter().map(str::to_string).collect();
        let csv_rows: Vec<csv::StringRecord> = csv.records().map(Result::unwrap).collect();
        assert_eq!(csv_rows.len(), records.len(), "{what}");

        let file = data.path().join(format!("{what}.parquet"));
        let out = isnad(&["export", "--data", d, "--what", what, "--format", "parquet", "-o", file.to_str().unwrap()]);
        assert!(out.status.success(), "{what}: {}", String::from_utf8_lossy(&out.stderr));
        let (names, rows) = read_parquet(&file);
        assert_eq!(names, header, "{what}: Parquet and CSV columns");
        assert_eq!(rows.len(), records.len(), "{what}");
        // Values agree with JSONL, column by column (documents: JSONL is the full record).
        if what != "documents" {
            for (row, rec) in rows.iter().zip(&records) {
                for name in &names {
                    let (p, j) = (&row[name.as_str()], &rec[name.as_str()]);
                    let same = match (p.as_f64(), j.as_f64()) {
                        (Some(a), Some(b)) => (a - b).abs() < 1e-9,
                        _ => p == j || (j.is_array() && j.as_array().unwrap().is_empty() && p.is_null()),
                    };
                    assert!(same, "{what}.{name}: parquet {p} vs jsonl {j}");
                }
                // Every key of the row type has a column.
                for key in rec.as_object().unwrap().keys() {
                    assert!(names.contains(key), "{what}: column {key} missing from the schema");
                }
            }
        } else {
            let ids: Vec<&str> = rows.iter().map(|r| r["id"].as_str().unwrap()).collect();
            assert!(records.iter().all(|r| ids.contains(&r["id"].as_str().unwrap())));
            assert!(rows.iter().all(|r| r["text"].as_str().is_some_and(|t| !t.is_empty())));
        }
    }
}
