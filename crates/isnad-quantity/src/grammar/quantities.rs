//! Quantities: a hedged number with a percent, a time unit (duration) or a counted noun.

use isnad_model::{DurationUnit, Hedge, NumberKind};
use isnad_text::tokens::TokenKind;

use super::{bounds, DurC, Found, NumC, PERCENT_WORDS};
use crate::lexicon::{TForm, E};
use crate::scan::Scan;

impl Scan<'_> {
    /// A time-unit noun at `i` following a count.
    pub(super) fn unit_after(&self, i: usize) -> Option<DurationUnit> {
        match self.lex(i) {
            Some(E::Time(u, f)) if f != TForm::Dual => Some(u),
            _ => None,
        }
    }

    /// A bare accusative unit that counts nothing: an adjective agreeing with
    /// the noun before it (`قائدا عاما`, `أمينا عاما`), or "ever" under a
    /// negation (`لم تساوم يوما`).
    fn adverbial_unit(&self, j: usize) -> bool {
        let prev = if j > 0 { self.f(j - 1) } else { "" };
        let agrees = self.kind(j.wrapping_sub(1)) == Some(TokenKind::Arabic)
            && prev.chars().count() >= 3
            && prev.ends_with('ا')
            && !prev.ends_with("وا")
            && self.lex(j - 1).is_none();
        let negated = (1..=3).any(|k| j >= k && self.is_any(j - k, "لم|لن|لا|ما|ولم|ولن"));
        agrees || negated
    }

    /// A quantity starting at `i` (hedge, number, percent or unit, trailing hedge).
    pub fn quantity_at(&self, i: usize, out: &mut Found) -> Option<usize> {
        let before = out.numbers.len();
        let end = self.quantity_opts(i, out, false)?;
        // `تجاوز عدد القتلى 300`: the verb a few words back makes it more than 300.
        if out.numbers.len() == before + 1 {
            if let Some(n) = out.numbers.last_mut() {
                if n.hedge == Hedge::Exact && n.s == i && n.kind == NumberKind::Cardinal {
                    if let Some(v) = self.distant_hedge_verb(i) {
                        n.hedge = Hedge::MoreThan;
                        (n.low, n.high) = bounds(Hedge::MoreThan, n.value);
                        n.s = v;
                    }
                }
            }
        }
        Some(end)
    }

    /// [`Scan::quantity_at`]; `one` lets a bare singular unit count one (`قبل أسبوع`).
    pub(super) fn quantity_opts(&self, i: usize, out: &mut Found, one: bool) -> Option<usize> {
        let mut j = i;
        let intro = if let Some(e) = self.seq(j, &["لمده|مده|طوال|طيله|لفتره"]) {
            j = e;
            true
        } else if let Some(e) = self.seq(j, &["علي", "مدي|مدار"]) {
            j = e;
            true
        } else {
            false
        };
        let mut hedge = None;
        if let Some((h, e)) = self.prefix_hedge(j) {
            hedge = Some(h);
            j = e;
        }
        if j > i && self.is_date_start(j) {
            return None;
        }
        // After لم / لن a number word in ت is a verb: `لم تسع` "did not seek".
        if j > 0 && self.is_any(j - 1, "لم|لن") && self.f(j).starts_with('ت') && self.kind(j) == Some(TokenKind::Arabic)
        {
            return None;
        }
        let ns = j;
        // Time units that carry their own count.
        if let Some(E::Time(u, form)) = self.lex(j) {
            {
                let (v, mut e) = match form {
                    TForm::Dual => (2.0, j + 1),
                    TForm::SingAcc if !self.bare(j + 1, "ما") && !self.adverbial_unit(j) => (1.0, j + 1),
                    TForm::Sing if intro || one || hedge.is_some() => (1.0, j + 1),
                    _ => return None,
                };
                let mut v = v;
                if form != TForm::Dual && self.seq(e, &["ونصف"]).is_some() {
                    v += 0.5;
                    e += 1;
                }
                let ne = e;
                let (h, end) = self.finish_hedge(hedge, e);
                let s = if hedge.is_some() { i } else { ns };
                let (low, high) = bounds(h, v);
                if form != TForm::Sing || hedge.is_some() || intro {
                    out.numbers.push(NumC {
                        s,
                        e: end,
                        ns,
                        ne,
                        value: v,
                        low,
                        high,
                        hedge: h,
                        kind: NumberKind::Cardinal,
                        unit: Some(u),
                    });
                }
                out.durations.push(DurC {
                    s: if intro { i } else { s },
                    e: end,
                    value: v,
                    low,
                    high,
                    unit: u,
                    hedge: h,
                });
                return Some(end);
            }
        }
        let num = self.numeral(j)?;
        if num.kind == NumberKind::Cardinal && hedge.is_none() && self.is_identifier(j, num.value) {
            return Some(num.e);
        }
        if num.kind == NumberKind::Ordinal && hedge.is_some() {
            return None;
        }
        let mut kind = num.kind;
        let mut e = num.e;
        let mut unit = None;
        if matches!(kind, NumberKind::Cardinal) {
            if matches!(self.punct(e), Some('%' | '\u{066A}')) || matches!(self.lex(e), Some(E::Percent)) {
                kind = NumberKind::Percent;
                e += 1;
            } else if self.bare(e, "في") && self.is_any(e + 1, PERCENT_WORDS) {
                kind = NumberKind::Percent;
                e += 2;
            }
        }
        let ne = e;
        if matches!(kind, NumberKind::Cardinal | NumberKind::Vague | NumberKind::Fraction) {
            unit = self.unit_after(e);
            if unit.is_some() && kind == NumberKind::Fraction && !matches!(self.lex(e), Some(E::Time(_, TForm::Sing))) {
                unit = None;
            }
        }
        // A bare "حتى" is a hedge only before a number with something counted.
        let mut hedge_v = hedge;
        if hedge == Some(Hedge::UpTo)
            && self.is(j - 1, "حتي")
            && kind == NumberKind::Cardinal
            && unit.is_none()
            && self.digits(j).is_none()
        {
            hedge_v = None;
        }
        let after = if unit.is_some() { e + 1 } else { e };
        let (mut h, end_h) = self.finish_hedge(hedge_v, after);
        if num.most {
            h = Hedge::MoreThan;
        }
        let s = if hedge_v.is_some() { i } else { ns };
        let end = if end_h > after { end_h } else { ne };
        let (low, high) =
            if num.low.is_some() || num.high.is_some() { (num.low, num.high) } else { bounds(h, num.value) };
        out.numbers.push(NumC { s, e: end, ns, ne, value: num.value, low, high, hedge: h, kind, unit });
        if let Some(u) = unit {
            let dur_end = end.max(after);
            out.durations.push(DurC {
                s: if intro { i } else { s },
                e: dur_end,
                value: num.value,
                low,
                high,
                unit: u,
                hedge: h,
            });
            return Some(dur_end);
        }
        Some(end.max(ne))
    }
}

#[cfg(test)]
mod tests {
    use isnad_text::Analysis;

    fn numbers(text: &str) -> Vec<String> {
        crate::extract_analysis(&Analysis::new(text, &[], &[]), None).numbers.into_iter().map(|n| n.surface).collect()
    }

    #[test]
    fn verbs_and_adjectives_that_look_like_counts_are_not_numbers() {
        assert!(numbers("ولم تسع البلدية إلى حل المشكلة.").is_empty());
        assert!(numbers("عين مديرا عاما للشركة.").is_empty());
        assert!(numbers("لم يتراجع يوما عن موقفه.").is_empty());
        // A real count of one unit stays.
        assert_eq!(numbers("قضى عاما في السجن."), ["عاما"]);
        assert_eq!(numbers("انتظر تسع ساعات."), ["تسع"]);
    }
}
