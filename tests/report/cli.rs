//! `coolplan report` as a user runs it: format from the extension or `--format`, paper, date,
//! language, exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn coolplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coolplan"))
        .args(args)
        .env("LANG", "en_US.UTF-8")
        .output()
        .expect("coolplan runs")
}

fn site() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/report-site.ron")
        .display()
        .to_string()
}

fn out(dir: &Path, name: &str) -> PathBuf {
    dir.join(name)
}

#[test]
fn format_follows_the_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    let cases: [(&str, &[u8]); 5] = [
        ("r.pdf", b"%PDF-"),
        ("r.html", b"<!DOCTYPE html>"),
        ("r.csv", b"\xEF\xBB\xBFlevel,hall,rack_group,count"),
        ("r.md", "# Liquid-cooling retrofit report".as_bytes()),
        ("r.json", b"{"),
    ];
    for (name, start) in cases {
        let path = out(dir.path(), name);
        let run = coolplan(&["report", &site(), "-o", path.to_str().expect("utf-8 path")]);
        assert!(
            run.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        let bytes = std::fs::read(&path).expect("report written");
        assert!(
            bytes.starts_with(start),
            "{name} starts with {:?}",
            String::from_utf8_lossy(&bytes[..20.min(bytes.len())])
        );
    }
}

#[test]
fn format_flag_wins_and_paper_and_date_apply() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = out(dir.path(), "report.bin");
    let run = coolplan(&[
        "report",
        &site(),
        "-o",
        path.to_str().expect("utf-8"),
        "--format",
        "pdf",
        "--paper",
        "letter",
        "--date",
        "2027-01-15",
    ]);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let pdf = std::fs::read(&path).expect("written");
    assert!(pdf.starts_with(b"%PDF-"));
    // Letter is 612 × 792 pt.
    assert!(String::from_utf8_lossy(&pdf).contains("/MediaBox[0 0 612 792]"));
    let again = out(dir.path(), "again.pdf");
    coolplan(&[
        "report",
        &site(),
        "-o",
        again.to_str().expect("utf-8"),
        "--paper",
        "letter",
        "--date",
        "2027-01-15",
    ]);
    assert_eq!(
        std::fs::read(&again).expect("written"),
        pdf,
        "same input, same bytes"
    );
}

#[test]
fn bad_input_gives_a_clear_error_and_exit_code() {
    let dir = tempfile::tempdir().expect("temp dir");
    let unknown = out(dir.path(), "report.xyz");
    let run = coolplan(&["report", &site(), "-o", unknown.to_str().expect("utf-8")]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("--format pdf|html|csv|md|json|text"));
    let pdf = out(dir.path(), "r.pdf");
    let run = coolplan(&[
        "report",
        &site(),
        "-o",
        pdf.to_str().expect("utf-8"),
        "--date",
        "28/11/2026",
    ]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("YYYY-MM-DD"));
    let run = coolplan(&[
        "report",
        "/nonexistent/site.ron",
        "-o",
        pdf.to_str().expect("utf-8"),
    ]);
    assert_eq!(run.status.code(), Some(2));
    assert!(!pdf.exists(), "nothing written on error");
}

#[test]
fn text_goes_to_stdout_and_lang_switches_the_report() {
    let run = coolplan(&["report", &site(), "--format", "md", "--lang", "zh"]);
    assert!(run.status.success());
    let md = String::from_utf8(run.stdout).expect("utf-8");
    assert!(
        md.starts_with("# 液冷改造评估报告"),
        "{}",
        &md[..60.min(md.len())]
    );
    assert!(md.contains("## 1 执行摘要") && md.contains("冷板式液冷"));
}
