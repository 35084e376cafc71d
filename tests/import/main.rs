//! The import tests, one binary: DCIM exports, spreadsheets with a column mapping, measured
//! power, export → import round trips, and the `coolplan import` / `export` commands.

#[path = "../support/import.rs"]
mod support;

mod cli;
mod dcim;
mod generic;
mod measured;
mod roundtrip;
