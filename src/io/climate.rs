//! Resolving a site's climate reference to data: presets and monthly normals need no file;
//! an EPW path is read relative to the site file's folder.

use std::path::Path;

use crate::engine::ClimateData;
use crate::model::Site;

/// A climate reference that could not be turned into data.
#[derive(Debug, thiserror::Error)]
pub enum ClimateError {
    #[error("{0}")]
    Message(String),
}

/// The climate data for `site`; `base_dir` is the site file's folder (EPW paths are relative).
pub fn resolve(_site: &Site, _base_dir: Option<&Path>) -> Result<ClimateData, ClimateError> {
    unimplemented!("the thermal engine (issue 3) implements this")
}
