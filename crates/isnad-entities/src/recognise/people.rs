//! Pass: people (title + name, given name + surname, nasab chains, initials, Latin-script names).

use isnad_model::EntityType;
use isnad_text::tokens::TokenKind;

use super::roles::{attach_role_after, resolve_roles, role_chain};
use super::{latin_cap, Ctx, M, QUOTES};
use crate::cues::cues;
use crate::gazetteer::gazetteer;

/// True when token `i` can be part of a person's name; `after_connector`
/// relaxes the checks (`عبد الرحمن`, `آل ثاني`).
pub(super) fn name_like(ctx: &Ctx, i: usize, after_connector: bool, in_name: bool) -> bool {
    let t = &ctx.toks[i];
    if ctx.cover[i].is_some() {
        return false;
    }
    match t.kind {
        TokenKind::Latin => {
            let prev_latin = i > 0 && ctx.toks[i - 1].kind == TokenKind::Latin;
            return latin_cap(ctx, i) && t.end - t.start >= 2 && (!in_name || prev_latin);
        }
        TokenKind::Arabic => {}
        _ => return false,
    }
    // `للتدريبات`, `بالعاصمة`: a preposition or conjunction with the article is not a name.
    if !after_connector && t.forms.iter().any(|f| f.skip > 0 && f.key.starts_with("ال")) {
        return false;
    }
    let k = t.key();
    if cues().stop.contains(k) || (ctx.title_at(i).is_some() && !after_connector) {
        return false;
    }
    if after_connector {
        return true;
    }
    if ctx.nisba_at(i).is_some() {
        return false;
    }
    if gazetteer().given.contains_key(&t.ortho) {
        return true;
    }
    if k.starts_with("ال") && k.chars().count() > 2 {
        // An Arabic family name with the article (السنوار) only inside a name and when rare.
        return in_name && t.zipf < 330;
    }
    if k.chars().count() < 2 {
        return false;
    }
    // `وابنته`, `وميغان`: a conjunction ends the name.
    if in_name && k.starts_with('و') && t.forms.len() > 1 {
        return false;
    }
    // `لبرنامج`: a preposition on a known word ends the name.
    if in_name && t.forms.iter().skip(1).any(|f| isnad_text::lexicon::words().zipf(&f.key).unwrap_or(0) >= 350) {
        return false;
    }
    t.zipf < if in_name { 430 } else { 470 }
}

/// A person's name starting at token `i`: its end token, or `None`.
pub(super) fn name_run(ctx: &Ctx, i: usize, need_given: bool) -> Option<usize> {
    let cues = cues();
    let n = ctx.toks.len();
    let mut k = i;
    let mut after_conn = false;
    let mut words = 0;
    while k < n && words < 10 {
        if k > i && ctx.is_break(k) {
            break;
        }
        let t = &ctx.toks[k];
        let key = t.key();
        // An initial: one letter and a dot (ويليام ج. بيرنز).
        if k > i
            && t.kind == TokenKind::Arabic
            && key.chars().count() == 1
            && k + 1 < n
            && ctx.toks[k + 1].is_punct(".")
        {
            k += 2;
            continue;
        }
        // A spelled-out Latin initial inside a name (جوليان إي بارنز).
        if k > i && cues.initials.contains(key) && k + 1 < n && name_like(ctx, k + 1, false, true) {
            k += 1;
            continue;
        }
        if cues.connectors.contains(key) && k + 1 < n && ctx.cover[k].is_none() {
            after_conn = true;
            k += 1;
            words += 1;
            continue;
        }
        if !name_like(ctx, k, after_conn, k > i) {
            break;
        }
        // A third word and beyond must be rare (not `تقريرا`).
        if words >= 2 && !after_conn && ctx.toks[k].zipf >= 300 && !gazetteer().given.contains_key(&ctx.toks[k].ortho) {
            break;
        }
        after_conn = false;
        k += 1;
        words += 1;
    }
    // Never end on a connector or an initial.
    while k > i && (cues.connectors.contains(ctx.toks[k - 1].key()) || ctx.toks[k - 1].is_punct(".")) {
        k -= 1;
        if k > i && ctx.toks[k - 1].key().chars().count() == 1 {
            k -= 1;
        }
    }
    if k == i {
        return None;
    }
    if need_given {
        let first = &ctx.toks[i];
        let &amb = gazetteer().given.get(&first.ortho)?;
        if k - i < 2 || (amb && ctx.toks[i + 1].zipf >= 350) {
            return None;
        }
    }
    Some(k)
}

