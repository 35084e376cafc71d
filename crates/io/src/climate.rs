//! Resolving a site's climate reference to data: presets and monthly normals need no file;
//! an EPW path is read from inside the site file's folder, or from an explicit weather folder
//! the user names (a CLI flag, an app setting), never from anywhere else.
//!
//! A site file is something people email around: the path it names must not reach the
//! reader's other files. Absolute paths and `..` are refused as written; a path that leaves
//! its folder through a symlink is refused once resolved.

use std::path::{Component, Path, PathBuf};

use crate::epw::{EpwError, read_epw};
use coolplan_climate::{ClimateData, ClimateKind};
use coolplan_climate::{NormalsError, bins_from_hourly, bins_from_normals, presets};
use coolplan_model::{ClimateSource, Site};
use coolplan_units::TemperatureUnit;

/// Fewest hours an EPW file must cover: a 365-day year (leap-year files have 8,784).
pub const EPW_MIN_HOURS: f64 = 8760.0;

/// A climate reference that could not be turned into data (worded by the words crate).
#[derive(Debug)]
pub enum ClimateError {
    UnknownPreset {
        key: String,
    },
    Normals(NormalsError),
    Epw(EpwError),
    PartialYear {
        origin: String,
        hours: f64,
    },
    /// The EPW path is not allowed: it would read a file outside the weather folders.
    EpwOutside {
        path: String,
        why: Outside,
    },
}

/// Why an EPW path was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outside {
    /// `/data/x.epw`, `C:\x.epw`.
    Absolute,
    /// `../x.epw`, `a/../../x.epw`.
    ParentDir,
    /// Inside the folder as written, outside it once symlinks are resolved.
    LinkLeaves,
}

impl From<NormalsError> for ClimateError {
    fn from(error: NormalsError) -> Self {
        ClimateError::Normals(error)
    }
}

impl From<EpwError> for ClimateError {
    fn from(error: EpwError) -> Self {
        ClimateError::Epw(error)
    }
}

/// The folders EPW files may be read from.
#[derive(Clone, Copy, Debug, Default)]
pub struct WeatherFolders<'a> {
    /// The site file's folder (`None`: the current folder, for a site not yet saved).
    pub site: Option<&'a Path>,
    /// A weather folder the user named (`--weather-dir`, the app's setting); looked in when
    /// the file is not in the site's folder.
    pub extra: Option<&'a Path>,
}

/// The climate data for `site`; `base_dir` is the site file's folder (EPW paths are relative).
pub fn resolve(site: &Site, base_dir: Option<&Path>) -> Result<ClimateData, ClimateError> {
    resolve_in(
        site,
        WeatherFolders {
            site: base_dir,
            extra: None,
        },
    )
}

/// The climate data for `site`, reading an EPW file only from `folders`.
pub fn resolve_in(site: &Site, folders: WeatherFolders) -> Result<ClimateData, ClimateError> {
    match &site.location.climate {
        ClimateSource::Preset(key) => {
            presets::preset(key).ok_or_else(|| ClimateError::UnknownPreset { key: key.clone() })
        }
        ClimateSource::Monthly(normals) => {
            let celsius = |v: &[coolplan_units::TemperatureQ]| -> Vec<f64> {
                v.iter().map(|t| t.in_unit(TemperatureUnit::degC)).collect()
            };
            Ok(ClimateData {
                name: format!("{} ({})", site.location.name, normals.source),
                kind: ClimateKind::MonthlyNormals,
                bins: bins_from_normals(
                    &celsius(&normals.daily_max),
                    &celsius(&normals.daily_min),
                    &normals.relative_humidity,
                )?,
            })
        }
        ClimateSource::Epw(relative) => {
            let path = epw_path(relative, folders)?;
            let epw = read_epw(&path)?;
            let hours: f64 = epw.records.iter().map(|r| r.hours).sum();
            if hours < EPW_MIN_HOURS - 1e-6 {
                return Err(ClimateError::PartialYear {
                    origin: path.display().to_string(),
                    hours,
                });
            }
            Ok(ClimateData {
                name: format!("{} (EPW {})", epw.location, relative),
                kind: ClimateKind::Hourly,
                bins: bins_from_hourly(&epw.records),
            })
        }
    }
}

/// The file an EPW reference names: `relative` joined to the site's folder, else to the
/// extra weather folder when the file is there; refused when it could leave them.
pub fn epw_path(relative: &str, folders: WeatherFolders) -> Result<PathBuf, ClimateError> {
    let refuse = |why| ClimateError::EpwOutside {
        path: relative.to_string(),
        why,
    };
    let written = Path::new(relative);
    for component in written.components() {
        match component {
            Component::Prefix(_) | Component::RootDir => return Err(refuse(Outside::Absolute)),
            Component::ParentDir => return Err(refuse(Outside::ParentDir)),
            Component::CurDir | Component::Normal(_) => {}
        }
    }
    let site_dir = folders
        .site
        .filter(|dir| !dir.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let roots = std::iter::once(site_dir).chain(folders.extra);
    let found = roots
        .map(|root| (root, root.join(written)))
        .find(|(_, path)| path.exists());
    let Some((root, path)) = found else {
        // Neither has it: the read names the file in the site's folder.
        return Ok(site_dir.join(written));
    };
    // Symlinks may point anywhere: the resolved file must still lie inside its folder.
    match (path.canonicalize(), root.canonicalize()) {
        (Ok(file), Ok(root)) if file.starts_with(&root) => Ok(path),
        (Ok(_), Ok(_)) => Err(refuse(Outside::LinkLeaves)),
        // Unreadable: the read reports why.
        _ => Ok(path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folders(site: &Path) -> WeatherFolders<'_> {
        WeatherFolders {
            site: Some(site),
            extra: None,
        }
    }

    #[test]
    fn absolute_and_parent_paths_are_refused_as_written() {
        let dir = tempfile::tempdir().unwrap();
        for (path, why) in [
            ("/etc/passwd", Outside::Absolute),
            ("../secret.epw", Outside::ParentDir),
            ("weather/../../secret.epw", Outside::ParentDir),
        ] {
            match epw_path(path, folders(dir.path())) {
                Err(ClimateError::EpwOutside { why: found, .. }) => assert_eq!(found, why),
                other => panic!("{path}: {other:?}"),
            }
        }
        let inside = epw_path("weather/./x.epw", folders(dir.path())).unwrap();
        assert_eq!(inside, dir.path().join("weather/./x.epw"));
    }

    #[cfg(unix)]
    #[test]
    fn a_link_leaving_the_folder_is_refused_and_the_extra_folder_is_looked_in() {
        let site = tempfile::tempdir().unwrap();
        let weather = tempfile::tempdir().unwrap();
        std::fs::write(weather.path().join("w.epw"), "x").unwrap();
        std::os::unix::fs::symlink(weather.path().join("w.epw"), site.path().join("l.epw"))
            .unwrap();
        assert!(matches!(
            epw_path("l.epw", folders(site.path())),
            Err(ClimateError::EpwOutside {
                why: Outside::LinkLeaves,
                ..
            })
        ));
        let both = WeatherFolders {
            site: Some(site.path()),
            extra: Some(weather.path()),
        };
        assert_eq!(
            epw_path("w.epw", both).unwrap(),
            weather.path().join("w.epw")
        );
    }
}
