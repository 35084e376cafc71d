//! The file tests, one binary: loading, validation, parse errors, saving, canonical text,
//! hostile inputs and resource bounds, weather files, terminal output, fuzzer regressions, and
//! the `coolplan check` / `fmt` commands.

mod hostile;
#[path = "../support/regressions.rs"]
mod regressions;

mod bounds;
mod catalog_overrides;
mod cli_exit;
mod crash_safety;
mod fuzz_regressions;
mod hostile_files;
mod hostile_saves;
mod hostile_text;
mod load;
mod loader_mutation;
mod parse_errors;
mod roundtrip;
mod save;
mod sites;
mod terminal_output;
mod validation;
mod weather;
