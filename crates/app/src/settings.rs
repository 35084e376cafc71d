//! Persisted UI settings (eframe storage): recent files, unit system, theme, language, file
//! dialog preference. Kept apart from runtime state; `#[serde(default)]` so settings written by
//! an older build still load.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use coolplan_units::format::UnitSystem;
use coolplan_words::Lang;

/// Key under which the settings live in eframe storage.
pub const STORAGE_KEY: &str = "coolplan.settings";
/// How many recent files the File menu keeps.
pub const MAX_RECENT: usize = 8;

/// Light or dark look.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

/// Which file dialog to use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum DialogPreference {
    /// Native (portal or zenity) when one is found, the in-app dialog otherwise.
    #[default]
    Auto,
    /// Always the in-app dialog.
    InApp,
}

/// Settings that outlive a session.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub recent_files: Vec<PathBuf>,
    pub units: UnitSystem,
    pub theme: Theme,
    pub lang: Lang,
    pub dialogs: DialogPreference,
    /// The user turned the start page off.
    pub hide_start_page: bool,
    /// Spreadsheet column mappings remembered per CSV header (File › Import…).
    pub import_mappings: coolplan_io::import::MappingStore,
}

impl Settings {
    /// The stored settings, or on first run (nothing stored) the defaults in `locale_lang`,
    /// the language of the system locale.
    pub fn stored_or_first_run(stored: Option<Settings>, locale_lang: Lang) -> Settings {
        stored.unwrap_or_else(|| Settings {
            lang: locale_lang,
            ..Settings::default()
        })
    }
    /// Puts `path` first in the recent list (no duplicates, at most [`MAX_RECENT`]).
    pub fn remember(&mut self, path: &Path) {
        self.recent_files.retain(|p| p != path);
        self.recent_files.insert(0, path.to_path_buf());
        self.recent_files.truncate(MAX_RECENT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_unique_newest_first_and_bounded() {
        let mut settings = Settings::default();
        for i in 0..10 {
            settings.remember(Path::new(&format!("/s/{i}.ron")));
        }
        settings.remember(Path::new("/s/5.ron"));
        assert_eq!(settings.recent_files.len(), MAX_RECENT);
        assert_eq!(settings.recent_files[0], PathBuf::from("/s/5.ron"));
        assert_eq!(
            settings
                .recent_files
                .iter()
                .filter(|p| p.ends_with("5.ron"))
                .count(),
            1
        );
    }

    #[test]
    fn first_run_follows_the_locale_and_a_stored_choice_wins() {
        assert_eq!(Settings::stored_or_first_run(None, Lang::Zh).lang, Lang::Zh);
        assert_eq!(Settings::stored_or_first_run(None, Lang::En).lang, Lang::En);
        let chosen = Settings {
            lang: Lang::En,
            ..Settings::default()
        };
        let restored = Settings::stored_or_first_run(Some(chosen), Lang::Zh);
        assert_eq!(restored.lang, Lang::En);
    }

    #[test]
    fn old_settings_without_new_fields_still_load() {
        let settings: Settings = ron::from_str("(units: Ip)").unwrap();
        assert_eq!(settings.units, UnitSystem::Ip);
        assert_eq!(settings.lang, Lang::En);
    }
}
