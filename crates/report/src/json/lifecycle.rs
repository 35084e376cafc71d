//! The JSON report's `lifecycle` list: every server generation of the site by hall and model,
//! its install and retirement years and what replaces it (`docs/report-json.md`).

use serde::Serialize;

use coolplan_model::Site;
use coolplan_model::lifecycle::{Refresh, timeline};

/// One row of [`coolplan_model::lifecycle::timeline`].
#[derive(Serialize)]
pub struct LifeRowDoc {
    pub hall: String,
    pub model: String,
    pub servers: u64,
    pub installed: u16,
    /// A stock group without `installed`: taken as installed in the first year.
    pub installed_assumed: bool,
    /// Servers bought to replace retiring ones.
    pub replacement: bool,
    pub retires: u16,
    /// `like_for_like`, `model`, `retire`, or null when they retire after the study.
    pub replaced_by: Option<&'static str>,
    /// The replacement's catalog id when `replaced_by` is `model`.
    pub replaced_by_model: Option<String>,
}

/// The site's lifecycle rows for a study starting `first_year` over `horizon` years.
pub fn lifecycle(site: &Site, first_year: u16, horizon: u32) -> Vec<LifeRowDoc> {
    let catalog = site.catalog();
    timeline(site, &catalog, first_year, horizon)
        .into_iter()
        .map(|row| LifeRowDoc {
            hall: site
                .halls
                .get(row.hall)
                .map_or_else(String::new, |h| h.name.clone()),
            model: row.model,
            servers: row.servers,
            installed: row.installed,
            installed_assumed: row.installed_assumed,
            replacement: row.replacement,
            retires: row.retires,
            replaced_by: row.replaced_by.as_ref().map(|p| match p {
                Refresh::LikeForLike => "like_for_like",
                Refresh::Model(_) => "model",
                Refresh::Retire => "retire",
            }),
            replaced_by_model: row
                .replaced_by
                .as_ref()
                .and_then(|p| p.model_id().map(str::to_string)),
        })
        .collect()
}
