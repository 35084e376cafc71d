//! Helpers of the hostile-input tests: a valid minimal site, edits of it, and a watchdog
//! that turns a hang into a failure.
#![allow(dead_code)]

use coolplan::i18n::Say;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use coolplan::io::{Kind, LoadError, Loaded, load_str};

/// A valid site: one hall, one rack group of ten 1U servers.
pub const MINIMAL: &str = r#"(
    schema_version: 1,
    name: "Minimal",
    currency: CNY,
    location: (
        name: "Shanghai",
        climate: Preset("shanghai"),
    ),
    halls: [
        (
            name: "H1",
            floor: (
                kind: Raised,
                rating: kg_per_m2(1000),
            ),
            area: m2(100),
            air_cooling_capacity: kW(100),
            racks: [
                (
                    name: "R01",
                    count: 1,
                    height: U(42),
                    servers: [
                        (
                            model: "cpu-1u",
                            count: 10,
                            status: Stock,
                        ),
                    ],
                ),
            ],
        ),
    ],
)
"#;

/// [`MINIMAL`] with `from` replaced by `to` (which must occur).
pub fn minimal_with(from: &str, to: &str) -> String {
    assert!(MINIMAL.contains(from), "template holds {from:?}");
    MINIMAL.replacen(from, to, 1)
}

/// Runs `f` on a thread with a 2 MiB stack (a test thread's default; deep recursion would
/// overflow it) and fails if it takes longer than `limit`.
pub fn within<T: Send + 'static>(limit: Duration, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    let start = Instant::now();
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let _ = tx.send(f());
        })
        .expect("spawn a thread");
    match rx.recv_timeout(limit) {
        Ok(value) => value,
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("still running after {limit:?}: a hang"),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            panic!("panicked after {:?}", start.elapsed())
        }
    }
}

/// Loads `text` under the watchdog (10 s: generous for a debug build on a busy machine; a
/// hang or a quadratic blow-up on these inputs takes far longer).
pub fn load(text: String) -> Result<Loaded, LoadError> {
    within(Duration::from_secs(10), move || {
        load_str(&text, "hostile.ron")
    })
}

/// The validation problems of an invalid load (fails on any other outcome).
pub fn problems(result: Result<Loaded, LoadError>) -> Vec<Kind> {
    match result {
        Err(LoadError::Invalid { problems, .. }) => problems
            .into_iter()
            .filter(|p| p.is_error())
            .map(|p| p.kind)
            .collect(),
        Err(other) => panic!("expected validation errors, got: {other:?}"),
        Ok(_) => panic!("expected validation errors, the site loaded"),
    }
}

/// The 1-based line and column of a parse error (fails on any other outcome).
pub fn parse_error_at(result: Result<Loaded, LoadError>) -> (usize, usize, String) {
    match result {
        Err(LoadError::Parse {
            line,
            column,
            message,
            ..
        }) => (line, column, message.say(coolplan::i18n::Lang::En)),
        Err(other) => panic!("expected a parse error, got: {other:?}"),
        Ok(_) => panic!("expected a parse error, the site loaded"),
    }
}
