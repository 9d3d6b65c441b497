//! Matching forms of Arabic text.
//!
//! Folding never replaces the text: it computes a second string, used only
//! to compare and look up, together with a map back to the original chars.
//! Two levels are kept apart:
//!
//! * [`Fold::Orthographic`] (lossless for meaning): tatweel and diacritics
//!   removed, Arabic-Indic and Persian digits made ASCII, `٬` and `٫` made
//!   `,` and `.`, presentation forms and alef wasla made plain letters.
//! * [`Fold::Letters`] (lossy): additionally folds hamzated and madda alef to
//!   bare alef, `ى` to `ي` and `ة` to `ه`, which merges words that differ.

/// How far to fold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Fold {
    /// Only differences that do not change the word (see module docs).
    Orthographic,
    /// Orthographic plus the lossy letter merges (alef forms, ى/ي, ة/ه).
    Letters,
}

/// Arabic tatweel (kashida).
pub const TATWEEL: char = '\u{0640}';

/// True for Arabic combining marks: harakat, tanwin, shadda, sukun,
/// superscript alef, Quranic annotation marks.
pub fn is_diacritic(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}'
        | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}'
        | '\u{06EA}'..='\u{06ED}'
        | '\u{08D3}'..='\u{08FF}')
}

/// True for letters of the Arabic script (base letters, not marks or digits).
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c,
        '\u{0620}'..='\u{063F}'
        | '\u{0641}'..='\u{064A}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}'
        | '\u{06FA}'..='\u{06FC}'
        | '\u{06FF}'
        | '\u{0750}'..='\u{077F}'
        | '\u{08A0}'..='\u{08C9}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFC}')
}

/// True for chars that belong inside an Arabic word: letters, diacritics, tatweel.
pub fn is_arabic_word_char(c: char) -> bool {
    is_arabic_letter(c) || is_diacritic(c) || c == TATWEEL
}

/// The ASCII digit value of an ASCII, Arabic-Indic or Persian digit.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

/// Folds one char. `None` means the char is dropped from the matching form.
pub fn fold_char(c: char, level: Fold) -> Option<char> {
    if c == TATWEEL || is_diacritic(c) {
        return None;
    }
    if let Some(d) = digit_value(c) {
        return char::from_digit(d, 10);
    }
    let c = match c {
        '\u{066C}' => ',',        // Arabic thousands separator
        '\u{066B}' => '.',        // Arabic decimal separator
        '\u{0671}' => '\u{0627}', // alef wasla
        '\u{06CC}' => '\u{064A}', // Farsi yeh
        '\u{06A9}' => '\u{0643}', // keheh
        c if ('\u{FB50}'..='\u{FEFC}').contains(&c) => presentation_base(c).unwrap_or(c),
        c => c,
    };
    if level == Fold::Letters {
        return Some(match c {
            '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0672}' | '\u{0673}' => '\u{0627}',
            '\u{0649}' => '\u{064A}',
            '\u{0629}' => '\u{0647}',
            c => c,
        });
    }
    Some(c)
}

/// Base letter of the common Arabic presentation forms (FE70–FEFC).
fn presentation_base(c: char) -> Option<char> {
    // Table for FE80..FEF4: each base letter has 1, 2 or 4 forms in order.
    const BASES: &[(char, u32)] = &[
        ('\u{0621}', 1),
        ('\u{0622}', 2),
        ('\u{0623}', 2),
        ('\u{0624}', 2),
        ('\u{0625}', 2),
        ('\u{0626}', 4),
        ('\u{0627}', 2),
        ('\u{0628}', 4),
        ('\u{0629}', 2),
        ('\u{062A}', 4),
        ('\u{062B}', 4),
        ('\u{062C}', 4),
        ('\u{062D}', 4),
        ('\u{062E}', 4),
        ('\u{062F}', 2),
        ('\u{0630}', 2),
        ('\u{0631}', 2),
        ('\u{0632}', 2),
        ('\u{0633}', 4),
        ('\u{0634}', 4),
        ('\u{0635}', 4),
        ('\u{0636}', 4),
        ('\u{0637}', 4),
        ('\u{0638}', 4),
        ('\u{0639}', 4),
        ('\u{063A}', 4),
        ('\u{0641}', 4),
        ('\u{0642}', 4),
        ('\u{0643}', 4),
        ('\u{0644}', 4),
        ('\u{0645}', 4),
        ('\u{0646}', 4),
        ('\u{0647}', 4),
        ('\u{0648}', 2),
        ('\u{0649}', 2),
        ('\u{064A}', 4),
    ];
    let code = c as u32;
    if (0xFE80..=0xFEF4).contains(&code) {
        let mut at = 0xFE80;
        for &(base, n) in BASES {
            if code < at + n {
                return Some(base);
            }
            at += n;
        }
    }
    None
}

