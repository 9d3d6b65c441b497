//! Near-duplicate detection: MinHash signatures of word shingles and a banded LSH index.
//!
//! * Shingles: [`SHINGLE`] (5) consecutive normalized words of the cleaned
//!   text (see the crate docs for the normalization). Datelines, "read also"
//!   links and other noise are already out of `Document::text`.
//! * Signature: [`NUM_HASHES`] (128) MinHash values from gaoya's
//!   `MinHasher64V1` (FNV, fixed seed, so signatures are stable across runs),
//!   kept as their low 32 bits.
//! * Index: gaoya's `MinHashIndex` with [`BANDS`] × [`ROWS`] (32 × 4) bands;
//!   a pair with Jaccard 0.8 becomes a candidate with probability > 0.9999,
//!   one with Jaccard 0.3 with probability 0.23. Candidates are verified
//!   by the estimated Jaccard similarity (share of equal MinHash values).

use std::fmt;
use std::sync::OnceLock;

use gaoya::minhash::{MinHashIndex, MinHasher, MinHasher64V1};
use isnad_model::Document;

use crate::terms::terms;

/// Words per shingle.
pub const SHINGLE: usize = 5;
/// MinHash values per signature.
pub const NUM_HASHES: usize = 128;
/// LSH bands.
pub const BANDS: usize = 32;
/// MinHash values per band.
pub const ROWS: usize = NUM_HASHES / BANDS;
/// Default duplicate threshold: estimated Jaccard similarity of 5-shingle sets.
///
/// On news-dev, copies of one article with a different dateline, headline or
/// appended boilerplate stay above 0.85, while different articles about the
/// same event stay below 0.3 (see the crate docs for the measurement).
pub const DEFAULT_THRESHOLD: f64 = 0.8;

/// Format version written by [`Signature::to_bytes`].
const VERSION: u8 = 1;
/// Magic byte of the serialized form.
const MAGIC: u8 = b'M';

fn hasher() -> &'static MinHasher64V1<fnv_hasher::Fnv> {
    static H: OnceLock<MinHasher64V1<fnv_hasher::Fnv>> = OnceLock::new();
    H.get_or_init(|| MinHasher64V1::new_with_hasher(NUM_HASHES, fnv_hasher::Fnv))
}

/// A deterministic FNV-1a hasher (gaoya's default, spelled out here so the
/// crate does not depend on `fnv` directly).
mod fnv_hasher {
    use std::hash::{BuildHasher, Hasher};

    /// Builds [`FnvHasher`]s.
    #[derive(Debug, Clone, Copy, Default)]
    pub struct Fnv;

    /// 64-bit FNV-1a.
    pub struct FnvHasher(u64);

    impl Hasher for FnvHasher {
        fn finish(&self) -> u64 {
            self.0
        }
        fn write(&mut self, bytes: &[u8]) {
            for b in bytes {
                self.0 ^= u64::from(*b);
                self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
            }
        }
    }

    impl BuildHasher for Fnv {
        type Hasher = FnvHasher;
        fn build_hasher(&self) -> FnvHasher {
            FnvHasher(0xcbf2_9ce4_8422_2325)
        }
    }
}

/// The word shingles of a text.
fn shingles(text: &str) -> Vec<String> {
    let words: Vec<String> = terms(text).into_iter().map(|t| t.key).collect();
    if words.is_empty() {
        return Vec::new();
    }
    if words.len() < SHINGLE {
        return vec![words.join(" ")];
    }
    words.windows(SHINGLE).map(|w| w.join(" ")).collect()
}

/// A MinHash signature of a document's word shingles.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Signature {
    hashes: Vec<u32>,
}

/// Why bytes could not be read as a [`Signature`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignatureError {
    /// Too short, or the length does not match the header.
    Length,
    /// Not a signature (wrong magic byte).
    Magic,
    /// A version this build does not read.
    Version(u8),
    /// Written with another shingle size or hash count.
    Parameters {
        /// Shingle size in the bytes.
        shingle: u8,
        /// Hash count in the bytes.
        hashes: u16,
    },
}

impl fmt::Display for SignatureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignatureError::Length => write!(f, "signature bytes have the wrong length"),
            SignatureError::Magic => write!(f, "not a signature (bad magic byte)"),
            SignatureError::Version(v) => write!(f, "unsupported signature version {v}"),
            SignatureError::Parameters { shingle, hashes } => {
                write!(
                    f,
                    "signature made with {shingle}-shingles and {hashes} hashes, expected {SHINGLE} and {NUM_HASHES}"
                )
            }
        }
    }
}

