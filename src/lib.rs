//! coolplan: plan liquid-cooling retrofits (cold plate, single-phase immersion) of datacenter
//! halls against staying on air.
//!
//! The crate is a functional core with thin shells; arrows point one way:
//! `units ← model ← engine ← {io, report, app, cli}`, and `i18n` serves the shells.
//!
//! | module | owns |
//! |---|---|
//! | [`units`] | unit-tagged quantities, money, display formatting |
//! | [`model`] | the site: halls, racks, servers, catalog, assumptions (plain data) |
//! | [`engine`] | thermal, energy, cost, finance, recommendation (pure) |
//! | [`io`] | load, validate, migrate, save site files (the file edge) |
//! | [`i18n`] | every user-facing text, English and 简体中文 |
//! | [`report`] | JSON, text (and PDF/HTML/CSV/Markdown) reports; wording of results |
//! | [`cli`] | the headless commands |
//! | `app` | the desktop GUI (feature `gui`, on by default) |
//!
//! Features: `gui` (the desktop app) and `pdf` (the PDF report writer), both default; with
//! `--no-default-features` the library and CLI build without the GUI stack or krilla.

#[cfg(feature = "gui")]
pub mod app;
pub mod cli;
pub mod engine;
pub mod i18n;
pub mod io;
pub mod model;
pub mod report;
pub mod units;
