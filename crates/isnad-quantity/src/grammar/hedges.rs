//! Hedges: words before or after a number that bound it (`نحو`, `أكثر من`, `على الأقل`).

use isnad_model::Hedge;
use isnad_text::tokens::TokenKind;

use super::NumC;
use crate::lexicon::E;
use crate::scan::Scan;

impl Scan<'_> {
    /// A hedge before a number: returns (hedge, index after it).
    pub(super) fn prefix_hedge(&self, i: usize) -> Option<(Hedge, usize)> {
        const TABLE: &[(&[&str], Hedge)] = &[
            // A result, not a ceiling: `ارتفع العدد ليصل إلى 95`.
            (&["ليصل|لتصل|وليصل|ولتصل|وصل|وصلت", "الي"], Hedge::Exact),
            (&["ما", "لا", "يقل|تقل", "عن"], Hedge::AtLeast),
            (&["لا", "يقل|تقل", "عن"], Hedge::AtLeast),
            (&["ما", "يقرب|يقارب", "من"], Hedge::About),
            (&["ما", "يزيد|يربو|تزيد", "علي|عن"], Hedge::MoreThan),
            (&["ما", "يصل|تصل", "الي"], Hedge::UpTo),
            (&["ما", "يقل|تقل", "عن"], Hedge::LessThan),
            (&["ما", "يناهز|يقارب|يفوق"], Hedge::About),
            (&["يزيد|يربو|تزيد|يربو", "علي|عن"], Hedge::MoreThan),
            (&["اكثر|ازيد", "من"], Hedge::MoreThan),
            (&["يصل|تصل", "الي"], Hedge::UpTo),
            (&["يقرب", "من"], Hedge::About),
            (&["اقل", "من"], Hedge::LessThan),
            (&["علي", "الاقل"], Hedge::AtLeast),
            (&["يفوق|تفوق"], Hedge::MoreThan),
            (&[HEDGE_VERBS], Hedge::MoreThan),
            (&["حتي"], Hedge::UpTo),
        ];
        for (pat, h) in TABLE {
            if let Some(e) = self.seq(i, pat) {
                return Some((*h, e));
            }
        }
        if let Some(E::Hedge(h)) = self.lex(i) {
            return Some((h, i + 1));
        }
        None
    }

    /// A verb of exceeding a few words before the number at `i`, with its
    /// subject between them (`تجاوز عدد القتلى 300`, `تربو الأعداد على 600`):
    /// the verb's index. Only plain words may stand between.
    pub(super) fn distant_hedge_verb(&self, i: usize) -> Option<usize> {
        for back in 2..=MAX_HEDGE_GAP + 1 {
            let v = i.checked_sub(back)?;
            // Only plain words (and the `على` of `تربو … على`) stand between.
            let plain =
                |w: usize| self.kind(w) == Some(TokenKind::Arabic) && (self.lex(w).is_none() || self.bare(w, "علي"));
            if !(v + 1..i).all(plain) {
                return None;
            }
            if self.is_any(v, HEDGE_VERBS) || self.is_any(v, "تربو|يربو|تزيد|يزيد") && self.bare(i - 1, "علي")
            {
                return Some(v);
            }
        }
        None
    }

    /// Joins `بين X و Y` / `ما بين X و Y` into one number from X to Y (value X,
    /// at least X, at most Y). `numbers` are in text order.
    pub(crate) fn merge_ranges(&self, numbers: &mut Vec<NumC>) {
        let mut out: Vec<NumC> = Vec::with_capacity(numbers.len());
        let mut k = 0;
        while k < numbers.len() {
            let a = &numbers[k];
            let start = if a.s >= 2 && self.bare(a.s - 2, "ما") && self.is(a.s - 1, "بين") {
                Some(a.s - 2)
            } else if a.s >= 1 && self.is(a.s - 1, "بين") {
                Some(a.s - 1)
            } else {
                None
            };
            if let (Some(start), Some(b)) = (start, numbers.get(k + 1)) {
                let joined = (self.bare(a.e, "و") && b.s == a.e + 1) || (b.s == a.e && self.toks[b.s].wa);
                // Two years are a period, not a quantity (`بين 1981 و2001`).
                let year =
                    |n: &NumC| n.value.fract() == 0.0 && (1800.0..=2100.0).contains(&n.value) && n.ne == n.ns + 1;
                if joined
                    && a.hedge == Hedge::Exact
                    && b.hedge == Hedge::Exact
                    && b.value > a.value
                    && !(year(a) && year(b))
                {
                    out.push(NumC {
                        s: start,
                        e: b.e,
                        ns: a.ns,
                        ne: b.ne,
                        value: a.value,
                        low: Some(a.value),
                        high: Some(b.value),
                        hedge: Hedge::AtLeast,
                        kind: a.kind,
                        unit: b.unit.or(a.unit),
                    });
                    k += 2;
                    continue;
                }
            }
            out.push(numbers[k].clone());
            k += 1;
        }
        *numbers = out;
    }

    /// A hedge after the number (and its counted noun): returns (hedge, end).
    pub(super) fn suffix_hedge(&self, e: usize) -> Option<(Hedge, usize)> {
        for skip in 0..=2 {
            let at = e + skip;
            // Only plain words may stand between.
            if skip > 0 {
                let w = at - 1;
                if self.kind(w) != Some(TokenKind::Arabic) || self.lex(w).is_some_and(|x| !matches!(x, E::Time(..))) {
                    return None;
                }
            }
            if self.bare(at, "تقريبا") {
                return Some((Hedge::About, at + 1));
            }
            if let Some(x) = self.seq(at, &["علي", "الاقل"]) {
                return Some((Hedge::AtLeast, x));
            }
            if let Some(x) = self.seq(at, &["او", "اكثر"]) {
                return Some((Hedge::AtLeast, x));
            }
            if self.bare(at, "فاكثر") {
                return Some((Hedge::AtLeast, at + 1));
            }
            if let Some(x) = self.seq(at, &["علي", "الاكثر"]) {
                return Some((Hedge::UpTo, x));
            }
            if self.punct(at).is_some() {
                return None;
            }
        }
        None
    }

    pub(super) fn finish_hedge(&self, hedge: Option<Hedge>, e: usize) -> (Hedge, usize) {
        match hedge {
            Some(h) => (h, e),
            None => match self.suffix_hedge(e) {
                Some((h, end)) => (h, end),
                None => (Hedge::Exact, e),
            },
        }
    }
}

