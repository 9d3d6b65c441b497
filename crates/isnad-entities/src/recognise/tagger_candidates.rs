//! Pass: statistical-tagger candidates that do not conflict with what the rules found.

use isnad_model::EntityType;

use super::people::push_person;
use super::{Ctx, M};
use crate::cues::cues;
use crate::gazetteer::{gazetteer, name_key};
use crate::Candidate;

/// Step 7: tagger candidates that do not conflict with what was found.
pub(super) fn candidates(ctx: &mut Ctx, tagged: &[Candidate]) {
    for c in tagged {
        let s = ctx.toks.partition_point(|t| t.end <= c.span.start);
        let e = ctx.toks.partition_point(|t| t.start < c.span.end);
        if s >= e || !ctx.free(s, e) {
            continue;
        }
        let first = &ctx.toks[s];
        let supported = match c.class {
            EntityType::Person => true,
            EntityType::Org => first.any_form_in(&cues().org_heads) || ctx.has_cue(s, &cues().org),
            EntityType::Place => {
                first.any_form_in(&cues().place_heads) || (s > 0 && ctx.toks[s - 1].any_form_in(&cues().place_heads))
            }
            EntityType::Outlet => ctx.has_cue(s, &cues().outlet) || first.any_form_in(&cues().outlet),
        };
        if !supported {
            continue;
        }
        let start = c.span.start.max(first.start);
        let end = c.span.end.min(ctx.toks[e - 1].end);
        if start >= end {
            continue;
        }
        if c.class == EntityType::Person {
            if !names_known_body(ctx, start, end) {
                push_person(ctx, s, e);
            }
            continue;
        }
        let surface = ctx.text(start, end);
        ctx.push(M::new(s, e, start, end, c.class, format!("{}:{}", c.class.as_str(), name_key(&surface))));
    }
}

/// True when the span, without the ل or ب glued to its first word, is a known
/// organisation, outlet or place (`لبي بي سي` "to the BBC"): the addressee of
/// speech, never a person. Two-letter stems (`بي`) are below the clitic
/// readings' three-letter floor, so the gazetteer walk misses them.
fn names_known_body(ctx: &Ctx, start: usize, end: usize) -> bool {
    let surface = ctx.text(start, end);
    let Some(rest) = surface.strip_prefix('ل').or_else(|| surface.strip_prefix('ب')) else { return false };
    let g = gazetteer();
    g.lookup(&name_key(rest)).is_some_and(|grp| g.group(grp).any(|(_, e)| e.etype != EntityType::Person))
}
