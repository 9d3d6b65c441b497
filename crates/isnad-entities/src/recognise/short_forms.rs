//! Pass: short forms of people (`نتنياهو`, `آل ثاني`) resolved to the full name.

use std::collections::HashMap;

use isnad_model::EntityType;
use isnad_text::tokens::TokenKind;

use super::{Ctx, M};
use crate::cues::cues;

/// Step 8: short forms of people (`نتنياهو`, `فينر`, `آل ثاني`) resolve to the full name.
pub(super) fn short_forms(ctx: &mut Ctx) {
    // Person identities and their name tokens.
    let mut full: Vec<(String, Vec<String>)> = Vec::new();
    for m in &ctx.ms {
        if m.etype == EntityType::Person && !m.role && m.name.len() >= 2 && !full.iter().any(|(id, _)| *id == m.ident) {
            full.push((m.ident.clone(), m.name.clone()));
        }
    }
    // Merge a person whose name is the tail of exactly one longer name.
    let mut rename: HashMap<String, String> = HashMap::new();
    for m in &ctx.ms {
        if m.etype != EntityType::Person || m.name.is_empty() {
            continue;
        }
        let owners: Vec<&(String, Vec<String>)> = full
            .iter()
            .filter(|(id, toks)| *id != m.ident && toks.len() > m.name.len() && toks.ends_with(&m.name))
            .collect();
        if owners.len() == 1 {
            rename.insert(m.ident.clone(), owners[0].0.clone());
        }
    }
    for m in &mut ctx.ms {
        if let Some(to) = rename.get(&m.ident) {
            m.ident = to.clone();
        }
    }
    // Bare surnames left in the text.
    let mut surnames: HashMap<Vec<String>, Vec<String>> = HashMap::new();
    for (id, toks) in &full {
        if rename.contains_key(id) {
            continue;
        }
        let l = toks.len();
        let tail = if l >= 3 && cues().connectors.contains(toks[l - 2].as_str()) {
            toks[l - 2..].to_vec()
        } else {
            toks[l - 1..].to_vec()
        };
        if tail.len() == 1 && (tail[0].chars().count() < 3 || cues().stop.contains(tail[0].as_str())) {
            continue;
        }
        surnames.entry(tail).or_default().push(id.clone());
    }
    let n = ctx.toks.len();
    for i in 0..n {
        if ctx.cover[i].is_some() || ctx.toks[i].kind != TokenKind::Arabic {
            continue;
        }
        for (fi, f) in ctx.toks[i].forms.iter().enumerate() {
            let found = surnames.iter().find(|(tail, ids)| {
                ids.len() == 1
                    && tail[0] == f.key
                    && tail.len() + i <= n
                    && (1..tail.len()).all(|k| ctx.toks[i + k].key() == tail[k] && ctx.cover[i + k].is_none())
            });
            if let Some((tail, ids)) = found {
                let (len, id) = (tail.len(), ids[0].clone());
                let owner = ctx.ms.iter().find(|m| m.ident == id).cloned();
                if let Some(o) = owner {
                    let start = ctx.tok_start(i, fi);
                    let end = ctx.toks[i + len - 1].end;
                    let m = M { s: i, e: i + len, start, end, roles: Vec::new(), metonymy: None, role: false, ..o };
                    ctx.push(m);
                }
                break;
            }
        }
    }
}
