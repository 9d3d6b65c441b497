//! Pass: a capital next to a verb of saying or believing stands for its government.

use isnad_model::EntityType;

use super::Ctx;
use crate::cues::cues;

/// Step 6: a capital next to a verb of saying or believing stands for its government.
pub(super) fn metonymy(ctx: &mut Ctx) {
    for idx in 0..ctx.ms.len() {
        let m = &ctx.ms[idx];
        if m.etype != EntityType::Place || !m.capital || m.e == 0 {
            continue;
        }
        let next = ctx.toks.get(m.e).is_some_and(|t| t.any_form_in(&cues().gov_verbs));
        let prev = m.s > 0 && ctx.toks[m.s - 1].any_form_in(&cues().gov_verbs);
        if next || prev {
            ctx.ms[idx].metonymy = Some("government".into());
        }
    }
}
