//! The import tests, one binary: DCIM exports, spreadsheets with a column mapping, measured
//! power, export → import round trips, hostile CSV files, the `coolplan import` / `export`
//! commands and `coolplan catalog` (catalog CSV into a site and out).

#[path = "../support/import.rs"]
mod support;

mod catalog_cli;
mod cli;
mod dcim;
mod generic;
mod hostile;
#[path = "../io/hostile.rs"]
mod hostile_support;
mod measured;
mod roundtrip;
