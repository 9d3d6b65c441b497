//! Mentions from gazetteers and patterns, then one identity per entity.

use std::collections::HashMap;

use isnad_model::{Attribute, Entity, EntityType, Mention, Span};
use isnad_text::tokens::TokenKind;
use isnad_text::Analysis;

use crate::gazetteer::{gazetteer, name_key, Entry, Kind, Origin};
use crate::scan::{hits, tokens, Hit, Tok};
use crate::{Candidate, Entities};

/// Words that announce an outlet's name (`صحيفة "…"`).
const OUTLET_CUES: &[&str] = &[
    "صحيفه",
    "جريده",
    "قناه",
    "شبكه",
    "موقع",
    "وكاله",
    "برنامج",
    "مجله",
    "اذاعه",
    "منصه",
    "تلفزيون",
    "راديو",
    "فضائيه",
    "صحيفتا",
    "موقعا",
];
/// Words that announce an organisation's name (`حركة فتح`).
const ORG_CUES: &[&str] = &["حركه", "حزب", "جماعه", "منظمه", "تنظيم"];
/// Opening and closing quotes.
const QUOTES: &[&str] = &["\"", "“", "”", "«", "»", "'", "‘", "’", "„"];
/// Function words and frequent verbs that never belong to a name.
const STOP: &[&str] = &[
    "في",
    "من",
    "علي",
    "الي",
    "عن",
    "مع",
    "ان",
    "او",
    "ثم",
    "قد",
    "لقد",
    "كان",
    "كانت",
    "هو",
    "هي",
    "هم",
    "التي",
    "الذي",
    "الذين",
    "قال",
    "وقال",
    "قالت",
    "وقالت",
    "بعد",
    "قبل",
    "منذ",
    "حتي",
    "لكن",
    "لا",
    "لم",
    "لن",
    "ما",
    "هذا",
    "هذه",
    "ذلك",
    "تلك",
    "هناك",
    "هنا",
    "كل",
    "بين",
    "عند",
    "حيث",
    "كما",
    "ايضا",
    "يوم",
    "خلال",
    "وفق",
    "وفقا",
    "بحسب",
    "نحو",
    "حول",
    "ضد",
    "عبر",
    "لدي",
    "انه",
    "انها",
    "اليوم",
    "امس",
    "غدا",
    "الذي",
    "اكد",
    "اضاف",
    "اوضح",
    "اشار",
    "وقال",
    "واكد",
    "واضاف",
    "يقول",
    "تقول",
    "بان",
    "لان",
    "فقط",
    "جدا",
    "عام",
    "شهر",
    "مساء",
    "صباح",
    "اليه",
    "عليه",
    "فيه",
    "منه",
    "له",
    "لها",
    "بها",
    "به",
    "دون",
    "غير",
    "بعض",
    "جميع",
    "عدد",
    "اي",
    "وهو",
    "وهي",
    "الا",
    "اذا",
    "لو",
    "كيف",
    "متي",
    "اين",
    "لماذا",
    "سوف",
    "يكون",
    "تكون",
    "تم",
    "يتم",
    "امام",
    "خلف",
    "فوق",
    "تحت",
    "مثل",
    "وذلك",
    "وكان",
    "وكانت",
    "ولم",
    "ولا",
    "وما",
    "وفي",
    "ومن",
    "وعلي",
    "والي",
    "وان",
    "فان",
    "فيما",
    "بينما",
    "اثناء",
    "عقب",
    "اجل",
    "لدى",
    "إن",
    "أن",
    "مساء",
    "صباح",
    "نفسه",
    "نفسها",
    "شخص",
    "شخصا",
    "ذكر",
    "وذكر",
    "اعلن",
    "واعلن",
    "نقل",
    "ونقل",
    "ناهز",
    "يناهز",
    "عمره",
    "وابنته",
    "وزوجته",
];
/// Name connectors after which the next word belongs to the name.
const CONNECTORS: &[&str] = &["بن", "بنت", "ابن", "ال", "ابو", "ابي", "ابا", "ام", "عبد", "ولد"];
/// Latin initials spelled out in Arabic letters (folded).
const INITIALS: &[&str] = &["اي", "جي", "دي", "بي", "تي", "اس", "ام", "ان", "كي", "اف", "اتش", "ار", "جاي"];
/// Words joining a role to its complement (`سفير … لدى`, `المتحدث باسم`).
const ROLE_LINKS: &[&str] = &["لدي", "باسم", "لشوون", "الي", "في"];
/// Verbs (third person feminine) after or before a capital that stands for its government.
const GOV_VERBS: &[&str] = &[
    "تعتقد",
    "تقول",
    "تري",
    "تريد",
    "تتلقي",
    "تستضيف",
    "تطالب",
    "ترفض",
    "تويد",
    "تسعي",
    "تدعو",
    "تتهم",
    "توافق",
    "تحاول",
    "تخشي",
    "تعتبر",
    "تنفي",
    "تامل",
    "تصر",
    "تواصل",
    "تتوقع",
    "اعلنت",
    "قالت",
    "اكدت",
    "رفضت",
    "طالبت",
    "اتهمت",
    "نفت",
    "حذرت",
    "ابلغت",
    "دعت",
    "وافقت",
    "اعتبرت",
    "هددت",
    "ارسلت",
    "ردت",
    "تتهم",
    "تتمسك",
    "تؤكد",
    "ترحب",
    "رحبت",
    "تدرس",
    "تعارض",
    "عارضت",
    "تضغط",
    "ضغطت",
];
/// Heads of a body of an organisation (`المكتب السياسي لحماس`).
const BODY_HEADS: &[[&str; 2]] = &[
    ["المكتب", "السياسي"],
    ["الجناح", "العسكري"],
    ["الجناح", "السياسي"],
    ["الذراع", "العسكري"],
    ["الذراع", "العسكريه"],
    ["مجلس", "شوري"],
];
/// Words before a person that make an organisation (`إدارة بايدن`, `حكومة نتنياهو`).
const PERSON_BODY_HEADS: &[&str] = &["اداره", "حكومه"];
/// Support for an organisation candidate from a tagger.
const ORG_HEADS: &[&str] = &[
    "وزاره",
    "حركه",
    "حزب",
    "جماعه",
    "منظمه",
    "مجلس",
    "هيئه",
    "شركه",
    "جامعه",
    "مؤسسه",
    "موسسه",
    "جمعيه",
    "لجنه",
    "اتحاد",
    "نقابه",
    "تنظيم",
    "كتائب",
    "سرايا",
    "جيش",
    "قوات",
    "بنك",
    "صندوق",
    "محكمه",
    "مكتب",
    "مركز",
    "وكاله",
];
/// Support for a place candidate from a tagger.
const PLACE_HEADS: &[&str] = &[
    "مدينه",
    "بلده",
    "قريه",
    "مخيم",
    "محافظه",
    "ولايه",
    "اقليم",
    "منطقه",
    "حي",
    "جزيره",
    "نهر",
    "جبل",
    "بحر",
    "مطار",
    "ميناء",
    "معبر",
    "مستشفي",
    "شارع",
    "ساحه",
    "مسجد",
    "كنيسه",
    "سجن",
];

