//! Where tests find the shared reference data.
//!
//! Tests that read the seed articles, the gold annotations, news-dev or the
//! NER corpora need `../shared` beside the checkout (CI always has it). They
//! must run there, never skip: [`shared_path`] fails the calling test with
//! a message naming what is missing when the path does not exist.

use std::path::PathBuf;

/// Environment variable that overrides the shared folder (used to check
/// that tests fail clearly without it: `ISNAD_SHARED=/nonexistent`).
pub const SHARED_ENV: &str = "ISNAD_SHARED";

/// The shared folder: `$ISNAD_SHARED` when set, else `shared` beside the
/// checkout (the folder holding the workspace).
pub fn shared_dir() -> PathBuf {
    match std::env::var_os(SHARED_ENV) {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"),
    }
}

/// `rel` under the shared folder ([`shared_dir`]).
///
/// # Panics
///
/// When that path does not exist, with `needs ../shared beside the
/// checkout: <path>`: tests needing the shared data fail without it rather
/// than pass having checked nothing.
#[track_caller]
pub fn shared_path(rel: &str) -> PathBuf {
    let p = shared_dir().join(rel);
    assert!(
        p.exists(),
        "needs ../shared beside the checkout: {} (set {SHARED_ENV} to use another folder)",
        p.display()
    );
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_shared_paths_fail_with_their_name() {
        let r = std::panic::catch_unwind(|| shared_path("no/such/file-for-isnad-tests.txt"));
        let e = r.expect_err("must panic");
        let msg = e.downcast_ref::<String>().cloned().unwrap_or_default();
        assert!(msg.starts_with("needs ../shared beside the checkout: "), "{msg}");
        assert!(msg.contains("no/such/file-for-isnad-tests.txt"), "{msg}");
    }
}
