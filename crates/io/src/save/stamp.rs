//! [`DiskStamp`]: what a site file held when it was read, so a later save can tell that
//! someone else wrote it meanwhile (another `import`, the app, an editor) and refuse instead
//! of silently discarding their work.
//!
//! The stamp is the SHA-256 of the content, not the modification time and size: a rewrite of
//! the same size within the file system's time resolution (two quick imports) changes the
//! content but may keep both.

use sha2::{Digest, Sha256};

/// The state of a file when it was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskStamp {
    /// No file was there (a new file is being written).
    Absent,
    /// SHA-256 of the bytes read.
    Content([u8; 32]),
}

impl DiskStamp {
    /// The stamp of a file that held `bytes`.
    pub fn of(bytes: &[u8]) -> DiskStamp {
        DiskStamp::Content(Sha256::digest(bytes).into())
    }

    /// The stamp of a file whose current bytes are `bytes` (`None`: absent).
    pub fn of_current(bytes: Option<&[u8]>) -> DiskStamp {
        bytes.map_or(DiskStamp::Absent, DiskStamp::of)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_bytes_give_equal_stamps_and_one_changed_byte_does_not() {
        assert_eq!(DiskStamp::of(b"(a: 1)"), DiskStamp::of(b"(a: 1)"));
        assert_ne!(DiskStamp::of(b"(a: 1)"), DiskStamp::of(b"(a: 2)"));
        assert_ne!(DiskStamp::of(b""), DiskStamp::Absent);
    }
}
