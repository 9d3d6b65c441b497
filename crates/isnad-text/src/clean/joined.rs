//! Repair of words joined by a lost space (`الأممالمتحدة` → `الأمم المتحدة`).
//!
//! A token is a candidate only when the word list does not know it, in any
//! form, through its clitics or as a known word plus an inflectional ending.
//! It is then segmented by dynamic programming into the fewest, most
//! frequent known words. Every part must be a frequent word, and every cut
//! must show a word boundary: the left part ends in a letter that only ends
//! words (`ة`, `ى`), the right part opens with the article (`ال`, `وال`,
//! `بال`, `لل`…), or the left part is a preposition (`في`, `بين`…). Without
//! such a mark, a long unknown token is far more often a foreign name
//! (`ماكلاتشي`) than two words, and is left alone. Valid long words
//! (`والاستخبارات`, `الفلسطينيين`) are known and never touched.

use crate::lexicon::WordList;
use crate::tokens::analyses;

/// Shortest token considered for splitting, in letters.
pub const MIN_JOINED_LEN: usize = 7;
/// Longest token considered (longer runs are not news words).
pub const MAX_JOINED_LEN: usize = 48;
/// A token at or above this Zipf×100 frequency is a real word.
const KNOWN_WORD: u16 = 150;
/// Minimum Zipf×100 of each part.
const PART_MIN: u16 = 350;
/// Minimum Zipf×100 of a part that follows a word-final letter.
const PART_MIN_AFTER_FINAL: u16 = 250;
/// Minimum mean Zipf×100 of the parts when there are three or more.
const MEAN_MIN_MANY: u32 = 450;
/// Inflectional endings: a token that is a known word plus one of these is a
/// word, and none of these stands as the last part of a split.
const SUFFIXES: &[&str] = &[
    "ون", "ين", "ات", "ان", "ة", "ية", "يون", "يين", "يات", "ها", "هم", "هما", "هن", "كم", "نا", "تين", "تان", "ي",
    "ه", "وا", "تم", "تها", "تهم", "اتها", "اتهم",
];
/// Strings made of clitics only (`وال`, `بال`): never a part on their own.
const CLITIC_ONLY: &[&str] =
    &["ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال", "وكال", "فبال", "وب", "ول", "فب", "فل", "وك", "وس"];
/// Short function words allowed as parts despite their length, only before
/// another part: at the end they would be read off inflections (-ان, -ما).
const SHORT_PARTS: &[&str] = &["في", "من", "عن", "لا", "او", "أو", "قد", "لم", "لن", "مع"];
/// Prepositions after which a cut needs no other mark. Short ones that
/// often open foreign names (في, من, مع, دون) are left out: after them the
/// next part must open with the article.
const FUNCTION_WORDS: &[&str] = &[
    "على", "إلى", "الى", "بين", "عند", "حتى", "منذ", "بعد", "قبل", "خلال", "حول", "لدى", "عبر", "أمام", "امام", "تحت",
    "فوق", "غير",
];
/// Name-forming words conventionally written joined (`عبدالله`, `أبوالفضل`):
/// not a lost space.
const NAME_HEADS: &[&str] = &["عبد", "أبو", "ابو", "بو", "أبا", "ابا", "ابن", "بن", "ذو", "ذي", "آل"];

/// True when the text from `i` opens with the article, alone or after clitics.
fn opens_with_article(chars: &[char], i: usize) -> bool {
    let rest = &chars[i..];
    let starts = |p: &str| p.chars().zip(rest.iter()).filter(|(a, b)| a == *b).count() == p.chars().count();
    // The stem after the article needs three letters: `الان`, `اليس` are words.
    ["ال", "وال", "فال", "بال", "كال", "لل", "ولل", "فلل", "وبال"]
        .iter()
        .any(|p| starts(p) && rest.len() > p.chars().count() + 2)
}

fn is_final_only(c: char) -> bool {
    matches!(c, 'ة' | 'ى')
}

