//! Bounded reads of regular files: every reader of coolplan (site files, EPW weather files,
//! CSV imports, remembered mappings) goes through [`read_capped`], so a directory, a FIFO, a
//! device such as `/dev/zero` or a file larger than the reader's cap is refused before any
//! byte is read, and a file that grows while it is read stops at the cap.
//!
//! The file type is checked on the path (opening a FIFO would block) and again on the open
//! handle (a path swapped between the two checks is caught before reading).

use std::fs;
use std::io::Read;
use std::path::Path;

/// What a path was instead of a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAFile {
    Directory,
    Fifo,
    Special,
}

/// Why a bounded read failed.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    NotAFile(NotAFile),
    /// The file holds `size` bytes (at least), more than the reader's `cap`.
    TooLarge {
        size: u64,
        cap: u64,
    },
}

impl From<std::io::Error> for ReadError {
    fn from(error: std::io::Error) -> Self {
        ReadError::Io(error)
    }
}

/// The bytes of the regular file at `path` (symlinks followed), at most `cap` of them.
pub fn read_capped(path: &Path, cap: u64) -> Result<Vec<u8>, ReadError> {
    regular_file(&fs::metadata(path)?)?;
    let file = fs::File::open(path)?;
    let meta = file.metadata()?;
    regular_file(&meta)?;
    if meta.len() > cap {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            cap,
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // `take` bounds the read even if the file grows between the size check and the read.
    file.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(ReadError::TooLarge {
            size: bytes.len() as u64,
            cap,
        });
    }
    Ok(bytes)
}

/// `Ok` for a regular file, else what it is.
pub fn regular_file(meta: &fs::Metadata) -> Result<(), ReadError> {
    let kind = meta.file_type();
    if kind.is_file() {
        return Ok(());
    }
    Err(ReadError::NotAFile(if kind.is_dir() {
        NotAFile::Directory
    } else if is_fifo(&kind) {
        NotAFile::Fifo
    } else {
        NotAFile::Special
    }))
}

#[cfg(unix)]
fn is_fifo(kind: &fs::FileType) -> bool {
    std::os::unix::fs::FileTypeExt::is_fifo(kind)
}

#[cfg(not(unix))]
fn is_fifo(_kind: &fs::FileType) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_within_the_cap_is_read_and_one_over_it_is_refused_by_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.txt");
        fs::write(&path, b"12345").unwrap();
        assert_eq!(read_capped(&path, 5).unwrap(), b"12345");
        assert!(matches!(
            read_capped(&path, 4),
            Err(ReadError::TooLarge { size: 5, cap: 4 })
        ));
        assert!(matches!(
            read_capped(dir.path(), 4),
            Err(ReadError::NotAFile(NotAFile::Directory))
        ));
    }
}
