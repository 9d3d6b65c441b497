//! Pass: organisations and places named by a head noun and what follows it
//! (`وزارة الداخلية`, `حزب العمال`, `جامعة إنديانا`, `محافظة صعدة`, `مطار صنعاء`).

use isnad_model::EntityType;
use isnad_text::tokens::TokenKind;

use super::{Ctx, M};
use crate::cues::cues;
use crate::gazetteer::name_key;

/// Most definite adjectives after the name (`وزارة الخارجية الأمريكية`).
const MAX_ADJECTIVES: usize = 2;
/// An indefinite word after a head is a proper name only when rarer than this
/// (Zipf × 100): frequent ones are adjectives (`منطقة آمنة`, `مدينة كبيرة`).
const RARE_NAME: u16 = 300;

/// An indefinite head noun (`org` or `place` of `name_heads.tsv`, و/ف/ب/ل
/// allowed) followed, inside one sentence and on free tokens, by a definite
/// noun or a rare word, then by up to two definite adjectives. A name already
/// found (`حزب الله`, `مدينة القدس`) is left as it is.
pub(super) fn headed_names(ctx: &mut Ctx) {
    let cues = cues();
    let n = ctx.toks.len();
    let mut i = 0;
    while i + 1 < n {
        let head = &ctx.toks[i];
        let found = head.forms.iter().enumerate().find_map(|(f, form)| {
            // A head in ة is written with ة: `بلده` "his country" is no `بلدة`.
            if form.key.ends_with('ه') && !head.ortho.ends_with('ة') {
                return None;
            }
            let etype = if cues.org_name_heads.contains(form.key.as_str()) {
                EntityType::Org
            } else if cues.place_name_heads.contains(form.key.as_str()) {
                EntityType::Place
            } else {
                return None;
            };
            Some((f, etype, cues.weak_name_heads.contains(form.key.as_str())))
        });
        let Some((form, etype, weak)) = found else {
            i += 1;
            continue;
        };
        // A place found right after its head: `محافظة صعدة` joins the mention of
        // صعدة; `مطار صنعاء` becomes a place of its own.
        if etype == EntityType::Place && ctx.cover[i].is_none() && !ctx.is_break(i + 1) {
            if let Some(idx) =
                ctx.cover[i + 1].filter(|&m| ctx.ms[m].s == i + 1 && ctx.ms[m].etype == EntityType::Place)
            {
                let start = ctx.tok_start(i, form);
                let admin = head.forms[form].key.as_str();
                let admin = cues.admin_place_heads.contains(admin);
                let m = &mut ctx.ms[idx];
                m.s = i;
                m.start = start;
                if !admin {
                    let surface: String = ctx.chars[start..m.end].iter().collect();
                    m.ident = format!("{}:{}", EntityType::Place.as_str(), name_key(&surface));
                    m.canonical = None;
                    m.english = None;
                    m.country = None;
                    m.capital = false;
                }
                ctx.cover[i] = Some(idx);
                i = ctx.ms[idx].e;
                continue;
            }
        }
        match name_after_head(ctx, i + 1, weak) {
            Some(e) if ctx.free(i, e) => {
                let start = ctx.tok_start(i, form);
                let end = ctx.toks[e - 1].end;
                let surface = ctx.text(start, end);
                ctx.push(M::new(i, e, start, end, etype, format!("{}:{}", etype.as_str(), name_key(&surface))));
                i = e;
            }
            _ => i += 1,
        }
    }
}

/// The end (exclusive) of the name after a head at token `k`, if there is one.
/// After a `weak` head the name must be a rare word, article or not.
fn name_after_head(ctx: &Ctx, k: usize, weak: bool) -> Option<usize> {
    let cues = cues();
    let usable = |j: usize| {
        j < ctx.toks.len()
            && !ctx.is_break(j)
            && ctx.cover[j].is_none()
            && ctx.toks[j].kind == TokenKind::Arabic
            && !cues.stop.contains(ctx.toks[j].key())
    };
    if !usable(k) {
        return None;
    }
    let t = &ctx.toks[k];
    let definite = t.key().starts_with("ال") && t.key().chars().count() > 3;
    // A rare word is a name, unless it is a clitic on a word with the article
    // (`للاستئناف`) or a nisba adjective (`إريتري`, `عسكرية`).
    let rare = |j: usize| {
        let t = &ctx.toks[j];
        t.zipf < RARE_NAME
            && !t.key().ends_with('ي')
            && !t.key().ends_with("يه")
            && !t.forms.iter().any(|f| f.skip > 0 && f.key.starts_with("ال"))
    };
    let mut e = k + 1;
    if definite && (!weak || t.zipf < RARE_NAME) {
        // The adjectives of the name: definite, with a nisba ending or listed.
        while e < k + 1 + MAX_ADJECTIVES && usable(e) && is_definite_adjective(ctx.toks[e].key()) {
            e += 1;
        }
        return Some(e);
    }
    if definite || !rare(k) {
        return None;
    }
    // A foreign name may run over a few rare words (`سورس غلوبال ريسيرش`).
    while e < k + 3 && usable(e) && rare(e) && !ctx.toks[e].key().starts_with("ال") {
        e += 1;
    }
    Some(e)
}

/// A definite adjective that belongs to a name: a nisba (`الأمريكية`, `الوطني`) or a listed one (`العليا`).
fn is_definite_adjective(key: &str) -> bool {
    key.starts_with("ال")
        && key.chars().count() > 4
        && (key.ends_with('ي') || key.ends_with("يه") || cues().name_adjectives.contains(key))
}