/// A mention being built, in token coordinates.
#[derive(Debug, Clone)]
struct M {
    s: usize,
    e: usize,
    /// Char offset of the mention start (after clitics).
    start: usize,
    end: usize,
    etype: EntityType,
    ident: String,
    canonical: Option<String>,
    english: Option<String>,
    country: Option<String>,
    capital: bool,
    metonymy: Option<String>,
    role: bool,
    roles: Vec<String>,
    /// Folded name tokens (for persons).
    name: Vec<String>,
}

struct Ctx<'a> {
    chars: &'a [char],
    toks: Vec<Tok>,
    hits: Vec<Vec<Hit>>,
    /// Index into `ms` of the name mention covering each token.
    cover: Vec<Option<usize>>,
    ms: Vec<M>,
    /// Token index where each sentence break falls (a name never crosses it).
    breaks: Vec<bool>,
}

impl<'a> Ctx<'a> {
    fn text(&self, start: usize, end: usize) -> String {
        self.chars[start.min(self.chars.len())..end.min(self.chars.len())].iter().collect()
    }

    fn tok_start(&self, i: usize, form: usize) -> usize {
        let t = &self.toks[i];
        t.start + t.forms.get(form).map(|f| f.skip).unwrap_or(0)
    }

    fn free(&self, s: usize, e: usize) -> bool {
        (s..e).all(|i| self.cover.get(i).is_some_and(|c| c.is_none()))
    }

