//! Edits over a string and their application with an offset map.

use isnad_model::{NoiseKind, OffsetMap, RepairKind, Span};

/// What an edit does to its byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Remove the range; it is recorded as noise of this kind.
    Remove(NoiseKind),
    /// Replace the range with new text; recorded as a repair of this kind.
    Replace(RepairKind, String),
}

/// One edit: a byte range of the input and what happens to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    /// Byte start in the input.
    pub start: usize,
    /// Byte end in the input.
    pub end: usize,
    /// The action.
    pub action: Action,
}

impl Edit {
    /// A removal.
    pub fn remove(start: usize, end: usize, kind: NoiseKind) -> Self {
        Edit { start, end, action: Action::Remove(kind) }
    }
    /// A replacement.
    pub fn replace(start: usize, end: usize, kind: RepairKind, with: impl Into<String>) -> Self {
        Edit { start, end, action: Action::Replace(kind, with.into()) }
    }
}

/// An applied edit, in char offsets of the input and of the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The action.
    pub action: Action,
    /// Char span in the input.
    pub input: Span,
    /// Char span in the output (empty for removals).
    pub output: Span,
    /// The input text of the span.
    pub before: String,
}

/// Result of applying edits.
#[derive(Debug, Clone, Default)]
pub struct Output {
    /// The edited string.
    pub text: String,
    /// Output chars → input chars.
    pub map: OffsetMap,
    /// The edits as applied.
    pub applied: Vec<Applied>,
}

/// Applies `edits` to `input`. Overlapping edits are resolved in favour of
/// the one that starts first, then the longer one; the others are dropped,
/// except that an overlapping removal is clipped to what is left of it.
pub fn apply(input: &str, mut edits: Vec<Edit>) -> Output {
    edits.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut kept: Vec<Edit> = Vec::with_capacity(edits.len());
    for mut e in edits {
        if e.end > input.len() || e.start > e.end || !input.is_char_boundary(e.start) || !input.is_char_boundary(e.end)
        {
            debug_assert!(false, "bad edit {e:?}");
            continue;
        }
        if e.start == e.end && matches!(e.action, Action::Remove(_)) {
            continue;
        }
        if let Some(last) = kept.last() {
            if e.start < last.end {
                // Two removals that touch (a line and its neighbour's line
                // break) are both kept, the later one clipped.
                let both_remove = matches!((&e.action, &last.action), (Action::Remove(_), Action::Remove(_)));
                if both_remove && e.end > last.end {
                    e.start = last.end;
                } else {
                    continue;
                }
            }
        }
        kept.push(e);
    }
    let mut text = String::with_capacity(input.len());
    let mut map = OffsetMap::new();
    let mut applied = Vec::with_capacity(kept.len());
    let mut pos_b = 0;
    let mut pos_c = 0;
    let mut out_c = 0;
    for e in kept {
        let s_c = pos_c + input[pos_b..e.start].chars().count();
        let e_c = s_c + input[e.start..e.end].chars().count();
        // Copy the untouched run before the edit.
        text.push_str(&input[pos_b..e.start]);
        map.push(pos_c, s_c - pos_c, s_c - pos_c);
        out_c += s_c - pos_c;
        let before = input[e.start..e.end].to_string();
        match &e.action {
            Action::Remove(_) => {
                applied.push(Applied {
                    action: e.action,
                    input: Span::new(s_c, e_c),
                    output: Span::new(out_c, out_c),
                    before,
                });
            }
            Action::Replace(_, with) => {
                let n = with.chars().count();
                text.push_str(with);
                if with.chars().filter(|c| *c != ' ').eq(before.chars()) && !before.contains(' ') {
                    // Spaces inserted into a word: map each original char to itself.
                    let mut r = s_c;
                    for c in with.chars() {
                        if c == ' ' {
                            map.push(r, 0, 1);
                        } else {
                            map.push(r, 1, 1);
                            r += 1;
                        }
                    }
                } else {
                    map.push(s_c, e_c - s_c, n);
                }
                applied.push(Applied {
                    action: e.action.clone(),
                    input: Span::new(s_c, e_c),
                    output: Span::new(out_c, out_c + n),
                    before,
                });
                out_c += n;
            }
        }
        pos_b = e.end;
        pos_c = e_c;
    }
    let rest = input[pos_b..].chars().count();
    text.push_str(&input[pos_b..]);
    map.push(pos_c, rest, rest);
    Output { text, map, applied }
}

/// Composes two maps: `outer` maps C → B, `inner` maps B → A; the result maps C → A.
pub fn compose(outer: &OffsetMap, inner: &OffsetMap) -> OffsetMap {
    let mut out = OffsetMap::new();
    for seg in outer.segments() {
        if seg.text_len == seg.raw_len {
            // A copy run of B: follow B's own runs through `inner`.
            let mut b = seg.raw;
            let end = seg.raw + seg.raw_len;
            while b < end {
                let inner_segs = inner.segments();
                let k = inner_segs.partition_point(|s| s.text + s.text_len <= b);
                let Some(s) = inner_segs.get(k) else { break };
                let run_end = (s.text + s.text_len).min(end);
                if s.text_len == s.raw_len {
                    let a = s.raw + (b - s.text);
                    out.push(a, run_end - b, run_end - b);
                } else {
                    // A replacement in B: keep it whole if entirely covered.
                    out.push(s.raw, s.raw_len, run_end - b);
                }
                b = run_end;
            }
        } else {
            let a = inner.to_raw(Span::new(seg.raw, seg.raw + seg.raw_len));
            out.push(a.start, a.len(), seg.text_len);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apply_removes_replaces_and_maps() {
        let input = "أ&amp;ب [ad_1] ج";
        let amp = input.find("&amp;").unwrap();
        let ad = input.find("[ad_1] ").unwrap();
        let out = apply(
            input,
            vec![
                Edit::replace(amp, amp + 5, RepairKind::HtmlEntity, "&"),
                Edit::remove(ad, ad + 7, NoiseKind::AdMarker),
            ],
        );
        assert_eq!(out.text, "أ&ب ج");
        assert_eq!(out.map.to_raw(Span::new(1, 2)), Span::new(1, 6));
        assert_eq!(out.map.to_raw(Span::new(4, 5)), Span::new(15, 16));
        assert_eq!(out.applied.len(), 2);
        assert_eq!(out.applied[1].before, "[ad_1] ");
    }

    #[test]
    fn overlapping_edits_keep_the_outer_one() {
        let out =
            apply("abcdef", vec![Edit::remove(1, 5, NoiseKind::Credit), Edit::replace(2, 3, RepairKind::Space, " ")]);
        assert_eq!(out.text, "af");
        assert_eq!(out.applied.len(), 1);
    }

    #[test]
    fn compose_follows_both_maps() {
        let a = "x&amp;y\u{200B}z";
        let first =
            apply(a, vec![Edit::replace(1, 6, RepairKind::HtmlEntity, "&"), Edit::remove(7, 10, NoiseKind::Invisible)]);
        assert_eq!(first.text, "x&yz");
        let second = apply(&first.text, vec![Edit::replace(3, 3, RepairKind::JoinedWords, " ")]);
        assert_eq!(second.text, "x&y z");
        let m = compose(&second.map, &first.map);
        assert_eq!(m.to_raw(Span::new(1, 2)), Span::new(1, 6));
        assert_eq!(m.to_raw(Span::new(4, 5)), Span::new(8, 9));
        assert_eq!(m.to_raw(Span::new(0, 5)), Span::new(0, 9));
    }
}
