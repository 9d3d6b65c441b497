//! Pass: the epithet `الاحتلال` (`دولة الاحتلال`) standing for Israel, in articles that use it so.

use isnad_model::EntityType;
use isnad_text::tokens::TokenKind;

use super::{Ctx, M};
use crate::cues::cues;

/// Step 2: `الاحتلال` standing for Israel, in articles that use the epithet.
pub(super) fn epithets(ctx: &mut Ctx) {
    let cues = cues();
    let uses_epithet = ctx.ms.iter().any(|m| m.ident == "C:IL" && ctx.text(m.start, m.end).contains("الاحتلال"))
        || ctx.toks.windows(2).any(|w| w[0].any_form_in(&cues.epithet_heads) && w[1].key() == "الاحتلال");
    if !uses_epithet {
        return;
    }
    for i in 0..ctx.toks.len() {
        if ctx.cover[i].is_some() {
            continue;
        }
        let Some(form) = ctx.toks[i].forms.iter().position(|f| f.key == "الاحتلال") else { continue };
        let next = ctx.toks.get(i + 1);
        if next.is_some_and(|t| {
            cues.epithet_not_after.contains(t.key())
                || (t.kind == TokenKind::Arabic
                    && t.forms.iter().skip(1).any(|f| f.skip > 0)
                    && t.key().starts_with('ل'))
        }) {
            continue;
        }
        if i > 0 && ctx.toks[i - 1].any_form_in(&cues.epithet_not_before) {
            continue;
        }
        let start = ctx.tok_start(i, form);
        let m = M {
            s: i,
            e: i + 1,
            start,
            end: ctx.toks[i].end,
            etype: EntityType::Place,
            ident: "C:IL".into(),
            canonical: None,
            english: Some("Israel".into()),
            country: Some("IL".into()),
            capital: false,
            metonymy: None,
            role: false,
            roles: Vec::new(),
            name: Vec::new(),
        };
        ctx.push(m);
    }
}
