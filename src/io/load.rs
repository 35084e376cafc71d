//! Loading a site file: the shell reads bytes ([`load_site`]); everything else is a pure
//! function of those bytes ([`load_bytes`], [`load_str`]): UTF-8 check, schema version,
//! migration, RON parse with line and column, validation.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::lex::has_comments;
use super::migrate::{Version, migrate, read_version};
use super::parse::ParseMessage;
use super::problem::Problem;
use super::validate::validate;
use crate::i18n::validation::Val;
use crate::i18n::{Lang, Text};
use crate::model::{SCHEMA_VERSION, Site};

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
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is a {what}, not a site file")]
    NotAFile { path: PathBuf, what: NotAFile },
    #[error("{path} is {size} bytes; site files are limited to {MAX_FILE_BYTES} bytes")]
    TooLarge { path: PathBuf, size: u64 },
    #[error("{origin}:{line}:{column}: the file is not UTF-8 text")]
    NotUtf8 {
        origin: String,
        line: usize,
        column: usize,
    },
    #[error("{origin}:{line}:{column}: {message}")]
    Parse {
        origin: String,
        line: usize,
        column: usize,
        message: ParseMessage,
    },
    #[error(
        "{origin}: schema_version {found} is newer than this coolplan reads (version {SCHEMA_VERSION})"
    )]
    NewerVersion { origin: String, found: u64 },
    #[error("{origin}: schema_version {found} is not a version coolplan ever wrote")]
    UnknownVersion { origin: String, found: u64 },
    #[error("{origin}: {} error(s)", .problems.iter().filter(|p| p.is_error()).count())]
    Invalid {
        origin: String,
        /// Every problem, errors and warnings, in file order.
        problems: Vec<Problem>,
    },
}

/// What a path was instead of a regular file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotAFile {
    Directory,
    Fifo,
    Special,
}

impl std::fmt::Display for NotAFile {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.text().en())
    }
}

impl NotAFile {
    fn text(self) -> Val {
        match self {
            NotAFile::Directory => Val::KindDirectory,
            NotAFile::Fifo => Val::KindFifo,
            NotAFile::Special => Val::KindSpecial,
        }
    }
}

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

    /// The message in `lang` (for [`LoadError::Invalid`] the summary line; list the
    /// problems with [`Problem::render`]).
    pub fn render(&self, lang: Lang) -> String {
        match self {
            LoadError::Io { path, source } => Val::CannotRead.fmt(lang, &[&path.display(), source]),
            LoadError::NotAFile { path, what } => {
                Val::NotAFile.fmt(lang, &[&path.display(), &what.text().tr(lang)])
            }
            LoadError::TooLarge { path, size } => {
                Val::TooLarge.fmt(lang, &[&path.display(), size, &MAX_FILE_BYTES])
            }
            LoadError::NotUtf8 {
                origin,
                line,
                column,
            } => Val::NotUtf8.fmt(lang, &[origin, line, column]),
            LoadError::Parse {
                origin,
                line,
                column,
                message,
            } => Val::ParseError.fmt(lang, &[origin, line, column, &message.render(lang)]),
            LoadError::NewerVersion { origin, found } => {
                Val::NewerVersion.fmt(lang, &[origin, found, &SCHEMA_VERSION])
            }
            LoadError::UnknownVersion { origin, found } => {
                Val::BadVersion.fmt(lang, &[origin, found, &SCHEMA_VERSION])
            }
            LoadError::Invalid { origin, problems } => {
                let errors = problems.iter().filter(|p| p.is_error()).count();
                let warnings = problems.len() - errors;
                Val::InvalidFile.fmt(lang, &[origin, &errors, &warnings])
            }
        }
    }
}

/// Reads a regular file of at most [`MAX_FILE_BYTES`]; directories, FIFOs and devices are
/// refused before opening (opening a FIFO would block).
pub fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = fs::metadata(path).map_err(io)?;
    let kind = meta.file_type();
    if !kind.is_file() {
        let what = if kind.is_dir() {
            NotAFile::Directory
        } else if is_fifo(&kind) {
            NotAFile::Fifo
        } else {
            NotAFile::Special
        };
        return Err(LoadError::NotAFile {
            path: path.to_path_buf(),
            what,
        });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
        });
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // `take` bounds the read even if the file grows between metadata and read.
    fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

#[cfg(unix)]
fn is_fifo(kind: &fs::FileType) -> bool {
    std::os::unix::fs::FileTypeExt::is_fifo(kind)
}
#[cfg(not(unix))]
fn is_fifo(_kind: &fs::FileType) -> bool {
    false
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