impl std::error::Error for SignatureError {}

impl Signature {
    /// The signature of a document's cleaned text.
    pub fn of(doc: &Document) -> Signature {
        Signature::of_text(&doc.text)
    }

    /// The signature of a text. A text without words gets the empty signature.
    pub fn of_text(text: &str) -> Signature {
        let sh = shingles(text);
        if sh.is_empty() {
            return Signature { hashes: Vec::new() };
        }
        let hashes = hasher().create_signature(sh.iter()).into_iter().map(|h| h as u32).collect();
        Signature { hashes }
    }

    /// True for the signature of a text without words; it matches nothing.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// The estimated Jaccard similarity of the two shingle sets (0 when either is empty).
    pub fn similarity(&self, other: &Signature) -> f64 {
        if self.hashes.len() != NUM_HASHES || other.hashes.len() != NUM_HASHES {
            return 0.0;
        }
        let same = self.hashes.iter().zip(&other.hashes).filter(|(a, b)| a == b).count();
        same as f64 / NUM_HASHES as f64
    }

    /// Compact form: `M`, version, shingle size, hash count (u16 LE), then
    /// the hashes as u32 LE (517 bytes; 5 for the empty signature).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(5 + 4 * self.hashes.len());
        out.push(MAGIC);
        out.push(VERSION);
        out.push(SHINGLE as u8);
        out.extend_from_slice(&(self.hashes.len() as u16).to_le_bytes());
        for h in &self.hashes {
            out.extend_from_slice(&h.to_le_bytes());
        }
        out
    }

    /// Reads [`Signature::to_bytes`] output.
    pub fn from_bytes(bytes: &[u8]) -> Result<Signature, SignatureError> {
        let [magic, version, shingle, n0, n1, rest @ ..] = bytes else {
            return Err(SignatureError::Length);
        };
        if *magic != MAGIC {
            return Err(SignatureError::Magic);
        }
        if *version != VERSION {
            return Err(SignatureError::Version(*version));
        }
        let n = u16::from_le_bytes([*n0, *n1]);
        if usize::from(*shingle) != SHINGLE || (n != 0 && usize::from(n) != NUM_HASHES) {
            return Err(SignatureError::Parameters { shingle: *shingle, hashes: n });
        }
        if rest.len() != 4 * usize::from(n) {
            return Err(SignatureError::Length);
        }
        let hashes = rest.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        Ok(Signature { hashes })
    }
}

/// An in-memory LSH index of signatures by document id.
///
/// Not serialized itself: a store keeps the signatures (as bytes) and
/// rebuilds the index by inserting them.
pub struct DupIndex {
    threshold: f64,
    index: MinHashIndex<u32, String>,
    len: usize,
}

impl fmt::Debug for DupIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DupIndex").field("threshold", &self.threshold).field("len", &self.len).finish()
    }
}

impl Default for DupIndex {
    fn default() -> Self {
        DupIndex::new(DEFAULT_THRESHOLD)
    }
}

impl DupIndex {
    /// An empty index reporting matches at or above `threshold` (estimated Jaccard, clamped to 0..=1).
    pub fn new(threshold: f64) -> DupIndex {
        let threshold = if threshold.is_nan() { DEFAULT_THRESHOLD } else { threshold.clamp(0.0, 1.0) };
        DupIndex { threshold, index: MinHashIndex::new(BANDS, ROWS, threshold), len: 0 }
    }

    /// The threshold.
    pub fn threshold(&self) -> f64 {
        self.threshold
    }

    /// Number of signatures inserted.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when nothing was inserted.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds a document. Returns false (and adds nothing) for an empty signature.
    /// Inserting an id again replaces its signature.
    pub fn insert(&mut self, doc_id: impl Into<String>, sig: &Signature) -> bool {
        if sig.hashes.len() != NUM_HASHES {
            return false;
        }
        let id = doc_id.into();
        if self.index.remove(&id).is_none() {
            self.len += 1;
        }
        self.index.insert(id, sig.hashes.clone());
        true
    }

