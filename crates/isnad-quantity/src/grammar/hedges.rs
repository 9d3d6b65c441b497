//! Hedges: words before or after a number that bound it (`نحو`, `أكثر من`, `على الأقل`).

use isnad_model::Hedge;
use isnad_text::tokens::TokenKind;

use crate::lexicon::E;
use crate::scan::Scan;

impl Scan<'_> {
    /// A hedge before a number: returns (hedge, index after it).
    pub(super) fn prefix_hedge(&self, i: usize) -> Option<(Hedge, usize)> {
        const TABLE: &[(&[&str], Hedge)] = &[
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
