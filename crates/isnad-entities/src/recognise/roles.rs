//! Roles: the chain after a title, roles after a name, and name-less roles resolved to their one holder.

use isnad_model::EntityType;
use isnad_text::tokens::TokenKind;

use super::{Ctx, M, QUOTES};
use crate::cues::cues;
use crate::gazetteer::name_key;

/// The role chain starting at token `i` (after its title): its end token and
/// the role's end char, honorifics set apart.
pub(super) fn role_chain(ctx: &Ctx, i: usize) -> Option<(usize, Option<usize>, usize)> {
    let (mut k, form, honorific, mut head) = ctx.title_at(i)?;
    let n = ctx.toks.len();
    let mut role_end = (!honorific).then(|| ctx.toks[k - 1].end);
    let mut steps = 0;
    while k < n && steps < 10 && !ctx.is_break(k) {
        steps += 1;
        if let Some((e, _, _)) = ctx.nisba_at(k) {
            k = e;
            if role_end.is_some() {
                role_end = Some(ctx.toks[k - 1].end);
            }
            continue;
        }
        if let Some((e, _, hon, hd)) = ctx.title_at(k) {
            if hon {
                k = e;
                continue;
            }
            k = e;
            head = hd;
            role_end = Some(ctx.toks[k - 1].end);
            continue;
        }
        if role_end.is_none() {
            break;
        }
        if let Some(c) = ctx.cover[k] {
            let m = &ctx.ms[c];
            if m.etype != EntityType::Person {
                k = m.e;
                role_end = Some(ctx.toks[k - 1].end);
                continue;
            }
            break;
        }
        let t = &ctx.toks[k];
        if t.any_form_in(&cues().role_links)
            && k + 1 < n
            && (ctx.cover[k + 1].is_some() || ctx.toks[k + 1].key().starts_with("ال"))
        {
            k += 1;
            continue;
        }
        if head && t.kind == TokenKind::Arabic && t.key().starts_with("ال") && t.zipf >= 380 {
            k += 1;
            role_end = Some(ctx.toks[k - 1].end);
            continue;
        }
        break;
    }
    Some((k, role_end, ctx.tok_start(i, form)))
}

/// Gives mention `idx` the role chain right after it (`فلان، وزير الخارجية`), if any.
pub(super) fn attach_role_after(ctx: &mut Ctx, idx: usize) {
    let n = ctx.toks.len();
    let mut k = ctx.ms[idx].e;
    if k < n && ctx.toks[k].kind == TokenKind::Punct && QUOTES.contains(&ctx.toks[k].key()) {
        k += 1;
    }
    if k < n && ctx.toks[k].is_punct("،") {
        k += 1;
    }
    if k >= n || ctx.cover[k].is_some() || ctx.is_break(k) {
        return;
    }
    if let Some((_, Some(role_end), role_start)) = role_chain(ctx, k) {
        let r = ctx.text(role_start, role_end);
        ctx.ms[idx].roles.push(r);
    }
}

/// A role named without a name (`قال رئيس الوزراء القطري`) stands for the
/// person the document gives that role, when there is exactly one.
pub(super) fn resolve_roles(ctx: &mut Ctx, mut role_only: Vec<(usize, usize, String)>) {
    use std::collections::{HashMap, HashSet};
    // People carrying roles, as (role key, mention index, start). Fixed during
    // the loop: resolved role mentions are pushed without roles of their own.
    let carried: Vec<(String, usize, usize)> = ctx
        .ms
        .iter()
        .enumerate()
        .filter(|(_, m)| m.etype == EntityType::Person)
        .flat_map(|(i, m)| m.roles.iter().map(move |r| (name_key(r), i, m.start)))
        .collect();
    let held: HashSet<&str> = carried.iter().map(|c| c.0.as_str()).collect();
    // Per role key: the one person it names (exact key first, else a fuller
    // role starting with it), and the sorted starts of people whose role starts with it.
    let mut by_key: HashMap<String, (Option<usize>, Vec<usize>)> = HashMap::new();
    // Unresolved role-only phrases seen so far: key → latest start.
    let mut seen: Vec<(String, usize)> = Vec::new();
    role_only.sort_by_key(|r| r.0);
    for (start, end, role) in role_only {
        let key = name_key(&role);
        let (owner, starts) = &*by_key.entry(key.clone()).or_insert_with(|| {
            let exact: Vec<usize> = carried.iter().filter(|c| c.0 == key).map(|c| c.1).collect();
            let prefix: Vec<&(String, usize, usize)> = carried.iter().filter(|c| c.0.starts_with(&key)).collect();
            let owners = if exact.is_empty() { prefix.iter().map(|c| c.1).collect() } else { exact };
            let idents: HashSet<&str> = owners.iter().map(|&i| ctx.ms[i].ident.as_str()).collect();
            let owner = if idents.len() == 1 { owners.first().copied() } else { None };
            let mut starts: Vec<usize> = prefix.iter().map(|c| c.2).collect();
            starts.sort_unstable();
            (owner, starts)
        });
        // A short role (`رئيس الوزراء`) right after an unresolved fuller one
        // (`رئيس الوزراء القطري`) is that one's holder, not a namesake found
        // elsewhere (`رئيس الوزراء الإسرائيلي نتنياهو`).
        let fuller_before = seen
            .iter()
            .filter(|(k, _)| *k != key && k.starts_with(&key) && !held.contains(k.as_str()))
            .map(|(_, s)| *s)
            .max();
        let person_before = starts.partition_point(|&p| p < start).checked_sub(1).map(|i| starts[i]);
        match seen.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = start,
            None => seen.push((key, start)),
        }
        if fuller_before.is_some_and(|f| person_before.is_none_or(|p| p < f)) {
            continue;
        }
        let Some(o) = owner.map(|i| &ctx.ms[i]) else { continue };
        let m = M { s: 0, e: 0, start, end, role: true, roles: Vec::new(), metonymy: None, ..o.clone() };
        ctx.ms.push(m);
    }
}
