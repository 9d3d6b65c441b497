//! Events: meetings, proposals and demands, agreements, truces, releases and
//! exchanges, decisions and attacks, anchored on a trigger word.
//!
//! A trigger comes from a closed lexicon per kind (`اجتمع`, `قمة`, `مقترح`,
//! `طالب`, `اتفاق`, `هدنة`, `وقف إطلاق النار`, `الإفراج`, `تبادل`, `أقر`,
//! `غارة` …), matched on folded, clitic-stripped tokens. Its sentence gives the
//! rest: participants are the people, organisations and places (as
//! governments) mentioned in it, the place is a place after `في`/`ب` or in the
//! trigger phrase (`قمة باريس`), the time is the first resolved date, and the
//! figures are the sentence's figures that fit the kind (a truce's duration,
//! released hostages, the dead of an attack). One sentence yields at most one
//! event per kind. A negation right before the trigger (`لم`, `لن`, `دون`)
//! marks the event `negated`.

use std::collections::HashMap;
use std::sync::OnceLock;

use isnad_model::{Document, EntityType, Event, EventKind, Figure, What};

use crate::context::{with_document, Ctx};
use crate::cues::{EVENT_TRIGGERS, EVENT_WORDS};
use crate::text::{in_lex, slice, stems};

/// Finds the events of a document. `figures` are the document's figures (for
/// the indices events carry).
pub fn events(doc: &Document, figures: &[Figure]) -> Vec<Event> {
    with_document(doc, |ctx| find(ctx, figures))
}

/// [`events`] over the document's context.
pub(crate) fn find(ctx: &Ctx<'_>, figures: &[Figure]) -> Vec<Event> {
    let dates = ctx.layers.dates;
    let mut out = Vec::new();
    for (si, s) in ctx.layers.analysis.sentences().iter().enumerate() {
        let first = ctx.token_at_or_after(s.start);
        let last = ctx.tokens_before(s.end);
        let mut kinds_seen: Vec<EventKind> = Vec::new();
        // The sentence's entity mentions, gathered once for all its triggers.
        let mut mentions: Option<Vec<(usize, usize, String, EntityType)>> = None;
        let mut k = first;
        while k < last {
            let Some((kind, len)) = trigger_at(ctx, k, last) else {
                k += 1;
                continue;
            };
            let kind = if kind == EventKind::Agreement { agreement_or_proposal(ctx, k, first) } else { kind };
            let (t_start, t_end) = (ctx.tokens[k].start, ctx.tokens[k + len - 1].end);
            let next = k + len;
            if kinds_seen.contains(&kind) {
                k = next;
                continue;
            }
            // The terms of talks or of a deal (`المفاوضات لوقف إطلاق النار`,
            // `اتفاق لإطلاق سراح`) belong to that event, not to a new one.
            let governed = matches!(kind, EventKind::Truce | EventKind::Release | EventKind::Exchange)
                && out.last().is_some_and(|e: &Event| {
                    e.sentence == si
                        && matches!(
                            e.kind,
                            EventKind::Meeting | EventKind::Agreement | EventKind::Proposal | EventKind::Demand
                        )
                });
            if governed {
                if let Some(gov) = out.last_mut() {
                    for (i, f) in figures.iter().enumerate() {
                        if f.start >= t_start && f.end <= s.end && fits(kind, f.what) && !gov.figures.contains(&i) {
                            gov.figures.push(i);
                        }
                    }
                }
                kinds_seen.push(kind);
                k = next;
                continue;
            }
            let mentions = mentions.get_or_insert_with(|| {
                ctx.mentions_from(s.start, s.end)
                    .filter(|m| m.1 <= s.end && m.3 != EntityType::Outlet)
                    .map(|m| (m.0, m.1, m.2.to_string(), m.3))
                    .collect()
            });
            // The place: a place named in the trigger phrase or after في / ب.
            let place = mentions
                .iter()
                .filter(|m| m.3 == EntityType::Place)
                .find(|m| {
                    let before = slice(ctx.chars, m.0.saturating_sub(3), m.0);
                    let tok = ctx.token_at_or_after(m.0);
                    let glued = ctx.tokens.get(tok).is_some_and(|t| t.start == m.0 && t.norm.starts_with('ب'));
                    before.trim_end().ends_with("في") || glued || (m.0 >= t_end && m.0 <= t_end + 1)
                })
                .map(|m| m.2.clone());
            let mut participants: Vec<String> = Vec::new();
            for m in mentions.iter() {
                if Some(&m.2) != place.as_ref() && !participants.contains(&m.2) {
                    participants.push(m.2.clone());
                }
            }
            let weak = kind == EventKind::Meeting && in_lex(ctx.norm(k), &EVENT_WORDS.weak_meeting);
            if weak && place.is_none() && participants.len() < 2 {
                k = next;
                continue;
            }
            let time = dates
                .iter()
                .filter(|d| d.start >= s.start && d.end <= s.end && d.resolved)
                .min_by_key(|d| d.start.abs_diff(t_start))
                .map(|d| d.value.clone());
            let figs: Vec<usize> = figures
                .iter()
                .enumerate()
                .filter(|(_, f)| f.start >= s.start && f.end <= s.end && fits(kind, f.what))
                .map(|(i, _)| i)
                .collect();
            let negated = negated_at(ctx, k, first);
            kinds_seen.push(kind);
            out.push(Event {
                kind,
                start: t_start,
                end: t_end,
                surface: slice(ctx.chars, t_start, t_end),
                sentence: si,
                participants,
                place,
                time,
                figures: figs,
                negated,
            });
            k = next;
        }
    }
    out
}

