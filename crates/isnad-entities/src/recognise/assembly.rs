//! Assembly: groups the mentions by identity into entities, with canonical names, roles and one mention per span.

use std::collections::HashMap;

use isnad_model::{Entity, Mention};

use super::{Ctx, M};
use crate::gazetteer::name_key;

/// Builds entities from the mentions.
pub(super) fn entities(ctx: &Ctx) -> Vec<Entity> {
    let mut order: Vec<String> = Vec::new();
    let mut by: HashMap<String, Vec<&M>> = HashMap::new();
    let mut ms: Vec<&M> = ctx.ms.iter().collect();
    ms.sort_by_key(|m| (m.start, m.end));
    for m in ms {
        if !by.contains_key(&m.ident) {
            order.push(m.ident.clone());
        }
        by.entry(m.ident.clone()).or_default().push(m);
    }
    let mut out = Vec::with_capacity(order.len());
    for ident in order {
        let group = &by[&ident];
        let Some(first) = group.iter().find(|m| !m.role) else { continue };
        let names: Vec<&&M> = group.iter().filter(|m| !m.role).collect();
        let canonical = group.iter().find_map(|m| m.canonical.clone()).unwrap_or_else(|| {
            // The fullest name form.
            names
                .iter()
                .map(|m| ctx.text(m.start, m.end))
                .max_by_key(|s| (s.split_whitespace().count(), s.chars().count()))
                .unwrap_or_default()
        });
        let mut roles: Vec<String> = Vec::new();
        for m in group {
            for r in &m.roles {
                if !roles.iter().any(|x| name_key(x) == name_key(r)) {
                    roles.push(r.clone());
                }
            }
        }
        let mut mentions: Vec<Mention> = Vec::new();
        for m in group {
            if mentions.iter().any(|x| x.start == m.start && x.end == m.end) {
                continue;
            }
            mentions.push(Mention {
                start: m.start,
                end: m.end,
                surface: ctx.text(m.start, m.end),
                metonymy: m.metonymy.clone(),
                role: m.role,
            });
        }
        let etype = first.etype;
        let id = format!("{}:{}", etype.as_str().to_lowercase(), name_key(&canonical).replace(' ', "_"));
        out.push(Entity {
            id,
            canonical,
            entity_type: etype,
            english: group.iter().find_map(|m| m.english.clone()),
            country: group.iter().find_map(|m| m.country.clone()).filter(|c| !c.is_empty()),
            roles,
            mentions,
        });
    }
    // Two identities with the same output id are one entity.
    let mut merged: Vec<Entity> = Vec::with_capacity(out.len());
    for e in out {
        if let Some(x) = merged.iter_mut().find(|x| x.id == e.id) {
            x.mentions.extend(e.mentions);
            x.mentions.sort_by_key(|m| (m.start, m.end));
            x.roles.extend(e.roles);
        } else {
            merged.push(e);
        }
    }
    merged
}
