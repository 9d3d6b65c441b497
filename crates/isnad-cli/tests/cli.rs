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
    // good.txt, records r1 and r4, and the empty file (a valid empty document).
    assert_eq!(docs.len(), 4, "{stdout}");
    assert!(docs[0]["text"].as_str().unwrap().starts_with("قال الوزير"));
    assert!(docs[0]["numbers"].as_array().unwrap().iter().any(|n| n["value"] == 40.0));
    assert_eq!(docs[1]["record_id"], "r1");
    assert_eq!(docs[2]["record_id"], "r4");
    assert_eq!(docs[3]["text"], "");

    assert!(stderr.contains("b_binary.txt"), "{stderr}");
    assert!(stderr.contains("c_records.jsonl:2"), "{stderr}");
    assert!(stderr.contains("c_records.jsonl:3"), "{stderr}");
    assert!(stderr.contains("4 extracted, 3 failed"), "{stderr}");
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
