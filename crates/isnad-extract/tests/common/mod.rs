//! Shared checks for the integration tests.

use isnad_model::{CharIndex, Document, Span};

/// Asserts every offset-carrying item of a document against its text and raw
/// input: `text[start..end] == surface`, and raw spans give back the raw text.
#[allow(dead_code)]
pub fn check_spans(doc: &Document) {
    let ti = CharIndex::new(&doc.text);
    let ri = CharIndex::new(&doc.raw);
    let text = |s: usize, e: usize| ti.slice(&doc.text, s, e);
    let raw = |s: Span| ri.slice(&doc.raw, s.start, s.end);
    for n in &doc.noise {
        assert_eq!(raw(n.raw), n.surface, "noise {n:?}");
    }
    for r in &doc.repairs {
        assert_eq!(raw(r.raw), r.before, "repair {r:?}");
        assert_eq!(text(r.text.start, r.text.end), r.after, "repair {r:?}");
    }
    for h in &doc.headings {
        assert_eq!(text(h.start, h.end), h.surface);
    }
    // Every fact layer: `text[start..end] == surface`.
    for n in doc.numbers.iter().flatten() {
        assert_eq!(text(n.start, n.end), n.surface, "number {n:?}");
        assert!(n.start <= n.number.start && n.number.end <= n.end, "number span {n:?}");
    }
    for d in doc.dates.iter().flatten() {
        assert_eq!(text(d.start, d.end), d.surface, "date {d:?}");
    }
    for d in doc.durations.iter().flatten() {
        assert_eq!(text(d.start, d.end), d.surface, "duration {d:?}");
    }
    for e in doc.entities.iter().flatten() {
        assert!(!e.mentions.is_empty(), "entity without mentions {e:?}");
        for m in &e.mentions {
            assert_eq!(text(m.start, m.end), m.surface, "mention of {}", e.canonical);
        }
    }
    for a in doc.nationalities.iter().flatten() {
        assert_eq!(text(a.start, a.end), a.surface, "nationality {a:?}");
    }
    for f in doc.figures.iter().flatten() {
        assert_eq!(text(f.start, f.end), f.surface, "figure {f:?}");
        if let Some(src) = &f.source {
            assert_eq!(text(src.start, src.end), src.surface, "figure source {src:?}");
        }
    }
    for q in doc.quotes.iter().flatten() {
        assert_eq!(text(q.start, q.end), q.surface, "quote {q:?}");
        assert!(q.content_start <= q.content_end && q.content_end <= ti.len_chars(), "quote content {q:?}");
        assert!(q.cue_start <= q.cue_end && q.cue_end <= ti.len_chars(), "quote cue {q:?}");
        for s in [&q.speaker, &q.venue].into_iter().flatten() {
            assert_eq!(text(s.start, s.end), s.surface, "quote speaker/venue {s:?}");
        }
    }
    let n_citations = doc.citations.as_ref().map_or(0, Vec::len);
    for c in doc.citations.iter().flatten() {
        assert_eq!(text(c.start, c.end), c.surface, "citation {c:?}");
        for s in std::iter::once(&c.outlet).chain(c.via.iter()) {
            assert_eq!(text(s.start, s.end), s.surface, "citation outlet/via {s:?}");
            assert!(c.start <= s.start && s.end <= c.end, "citation part outside {c:?}");
        }
    }
    for f in doc.figures.iter().flatten() {
        assert!(f.citation.is_none_or(|c| c < n_citations), "figure citation {f:?}");
    }
    for q in doc.quotes.iter().flatten() {
        assert!(q.citation.is_none_or(|c| c < n_citations), "quote citation {q:?}");
    }
    let n_figures = doc.figures.as_ref().map_or(0, Vec::len);
    for e in doc.events.iter().flatten() {
        assert_eq!(text(e.start, e.end), e.surface, "event {e:?}");
        let s = &doc.sentences[e.sentence];
        assert!(s.start <= e.start && e.end <= s.end, "event outside its sentence {e:?}");
        assert!(e.figures.iter().all(|&i| i < n_figures), "event figures {e:?}");
        for id in e.participants.iter().chain(e.place.iter()) {
            assert!(doc.entities.iter().flatten().any(|x| &x.id == id), "event entity {id}");
        }
    }
    if let Some(r) = &doc.reference {
        if let Some(ev) = r.evidence {
            assert!(ev.end <= ti.len_chars(), "reference evidence {r:?}");
        }
    }
    if let Some(d) = &doc.dateline {
        assert!(d.raw.end <= ri.len_chars());
    }
    let text_chars: Vec<char> = doc.text.chars().collect();
    let raw_chars: Vec<char> = doc.raw.chars().collect();
    assert_eq!(doc.offset_map.text_len(), text_chars.len());
    // Equal-length runs are char for char: copied, or replaced one for one
    // by a listed repair (an NBSP made a space).
    let mut repaired = vec![false; text_chars.len()];
    for r in &doc.repairs {
        repaired[r.text.start..r.text.end].iter_mut().for_each(|x| *x = true);
    }
    for seg in doc.offset_map.segments() {
        assert!(seg.raw + seg.raw_len <= raw_chars.len());
        if seg.text_len == seg.raw_len {
            for k in 0..seg.text_len {
                if !repaired[seg.text + k] {
                    assert_eq!(text_chars[seg.text + k], raw_chars[seg.raw + k], "{seg:?}");
                }
            }
        }
    }
    for s in &doc.sentences {
        assert!(s.start < s.end && s.end <= text_chars.len());
        let surface = text(s.start, s.end);
        assert_eq!(surface.trim(), surface);
        // The sentence maps back to raw text that starts with the same char,
        // unless a repair replaced that char.
        let raw_surface = raw(doc.offset_map.to_raw(Span::new(s.start, s.end)));
        if !repaired[s.start] {
            assert!(raw_surface.starts_with(surface.chars().next().unwrap()), "{surface:?} <- {raw_surface:?}");
        }
    }
}
