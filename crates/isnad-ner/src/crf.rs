//! A pure-Rust reader and Viterbi decoder for crfsuite 0.12 `CRF1d` models.
//!
//! `crfsuite` (used for training) looks up every attribute through a C
//! string and a CQDB hash table and allocates per call; tagging with it spent
//! most of its time there. This reader loads the whole model once: attribute
//! strings into a hash map (looked up by `&str`, no allocation), state weights
//! into a dense `attrs × labels` table and transition weights into
//! `labels × labels`. Decoding is crfsuite's Viterbi (log domain, first maximum
//! wins), so labels are the same as crfsuite's (up to float summation order).

use crate::{Label, NerError};

/// `HashMap` with the FxHash hasher (`rustc-hash`), fast on short attribute strings.
pub type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// A loaded linear-chain CRF.
pub struct CrfModel {
    /// Labels by id.
    pub labels: Vec<Label>,
    attrs: FxMap<Box<str>, u32>,
    /// `state[a * L + y]`: weight of attribute `a` for label `y`.
    state: Vec<f64>,
    /// `trans[i * L + j]`: weight of the transition `i → j`.
    trans: Vec<f64>,
}

fn err(what: &str) -> NerError {
    NerError::Model(format!("malformed crfsuite model: {what}"))
}

fn u32_at(b: &[u8], off: usize) -> Result<u32, NerError> {
    let s = b.get(off..off.checked_add(4).ok_or_else(|| err("offset"))?).ok_or_else(|| err("truncated"))?;
    Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

fn f64_at(b: &[u8], off: usize) -> Result<f64, NerError> {
    let s = b.get(off..off.checked_add(8).ok_or_else(|| err("offset"))?).ok_or_else(|| err("truncated"))?;
    let mut a = [0u8; 8];
    a.copy_from_slice(s);
    Ok(f64::from_le_bytes(a))
}

/// The strings of a two-way CQDB (id → string through its backward links).
fn cqdb_strings(b: &[u8], expected: usize) -> Result<Vec<String>, NerError> {
    if b.get(..4) != Some(b"CQDB") {
        return Err(err("CQDB magic"));
    }
    let bwd_size = u32_at(b, 16)? as usize;
    let bwd_offset = u32_at(b, 20)? as usize;
    if bwd_offset == 0 || bwd_size < expected {
        return Err(err("CQDB without backward links"));
    }
    let mut out = Vec::with_capacity(expected);
    for id in 0..expected {
        let off = u32_at(b, bwd_offset + 4 * id)? as usize;
        if off == 0 {
            return Err(err("CQDB missing id"));
        }
        let ksize = u32_at(b, off + 4)? as usize;
        let start = off + 8;
        let s = b.get(start..start + ksize.saturating_sub(1)).ok_or_else(|| err("CQDB key"))?;
        out.push(String::from_utf8_lossy(s).into_owned());
    }
    Ok(out)
}

impl CrfModel {
    /// Parses a crfsuite model file image.
    pub fn parse(b: &[u8]) -> Result<CrfModel, NerError> {
        if b.len() < 48 || &b[..4] != b"lCRF" || &b[8..12] != b"FOMC" {
            return Err(err("header"));
        }
        let num_labels = u32_at(b, 20)? as usize;
        let num_attrs = u32_at(b, 24)? as usize;
        let off_features = u32_at(b, 28)? as usize;
        let off_labels = u32_at(b, 32)? as usize;
        let off_attrs = u32_at(b, 36)? as usize;
        if num_labels == 0 || num_labels > 1024 || num_attrs > b.len() {
            return Err(err("counts"));
        }
        // The header's feature count is not filled in by crfsuite's writer: use the FEAT chunk's.
        if b.get(off_features..off_features + 4) != Some(b"FEAT") {
            return Err(err("FEAT chunk"));
        }
        let num_features = u32_at(b, off_features + 8)? as usize;
        if num_features > b.len() / 20 {
            return Err(err("feature count"));
        }
        let label_names = cqdb_strings(b.get(off_labels..).ok_or_else(|| err("labels"))?, num_labels)?;
        let attr_names = cqdb_strings(b.get(off_attrs..).ok_or_else(|| err("attrs"))?, num_attrs)?;
        let l = num_labels;
        let mut state = vec![0.0; num_attrs * l];
        let mut trans = vec![0.0; l * l];
        for fid in 0..num_features {
            let p = off_features + 12 + 20 * fid;
            let (typ, src, dst) = (u32_at(b, p)?, u32_at(b, p + 4)? as usize, u32_at(b, p + 8)? as usize);
            let w = f64_at(b, p + 12)?;
            if dst >= l {
                return Err(err("feature label"));
            }
            match typ {
                0 if src < num_attrs => state[src * l + dst] += w,
                1 if src < l => trans[src * l + dst] += w,
                _ => return Err(err("feature")),
            }
        }
        let labels = label_names.iter().map(|s| Label::parse(s).unwrap_or(Label::O)).collect();
        let mut attrs = FxMap::default();
        attrs.reserve(num_attrs);
        for (i, a) in attr_names.into_iter().enumerate() {
            attrs.insert(a.into_boxed_str(), i as u32);
        }
        Ok(CrfModel { labels, attrs, state, trans })
    }

    /// Number of labels.
    pub fn num_labels(&self) -> usize {
        self.labels.len()
    }

    /// Number of attributes.
    pub fn num_attrs(&self) -> usize {
        self.attrs.len()
    }

    /// The id of an attribute, if the model knows it.
    #[inline]
    pub fn attr(&self, name: &str) -> Option<u32> {
        self.attrs.get(name).copied()
    }

    /// The state weights of attribute `a` (one per label).
    #[inline]
    pub fn state(&self, a: u32) -> &[f64] {
        let l = self.labels.len();
        &self.state[a as usize * l..(a as usize + 1) * l]
    }

    /// Adds the state weights of attribute `name` (if known) to `row`.
    #[inline]
    pub fn add_attr(&self, name: &str, row: &mut [f64]) {
        if let Some(a) = self.attr(name) {
            for (r, w) in row.iter_mut().zip(self.state(a)) {
                *r += w;
            }
        }
    }

    /// Viterbi decoding of `scores` (`T × L` state scores, row-major) into label ids.
    pub fn viterbi(&self, scores: &[f64], back: &mut Vec<u16>, out: &mut Vec<usize>) {
        let l = self.labels.len();
        let t_len = scores.len() / l;
        out.clear();
        if t_len == 0 {
            return;
        }
        back.clear();
        back.resize(t_len * l, 0);
        let mut prev: Vec<f64> = scores[..l].to_vec();
        let mut cur = vec![0.0; l];
        for t in 1..t_len {
            let state = &scores[t * l..(t + 1) * l];
            for j in 0..l {
                let mut max = f64::MIN;
                let mut arg = 0usize;
                for (i, p) in prev.iter().enumerate() {
                    let s = p + self.trans[i * l + j];
                    if max < s {
                        max = s;
                        arg = i;
                    }
                }
                back[t * l + j] = arg as u16;
                cur[j] = max + state[j];
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        let mut best = 0usize;
        let mut max = f64::MIN;
        for (i, &p) in prev.iter().enumerate() {
            if max < p {
                max = p;
                best = i;
            }
        }
        out.resize(t_len, 0);
        out[t_len - 1] = best;
        for t in (1..t_len).rev() {
            best = back[t * l + best] as usize;
            out[t - 1] = best;
        }
    }
}
