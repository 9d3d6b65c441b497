//! End-to-end tests of the `isnad` binary: a batch with bad inputs keeps the
//! good documents, names every failure and exits non-zero.

use std::process::Command;

fn isnad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_isnad"))
}

#[test]
fn batch_with_bad_inputs_keeps_the_good_ones_and_fails_loudly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a_good.txt"), "قال الوزير إن نحو 40 شخصا قتلوا أمس.\n[ad_1]\n").unwrap();
    std::fs::write(dir.path().join("b_binary.txt"), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    std::fs::write(
        dir.path().join("c_records.jsonl"),
        "{\"id\": \"r1\", \"text\": \"وصل الوفد إلى القاهرة.\"}\nnot json\n{\"id\": \"r3\"}\n{\"id\": \"r4\", \"text\": \"عاد الوفد.\"}\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("d_empty.txt"), "").unwrap();

    let out = isnad().arg("extract").arg(dir.path()).arg("--format").arg("jsonl").output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");

    let docs: Vec<serde_json::Value> = stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    // good.txt, records r1 and r4; the empty file is an error.
    assert_eq!(docs.len(), 3, "{stdout}");
    assert!(docs[0]["text"].as_str().unwrap().starts_with("قال الوزير"));
    assert!(docs[0]["numbers"].as_array().unwrap().iter().any(|n| n["value"] == 40.0));
    assert_eq!(docs[1]["record_id"], "r1");
    assert_eq!(docs[2]["record_id"], "r4");

    assert!(stderr.contains("b_binary.txt"), "{stderr}");
    assert!(stderr.contains("c_records.jsonl:2"), "{stderr}");
    assert!(stderr.contains("c_records.jsonl:3"), "{stderr}");
    assert!(stderr.contains("d_empty.txt: empty document: no text to extract"), "{stderr}");
    assert!(stderr.contains("3 extracted, 4 failed"), "{stderr}");
}

#[test]
fn stdin_and_single_document_json() {
    use std::io::Write;
    let mut child = isnad()
        .args(["extract", "-", "--published", "2024-01-29", "--outlet", "وكالة"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all("أعلن الجيش أمس مقتل ثلاثة جنود.".as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["schema"], "isnad.document/1");
    assert_eq!(doc["outlet"], "وكالة");
    assert_eq!(doc["published"], "2024-01-29");
    // "أمس" resolves against the publication date.
    assert!(doc["dates"].as_array().unwrap().iter().any(|d| d["value"] == "2024-01-28"), "{doc}");
}

/// A folder of every record shape and an HTML page, with field overrides:
/// `extract` and `ingest` read the same documents and report the same failures.
#[test]
fn extract_and_ingest_read_the_same_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("in");
    std::fs::create_dir(&d).unwrap();
    std::fs::write(
        d.join("a.json"),
        r#"[{"maqal": "قال الوزير إن الوفد وصل.", "headline": "وصول الوفد", "pubDate": "2021-03-04"}, {"other": 1}]"#,
    )
    .unwrap();
    std::fs::write(d.join("b.csv"), "maqal,link\n\"عاد الوفد إلى القاهرة.\",https://example.org/b\n").unwrap();
    std::fs::write(
        d.join("c.html"),
        "<html><head><title>صفحة</title></head><body><article><p>أعلنت الحكومة خطة جديدة للنقل العام في العاصمة.</p></article></body></html>",
    )
    .unwrap();
    let out = isnad().args(["extract", "--format", "jsonl", "--text-field", "maqal"]).arg(&d).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let docs: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(docs.len(), 3, "{stderr}");
    assert_eq!(docs[0]["title"], "وصول الوفد");
    assert_eq!(docs[1]["url"], "https://example.org/b");
    assert!(docs[2]["text"].as_str().unwrap().contains("للنقل العام"), "{}", docs[2]["text"]);
    assert!(stderr.contains("a.json:2: record has no text field (looked for maqal; fields seen: other)"), "{stderr}");

    let data = dir.path().join("data");
    let out = isnad()
        .args(["ingest", "--quiet", "--json", "--no-ner", "--text-field", "maqal", "--data"])
        .arg(&data)
        .arg(&d)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["new"], 3, "{report}");
    assert_eq!(report["failed"].as_array().unwrap().len(), 1, "{report}");
    assert_eq!(report["failed"][0]["line"], 2);
    let ids: Vec<&str> = report["ids"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    let extracted: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, extracted, "the same documents, in the same order");
}

/// `--published` is validated before anything is read; a record's bad date
/// is a warning naming the record, and the article is still extracted.
#[test]
fn publication_dates_are_validated() {
    let out = isnad().args(["extract", "--published", "29/01/2024", "-"]).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("published date \"29/01/2024\" is not a date"), "{stderr}");

    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("r.jsonl");
    std::fs::write(&f, "{\"text\": \"وصل الوفد إلى القاهرة أمس.\", \"date\": \"1700-01-01\"}\n").unwrap();
    let out = isnad().args(["extract", "--format", "jsonl"]).arg(&f).output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{stderr}");
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(doc.get("published").is_none(), "{doc}");
    assert!(
        stderr.contains(&format!(
            "{}:1: published date \"1700-01-01\" is outside the years 1800–2200; ignored",
            f.display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("1 extracted, 0 failed, 1 with warnings"), "{stderr}");
}