/// True when the word, or a clitic reading of it, is a known word or a
/// known word plus an inflectional ending (`والقطريون` = و + ال + قطري + ون).
fn known(word: &str, lex: &WordList) -> bool {
    if lex.zipf(word).is_some_and(|z| z >= KNOWN_WORD) {
        return true;
    }
    analyses(word).iter().any(|a| {
        if a.stem != word && lex.zipf(&a.stem).is_some_and(|z| z >= 250) {
            return true;
        }
        SUFFIXES.iter().any(|suf| {
            a.stem
                .strip_suffix(suf)
                .is_some_and(|base| base.chars().count() >= 3 && lex.zipf(base).is_some_and(|z| z >= 300))
        })
    })
}

fn part_score(part: &str, is_last: bool, lex: &WordList) -> Option<u16> {
    let n = part.chars().count();
    if n < 2 || (n == 2 && (is_last || !SHORT_PARTS.contains(&part))) || CLITIC_ONLY.contains(&part) {
        return None;
    }
    if is_last && SUFFIXES.contains(&part) {
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
    // Every cut needs a mark; a token with no possible mark is left alone
    // before any word-list lookup (this keeps the common case cheap).
    let article_inside = (2..n - 2).any(|i| chars[i + 1] == 'ل' && matches!(chars[i], 'ا' | 'ل'));
    if !has_medial_final && !article_inside && !FUNCTION_WORDS.iter().any(|f| word.starts_with(f)) {
        return None;
    }
    if !has_medial_final && known(word, lex) {
        return None;
    }
    // best[i] = (cost, previous cut, parts, zipf sum) for chars[..i]; cost in hundredths.
    let mut best: Vec<Option<(u32, usize, u32, u32)>> = vec![None; n + 1];
    best[0] = Some((0, 0, 0, 0));
    for i in 0..n {
        let Some((cost_i, _, parts_i, zsum_i)) = best[i] else { continue };
        let mut part = String::new();
        for j in i + 1..=n {
            part.push(chars[j - 1]);
            if j - i > 20 {
                break;
            }
            let Some(z) = part_score(&part, j == n, lex) else { continue };
            let after_final = i > 0 && is_final_only(chars[i - 1]);
            // The cut at `j` (between this part and the next) must show a boundary.
            if j < n {
                let marked = is_final_only(chars[j - 1])
                    || opens_with_article(&chars, j)
                    || FUNCTION_WORDS.contains(&part.as_str());
                if !marked || NAME_HEADS.contains(&part.as_str()) {
                    continue;
                }
            }
            let min = if after_final || j < n && is_final_only(chars[j - 1]) { PART_MIN_AFTER_FINAL } else { PART_MIN };
            if z < min {
                continue;
            }
            // Each part costs a fixed amount plus its rarity.
            let cost = cost_i + 400 + (800u32).saturating_sub(z as u32);
            if best[j].is_none_or(|(c, ..)| cost < c) {
                best[j] = Some((cost, i, parts_i + 1, zsum_i + z as u32));
            }
        }
    }
    let (_, _, parts, zsum) = best[n]?;
    if parts >= 3 && zsum / parts < MEAN_MIN_MANY {
        return None;
    }
    let mut cuts = Vec::new();
    let mut j = n;
    while j > 0 {
        let (_, i, ..) = best[j]?;
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
        assert_eq!(fix("فيالأراضي").as_deref(), Some("في الأراضي"));
        assert_eq!(fix("بينسانتياغو").as_deref(), Some("بين سانتياغو"));
    }

    #[test]
    fn keeps_valid_long_words() {
        if words().is_empty() {
            return;
        }
        for w in [
            "دونفورد",
            "معماريو",
            "أردالان",
            "روبياليس",
            "ماكلاتشي",
            "الخليدي",
            "عبدالله",
            "أبوالفضل",
            "الكابينيت",
            "والقطريون",
            "تشاركان",
            "يجتمعان",
            "عندما",
            "والاستخبارات",
            "الفلسطينيين",
            "لإطلاق",
            "وبالتالي",
            "والمفاوضات",
            "الإسرائيلية",
            "المستشفيات",
            "وللمفاوضين",
            "باستخدامها",
        ] {
            assert_eq!(fix(w), None, "{w}");
        }
    }
}