/// Step 4: people: title + name, given name + surname, with roles.
pub(super) fn people(ctx: &mut Ctx) {
    let n = ctx.toks.len();
    let mut role_only: Vec<(usize, usize, String)> = Vec::new();
    let mut i = 0;
    while i < n {
        if ctx.cover[i].is_some() {
            i += 1;
            continue;
        }
        if let Some((mut k, role_end, role_start)) = role_chain(ctx, i) {
            let role = role_end.map(|e| ctx.text(role_start, e));
            // One comma may separate the role from the name (apposition).
            if k + 1 < n && ctx.toks[k].is_punct("،") {
                let has_name = ctx.cover[k + 1].is_some_and(|c| ctx.ms[c].etype == EntityType::Person)
                    || name_run(ctx, k + 1, true).is_some();
                if has_name {
                    k += 1;
                }
            }
            // Quotes around the name.
            let q = k < n && ctx.toks[k].kind == TokenKind::Punct && QUOTES.contains(&ctx.toks[k].key());
            let nk = if q { k + 1 } else { k };
            if nk < n && !ctx.is_break(nk) {
                if let Some(c) = ctx.cover[nk].filter(|&c| ctx.ms[c].etype == EntityType::Person) {
                    if let Some(r) = &role {
                        ctx.ms[c].roles.push(r.clone());
                    }
                    i = ctx.ms[c].e;
                    continue;
                }
                if let Some(e) = name_run(ctx, nk, false) {
                    let single_common =
                        e - nk == 1 && ctx.toks[nk].zipf >= 300 && ctx.toks[nk].kind == TokenKind::Arabic;
                    if !single_common {
                        let idx = push_person(ctx, nk, e);
                        if let Some(r) = role {
                            ctx.ms[idx].roles.push(r);
                        }
                        i = e;
                        continue;
                    }
                }
            }
            if let Some(r) = role {
                // A bare head (`رئيس`) names nobody in particular.
                if r.split_whitespace().count() >= 2 {
                    role_only.push((role_start, role_end.unwrap_or(role_start), r));
                }
            }
            if k > i + 1 && name_run(ctx, k, true).is_some() {
                i = k;
            } else {
                i = k.max(i + 1);
            }
            continue;
        }
        if let Some(e) = name_run(ctx, i, true) {
            let idx = push_person(ctx, i, e);
            attach_role_after(ctx, idx);
            i = e;
            continue;
        }
        i += 1;
    }
    // Roles after names of known people (`بريت مكجورك، مستشار …`).
    for idx in 0..ctx.ms.len() {
        if ctx.ms[idx].etype == EntityType::Person && ctx.ms[idx].roles.is_empty() {
            attach_role_after(ctx, idx);
        }
    }
    resolve_roles(ctx, role_only);
}

/// Pushes tokens `s..e` as a person mention; returns its index.
pub(super) fn push_person(ctx: &mut Ctx, s: usize, e: usize) -> usize {
    let mut start = ctx.toks[s].start;
    let end = ctx.toks[e - 1].end;
    let mut name: Vec<String> =
        (s..e).filter(|&k| ctx.toks[k].kind != TokenKind::Punct).map(|k| ctx.toks[k].key().to_string()).collect();
    // `وعلي صالح`: the mention and the name start after the clitic.
    if let (Some((skip, key)), Some(first)) = (&ctx.toks[s].clitic_name, name.first_mut()) {
        start += skip;
        *first = key.clone();
    }
    let ident = format!("PERSON:{}", name.join(" "));
    ctx.push(M { name, ..M::new(s, e, start, end, EntityType::Person, ident) })
}
