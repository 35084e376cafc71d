//! Autosave of unsaved work to a recovery file in the OS data folder, and the offer to recover
//! it on the next start. The file is removed once the work is saved or discarded.

use std::path::{Path, PathBuf};

use coolplan_model::Site;

/// Seconds between autosaves of a document with unsaved changes.
pub const AUTOSAVE_INTERVAL_S: f64 = 30.0;

/// Autosaved work found on start.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovered {
    pub site: Site,
    /// The file the work belonged to, if it had one.
    pub original: Option<PathBuf>,
}

/// Where recovery files live (a folder); `None` when the OS gives no data folder.
#[derive(Clone, Debug)]
pub struct RecoveryStore {
    dir: Option<PathBuf>,
}

impl RecoveryStore {
    /// The OS data folder of coolplan (`~/.local/share/coolplan` on Linux).
    pub fn in_os_data_dir() -> Self {
        Self {
            dir: eframe::storage_dir("coolplan"),
        }
    }
    /// A store in a given folder (tests).
    pub fn in_dir(dir: &Path) -> Self {
        Self {
            dir: Some(dir.to_path_buf()),
        }
    }
    /// A store that keeps nothing.
    pub fn disabled() -> Self {
        Self { dir: None }
    }

    fn site_file(&self) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join("recovery.ron"))
    }
    fn origin_file(&self) -> Option<PathBuf> {
        self.dir.as_ref().map(|d| d.join("recovery.path"))
    }

    /// Writes the work; errors are returned for the status line, never fatal.
    pub fn store(&self, site: &Site, original: Option<&Path>) -> std::io::Result<()> {
        let (Some(site_file), Some(origin_file)) = (self.site_file(), self.origin_file()) else {
            return Ok(());
        };
        if let Some(dir) = site_file.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let text = ron::ser::to_string_pretty(site, ron::ser::PrettyConfig::default())
            .map_err(std::io::Error::other)?;
        let origin = original
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Both files are replaced whole (temp + rename), the file name first: a process
        // killed at any instant leaves the work with its file name, never a truncated name
        // (a plain write could be cut mid-name; tests/gui/recovery_kill.rs kills the app to
        // check it).
        replace_whole(&origin_file, origin.as_bytes())?;
        replace_whole(&site_file, text.as_bytes())
    }

    /// The autosaved work, if any (unreadable recovery files are ignored).
    pub fn load(&self) -> Option<Recovered> {
        let text = std::fs::read_to_string(self.site_file()?).ok()?;
        let site: Site = ron::from_str(&text).ok()?;
        let origin = self
            .origin_file()
            .and_then(|f| std::fs::read_to_string(f).ok())
            .filter(|s| !s.trim().is_empty())
            .map(PathBuf::from);
        Some(Recovered {
            site,
            original: origin,
        })
    }

    /// Removes the recovery files (work saved or discarded).
    pub fn clear(&self) {
        for file in [self.site_file(), self.origin_file()].into_iter().flatten() {
            let _ = std::fs::remove_file(file);
        }
    }
}

/// Writes `bytes` to `path` through a temporary file renamed over it (atomic on one file
/// system).
fn replace_whole(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut temp = path.as_os_str().to_owned();
    temp.push(".tmp");
    std::fs::write(&temp, bytes)?;
    std::fs::rename(&temp, path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::small_site;

    #[test]
    fn stored_work_comes_back_and_clear_removes_it() {
        let dir = tempfile::tempdir().unwrap();
        let store = RecoveryStore::in_dir(dir.path());
        assert!(store.load().is_none());
        let mut site = small_site();
        site.halls[0].racks[0].count = 77;
        store.store(&site, Some(Path::new("/tmp/x.ron"))).unwrap();
        let recovered = store.load().unwrap();
        assert_eq!(recovered.site, site);
        assert_eq!(recovered.original, Some(PathBuf::from("/tmp/x.ron")));
        store.clear();
        assert!(store.load().is_none());
    }
}
