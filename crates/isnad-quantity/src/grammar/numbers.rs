//! Numbers: digit runs, cardinals in words and digits, and numbers that are identifiers (`القناة 12`).

use isnad_model::NumberKind;
use isnad_text::tokens::TokenKind;

use super::{Last, Numeral, ID_WORDS};
use crate::lexicon::E;
use crate::scan::Scan;

impl Scan<'_> {
    /// A digit run usable as a quantity (with thin-space groups merged).
    pub(super) fn digit_atom(&self, i: usize) -> Option<(f64, usize, bool)> {
        let d = self.digits(i)?;
        if !d.value.is_finite() || d.ndigits > 15 {
            return None;
        }
        // Glued to Latin letters (i24, F16) or part of a code (COVID-19, 3-1, 24/7, 10:30).
        if self.glued(i) && i > 0 && matches!(self.kind(i - 1), Some(TokenKind::Latin)) {
            return None;
        }
        if self.glued(i + 1) && matches!(self.kind(i + 1), Some(TokenKind::Latin)) {
            return None;
        }
        if i > 0
            && self.glued(i)
            && matches!(self.punct(i - 1), Some('-' | '/' | ':' | '+' | '_' | '.'))
            && i > 1
            && self.glued(i - 1)
        {
            return None;
        }
        if self.glued(i + 1)
            && matches!(self.punct(i + 1), Some('-' | '/' | ':' | '_'))
            && self.glued(i + 2)
            && self.digits(i + 2).is_some()
        {
            return None;
        }
        // Phone-like.
        if d.leading_zero && d.ndigits >= 7 && !d.grouped {
            return None;
        }
        let mut v = d.value;
        let mut e = i + 1;
        let mut int = d.int;
        // Thin-space grouping: 26 600.
        if d.int && (d.grouped || d.ndigits <= 3) {
            while let Some(n) = self.digits(e) {
                let g = self.gap_chars(e);
                if v < 1e15
                    && n.ndigits == 3
                    && n.int
                    && !n.grouped
                    && g.len() == 1
                    && matches!(g[0], '\u{2009}' | '\u{202F}' | '\u{2007}' | '\u{00A0}')
                {
                    v = v * 1000.0 + n.value;
                    e += 1;
                } else {
                    break;
                }
            }
        }
        if e > i + 1 {
            int = true;
        }
        Some((v, e, int))
    }

    /// A cardinal numeral in words, digits or both (`26 ألفاً و422`,
    /// `ثلاثة آلاف وخمسمئة`, `مليون ونصف`, `2.3 مليون`).
    pub(super) fn cardinal(&self, i: usize) -> Option<(f64, usize)> {
        let mut total = 0.0f64;
        let mut cur = 0.0f64;
        let mut last = Last::Start;
        let mut j = i;
        // The value and end before the last و after a scale, and that scale:
        // `مليونين وثلاثة ملايين` is two numbers (a range), not five million.
        let mut before_join: Option<(f64, usize, f64)> = None;
        loop {
            let first = last == Last::Start;
            // A scale or hundred directly after a small number multiplies it.
            if !first && !matches!(last, Last::Scale(_)) {
                match self.lex(j) {
                    Some(E::Scale { mult, .. }) if before_join.is_some_and(|(_, _, m)| mult >= m) => {
                        let (v, e, _) = before_join.unwrap_or((total + cur, j, 0.0));
                        return Some((v, e));
                    }
                    Some(E::Scale { mult, .. }) if !self.toks[j].clitic && cur > 0.0 => {
                        total += cur * mult;
                        cur = 0.0;
                        last = Last::Scale(mult);
                        j += 1;
                        continue;
                    }
                    Some(E::Hundred(100)) if last == Last::Unit && cur < 10.0 && !self.toks[j].clitic => {
                        cur *= 100.0;
                        last = Last::Hundred;
                        j += 1;
                        continue;
                    }
                    _ => {}
                }
            }
            // Otherwise the next part must be joined with و.
            let (k, joined) = if first {
                (j, false)
            } else if self.bare(j, "و") {
                (j + 1, true)
            } else if self.toks.get(j).is_some_and(|t| t.wa) {
                (j, true)
            } else {
                break;
            };
            let cap = match last {
                Last::Scale(m) => m,
                Last::Hundred => 100.0,
                Last::Unit => 100.0,
                _ => 0.0,
            };
            if joined && cap == 0.0 {
                break;
            }
            if let (true, Last::Scale(m)) = (joined, last) {
                before_join = Some((total + cur, j, m));
            }
            if joined && self.bare(j, "و") && self.kind(k) == Some(TokenKind::Arabic) && self.toks[k].clitic {
                break;
            }
            // Atom at k.
            if let Some((v, e, _)) = self.digit_atom(k) {
                if !first && (!joined || v >= cap || last == Last::Unit) {
                    break;
                }
                cur += v;
                last = Last::Digits;
                j = e;
                continue;
            }
            if joined && self.kind(k) != Some(TokenKind::Arabic) {
                break;
            }
            let teen = |at: usize| self.bare(at, "عشر") || self.bare(at, "عشره");
            match self.lex(k) {
                Some(E::Unit(u)) if first || (joined && last != Last::Unit && (u as f64) < cap) => {
                    if u < 10 && teen(k + 1) {
                        cur += 10.0 + u as f64;
                        last = Last::Ten;
                        j = k + 2;
                    } else {
                        cur += u as f64;
                        last = if u < 10 { Last::Unit } else { Last::Ten };
                        j = k + 1;
                    }
                }
                Some(E::TeenHead(u)) if (first || joined) && teen(k + 1) => {
                    cur += 10.0 + u as f64;
                    last = Last::Ten;
                    j = k + 2;
                }
                Some(E::Ten(t)) if first || (joined && (t as f64) < cap) => {
                    cur += t as f64;
                    last = Last::Ten;
                    j = k + 1;
                }
                Some(E::Hundred(h)) if first || (joined && matches!(last, Last::Scale(_))) => {
                    cur += h as f64;
                    last = Last::Hundred;
                    j = k + 1;
                }
                Some(E::Scale { mult, count }) if count > 0 && (first || (joined && mult < cap)) => {
                    total += count as f64 * mult;
                    last = Last::Scale(mult);
                    j = k + 1;
                }
                Some(E::Frac(f)) if joined && matches!(last, Last::Scale(_)) => {
                    if let Last::Scale(m) = last {
                        total += f * m;
                    }
                    j = k + 1;
                    break;
                }
                _ => break,
            }
        }
        if last == Last::Start {
            return None;
        }
        Some((total + cur, j))
    }

    pub(super) fn numeral(&self, i: usize) -> Option<Numeral> {
        let plain =
            |value: f64, e: usize, kind: NumberKind| Numeral { value, e, kind, low: None, high: None, most: false };
        // A compound fraction: a unit word before a plural denominator (ثلاثة أرباع = 3/4).
        if let (Some(E::Unit(n)), Some(E::FracPlural(d))) = (self.lex(i), self.lex(i + 1)) {
            if n >= 2 && n < d {
                return Some(plain(n as f64 / d as f64, i + 2, NumberKind::Fraction));
            }
        }
        match self.lex(i) {
            Some(E::Vague { low, high }) => {
                let (mut lo, mut hi, mut e) = (low, high, i + 1);
                if high < 1000.0 {
                    let m = if self.is_any(i + 1, "الاف|الالاف|الالوف") {
                        1e3
                    } else if self.is_any(i + 1, "ملايين|الملايين") {
                        1e6
                    } else if self.is_any(i + 1, "مليارات|المليارات") {
                        1e9
                    } else {
                        1.0
                    };
                    if m > 1.0 {
                        lo *= m;
                        hi *= m;
                        e += 1;
                    }
                }
                return Some(Numeral {
                    value: lo,
                    e,
                    kind: NumberKind::Vague,
                    low: Some(lo),
                    high: Some(hi),
                    most: false,
                });
            }
            Some(E::Scale { mult, count: 0 }) => {
                return Some(Numeral {
                    value: 3.0 * mult,
                    e: i + 1,
                    kind: NumberKind::Vague,
                    low: Some(3.0 * mult),
                    high: Some(10.0 * mult),
                    most: false,
                });
            }
            Some(E::Frac(f)) => {
                if let Some(E::Scale { mult, count: 1 }) = self.lex(i + 1) {
                    return Some(plain(f * mult, i + 2, NumberKind::Cardinal));
                }
                return Some(plain(f, i + 1, NumberKind::Fraction));
            }
            Some(E::Most) => {
                return Some(Numeral {
                    value: 0.5,
                    e: i + 1,
                    kind: NumberKind::Fraction,
                    low: Some(0.5),
                    high: Some(1.0),
                    most: true,
                });
            }
            Some(E::Ord { v, teen_only }) => {
                if self.bare(i + 1, "عشر") || self.bare(i + 1, "عشره") {
                    return Some(plain(10.0 + v as f64, i + 2, NumberKind::Ordinal));
                }
                if teen_only {
                    return None;
                }
                return Some(plain(v as f64, i + 1, NumberKind::Ordinal));
            }
            _ => {}
        }
        let (v, e) = self.cardinal(i)?;
        Some(plain(v, e, NumberKind::Cardinal))
    }

    /// True when the number at `i` is a name or an identifier (القناة 12, كان 11, فرانس 24).
    pub(super) fn is_identifier(&self, i: usize, v: f64) -> bool {
        if i == 0 {
            return false;
        }
        let p = i - 1;
        if self.digits(i).is_some() && self.is_any(p, ID_WORDS) {
            return true;
        }
        if (self.bare(p, "كان") && v == 11.0) || (self.is(p, "فرانس") && v == 24.0) {
            return true;
        }
        // Latin name right before (BBC 1, i 24).
        if self.digits(i).is_some() && self.kind(p) == Some(TokenKind::Latin) && v < 100.0 {
            return true;
        }
        false
    }
}
