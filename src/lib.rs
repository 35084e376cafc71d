//! coolplan: plan liquid-cooling retrofits (cold plate, single-phase immersion) of datacenter
//! halls against staying on air.
//!
//! The workspace is a functional core with thin shells; Cargo enforces the arrows, because a
//! crate can only use the crates it depends on:
//!
//! ```text
//! units ← model ← climate ← engine ← words ← report ← app
//!            ↖──── io ←──────────────┘
//! ```
//!
//! | crate | owns |
//! |---|---|
//! | [`units`] (`crates/units`) | unit-tagged quantities, money, display formatting |
//! | [`model`] (`crates/model`) | the site: halls, racks, servers, catalog, assumptions (plain data) |
//! | [`climate`] (`crates/climate`) | climate bins from monthly normals, presets and hourly records |
//! | [`engine`] (`crates/engine`) | thermal, energy, cost, finance, recommendation, analyses (pure, no text) |
//! | [`io`] (`crates/io`) | load, validate, migrate, save site files; EPW and CSV readers (the file edge) |
//! | [`i18n`] (`crates/words`) | every user-facing text in English and 简体中文, the wording of results and errors |
//! | [`report`] (`crates/report`) | report document, layout, PDF/HTML/Markdown/CSV/JSON/text writers |
//! | `app` (`crates/app`) | the desktop GUI (feature `gui`, on by default) |
//! | [`cli`] (here) | the headless commands |
//!
//! This package is the `coolplan` binary: the CLI and, with feature `gui`, the app. Its library
//! re-exports the crates under the names above so tests and benches read `coolplan::engine::…`.

#[cfg(feature = "gui")]
pub use coolplan_app as app;
pub use coolplan_climate as climate;
pub use coolplan_engine as engine;
pub use coolplan_io as io;
pub use coolplan_model as model;
pub use coolplan_report as report;
pub use coolplan_units as units;
pub use coolplan_words as i18n;

pub mod cli;
