//! Loading a site file: the shell reads bytes ([`load_site`]); everything else is a pure
//! function of those bytes ([`load_bytes`], [`load_str`]): UTF-8 check, schema version,
//! migration, RON parse with line and column, validation.

use std::path::{Path, PathBuf};

use super::lex::has_comments;
use super::migrate::{Version, migrate, read_version};
use super::parse::ParseMessage;
use super::problem::Problem;
use super::read::{ReadError, read_capped};
use super::validate::validate;
use coolplan_model::{SCHEMA_VERSION, Site};

/// Site files larger than this are refused (a national fleet is a few kB; 64 MiB is a
/// mistake or a wrong file, and reading it must not exhaust memory).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A loaded, valid site.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub site: Site,
    /// Warnings: suspicious but legal values (errors make the load fail).
    pub warnings: Vec<Problem>,
    /// The schema version the file was written in, when it was migrated.
    pub migrated_from: Option<u64>,
    /// The file holds `//` or `/* */` comments, which saving would drop.
    pub has_comments: bool,
}

/// Why a site could not be loaded.
#[derive(Debug)]
pub enum LoadError {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    NotAFile {
        path: PathBuf,
        what: NotAFile,
    },
    TooLarge {
        path: PathBuf,
        size: u64,
    },
    NotUtf8 {
        origin: String,
        line: usize,
        column: usize,
    },
    Parse {
        origin: String,
        line: usize,
        column: usize,
        message: ParseMessage,
    },
    NewerVersion {
        origin: String,
        found: u64,
    },
    UnknownVersion {
        origin: String,
        found: u64,
    },
    Invalid {
        origin: String,
        /// Every problem, errors and warnings, in file order.
        problems: Vec<Problem>,
    },
}

pub use crate::read::NotAFile;

impl LoadError {
    /// True when the file could not be read at all (CLI exit 2) rather than read and found
    /// wrong (exit 1).
    pub fn is_unreadable(&self) -> bool {
        matches!(
            self,
            LoadError::Io { .. }
                | LoadError::NotAFile { .. }
                | LoadError::TooLarge { .. }
                | LoadError::NotUtf8 { .. }
                | LoadError::NewerVersion { .. }
        )
    }
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`]; directories, FIFOs and devices are
/// refused before opening (opening a FIFO would block).
pub fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_capped(path, MAX_FILE_BYTES).map_err(|e| match e {
        ReadError::Io(source) => LoadError::Io {
            path: path.to_path_buf(),
            source,
        },
        ReadError::NotAFile(what) => LoadError::NotAFile {
            path: path.to_path_buf(),
            what,
        },
        ReadError::TooLarge { size, .. } => LoadError::TooLarge {
            path: path.to_path_buf(),
            size,
        },
    })
}

/// Loads, migrates and validates the site file at `path`.
pub fn load_site(path: impl AsRef<Path>) -> Result<Loaded, LoadError> {
    let path = path.as_ref();
    let bytes = read_file(path)?;
    load_bytes(&bytes, &path.display().to_string())
}

/// Decodes UTF-8 text; `origin` names the file in messages.
pub fn decode(bytes: &[u8], origin: &str) -> Result<String, LoadError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(bytes, e.valid_up_to());
        LoadError::NotUtf8 {
            origin: origin.to_string(),
            line,
            column,
        }
    })?;
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text).to_string())
}

/// 1-based line and column (in characters) of byte `offset`.
fn line_column(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = String::from_utf8_lossy(&bytes[..offset]);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// [`load_str`] of raw bytes.
pub fn load_bytes(bytes: &[u8], origin: &str) -> Result<Loaded, LoadError> {
    load_str(&decode(bytes, origin)?, origin)
}

/// Migrates, parses and validates site text; errors fail, warnings are returned.
pub fn load_str(text: &str, origin: &str) -> Result<Loaded, LoadError> {
    let (site, migrated_from) = parse_migrated(text, origin)?;
    let problems = validate(&site);
    if problems.iter().any(Problem::is_error) {
        return Err(LoadError::Invalid {
            origin: origin.to_string(),
            problems,
        });
    }
    Ok(Loaded {
        site,
        warnings: problems,
        migrated_from,
        has_comments: has_comments(text),
    })
}

/// Migrates and parses site text without validating it; returns the site and the version
/// it was migrated from, if it was.
pub fn parse_migrated(text: &str, origin: &str) -> Result<(Site, Option<u64>), LoadError> {
    let current = u64::from(SCHEMA_VERSION);
    match read_version(text) {
        Version::Found(found) if found > current => Err(LoadError::NewerVersion {
            origin: origin.to_string(),
            found,
        }),
        Version::Found(found) if found < current => {
            let migrated = migrate(text, found).ok_or_else(|| LoadError::UnknownVersion {
                origin: origin.to_string(),
                found,
            })?;
            Ok((parse_ron(&migrated, origin)?, Some(found)))
        }
        _ => Ok((parse_ron(text, origin)?, None)),
    }
}

/// Parses (and migrates) site text; `origin` names the file in messages. No validation.
pub fn parse_site(text: &str, origin: &str) -> Result<Site, LoadError> {
    parse_migrated(text, origin).map(|(site, _)| site)
}

fn parse_ron(text: &str, origin: &str) -> Result<Site, LoadError> {
    super::parse::parse_ron(text).map_err(|f| LoadError::Parse {
        origin: origin.to_string(),
        line: f.line,
        column: f.column,
        message: f.message,
    })
}
