//! Pass: names from the gazetteers, longest first, left to right.

use isnad_model::EntityType;

use super::{Ctx, M};
use crate::cues::cues;
use crate::gazetteer::{gazetteer, Entry, Kind, Origin};
use crate::scan::Hit;

fn entry_mention(ctx: &Ctx, h: &Hit, e: &Entry, end: usize) -> M {
    M {
        s: h.tok,
        e: end,
        start: ctx.tok_start(h.tok, h.form),
        end: ctx.toks[end - 1].end,
        etype: e.etype,
        ident: e.ident.clone(),
        canonical: Some(e.canonical.clone()),
        english: e.english.clone(),
        country: e.country.clone(),
        capital: e.capital,
        metonymy: None,
        role: false,
        roles: Vec::new(),
        name: Vec::new(),
    }
}

/// Step 1: names from the gazetteers, longest first, left to right.
pub(super) fn gazetteer_names(ctx: &mut Ctx) {
    let g = gazetteer();
    let n = ctx.toks.len();
    let mut i = 0;
    while i < n {
        let mut best: Option<(usize, usize, Origin, u32, usize)> = None; // (end, form, origin, entry, extra nisba end)
        for h in &ctx.hits[i] {
            if (h.tok + 1..h.end).any(|k| ctx.is_break(k)) {
                continue;
            }
            let cue_outlet = ctx.has_cue(i, &cues().outlet);
            let cue_org = ctx.has_cue(i, &cues().org);
            // Prefer entries that need a cue when the cue is there.
            let mut cands: Vec<(u32, &Entry)> = g
                .group(h.group)
                .filter(|(_, e)| match e.kind {
                    Kind::Name => {
                        !e.needs_cue
                            || (e.etype == EntityType::Outlet && cue_outlet)
                            || (e.etype == EntityType::Org && cue_org)
                    }
                    Kind::Generic => true,
                    _ => false,
                })
                .collect();
            cands.sort_by_key(|(_, e)| (!e.needs_cue, e.origin));
            let Some(&(idx, e)) = cands.first() else { continue };
            let mut end = h.end;
            if e.kind == Kind::Generic || matches!(e.etype, EntityType::Org | EntityType::Outlet) {
                if let Some((ne, _, _)) = ctx.nisba_at(h.end).filter(|_| !ctx.is_break(h.end)) {
                    end = ne;
                } else if e.kind == Kind::Generic {
                    continue;
                }
            }
            let better = match best {
                None => true,
                Some((be, bf, bo, _, _)) => end > be || (end == be && (h.form < bf || (h.form == bf && e.origin < bo))),
            };
            if better {
                best = Some((end, h.form, e.origin, idx, h.end));
            }
        }
        if let Some((end, form, _, idx, key_end)) = best {
            let e = &g.entries[idx as usize];
            let h = Hit { tok: i, end: key_end, form, group: 0 };
            let mut m = entry_mention(ctx, &h, e, end);
            if e.kind == Kind::Generic || end > key_end {
                let cc = ctx.nisba_at(key_end).map(|x| x.2).unwrap_or_default();
                if e.kind == Kind::Generic {
                    m.ident = format!("{}:{}", e.ident, cc);
                    m.canonical = None;
                    m.country = Some(cc);
                }
            }
            if e.etype == EntityType::Person {
                m.name = (i..key_end).map(|k| ctx.toks[k].forms[if k == i { form } else { 0 }].key.clone()).collect();
            }
            ctx.push(m);
            i = end;
        } else {
            i += 1;
        }
    }
}
