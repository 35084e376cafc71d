//! A PDF read back as a reader sees it, with poppler's `pdftotext` (installed on CI with
//! poppler-utils).

use std::process::Command;

/// The PDF's text as poppler extracts it, whitespace collapsed to single spaces.
pub fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("r.pdf");
    std::fs::write(&file, pdf).expect("write PDF");
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(&file)
        .arg("-")
        .output()
        .expect("pdftotext runs (install poppler-utils)");
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
