//! Pass: outlets and programmes named after a cue word (`صحيفة`, `برنامج`), in quotes or Latin script.

use isnad_model::EntityType;
use isnad_text::tokens::TokenKind;

use super::{latin_cap, Ctx, M, QUOTES};
use crate::cues::cues;
use crate::gazetteer::name_key;

/// Step 3: outlets and programmes named after a cue, in quotes or in Latin script.
pub(super) fn cued_outlets(ctx: &mut Ctx) {
    let cues = cues();
    let n = ctx.toks.len();
    for i in 0..n.saturating_sub(1) {
        if ctx.cover[i].is_some() || !ctx.toks[i].any_form_in(&cues.outlet) {
            continue;
        }
        let programme = ctx.toks[i].any_form_is("برنامج");
        let (s, e) = if QUOTES.contains(&ctx.toks[i + 1].key()) && ctx.toks[i + 1].kind == TokenKind::Punct {
            let Some(close) = (i + 2..(i + 9).min(n)).find(|&k| ctx.toks[k].kind == TokenKind::Punct) else { continue };
            if !QUOTES.contains(&ctx.toks[close].key()) || close == i + 2 {
                continue;
            }
            (i + 2, close)
        } else if ctx.toks[i + 1].kind == TokenKind::Latin && latin_cap(ctx, i + 1) {
            let mut e = i + 1;
            while e < n && ctx.toks[e].kind == TokenKind::Latin && e - i <= 6 {
                e += 1;
            }
            while e > i + 1 && !latin_cap(ctx, e - 1) {
                e -= 1;
            }
            (i + 1, e)
        } else {
            continue;
        };
        if !ctx.free(s, e) || (s..e).any(|k| ctx.toks[k].kind == TokenKind::Punct) {
            continue;
        }
        if programme {
            // A broadcast programme: `لبرنامج …` or `برنامج … على شبكة/قناة …`.
            let said_to = ctx.toks[i].forms.iter().any(|f| f.skip > 0 && f.key == "برنامج");
            let on_air = (e..(e + 5).min(n)).any(|k| {
                ctx.toks[k].any_form_in(&cues.on_air)
                    || ctx.cover[k].is_some_and(|c| ctx.ms[c].etype == EntityType::Outlet)
            });
            if !said_to && !on_air {
                continue;
            }
        }
        let start = ctx.toks[s].start;
        let end = ctx.toks[e - 1].end;
        let surface = ctx.text(start, end);
        ctx.push(M::new(s, e, start, end, EntityType::Outlet, format!("OUTLET:{}", name_key(&surface))));
    }
}
