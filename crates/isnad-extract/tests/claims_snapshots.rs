//! Snapshot tests (insta) for citations and events on short hand-written
//! sentences: each fact is printed with the sentence, its spans marked
//! `⟦…⟧` one line per part, so a change shows up as a readable diff.

mod common;

use std::fmt::Write;

use isnad_extract::{Extractor, Options};
use isnad_model::{Document, Metadata};

fn extract(text: &str) -> Document {
    let meta = Metadata { source: "snapshot".into(), published: Some("2024-03-12".into()), ..Default::default() };
    // The statistical tagger is left out so that retraining it does not churn these snapshots.
    let doc = Extractor::with_options(Options { ner: false }).extract(meta, text.to_string(), vec![]);
    common::check_spans(&doc);
    doc
}

/// The text with `start..end` (chars) marked `⟦…⟧`.
fn mark(text: &str, start: usize, end: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let part = |a: usize, b: usize| chars[a.min(chars.len())..b.min(chars.len())].iter().collect::<String>();
    format!("{}⟦{}⟧{}", part(0, start), part(start, end), part(end, chars.len()))
}

/// One marked line: `  label  text with ⟦span⟧`.
fn marked(out: &mut String, label: &str, text: &str, start: usize, end: usize) {
    writeln!(out, "  {label:<12} {}", mark(text, start, end)).unwrap();
}

/// Every citation of each text: the citing phrase, the outlet and whom it cites.
fn render_citations(texts: &[&str]) -> String {
    let mut out = String::new();
    for text in texts {
        let doc = extract(text);
        writeln!(out, "{}", doc.text).unwrap();
        let citations = doc.citations.as_deref().unwrap_or(&[]);
        if citations.is_empty() {
            writeln!(out, "  (no citation)").unwrap();
        }
        for c in citations {
            marked(&mut out, &format!("cite {}", c.cue), &doc.text, c.start, c.end);
            let o = &c.outlet;
            marked(&mut out, "outlet", &doc.text, o.start, o.end);
            if let Some(e) = &o.entity {
                writeln!(out, "  {:<12} {e}", "  entity").unwrap();
            }
            match &c.via {
                Some(v) => marked(&mut out, if v.anonymous { "via (anon.)" } else { "via" }, &doc.text, v.start, v.end),
                None => writeln!(out, "  {:<12} -", "via").unwrap(),
            }
        }
        writeln!(out).unwrap();
    }
    out
}

/// The canonical name and type of an entity id, with its first mention marked.
fn entity(out: &mut String, label: &str, doc: &Document, id: &str) {
    match doc.entities.iter().flatten().find(|e| e.id == id) {
        Some(e) => match e.mentions.first() {
            Some(m) => {
                marked(out, &format!("{label} {}", e.entity_type.as_str()), &doc.text, m.start, m.end);
            }
            None => writeln!(out, "  {label:<12} {} (no mention)", e.canonical).unwrap(),
        },
        None => writeln!(out, "  {label:<12} {id} (unknown id)").unwrap(),
    }
}

/// Every event of each text: kind and trigger, participants, place, time, negation.
fn render_events(texts: &[&str]) -> String {
    let mut out = String::new();
    for text in texts {
        let doc = extract(text);
        writeln!(out, "{}", doc.text).unwrap();
        let events = doc.events.as_deref().unwrap_or(&[]);
        if events.is_empty() {
            writeln!(out, "  (no event)").unwrap();
        }
        for e in events {
            let kind = serde_json::to_value(e.kind).unwrap();
            let negated = if e.negated { " negated" } else { "" };
            marked(&mut out, &format!("{}{negated}", kind.as_str().unwrap_or("?")), &doc.text, e.start, e.end);
            for p in &e.participants {
                entity(&mut out, "who", &doc, p);
            }
            if let Some(p) = &e.place {
                entity(&mut out, "where", &doc, p);
            }
            writeln!(out, "  {:<12} {}", "when", e.time.as_deref().unwrap_or("-")).unwrap();
            if !e.figures.is_empty() {
                let figs: Vec<&str> = e
                    .figures
                    .iter()
                    .filter_map(|&i| doc.figures.as_ref()?.get(i))
                    .map(|f| f.surface.as_str())
                    .collect();
                writeln!(out, "  {:<12} {}", "figures", figs.join(" | ")).unwrap();
            }
        }
        writeln!(out).unwrap();
    }
    out
}

#[test]
fn citations() {
    insta::assert_snapshot!(render_citations(&[
        // An agency citing an unnamed source.
        "نقلت وكالة رويترز عن مصدر مطلع أن جولة المفاوضات المقبلة ستعقد في القاهرة.",
        // A newspaper citing a named official.
        "وذكرت صحيفة نيويورك تايمز نقلا عن وزير الخارجية المصري سامح شكري أن الوسطاء قدموا مقترحا جديدا.",
        // A broadcaster citing officials, with an attributed figure.
        "وأفادت هيئة البث الإسرائيلية نقلا عن مسؤولين كبار بأن 40 أسيرا سيطلق سراحهم في المرحلة الأولى.",
        // An outlet cited with بحسب and no source of its own.
        "وبحسب وكالة الأنباء الفلسطينية، قصفت الطائرات منزلا في خان يونس.",
    ]));
}

#[test]
fn events() {
    insta::assert_snapshot!(render_events(&[
        // A meeting with participants, place and time.
        "اجتمع رئيس الوزراء القطري محمد بن عبد الرحمن آل ثاني مع وليام بيرنز في الدوحة يوم الأحد.",
        // An agreement.
        "وأعلنت مصر وقطر التوصل إلى اتفاق لوقف إطلاق النار في غزة لمدة ستة أسابيع.",
        // A release of hostages.
        "وأفرجت حركة حماس عن ثلاث رهائن إسرائيليات في خان يونس مساء الخميس.",
        // A negated event.
        "ولم يتم التوصل إلى اتفاق بين الطرفين خلال محادثات القاهرة.",
        // An attack.
        "وقصف الجيش الإسرائيلي مخيم جباليا شمال قطاع غزة فجر الاثنين.",
    ]));
}