/// Trigger first words → the triggers starting with them, as `(kind, the remaining words)`,
/// in [`EVENT_TRIGGERS`] order (`data/cues/claims/event_triggers.tsv`).
type TriggerIndex = HashMap<&'static str, Vec<(usize, EventKind, Vec<&'static str>)>>;

fn trigger_index() -> &'static TriggerIndex {
    static INDEX: OnceLock<TriggerIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: TriggerIndex = HashMap::new();
        let mut order = 0;
        for (kind, words) in EVENT_TRIGGERS.iter() {
            for w in words.iter() {
                let mut parts = w.split(' ');
                let first = parts.next().unwrap_or("");
                index.entry(first).or_default().push((order, *kind, parts.collect()));
                order += 1;
            }
        }
        index
    })
}

/// The event kind and trigger length (in tokens) at token `k`.
fn trigger_at(ctx: &Ctx, k: usize, last: usize) -> Option<(EventKind, usize)> {
    let index = trigger_index();
    let head = ctx.norm(k);
    // The token and its stems, each looked up once; candidates in trigger order.
    let mut candidates: Vec<&(usize, EventKind, Vec<&str>)> = Vec::new();
    if let Some(c) = index.get(head) {
        candidates.extend(c);
    }
    for st in stems(head) {
        // A nisba adjective is no event: `الاجتماعي` (social) is not `اجتماع`.
        let nisba = ["ي", "يه", "يين", "يون", "يا"].iter().any(|e| head.ends_with(&format!("{st}{e}")));
        if st != head && !nisba {
            if let Some(c) = index.get(st.as_str()) {
                candidates.extend(c);
            }
        }
    }
    candidates.sort_by_key(|c| c.0);
    candidates.dedup_by_key(|c| c.0);
    for (_, kind, rest) in candidates {
        if k + rest.len() >= last {
            continue;
        }
        let ok = rest.iter().enumerate().all(|(o, p)| {
            let n = ctx.norm(k + 1 + o);
            n == *p || n.strip_prefix('ل').is_some_and(|r| r == *p || format!("ال{r}") == *p)
        });
        // Multi-word triggers must be contiguous (no punctuation inside).
        let contiguous =
            (0..rest.len()).all(|o| !ctx.punct_between(ctx.tokens[k + o].end, ctx.tokens[k + o + 1].start));
        if ok && contiguous {
            return Some((*kind, rest.len() + 1));
        }
    }
    None
}

/// True when one of the two tokens before `k` (not before `first`) negates it (`لم`, `ولا`).
fn negated_at(ctx: &Ctx, k: usize, first: usize) -> bool {
    (k.saturating_sub(2).max(first)..k).any(|p| {
        let n = ctx.norm(p);
        let negations = &EVENT_WORDS.negation;
        negations.contains(&n) || n.strip_prefix(['و', 'ف']).is_some_and(|r| negations.contains(&r))
    })
}

/// An agreement trigger at token `k` names a concluded agreement when it is a
/// perfect verb (`توصلت`, `اتفقا`) or a deal noun after a word of conclusion
/// (`أعلن التوصل إلى اتفاق`, `بموجب الاتفاق`); otherwise (`للتوصل إلى اتفاق`,
/// `اتفاق محتمل`, `تقتربان من التوصل`) it is a deal under discussion: a proposal.
fn agreement_or_proposal(ctx: &Ctx, k: usize, first: usize) -> EventKind {
    let head = ctx.norm(k);
    let agreed = &EVENT_WORDS.agreed;
    if agreed.contains(&head) || head.strip_prefix(['و', 'ف']).is_some_and(|r| agreed.contains(&r)) {
        return EventKind::Agreement;
    }
    // `لم تتوصل الأطراف إلى اتفاق`, `لم يتم التوصل`: an agreement denied, not a proposal.
    let concluded = negated_at(ctx, k, first)
        || (k.saturating_sub(3).max(first)..k).any(|p| in_lex(ctx.norm(p), &EVENT_WORDS.concluded));
    if concluded {
        EventKind::Agreement
    } else {
        EventKind::Proposal
    }
}

