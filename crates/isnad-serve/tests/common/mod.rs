//! Shared test fixtures: a few hand-written Arabic articles about a ceasefire,
//! a temporary workspace holding them, and a server over it.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::Path;
use std::time::Duration;

use isnad_app::Workspace;
use isnad_input::InputDoc;
use isnad_model::Metadata;

/// `(outlet, published, title, text)` of the fixture articles.
pub const ARTICLES: &[(&str, &str, &str, &str)] = &[
    (
        "صحيفة الميزان",
        "2025-01-10",
        "وزارة الصحة: ارتفاع عدد القتلى في غزة",
        "غزة - أعلنت وزارة الصحة في غزة، يوم الجمعة، أن عدد القتلى في غزة ارتفع إلى 4500 شخص منذ بدء الحرب، \
فيما أصيب أكثر من 12000 آخرين بجروح.\n\n\
وقال الرئيس الأمريكي جو بايدن في مؤتمر صحفي في واشنطن: \"إن اتفاق وقف إطلاق النار بات قريبا جدا\".\n\n\
ونقلت وكالة رويترز عن مسؤول مصري قوله إن المفاوضات في القاهرة ستستأنف يوم الأحد المقبل.",
    ),
    (
        "موقع الرصد",
        "2025-01-10",
        "الجيش الإسرائيلي يعلن حصيلة مختلفة",
        "القدس - قال الجيش الإسرائيلي يوم الجمعة إن عدد القتلى في غزة بلغ نحو 3000 شخص فقط، مشككا في أرقام وزارة الصحة في غزة.\n\n\
وقال المتحدث باسم الخارجية القطرية ماجد الأنصاري إن \"المحادثات بشأن وقف إطلاق النار مستمرة\".\n\n\
وأكد رئيس الوزراء القطري محمد بن عبد الرحمن آل ثاني في الدوحة أن \"الهدنة ستبدأ صباح الأحد وتستمر ستة أسابيع\".\n\n\
وذكرت قناة الجزيرة أن حركة حماس ستفرج عن 33 رهينة في المرحلة الأولى من اتفاق وقف إطلاق النار.",
    ),
    (
        "صحيفة الميزان",
        "2025-01-15",
        "الصحة في غزة: الحصيلة ترتفع مع اقتراب الهدنة",
        "غزة - أعلنت وزارة الصحة في غزة يوم الأربعاء أن عدد القتلى في غزة ارتفع إلى 4700 شخص، \
بينما تجاوز عدد الجرحى 12500.\n\n\
وقال المتحدث باسم الخارجية القطرية ماجد الأنصاري إن \"المحادثات بشأن وقف إطلاق النار في مراحلها الأخيرة\".",
    ),
    (
        "مدونة الاختبار",
        "2025-01-16",
        "مقال فيه شيفرة",
        "الدوحة - نشر موقع إخباري تعليقا جاء فيه <script>alert(1)</script> ونص <b>عريض</b> ضمن مقال عن وقف إطلاق النار في غزة.\n\n\
وقال المتحدث باسم الخارجية القطرية ماجد الأنصاري إن \"المحادثات مستمرة\".",
    ),
];

/// The fixture articles as inputs.
pub fn inputs() -> Vec<InputDoc> {
    ARTICLES
        .iter()
        .map(|(outlet, published, title, text)| InputDoc {
            meta: Metadata {
                source: "test".into(),
                outlet: Some(outlet.to_string()),
                published: Some(published.to_string()),
                title: Some(title.to_string()),
                ..Default::default()
            },
            raw: text.to_string(),
            warnings: Vec::new(),
        })
        .collect()
}

/// `n` variations of the fixtures (numbers and dates shifted), for load tests.
pub fn many_inputs(n: usize) -> Vec<InputDoc> {
    let base = inputs();
    (0..n)
        .map(|i| {
            let mut d = base[i % base.len()].clone();
            let day = 1 + (i % 28);
            d.meta.published = Some(format!("2025-02-{day:02}"));
            d.raw = d.raw.replace("4500", &(4500 + i * 7).to_string()).replace("3000", &(3000 + i * 11).to_string());
            d.raw.push_str(&format!("\n\nوأضاف التقرير رقم {i} أن الوضع الإنساني يزداد سوءا."));
            d
        })
        .collect()
}

/// Creates a workspace in `dir` and ingests `docs`; returns their ids in order.
pub fn ingest(dir: &Path, docs: Vec<InputDoc>) -> Vec<String> {
    let mut ws = Workspace::open(dir).expect("open workspace");
    let report = ws.ingest_documents(docs).expect("ingest");
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    report.ids
}

/// Starts a server over `ws` on 127.0.0.1:0 in a background thread; returns its address.
pub fn start(ws: Workspace, max_body: usize) -> SocketAddr {
    start_state(isnad_serve::AppState::with_limits(ws, max_body, Duration::from_secs(30)))
}

/// Starts a server with this state on 127.0.0.1:0 in a background thread; returns its address.
pub fn start_state(state: isnad_serve::AppState) -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        rt.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            axum::serve(listener, isnad_serve::router(state)).await.unwrap();
        });
    });
    rx.recv().expect("server address")
}