    fn push(&mut self, m: M) -> usize {
        let idx = self.ms.len();
        for i in m.s..m.e {
            self.cover[i] = Some(idx);
        }
        self.ms.push(m);
        idx
    }

    /// True when the token before `i` (skipping one quote) is a cue word.
    fn has_cue(&self, i: usize, cues: &[&str]) -> bool {
        let mut j = i;
        if j > 0 && self.toks[j - 1].kind == TokenKind::Punct && QUOTES.contains(&self.toks[j - 1].key()) {
            j -= 1;
        }
        j > 0 && self.toks[j - 1].any_form_in(cues)
    }

    /// The longest nationality adjective starting at token `i` (bare reading): its end token and country.
    fn nisba_at(&self, i: usize) -> Option<(usize, usize, String)> {
        let g = gazetteer();
        self.hits
            .get(i)?
            .iter()
            .filter(|h| h.form == 0 || self.toks[i].forms[h.form].key.starts_with("ال"))
            .rev()
            .find_map(|h| {
                g.group(h.group)
                    .find(|(_, e)| e.kind == Kind::Nisba)
                    .map(|(_, e)| (h.end, h.form, e.country.clone().unwrap_or_default()))
            })
    }

    /// The longest title starting at token `i`: (end, form, honorific, head).
    fn title_at(&self, i: usize) -> Option<(usize, usize, bool, bool)> {
        let g = gazetteer();
        let mut best: Option<(usize, usize, bool, bool)> = None;
        for h in self.hits.get(i)? {
            for (_, e) in g.group(h.group) {
                if let Kind::Title { honorific, head } = e.kind {
                    if best.is_none_or(|b| h.end > b.0 || (h.end == b.0 && h.form < b.1)) {
                        best = Some((h.end, h.form, honorific, head));
                    }
                }
            }
        }
        best
    }

    fn is_break(&self, i: usize) -> bool {
        self.breaks.get(i).copied().unwrap_or(false)
    }
}

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
fn gazetteer_names(ctx: &mut Ctx) {
    let g = gazetteer();
    let n = ctx.toks.len();
    let mut i = 0;
    while i < n {
        let mut best: Option<(usize, usize, Origin, u32, usize)> = None; // (end, form, origin, entry, extra nisba end)
        for h in &ctx.hits[i] {
            if (h.tok + 1..h.end).any(|k| ctx.is_break(k)) {
                continue;
            }
            let cue_outlet = ctx.has_cue(i, OUTLET_CUES);
            let cue_org = ctx.has_cue(i, ORG_CUES);
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

/// Step 2: `الاحتلال` standing for Israel, in articles that use the epithet.
fn epithets(ctx: &mut Ctx) {
    let uses_epithet = ctx.ms.iter().any(|m| m.ident == "C:IL" && ctx.text(m.start, m.end).contains("الاحتلال"))
        || ctx.toks.windows(2).any(|w| {
            w[0].any_form_in(&["دوله", "سلطات", "قوات", "حكومه", "سجون", "جيش", "كيان"]) && w[1].key() == "الاحتلال"
        });
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
            ["الكامل", "الجزئي", "العسكري", "الشامل"].contains(&t.key())
                || (t.kind == TokenKind::Arabic
                    && t.forms.iter().skip(1).any(|f| f.skip > 0)
                    && t.key().starts_with('ل'))
        }) {
            continue;
        }
        if i > 0 && ctx.toks[i - 1].any_form_in(&["انهاء", "خطه", "زوال", "انتهاء", "اطار"]) {
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

/// Step 3: outlets and programmes named after a cue, in quotes or in Latin script.
fn cued_outlets(ctx: &mut Ctx) {
    let n = ctx.toks.len();
    for i in 0..n.saturating_sub(1) {
        if ctx.cover[i].is_some() || !ctx.toks[i].any_form_in(OUTLET_CUES) {
            continue;
        }
        let programme = ctx.toks[i].any_form_in(&["برنامج"]);
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
                ctx.toks[k].any_form_in(&["علي", "شبكه", "قناه"])
                    || ctx.cover[k].is_some_and(|c| ctx.ms[c].etype == EntityType::Outlet)
            });
            if !said_to && !on_air {
                continue;
            }
        }
        let start = ctx.toks[s].start;
        let end = ctx.toks[e - 1].end;
        let surface = ctx.text(start, end);
        ctx.push(M {
            s,
            e,
            start,
            end,
            etype: EntityType::Outlet,
            ident: format!("OUTLET:{}", name_key(&surface)),
            canonical: None,
            english: None,
            country: None,
            capital: false,
            metonymy: None,
            role: false,
            roles: Vec::new(),
            name: Vec::new(),
        });
    }
}

