//! Parsing a site file's text into a [`Site`].

use crate::model::Site;

/// A site file that could not be read or parsed.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{origin}:{line}:{column}: {message}")]
    Parse {
        origin: String,
        line: usize,
        column: usize,
        message: String,
    },
}

/// Parses site text; `origin` names the file in messages.
pub fn parse_site(text: &str, origin: &str) -> Result<Site, LoadError> {
    ron::from_str::<Site>(text).map_err(|e| LoadError::Parse {
        origin: origin.to_string(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })
}
