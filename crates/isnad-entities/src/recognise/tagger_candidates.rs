//! Pass: statistical-tagger candidates that do not conflict with what the rules found.

use isnad_model::EntityType;

use super::people::push_person;
use super::{Ctx, M};
use crate::cues::cues;
use crate::gazetteer::name_key;
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
            push_person(ctx, s, e);
            continue;
        }
        let surface = ctx.text(start, end);
        ctx.push(M {
            s,
            e,
            start,
            end,
            etype: c.class,
            ident: format!("{}:{}", c.class.as_str(), name_key(&surface)),
            canonical: None,
            english: None,
            country: None,
            capital: false,
            metonymy: None,
            role: false,
            roles: Vec::new(),
            name: Vec::new(),
        });
    }
}
