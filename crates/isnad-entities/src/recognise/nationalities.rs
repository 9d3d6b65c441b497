//! Nationality adjectives outside names (attributes, not mentions).

use isnad_model::{Attribute, EntityType};

use super::Ctx;

/// Nationality adjectives outside names.
pub(super) fn nationalities(ctx: &Ctx) -> Vec<Attribute> {
    let mut out = Vec::new();
    let n = ctx.toks.len();
    let mut i = 0;
    while i < n {
        let covered = ctx.cover[i].is_some_and(|c| ctx.ms[c].etype != EntityType::Person);
        if !covered {
            if let Some((e, form, cc)) = ctx.nisba_at(i) {
                let start = ctx.tok_start(i, form);
                let end = ctx.toks[e - 1].end;
                out.push(Attribute { start, end, surface: ctx.text(start, end), country_code: cc });
                i = e;
                continue;
            }
        }
        i += 1;
    }
    out
}
