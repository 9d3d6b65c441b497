//! Clock times (`10:30`, `الساعة 8 مساءً`) and parts of the day (`صباحاً`, `مساءً`).

use isnad_text::tokens::TokenKind;

use crate::lexicon::E;
use crate::scan::Scan;

impl Scan<'_> {
    pub(super) fn part_word(&self, i: usize) -> Option<u8> {
        match self.lex(i) {
            Some(E::Part(p)) => Some(p),
            _ => {
                if self.seq(i, &["منتصف", "ليل|الليل|ليله"]).is_some() {
                    Some(6)
                } else {
                    None
                }
            }
        }
    }

    /// A clock time at `i`: `10:30`, `الساعة 8 مساءً`, `الساعة العاشرة صباحاً`.
    pub(super) fn clock(&self, i: usize) -> Option<(usize, u8, u8)> {
        let mut j = i;
        let cue = self.is(j, "الساعه");
        if cue {
            j += 1;
        }
        let (mut h, mut mi, mut e);
        if let (Some(a), Some(':'), Some(b)) = (self.digits(j), self.punct(j + 1), self.digits(j + 2)) {
            if !(self.glued(j + 1)
                && self.glued(j + 2)
                && a.int
                && b.int
                && b.ndigits == 2
                && a.value <= 24.0
                && b.value < 60.0)
            {
                return None;
            }
            h = a.value as u8;
            mi = b.value as u8;
            e = j + 3;
        } else if cue {
            if let Some(a) = self.digits(j) {
                if !(a.int && a.value <= 24.0) {
                    return None;
                }
                h = a.value as u8;
            } else if let Some(E::Ord { v, .. }) = self.lex(j) {
                h = v;
                if self.bare(j + 1, "عشر") || self.bare(j + 1, "عشره") {
                    h += 10;
                    j += 1;
                }
            } else if self.is(j, "الواحده") {
                h = 1;
            } else {
                return None;
            }
            mi = 0;
            e = j + 1;
            if self.is_any(e, "والنصف|ونصف") {
                mi = 30;
                e += 1;
            } else if self.is_any(e, "والربع|وربع") {
                mi = 15;
                e += 1;
            } else if self.is_any(e, "الا") && self.is_any(e + 1, "ربعا|الربع") {
                h = h.saturating_sub(1);
                mi = 45;
                e += 2;
            }
        } else {
            return None;
        }
        match self.part_word(e) {
            Some(1 | 3 | 5) if h < 12 => {
                h += 12;
                e += 1;
            }
            Some(_) => e += 1,
            None => {}
        }
        if self.is(e, "بتوقيت") {
            e += 1;
            if self.kind(e) == Some(TokenKind::Arabic) {
                e += 1;
            }
        }
        Some((e, h.min(24), mi))
    }
}