/// The matching form of `s`.
pub fn fold(s: &str, level: Fold) -> String {
    s.chars().filter_map(|c| fold_char(c, level)).collect()
}

/// A matching form together with the char offset of each folded char in the original.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    /// The folded string.
    pub text: String,
    /// `origin[i]` is the char offset in the original of folded char `i`;
    /// one extra entry holds the original's length.
    pub origin: Vec<usize>,
    /// `origin_end[i]` is one past the last original char folded into char
    /// `i`, so that marks and tatweel after a letter stay with it.
    pub origin_end: Vec<usize>,
}

impl Folded {
    /// Folds `s` keeping the map to its chars.
    pub fn new(s: &str, level: Fold) -> Self {
        let mut text = String::with_capacity(s.len());
        let mut origin = Vec::with_capacity(s.len() / 2 + 1);
        let mut origin_end: Vec<usize> = Vec::with_capacity(s.len() / 2 + 1);
        let mut n = 0;
        for (i, c) in s.chars().enumerate() {
            if let Some(f) = fold_char(c, level) {
                text.push(f);
                origin.push(i);
                origin_end.push(i + 1);
            } else if let Some(last) = origin_end.last_mut() {
                if *last == i {
                    *last = i + 1;
                }
            }
            n = i + 1;
        }
        origin.push(n);
        origin_end.push(n);
        Folded { text, origin, origin_end }
    }

    /// Maps a folded char span back to the original char span.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.origin[start.min(self.origin.len() - 1)];
        let e = if end == 0 { s } else { self.origin_end[(end - 1).min(self.origin_end.len() - 1)] };
        (s, e.max(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orthographic_keeps_letters_lossy_merges_them() {
        assert_eq!(fold("مُحَمَّد", Fold::Orthographic), "محمد");
        assert_eq!(fold("غـــزة", Fold::Orthographic), "غزة");
        assert_eq!(fold("٢٠٢٤ ۱۲", Fold::Orthographic), "2024 12");
        assert_eq!(fold("٢٦٬٤٢٢٫٥", Fold::Orthographic), "26,422.5");
        assert_eq!(fold("إسرائيل", Fold::Orthographic), "إسرائيل");
        assert_eq!(fold("إسرائيل", Fold::Letters), "اسرائيل");
        assert_eq!(fold("آل ثاني", Fold::Letters), "ال ثاني");
        assert_eq!(fold("ٱلحمد", Fold::Orthographic), "الحمد");
        assert_eq!(fold("مستشفى", Fold::Letters), "مستشفي");
        assert_eq!(fold("غزة", Fold::Letters), "غزه");
        assert_eq!(fold("ﻏﺰﺓ", Fold::Orthographic), "غزة");
    }

    #[test]
    fn folded_maps_back() {
        let s = "قُتِلَ ٣ أشخاص";
        let f = Folded::new(s, Fold::Letters);
        assert_eq!(f.text, "قتل 3 اشخاص");
        let start = f.text.chars().position(|c| c == '3').unwrap();
        let (a, b) = f.to_original(start, start + 1);
        assert_eq!(crate::char_slice(s, a, b), "٣");
        let (a, b) = f.to_original(0, 3);
        assert_eq!(crate::char_slice(s, a, b), "قُتِلَ");
    }
}
