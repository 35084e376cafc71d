//! Where proptest keeps the failures it found: `<test file>.proptest-regressions` beside the
//! test's source (e.g. `tests/engine/cost_properties.proptest-regressions`), re-run before any
//! new case. Proptest's default looks for the folder holding a `main.rs` and writes to a
//! `proptest-regressions/` folder beside it instead, which in `tests/<area>/` would be the
//! shared `tests/proptest-regressions/`; this keeps each file with its test.

use proptest::test_runner::{Config, FileFailurePersistence};

/// `cases` random cases, after the saved failures beside the test's source.
pub fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    }
}
