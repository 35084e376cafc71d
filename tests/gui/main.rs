//! The GUI tests, one binary (feature `gui`): the whole app headless in egui_kittest, and the
//! autosave kill test, which re-runs this binary as its child.

#[path = "../support/import.rs"]
mod import_support;
mod support;

mod analysis;
mod app;
mod background;
mod checks;
mod compliance;
mod consistency;
mod findings;
mod import;
mod layout;
mod life;
mod offered;
mod plant;
mod recovery_kill;
mod setup;
mod snapshots;
mod uncertainty;
mod units;
mod works;