/// True when a figure of kind `what` belongs to an event of kind `kind`.
fn fits(kind: EventKind, what: What) -> bool {
    match kind {
        EventKind::Truce => matches!(what, What::TruceDuration),
        EventKind::Release | EventKind::Exchange | EventKind::Proposal | EventKind::Demand | EventKind::Agreement => {
            matches!(
                what,
                What::HostagesReleased
                    | What::PrisonersReleased
                    | What::HostagesHeld
                    | What::PrisonersHeld
                    | What::TruceDuration
                    | What::Aid
            )
        }
        EventKind::Attack => matches!(what, What::Killed | What::Wounded | What::HostagesHeld | What::Displaced),
        EventKind::Meeting | EventKind::Decision => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_util::doc;

    fn evs(text: &str) -> (Document, Vec<Event>) {
        let d = doc(text);
        let figs = crate::figures(&d);
        let e = events(&d, &figs);
        (d, e)
    }

    #[test]
    fn nisba_adjectives_are_no_triggers() {
        let (_, e) = evs("وانتشر المقطع على مواقع التواصل الاجتماعي في القاهرة.");
        assert!(e.iter().all(|e| e.kind != EventKind::Meeting), "{e:?}");
        let (_, e) = evs("وعقد الاجتماع في القاهرة أمس.");
        assert!(e.iter().any(|e| e.kind == EventKind::Meeting), "{e:?}");
    }

    #[test]
    fn meeting_with_place_and_participants() {
        let (d, e) = evs("واجتمع رئيس الوزراء القطري مع وزير الخارجية الأمريكي أنتوني بلينكن في الدوحة يوم الأحد.");
        let m = e.iter().find(|e| e.kind == EventKind::Meeting).expect("a meeting");
        assert_eq!(m.surface, "واجتمع");
        let place = m.place.as_ref().expect("a place");
        let ent = d.entities.iter().flatten().find(|x| &x.id == place).unwrap();
        assert_eq!(ent.canonical, "الدوحة");
        assert!(!m.participants.is_empty());
    }

    #[test]
    fn truce_with_duration_figure() {
        let (_, e) = evs("وطالبت حماس بهدنة لمدة خمسة أيام مقابل الإفراج عن 50 رهينة.");
        // The truce and the release are the terms of the demand.
        let kinds: Vec<EventKind> = e.iter().map(|e| e.kind).collect();
        assert_eq!(kinds, vec![EventKind::Demand], "{e:?}");
        assert_eq!(e[0].figures.len(), 2, "{e:?}");
        let (_, e) = evs("وبدأت هدنة لمدة أربعة أيام صباح الجمعة.");
        let t = e.iter().find(|e| e.kind == EventKind::Truce).expect("a truce");
        assert_eq!(t.figures.len(), 1);
    }

    #[test]
    fn ceasefire_phrase_is_one_trigger() {
        let (_, e) = evs("ودعا المجلس إلى وقف إطلاق النار فورا.");
        let t = e.iter().find(|e| e.kind == EventKind::Truce).expect("a truce");
        assert_eq!(t.surface, "وقف إطلاق النار");
    }

    #[test]
    fn a_deal_under_discussion_is_a_proposal() {
        let (_, e) = evs("قال الوسيط إن الطرفين يقتربان من التوصل إلى اتفاق بشأن الأسرى.");
        assert!(
            e.iter().any(|e| e.kind == EventKind::Proposal) && e.iter().all(|e| e.kind != EventKind::Agreement),
            "{e:?}"
        );
        let (_, e) = evs("توصلت الحكومة والمعارضة إلى اتفاق في جنيف.");
        assert!(e.iter().any(|e| e.kind == EventKind::Agreement && !e.negated), "{e:?}");
        let (_, e) = evs("أعلن الوسطاء التوصل إلى اتفاق لتبادل الأسرى.");
        assert!(e.iter().any(|e| e.kind == EventKind::Agreement), "{e:?}");
    }

    #[test]
    fn negated_agreement() {
        let (_, e) = evs("ولم يتم التوصل إلى اتفاق بعد.");
        let a = e.iter().find(|e| e.kind == EventKind::Agreement).expect("an agreement");
        assert!(a.negated, "{a:?}");
        let (_, e) = evs("لم تتوصل الأطراف إلى اتفاق.");
        assert!(e.iter().any(|e| e.kind == EventKind::Agreement && e.negated), "{e:?}");
    }

    #[test]
    fn talks_as_a_topic_are_not_a_meeting() {
        let (_, e) = evs("وتعثرت المحادثات مرارا.");
        assert!(e.iter().all(|e| e.kind != EventKind::Meeting), "{e:?}");
    }

    #[test]
    fn a_ministry_is_not_a_visit() {
        let (_, e) = evs("وقالت وزارة الصحة إن المستشفيات مكتظة.");
        assert!(e.iter().all(|e| e.kind != EventKind::Meeting), "{e:?}");
    }

    #[test]
    fn cabinet_decision() {
        let (_, e) = evs("وأقر المجلس الوزاري المصغر خطة لتوسيع العملية العسكرية.");
        assert!(e.iter().any(|e| e.kind == EventKind::Decision), "{e:?}");
    }
}