/// Verbs of exceeding before a number: it is more than the number (`تجاوز 300`).
const HEDGE_VERBS: &str = "تجاوز|تجاوزت|يتجاوز|تتجاوز|تخطي|تخطت|يتخطي|تتخطي|فاق|فاقت";
/// Most words between a verb of exceeding and its number.
const MAX_HEDGE_GAP: usize = 3;

#[cfg(test)]
mod tests {
    use isnad_model::Hedge;
    use isnad_text::Analysis;

    fn first(text: &str) -> (String, f64, Option<f64>, Option<f64>, Hedge) {
        let q = crate::extract_analysis(&Analysis::new(text, &[], &[]), None);
        let n = q.numbers.into_iter().next().expect("a number");
        (n.surface, n.value, n.low, n.high, n.hedge)
    }

    #[test]
    fn verbs_of_exceeding_results_ranges_and_dot_thousands() {
        let (s, v, _, _, h) = first("تجاوزت حصيلة الضحايا 450 شخصا.");
        assert_eq!((s.as_str(), v, h), ("تجاوزت حصيلة الضحايا 450", 450.0, Hedge::MoreThan));
        let (_, v, _, _, h) = first("وتخطى عدد المشاركين 1200 مشارك.");
        assert_eq!((v, h), (1200.0, Hedge::MoreThan));
        let (_, v, _, _, h) = first("ارتفعت الحصيلة لتصل إلى 61 قتيلا.");
        assert_eq!((v, h), (61.0, Hedge::Exact));
        let (s, v, lo, hi, _) = first("فر ما بين مليونين وثلاثة ملايين شخص.");
        assert_eq!((s.as_str(), v, lo, hi), ("ما بين مليونين وثلاثة ملايين", 2e6, Some(2e6), Some(3e6)));
        let (_, v, ..) = first("بلغت الكلفة 368.000 دولار.");
        assert_eq!(v, 368000.0);
        let (_, v, ..) = first("ارتفع المؤشر 2.5 نقطة.");
        assert_eq!(v, 2.5);
    }
}
