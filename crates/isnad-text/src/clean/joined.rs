//! Repair of words joined by a lost space (`الأممالمتحدة` → `الأمم المتحدة`).
//!
//! A token is a candidate only when the word list does not know it, in any
//! form or through its clitics. It is then segmented by dynamic programming
//! into the fewest, most frequent known words. Every part must be a frequent
//! word; a split right after a letter that can only end a word (`ة`, `ى`)
//! needs less evidence. Valid long words (`والاستخبارات`, `الفلسطينيين`) are
//! known and never touched.

use crate::lexicon::WordList;
use crate::tokens::analyses;

/// Shortest token considered for splitting, in letters.
pub const MIN_JOINED_LEN: usize = 7;
/// Longest token considered (longer runs are not news words).
pub const MAX_JOINED_LEN: usize = 48;
/// A token at or above this Zipf×100 frequency is a real word.
const KNOWN_WORD: u16 = 150;
/// Minimum Zipf×100 of each part.
const PART_MIN: u16 = 300;
/// Minimum Zipf×100 of a part that follows a word-final letter.
const PART_MIN_AFTER_FINAL: u16 = 200;
/// Short function words allowed as parts despite their length.
const SHORT_PARTS: &[&str] = &["في", "من", "عن", "ما", "لا", "او", "أو", "قد", "لم", "لن", "ان", "أن", "إن", "مع"];

fn is_final_only(c: char) -> bool {
    matches!(c, 'ة' | 'ى')
}

fn known(word: &str, lex: &WordList) -> bool {
    if lex.zipf(word).is_some_and(|z| z >= KNOWN_WORD) {
        return true;
    }
    analyses(word).iter().skip(1).any(|a| a.known && lex.zipf(&a.stem).is_some_and(|z| z >= 250))
}

fn part_score(part: &str, lex: &WordList) -> Option<u16> {
    let n = part.chars().count();
    if n < 2 || (n == 2 && !SHORT_PARTS.contains(&part)) {
        return None;
    }
    if part.chars().rev().skip(1).any(is_final_only) {
        return None;
    }
    lex.zipf(part)
}

/// Splits a joined token into char ranges of its parts, or `None` when the
/// token is a word (or cannot be split with confidence).
pub fn split(word: &str, lex: &WordList) -> Option<Vec<(usize, usize)>> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if !(MIN_JOINED_LEN..=MAX_JOINED_LEN).contains(&n) || lex.is_empty() {
        return None;
    }
    if !chars.iter().all(|&c| crate::fold::is_arabic_letter(c)) {
        return None;
    }
    let has_medial_final = chars[..n - 1].iter().any(|&c| is_final_only(c));
    if !has_medial_final && known(word, lex) {
        return None;
    }
    // best[i] = (cost, previous cut) for chars[..i]; cost in hundredths.
    let mut best: Vec<Option<(u32, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    for i in 0..n {
        let Some((cost_i, _)) = best[i] else { continue };
        let mut part = String::new();
        for j in i + 1..=n {
            part.push(chars[j - 1]);
            if j - i > 20 {
                break;
            }
            let Some(z) = part_score(&part, lex) else { continue };
            let after_final = i > 0 && is_final_only(chars[i - 1]);
            let min = if after_final || j < n && is_final_only(chars[j - 1]) { PART_MIN_AFTER_FINAL } else { PART_MIN };
            if z < min {
                continue;
            }
            // Each part costs a fixed amount plus its rarity.
            let cost = cost_i + 400 + (800u32).saturating_sub(z as u32);
            if best[j].is_none_or(|(c, _)| cost < c) {
                best[j] = Some((cost, i));
            }
        }
    }
    best[n]?;
    let mut cuts = Vec::new();
    let mut j = n;
    while j > 0 {
        let (_, i) = best[j]?;
        cuts.push((i, j));
        j = i;
    }
    cuts.reverse();
    (cuts.len() >= 2).then_some(cuts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::words;

    fn fix(w: &str) -> Option<String> {
        let chars: Vec<char> = w.chars().collect();
        split(w, words()).map(|parts| {
            parts.iter().map(|&(a, b)| chars[a..b].iter().collect::<String>()).collect::<Vec<_>>().join(" ")
        })
    }

    #[test]
    fn splits_joined_words() {
        if words().is_empty() {
            return;
        }
        assert_eq!(fix("الولاياتالمتحدة").as_deref(), Some("الولايات المتحدة"));
        assert_eq!(fix("الأممالمتحدة").as_deref(), Some("الأمم المتحدة"));
        assert_eq!(fix("الولاياتالمتحدةوقطر").as_deref(), Some("الولايات المتحدة وقطر"));
        assert_eq!(fix("منظمةالصحةالعالمية").as_deref(), Some("منظمة الصحة العالمية"));
        assert_eq!(fix("مجلسالأمن").as_deref(), Some("مجلس الأمن"));
    }

    #[test]
    fn keeps_valid_long_words() {
        if words().is_empty() {
            return;
        }
        for w in ["والاستخبارات", "الفلسطينيين", "لإطلاق", "وبالتالي", "والمفاوضات", "الإسرائيلية", "المستشفيات", "وللمفاوضين", "باستخدامها"] {
            assert_eq!(fix(w), None, "{w}");
        }
    }
}
