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

/// What a run of the coolplan binary printed and how it ended.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Standard output and error together.
    pub fn text(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Runs the coolplan binary with `args` in the C locale, killing it after `limit` (a hang
/// is a failure).
pub fn cli<S: AsRef<std::ffi::OsStr>>(args: &[S], limit: Duration) -> Run {
    cli_env(args, &[], limit)
}

/// [`cli`] with extra environment variables.
pub fn cli_env<S: AsRef<std::ffi::OsStr>>(
    args: &[S],
    env: &[(&str, &std::path::Path)],
    limit: Duration,
) -> Run {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_coolplan"))
        .args(args)
        .envs(env.iter().copied())
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run coolplan");
    // Both pipes drained while the child runs: a child blocked on a full pipe is no hang.
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("poll child") {
            break status;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("coolplan still running after {limit:?}: a hang");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let text = |reader: std::thread::JoinHandle<Vec<u8>>| {
        String::from_utf8_lossy(&reader.join().expect("pipe reader")).into_owned()
    };
    Run {
        code: status.code(),
        stdout: text(stdout),
        stderr: text(stderr),
    }
}

/// Reads `pipe` to its end on a thread of its own.
fn drain(pipe: Option<impl std::io::Read + Send + 'static>) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut bytes = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut bytes);
        }
        bytes
    })
}

/// Peak resident memory (kB) of running the coolplan binary with `args`, measured by
/// `/usr/bin/time -v`, and its exit code; `None` where that tool is missing.
pub fn peak_rss_kb<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Option<(u64, Option<i32>)> {
    let time = std::path::Path::new("/usr/bin/time");
    if !time.exists() {
        return None;
    }
    let out = std::process::Command::new(time)
        .arg("-v")
        .arg(env!("CARGO_BIN_EXE_coolplan"))
        .args(args)
        .env("LANG", "C")
        .output()
        .expect("run coolplan under /usr/bin/time");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let rss = stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no peak memory in {stderr}"));
    let code = stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("Exit status:"))
        .and_then(|v| v.trim().parse().ok());
    Some((rss, code))
}

/// The text of an example site under `sites/`.
pub fn example(name: &str) -> String {
    let path = format!("{}/sites/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}