    /// The most similar indexed document at or above the threshold, with
    /// its estimated Jaccard similarity (ties broken by the smaller id).
    pub fn find(&self, sig: &Signature) -> Option<(String, f64)> {
        if sig.hashes.len() != NUM_HASHES {
            return None;
        }
        self.index
            .query_owned_return_similarity(&sig.hashes)
            .into_iter()
            .filter(|(_, s)| *s >= self.threshold)
            .min_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = "قالت مصادر مطلعة إن الوسطاء المصريين والقطريين قدموا مقترحاً جديداً لوقف إطلاق النار في قطاع غزة يتضمن هدنة مدتها ستة أسابيع. \
        ويشمل المقترح الإفراج عن عدد من الرهائن المحتجزين لدى حركة حماس مقابل إطلاق سراح أسرى فلسطينيين من السجون الإسرائيلية. \
        وأضافت المصادر أن الوفد الإسرائيلي سيصل إلى القاهرة مساء الأحد لبحث التفاصيل مع المسؤولين المصريين، فيما لم تصدر الحركة رداً رسمياً حتى الآن. \
        وكانت جولة سابقة من المحادثات قد انتهت دون اتفاق بعد خلافات حول انسحاب القوات من محور فيلادلفيا وعودة النازحين إلى شمال القطاع. \
        وقال مسؤول أمريكي إن واشنطن تضغط على الطرفين للتوصل إلى تفاهم قبل بداية شهر رمضان، محذراً من أن الوقت ينفد.";

    #[test]
    fn signature_bytes_round_trip_and_reject_garbage() {
        let s = Signature::of_text(ARTICLE);
        let b = s.to_bytes();
        assert_eq!(b.len(), 5 + 4 * NUM_HASHES);
        assert_eq!(Signature::from_bytes(&b), Ok(s.clone()));
        assert_eq!(Signature::from_bytes(&b[..10]), Err(SignatureError::Length));
        let mut bad = b.clone();
        bad[1] = 9;
        assert_eq!(Signature::from_bytes(&bad), Err(SignatureError::Version(9)));
        let empty = Signature::of_text("  ،  ");
        assert!(empty.is_empty());
        assert_eq!(Signature::from_bytes(&empty.to_bytes()), Ok(empty.clone()));
        assert_eq!(empty.similarity(&s), 0.0);
    }

    #[test]
    fn copy_with_new_first_line_and_teaser_is_a_duplicate() {
        let copy = format!(
            "غزة - وكالة الأنباء المحلية: تفاصيل المقترح الجديد\n{}\nاقرأ أيضاً: ما هو محور فيلادلفيا ولماذا يهم المفاوضين؟",
            ARTICLE.replacen("قالت مصادر مطلعة", "وقالت مصادر مطلعة", 1)
        );
        let other = "أعلنت وزارة الصحة في قطاع غزة ارتفاع عدد القتلى جراء الغارات الإسرائيلية إلى أكثر من ثلاثين ألفاً منذ بداية الحرب. \
            وقالت الوزارة إن الطواقم الطبية تواجه نقصاً حاداً في الوقود والأدوية في مستشفيات الشمال. \
            من جهتها قالت حركة حماس إنها تدرس المقترح المصري القطري لوقف إطلاق النار وستسلم ردها إلى الوسطاء خلال أيام، \
            بينما قال مسؤولون إسرائيليون إن الحكومة لن توافق على وقف دائم للحرب قبل إعادة جميع الرهائن.";
        let mut idx = DupIndex::default();
        assert!(idx.insert("a", &Signature::of_text(ARTICLE)));
        assert!(idx.insert("b", &Signature::of_text(other)));
        let (id, sim) = idx.find(&Signature::of_text(&copy)).expect("copy found");
        assert_eq!(id, "a");
        assert!(sim >= DEFAULT_THRESHOLD, "{sim}");
        let third = "ذكرت مصادر في القاهرة أن الوفد الإسرائيلي وصل لبحث مقترح وقف إطلاق النار في غزة، \
            وأن المباحثات تتناول الإفراج عن الرهائن والأسرى الفلسطينيين وعودة النازحين إلى شمال القطاع، \
            في حين تضغط واشنطن للتوصل إلى اتفاق قبل رمضان.";
        assert_eq!(idx.find(&Signature::of_text(third)), None);
        assert!(Signature::of_text(third).similarity(&Signature::of_text(ARTICLE)) < 0.3);
        assert_eq!(idx.len(), 2);
        assert!(!idx.insert("e", &Signature::of_text("")));
    }
}
