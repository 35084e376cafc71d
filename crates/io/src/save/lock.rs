//! The advisory lock a writer holds while it compares, backs up and replaces a site file, so
//! two coolplan processes (two `import` runs, the app and the CLI) never interleave those
//! steps: the second one waits, then sees that the file changed since it read it.
//!
//! The lock is `std::fs::File::lock` (Rust ≥ 1.89: `flock` on Unix, `LockFileEx` on
//! Windows), so no crate is needed. It cannot live on the site file itself, which every save
//! replaces by a rename; on Unix it is taken on the folder (nothing is left behind), elsewhere
//! on a `.NAME.lock` file beside the site (folders cannot be opened as files there).
//! Other programs do not take it: an editor saving meanwhile is caught by the content check.

use std::ffi::OsStr;
use std::fs::{File, TryLockError};
use std::io;
use std::path::Path;
use std::time::{Duration, Instant};

/// How long a writer waits for another one before giving up (a save takes well under a
/// second; a stuck process must not hang the CLI).
pub const LOCK_WAIT: Duration = Duration::from_secs(10);

/// A held lock; released on drop.
#[derive(Debug)]
pub struct Held {
    _file: File,
}

/// Why the lock was not taken.
#[derive(Debug)]
pub enum LockError {
    /// Another writer held it for all of [`LOCK_WAIT`].
    Busy,
    Io(io::Error),
}

/// Takes the lock of file `name` in `dir`, waiting up to `wait`.
pub fn acquire(dir: &Path, name: &OsStr, wait: Duration) -> Result<Held, LockError> {
    let file = lock_file(dir, name).map_err(LockError::Io)?;
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Held { _file: file }),
            Err(TryLockError::WouldBlock) if start.elapsed() < wait => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(TryLockError::WouldBlock) => return Err(LockError::Busy),
            Err(TryLockError::Error(e)) => return Err(LockError::Io(e)),
        }
    }
}

/// The lock of file `name` if no one holds it now, else `None`.
pub fn try_acquire(dir: &Path, name: &OsStr) -> Option<Held> {
    acquire(dir, name, Duration::ZERO).ok()
}

/// The folder itself: every writer of files in it opens the same one.
#[cfg(unix)]
fn lock_file(dir: &Path, _name: &OsStr) -> io::Result<File> {
    File::open(dir)
}

/// `.NAME.lock` beside the file, created on first use and left in place (removing it would
/// let two writers lock two different files of the same name).
#[cfg(not(unix))]
fn lock_file(dir: &Path, name: &OsStr) -> io::Result<File> {
    let mut lock_name = std::ffi::OsString::from(".");
    lock_name.push(name);
    lock_name.push(".lock");
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(dir.join(lock_name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_waits_then_gives_up_while_the_first_holds_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let name = OsStr::new("site.ron");
        let first = acquire(dir.path(), name, LOCK_WAIT).unwrap();
        assert!(try_acquire(dir.path(), name).is_none());
        let start = Instant::now();
        let second = acquire(dir.path(), name, Duration::from_millis(100));
        assert!(matches!(second, Err(LockError::Busy)));
        assert!(start.elapsed() >= Duration::from_millis(100));
        drop(first);
        assert!(try_acquire(dir.path(), name).is_some());
    }
}