fn latin_cap(ctx: &Ctx, i: usize) -> bool {
    ctx.chars[ctx.toks[i].start].is_uppercase()
}

/// True when token `i` can be part of a person's name; `after_connector`
/// relaxes the checks (`عبد الرحمن`, `آل ثاني`).
fn name_like(ctx: &Ctx, i: usize, after_connector: bool, in_name: bool) -> bool {
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
    if STOP.contains(&k) || (ctx.title_at(i).is_some() && !after_connector) {
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
fn name_run(ctx: &Ctx, i: usize, need_given: bool) -> Option<usize> {
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
        if k > i && INITIALS.contains(&key) && k + 1 < n && name_like(ctx, k + 1, false, true) {
            k += 1;
            continue;
        }
        if CONNECTORS.contains(&key) && k + 1 < n && ctx.cover[k].is_none() {
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
    while k > i && (CONNECTORS.contains(&ctx.toks[k - 1].key()) || ctx.toks[k - 1].is_punct(".")) {
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

/// The role chain starting at token `i` (after its title): its end token and
/// the role's end char, honorifics set apart.
fn role_chain(ctx: &Ctx, i: usize) -> Option<(usize, Option<usize>, usize)> {
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
        if t.any_form_in(ROLE_LINKS)
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

/// Step 4: people: title + name, given name + surname, with roles.
fn people(ctx: &mut Ctx) {
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

fn push_person(ctx: &mut Ctx, s: usize, e: usize) -> usize {
    let start = ctx.toks[s].start;
    let end = ctx.toks[e - 1].end;
    let name: Vec<String> =
        (s..e).filter(|&k| ctx.toks[k].kind != TokenKind::Punct).map(|k| ctx.toks[k].key().to_string()).collect();
    ctx.push(M {
        s,
        e,
        start,
        end,
        etype: EntityType::Person,
        ident: format!("PERSON:{}", name.join(" ")),
        canonical: None,
        english: None,
        country: None,
        capital: false,
        metonymy: None,
        role: false,
        roles: Vec::new(),
        name,
    })
}

fn attach_role_after(ctx: &mut Ctx, idx: usize) {
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
fn resolve_roles(ctx: &mut Ctx, mut role_only: Vec<(usize, usize, String)>) {
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

/// Step 5: bodies built on a name: `المكتب السياسي لحماس`, `إدارة بايدن`.
fn composites(ctx: &mut Ctx) {
    let n = ctx.toks.len();
    let mut add = Vec::new();
    for i in 0..n {
        for head in BODY_HEADS {
            if i + 2 < n && ctx.toks[i].any_form_in(&[head[0]]) && ctx.toks[i + 1].key() == head[1] {
                if let Some(c) = ctx.cover[i + 2] {
                    let m = &ctx.ms[c];
                    if m.etype == EntityType::Org && m.s == i + 2 && m.start > ctx.toks[i + 2].start {
                        let f = ctx.toks[i].forms.iter().position(|f| f.key == head[0]).unwrap_or(0);
                        add.push((i, m.e, f, format!("ORG:{} {}|{}", head[0], head[1], m.ident), EntityType::Org));
                    }
                }
            }
        }
        if i + 1 < n && ctx.toks[i].any_form_in(PERSON_BODY_HEADS) {
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
                    let f =
                        ctx.toks[i].forms.iter().position(|f| PERSON_BODY_HEADS.contains(&f.key.as_str())).unwrap_or(0);
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
        ctx.ms.push(M {
            s,
            e,
            start,
            end,
            etype,
            ident,
            canonical: None,
            english: None,
            country: None,
            capital: false,
            metonymy: None,
            role: false,
            roles: Vec::new(),
            name: Vec::new(),
        });
    }
}

/// Step 6: a capital next to a verb of saying or believing stands for its government.
fn metonymy(ctx: &mut Ctx) {
    for idx in 0..ctx.ms.len() {
        let m = &ctx.ms[idx];
        if m.etype != EntityType::Place || !m.capital || m.e == 0 {
            continue;
        }
        let next = ctx.toks.get(m.e).is_some_and(|t| t.any_form_in(GOV_VERBS));
        let prev = m.s > 0 && ctx.toks[m.s - 1].any_form_in(GOV_VERBS);
        if next || prev {
            ctx.ms[idx].metonymy = Some("government".into());
        }
    }
}

/// Step 7: tagger candidates that do not conflict with what was found.
fn candidates(ctx: &mut Ctx, tagged: &[Candidate]) {
    for c in tagged {
        let s = ctx.toks.partition_point(|t| t.end <= c.span.start);
        let e = ctx.toks.partition_point(|t| t.start < c.span.end);
        if s >= e || !ctx.free(s, e) {
            continue;
        }
        let first = &ctx.toks[s];
        let supported = match c.class {
            EntityType::Person => true,
            EntityType::Org => first.any_form_in(ORG_HEADS) || ctx.has_cue(s, ORG_CUES),
            EntityType::Place => first.any_form_in(PLACE_HEADS) || (s > 0 && ctx.toks[s - 1].any_form_in(PLACE_HEADS)),
            EntityType::Outlet => ctx.has_cue(s, OUTLET_CUES) || first.any_form_in(OUTLET_CUES),
        };
        if !supported {
            continue;
        }
        let start = c.span.start.max(first.start);
        let end = c.span.end.min(ctx.toks[e - 1].end);
        if start >= end {
            continue;
        }
        if c.class == EntityType::Person {
            push_person(ctx, s, e);
            continue;
        }
        let surface = ctx.text(start, end);
        ctx.push(M {
            s,
            e,
            start,
            end,
            etype: c.class,
            ident: format!("{}:{}", c.class.as_str(), name_key(&surface)),
            canonical: None,
            english: None,
            country: None,
            capital: false,
            metonymy: None,
            role: false,
            roles: Vec::new(),
            name: Vec::new(),
        });
    }
}

/// Step 8: short forms of people (`نتنياهو`, `فينر`, `آل ثاني`) resolve to the full name.
fn short_forms(ctx: &mut Ctx) {
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
        let tail = if l >= 3 && CONNECTORS.contains(&toks[l - 2].as_str()) {
            toks[l - 2..].to_vec()
        } else {
            toks[l - 1..].to_vec()
        };
        if tail.len() == 1 && (tail[0].chars().count() < 3 || STOP.contains(&tail[0].as_str())) {
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

/// Builds entities from the mentions.
fn entities(ctx: &Ctx) -> Vec<Entity> {
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

/// Nationality adjectives outside names.
fn nationalities(ctx: &Ctx) -> Vec<Attribute> {
    let mut out = Vec::new();
    let n = ctx.toks.len();
    let mut i = 0;
    while i < n {
        let covered = ctx.cover[i].is_some_and(|c| ctx.ms[c].etype != EntityType::Person);
        if !covered {
            if let Some((e, form, cc)) = ctx.nisba_at(i) {
                let start = ctx.tok_start(i, form);
                let end = ctx.toks[e - 1].end;
                out.push(Attribute { start, end, surface: ctx.text(start, end), country_code: cc });
                i = e;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// See [`crate::recognise`].
pub(crate) fn run(text: &str, sentences: &[Span], tagged: &[Candidate]) -> Entities {
    run_analysis(&Analysis::new(text, sentences, &[]), tagged)
}

/// See [`crate::recognise_analysis`].
pub(crate) fn run_analysis(an: &Analysis<'_>, tagged: &[Candidate]) -> Entities {
    let chars = an.chars();
    let sentences: Vec<Span> = an.units().iter().map(|u| u.span).collect();
    let toks = tokens(an);
    let hits = hits(&toks);
    let mut breaks = vec![false; toks.len()];
    for s in &sentences {
        let k = toks.partition_point(|t| t.start < s.start);
        if k < breaks.len() {
            breaks[k] = true;
        }
    }
    // Line breaks end names too.
    for (k, w) in toks.windows(2).enumerate() {
        if chars[w[0].end..w[1].start].contains(&'\n') {
            breaks[k + 1] = true;
        }
    }
    let n = toks.len();
    let mut ctx = Ctx { chars, toks, hits, cover: vec![None; n], ms: Vec::new(), breaks };
    gazetteer_names(&mut ctx);
    epithets(&mut ctx);
    cued_outlets(&mut ctx);
    people(&mut ctx);
    candidates(&mut ctx, tagged);
    short_forms(&mut ctx);
    composites(&mut ctx);
    metonymy(&mut ctx);
    Entities { entities: entities(&ctx), nationalities: nationalities(&ctx) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_model::char_slice;

    fn rec(text: &str) -> Entities {
        let found = run(text, &[], &[]);
        for e in &found.entities {
            for m in &e.mentions {
                assert_eq!(char_slice(text, m.start, m.end), m.surface);
            }
        }
        for a in &found.nationalities {
            assert_eq!(char_slice(text, a.start, a.end), a.surface);
        }
        found
    }

    fn find<'a>(f: &'a Entities, t: EntityType, surface: &str) -> Option<&'a Entity> {
        f.entities.iter().find(|e| e.entity_type == t && e.mentions.iter().any(|m| !m.role && m.surface == surface))
    }

    #[test]
    fn a_short_role_after_an_unresolved_fuller_one_is_not_a_namesake() {
        let text = "قال رئيس الوزراء القطري إن المحادثات تتقدم. وأضاف رئيس الوزراء أن الوسطاء متفائلون. \
                    ورفض رئيس الوزراء الإسرائيلي بنيامين نتنياهو الاقتراح.";
        let found = rec(text);
        let netanyahu = found.entities.iter().find(|e| e.canonical.contains("نتنياهو")).expect("netanyahu");
        // The role of the second sentence (after `وأضاف `).
        let at = text.find("وأضاف رئيس").map(|b| text[..b].chars().count() + 6).expect("offset");
        assert!(netanyahu.mentions.iter().all(|m| m.start != at), "{:?}", netanyahu.mentions);
        assert!(netanyahu.mentions.iter().any(|m| m.surface == "بنيامين نتنياهو"));
    }

    #[test]
    fn title_and_nasab_chain_make_a_person_with_a_role() {
        let f = rec("التقى رئيس الوزراء الأردني الشيخ عبد الله بن حسين آل فلان بالصحفيين أمس.");
        let p = find(&f, EntityType::Person, "عبد الله بن حسين آل فلان").expect("person");
        assert_eq!(p.roles, ["رئيس الوزراء الأردني"]);
        assert!(f.nationalities.iter().any(|a| a.surface == "الأردني" && a.country_code == "JO"));
        assert!(find(&f, EntityType::Place, "الأردني").is_none());
    }

    #[test]
    fn foreign_names_with_initials_and_latin_script() {
        let f = rec("وقال ويليام ك. تومسون إن الأمر انتهى، وكتب جوليان إي ماركس تقريرا لبرنامج Meet the Press على شبكة إن بي سي.");
        assert!(find(&f, EntityType::Person, "ويليام ك. تومسون").is_some(), "{:#?}", f.entities);
        assert!(find(&f, EntityType::Person, "جوليان إي ماركس").is_some(), "{:#?}", f.entities);
        assert!(find(&f, EntityType::Outlet, "Meet the Press").is_some());
        assert!(find(&f, EntityType::Outlet, "إن بي سي").is_some());
    }

    #[test]
    fn clitics_are_seen_through_and_left_out_of_spans() {
        let f = rec("وصل الوفد بالدوحة ثم التقى لحماس ممثلا، وواشنطن والولايات المتحدة تراقبان.");
        assert!(find(&f, EntityType::Place, "الدوحة").is_some());
        assert!(find(&f, EntityType::Org, "حماس").is_some());
        let us = find(&f, EntityType::Place, "الولايات المتحدة").expect("US");
        assert_eq!(us.country.as_deref(), Some("US"));
        assert!(find(&f, EntityType::Place, "واشنطن").is_some());
    }

    #[test]
    fn short_forms_and_roles_resolve_to_the_full_name() {
        let text = "وقال المتحدث باسم الخارجية الكندية مارك هولدن إن الجولة انتهت. وأضاف هولدن أن المتحدث باسم الخارجية الكندية سيعلن النتائج.";
        let f = rec(text);
        let p = find(&f, EntityType::Person, "مارك هولدن").expect("person");
        assert!(p.mentions.iter().any(|m| m.surface == "هولدن"));
        assert!(p.mentions.iter().any(|m| m.role), "{:#?}", p);
        assert_eq!(f.entities.iter().filter(|e| e.entity_type == EntityType::Person).count(), 1);
    }

    #[test]
    fn epithet_names_israel_but_the_common_noun_does_not() {
        let f = rec("قصفت دولة الاحتلال المدينة، وقال مسؤولو الاحتلال إن العملية مستمرة.");
        let il = find(&f, EntityType::Place, "دولة الاحتلال").expect("Israel");
        assert_eq!(il.country.as_deref(), Some("IL"));
        assert!(il.mentions.iter().any(|m| m.surface == "الاحتلال"));
        let f = rec("تخشى العائلات الاحتلال الكامل للمدينة.");
        assert!(f.entities.is_empty(), "{:#?}", f.entities);
    }

    #[test]
    fn a_capital_that_speaks_is_its_government() {
        let f = rec("وتقول القاهرة إن المعبر مفتوح، بينما زار الوفد القاهرة أمس.");
        let c = find(&f, EntityType::Place, "القاهرة").expect("Cairo");
        assert_eq!(c.mentions[0].metonymy.as_deref(), Some("government"));
        assert_eq!(c.mentions[1].metonymy, None);
    }

    #[test]
    fn outlets_after_cues_and_bodies_built_on_names() {
        let f = rec("ونقلت صحيفة \"الأخبار\" عن المكتب السياسي لحماس، بحسب موقع “زاوية الخبر” الإلكتروني، أن إدارة ترامب تدرس الرد.");
        assert!(find(&f, EntityType::Outlet, "الأخبار").is_some());
        assert!(find(&f, EntityType::Outlet, "زاوية الخبر").is_some(), "{:#?}", f.entities);
        assert!(find(&f, EntityType::Org, "المكتب السياسي لحماس").is_some());
        assert!(find(&f, EntityType::Org, "حماس").is_some());
        assert!(find(&f, EntityType::Org, "إدارة ترامب").is_some());
        // Without a cue the common word is not an outlet.
        let f = rec("وصلت الأخبار متأخرة.");
        assert!(f.entities.is_empty());
    }

    #[test]
    fn national_bodies_take_their_nationality() {
        let f = rec("أعلن الجيش الأردني والشرطة المصرية حالة التأهب، وقال 40 جنديا أمريكيا إنهم بخير.");
        let a = find(&f, EntityType::Org, "الجيش الأردني").expect("army");
        assert_eq!(a.country.as_deref(), Some("JO"));
        assert!(find(&f, EntityType::Org, "الشرطة المصرية").is_some());
        assert!(f.nationalities.iter().any(|n| n.country_code == "US"));
    }

    #[test]
    fn tagger_candidates_need_support_except_people() {
        let text = "التقى سامر قنديلجي بممثلي لجنة الإغاثة الأهلية في بلدة كفرنبل.";
        let chars: Vec<char> = text.chars().collect();
        let span_of = |s: &str| {
            let sc: Vec<char> = s.chars().collect();
            let i = chars.windows(sc.len()).position(|w| w == sc.as_slice()).unwrap();
            Span::new(i, i + sc.len())
        };
        let tagged = vec![
            Candidate { span: span_of("سامر قنديلجي"), class: EntityType::Person, score: 0.9 },
            Candidate { span: span_of("لجنة الإغاثة الأهلية"), class: EntityType::Org, score: 0.8 },
            Candidate { span: span_of("كفرنبل"), class: EntityType::Place, score: 0.8 },
            Candidate { span: span_of("التقى"), class: EntityType::Org, score: 0.3 },
        ];
        let f = run(text, &[], &tagged);
        assert!(find(&f, EntityType::Person, "سامر قنديلجي").is_some());
        assert!(find(&f, EntityType::Org, "لجنة الإغاثة الأهلية").is_some());
        assert!(find(&f, EntityType::Place, "كفرنبل").is_some());
        assert!(find(&f, EntityType::Org, "التقى").is_none());
    }

    #[test]
    fn ids_are_stable_across_documents() {
        let a = rec("زار الوزير قطر أمس.");
        let b = rec("وقالت قطر إنها ترحب.");
        assert_eq!(a.entities[0].id, b.entities[0].id);
        assert!(a.entities[0].id.starts_with("place:"));
    }
}
