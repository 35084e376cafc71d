//! A PDF read back as a reader sees it, with poppler's `pdftotext`. Where the program is not
//! installed, the tests that need it say so on stderr and stop early instead of failing; CI
//! installs poppler-utils and `.ci/run` fails without `pdftotext`, so CI never skips them.

use std::io::{ErrorKind, Write as _};
use std::process::Command;

/// The PDF's text as poppler extracts it, whitespace collapsed to single spaces; `None` (after
/// a `SKIPPED:` line naming the test) when `pdftotext` is not installed.
pub fn pdf_text(pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("r.pdf");
    std::fs::write(&file, pdf).expect("write PDF");
    let out = match Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output()
    {
        Ok(out) => out,
        Err(e) if e.kind() == ErrorKind::NotFound => {
            skipped();
            return None;
        }
        Err(e) => panic!("pdftotext runs: {e}"),
    };
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Says which test skipped its PDF checks. Written to stderr directly, past the test
/// harness's capture, so `cargo test` shows it although the test passes.
fn skipped() {
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a report test");
    let _ = writeln!(
        std::io::stderr(),
        "SKIPPED: {test}: pdftotext not found (install poppler-utils)"
    );
}
