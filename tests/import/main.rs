//! The import tests, one binary: DCIM exports, spreadsheets with a column mapping, measured
//! power, export → import round trips, hostile CSV files, and the `coolplan import` / `export`
//! commands.

#[path = "../support/import.rs"]
mod support;

mod cli;
mod dcim;
mod generic;
mod hostile;
#[path = "../io/hostile.rs"]
mod hostile_support;
mod measured;
mod roundtrip;
