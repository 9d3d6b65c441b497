//! Pass: bodies built on a name (`المكتب السياسي لحماس`, `إدارة بايدن`).

use isnad_model::EntityType;
use isnad_text::tokens::TokenKind;

use super::people::{name_like, push_person};
use super::roles::role_chain;
use super::{Ctx, M};
use crate::cues::cues;

/// Step 5: bodies built on a name: `المكتب السياسي لحماس`, `إدارة بايدن`.
pub(super) fn composites(ctx: &mut Ctx) {
    let cues = cues();
    let n = ctx.toks.len();
    let mut add = Vec::new();
    for i in 0..n {
        for head in &cues.body_heads {
            if i + 2 < n && ctx.toks[i].any_form_is(head[0]) && ctx.toks[i + 1].key() == head[1] {
                if let Some(c) = ctx.cover[i + 2] {
                    let m = &ctx.ms[c];
                    if m.etype == EntityType::Org && m.s == i + 2 && m.start > ctx.toks[i + 2].start {
                        let f = ctx.toks[i].forms.iter().position(|f| f.key == head[0]).unwrap_or(0);
                        add.push((i, m.e, f, format!("ORG:{} {}|{}", head[0], head[1], m.ident), EntityType::Org));
                    }
                }
            }
        }
        if i + 1 < n && ctx.toks[i].any_form_in(&cues.person_body_heads) {
            let mut k = i + 1;
            if let Some((e, _, _)) = role_chain(ctx, k) {
                k = e;
            }
            // `إدارة بايدن`: one rare word after the head is a person's surname.
            if k < n && ctx.cover[k].is_none() && !ctx.is_break(k) {
                let t = &ctx.toks[k];
                let next_free = ctx
                    .toks
                    .get(k + 1)
                    .is_none_or(|x| x.kind != TokenKind::Arabic || !name_like(ctx, k + 1, false, true));
                if t.kind == TokenKind::Arabic
                    && t.forms.len() == 1
                    && !t.key().starts_with("ال")
                    && t.zipf < 450
                    && next_free
                    && name_like(ctx, k, false, false)
                {
                    push_person(ctx, k, k + 1);
                }
            }
            if let Some(c) = ctx.cover.get(k).copied().flatten() {
                let m = &ctx.ms[c];
                if m.etype == EntityType::Person && m.s == k {
                    let f = ctx.toks[i]
                        .forms
                        .iter()
                        .position(|f| cues.person_body_heads.contains(f.key.as_str()))
                        .unwrap_or(0);
                    let head = &ctx.toks[i].forms[f].key;
                    add.push((i, m.e, f, format!("ORG:{head}|{}", m.ident), EntityType::Org));
                }
            }
        }
    }
    for (s, e, f, ident, etype) in add {
        let start = ctx.tok_start(s, f);
        let end = ctx.toks[e - 1].end;
        // Not pushed through `push`: the inner mentions keep their cover.
        ctx.ms.push(M::new(s, e, start, end, etype, ident));
    }
}
