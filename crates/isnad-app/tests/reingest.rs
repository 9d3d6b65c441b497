//! Known content is recognised by its content id before extraction.

use isnad_app::{IngestOptions, Workspace};
use isnad_input::InputDoc;
use isnad_model::Metadata;

fn input(source: &str, text: &str) -> InputDoc {
    InputDoc { meta: Metadata { source: source.into(), ..Default::default() }, raw: text.into(), warnings: vec![] }
}

fn articles() -> Vec<InputDoc> {
    vec![
        input("a", "قال وزير الصحة إن 12 شخصا أصيبوا في الحادث أمس."),
        input("b", "وصل الوفد المصري إلى الدوحة لبحث الهدنة."),
        input("a-again", "قال وزير الصحة إن 12 شخصا أصيبوا في الحادث أمس."),
        input("c", "أعلنت البلدية افتتاح سوق جديد للخضار."),
    ]
}

#[test]
fn re_ingesting_known_content_extracts_nothing() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut ws = Workspace::open(dir.path()).expect("open");
    let opts = IngestOptions { batch: 2, ner: false };
    let first = ws.ingest(articles().into_iter().map(Ok), &opts, &mut |_| {}).expect("ingest");
    // The repeated article is met in the run: counted, not extracted twice.
    assert_eq!((first.read, first.new, first.unchanged, first.extracted), (4, 3, 1, 3));
    assert_eq!(first.ids[0], first.ids[2]);

    let mut stored = 0;
    let again = ws.ingest(articles().into_iter().map(Ok), &opts, &mut |p| {
        if let isnad_app::Progress::Stored(n) = p {
            stored += n;
        }
    });
    let again = again.expect("ingest");
    assert_eq!((again.read, again.new, again.unchanged, again.extracted), (4, 0, 4, 0));
    assert_eq!(again.ids, first.ids, "the same ids, in input order");
    assert_eq!(stored, 4);

    // A new article among known ones is the only one extracted.
    let mut mixed = articles();
    mixed.insert(1, input("d", "انتهى الاجتماع دون اتفاق على موعد جديد."));
    let third = ws.ingest(mixed.into_iter().map(Ok), &opts, &mut |_| {}).expect("ingest");
    assert_eq!((third.read, third.new, third.unchanged, third.extracted), (5, 1, 4, 1));
    assert_eq!(ws.store().counts().expect("counts").documents, 4);
}

#[test]
fn an_extracted_document_is_stored_as_it_is() {
    let dir = tempfile::tempdir().expect("tmp");
    let mut ws = Workspace::open(dir.path()).expect("open");
    let doc = isnad_app::extract(input("api", "قالت الوزارة إن 30 شاحنة عبرت المعبر اليوم."));
    let report = ws.ingest_extracted(vec![doc.clone()]).expect("ingest");
    assert_eq!((report.read, report.new, report.extracted), (1, 1, 0));
    assert_eq!(report.ids, std::slice::from_ref(&doc.id));
    let stored = ws.store().document(&doc.id).expect("read").expect("stored");
    assert_eq!(stored.figures, doc.figures);
    let again = ws.ingest_extracted(vec![doc]).expect("ingest");
    assert_eq!((again.new, again.unchanged), (0, 1));
}
