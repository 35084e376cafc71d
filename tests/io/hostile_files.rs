//! Hostile files: far over the size cap, endless devices, FIFOs (also behind a symlink and
//! through the CLI), directories, non-UTF-8 bytes. Each is a clear error in bounded time and
//! memory; nothing is read in full, nothing blocks.

use coolplan::i18n::Say;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::hostile::{MINIMAL, within};
use coolplan::i18n::Lang;
use coolplan::io::load::{MAX_FILE_BYTES, NotAFile};
use coolplan::io::{LoadError, load_bytes, load_site};

fn load_path(path: &Path) -> Result<coolplan::io::Loaded, LoadError> {
    let path = path.to_path_buf();
    within(Duration::from_secs(10), move || load_site(path))
}

fn mkfifo(path: &Path) -> bool {
    Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn a_ten_gib_file_is_refused_from_its_size_alone() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("huge.ron");
    // Sparse: no disk used. Reading it would take many seconds and 10 GiB of memory.
    fs::File::create(&big).unwrap().set_len(10 << 30).unwrap();
    let start = Instant::now();
    let err = load_path(&big).unwrap_err();
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    assert!(
        matches!(err, LoadError::TooLarge { size, .. } if size == 10 << 30),
        "{err:?}"
    );
    assert!(
        err.say(Lang::En).contains(&MAX_FILE_BYTES.to_string()),
        "{err:?}"
    );
}

#[test]
fn a_file_just_over_the_cap_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("edge.ron");
    fs::File::create(&path)
        .unwrap()
        .set_len(MAX_FILE_BYTES + 1)
        .unwrap();
    assert!(matches!(load_path(&path), Err(LoadError::TooLarge { .. })));
}

#[cfg(unix)]
#[test]
fn garbage_under_the_cap_is_read_in_memory_bounded_by_a_few_times_its_size() {
    // 8 MiB of NUL bytes: valid UTF-8, one token per byte. A lexer that kept a 24-byte token
    // per byte would hold ≈ 200 MB here (1.7 GB at the 64 MiB cap).
    let time = Path::new("/usr/bin/time");
    if !time.exists() {
        eprintln!("/usr/bin/time unavailable; skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zeros.ron");
    fs::File::create(&path).unwrap().set_len(8 << 20).unwrap();
    let out = Command::new(time)
        .args(["-f", "max_rss_kb=%M"])
        .arg(env!("CARGO_BIN_EXE_coolplan"))
        .arg("check")
        .arg(&path)
        .env("LANG", "C")
        .output()
        .expect("run coolplan check under /usr/bin/time");
    assert_eq!(out.status.code(), Some(1), "a parse error");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let rss_kb: u64 = stderr
        .lines()
        .find_map(|l| l.strip_prefix("max_rss_kb="))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no RSS in {stderr}"));
    assert!(
        rss_kb < 100 * 1024,
        "peak RSS {rss_kb} kB for an 8 MiB file"
    );
}

#[cfg(unix)]
#[test]
fn an_endless_device_is_refused_without_reading() {
    for device in ["/dev/zero", "/dev/urandom"] {
        if !Path::new(device).exists() {
            continue;
        }
        let err = load_path(Path::new(device)).unwrap_err();
        assert!(
            matches!(
                err,
                LoadError::NotAFile {
                    what: NotAFile::Special,
                    ..
                }
            ),
            "{device}: {err:?}"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_fifo_behind_a_symlink_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    if !mkfifo(&fifo) {
        eprintln!("mkfifo unavailable; skipped");
        return;
    }
    let link = dir.path().join("site.ron");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    let err = load_path(&link).unwrap_err();
    assert!(
        matches!(
            err,
            LoadError::NotAFile {
                what: NotAFile::Fifo,
                ..
            }
        ),
        "{err:?}"
    );
}

/// Runs the coolplan binary with `args`, killing it if it runs longer than `limit`.
fn run_cli(args: &[&std::ffi::OsStr], limit: Duration) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_coolplan"))
        .args(args)
        .env("LANG", "C")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run coolplan");
    let start = Instant::now();
    while child.try_wait().expect("poll child").is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("coolplan {args:?} still running after {limit:?}: a hang");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("collect output");
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code(), text)
}

#[cfg(unix)]
#[test]
fn the_cli_given_a_fifo_or_a_directory_exits_with_an_error_and_does_not_hang() {
    let dir = tempfile::tempdir().unwrap();
    let fifo: PathBuf = dir.path().join("pipe.ron");
    let have_fifo = mkfifo(&fifo);
    for command in ["check", "fmt"] {
        let mut targets = vec![dir.path().to_path_buf()];
        if have_fifo {
            targets.push(fifo.clone());
        }
        for target in targets {
            let (code, text) = run_cli(
                &[command.as_ref(), target.as_os_str()],
                Duration::from_secs(20),
            );
            assert_eq!(code, Some(2), "{command} {}: {text}", target.display());
            assert!(
                text.contains("not a site file"),
                "{command} {}: {text}",
                target.display()
            );
        }
    }
}

#[test]
fn non_utf8_bytes_anywhere_are_located_errors() {
    let valid = MINIMAL.as_bytes();
    let name_at = MINIMAL.find("Minimal").unwrap();
    let rack_at = MINIMAL.find("R01").unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("first byte", [&[0xFFu8][..], valid].concat()),
        (
            "in a string",
            [&valid[..name_at], &[0xC3, 0x28], &valid[name_at..]].concat(),
        ),
        // An encoded UTF-16 surrogate (ED A0 80) and an overlong slash (C0 AF).
        (
            "surrogate",
            [&valid[..rack_at], &[0xED, 0xA0, 0x80], &valid[rack_at..]].concat(),
        ),
        (
            "overlong",
            [&valid[..rack_at], &[0xC0, 0xAF], &valid[rack_at..]].concat(),
        ),
        ("truncated at the end", [valid, &[0xE6, 0x95]].concat()),
        (
            "GBK text",
            [&valid[..name_at], &GBK_SHUJU[..], &valid[name_at..]].concat(),
        ),
    ];
    for (label, bytes) in cases {
        let err = within(Duration::from_secs(10), move || {
            load_bytes(&bytes, "bytes.ron")
        })
        .unwrap_err();
        match &err {
            LoadError::NotUtf8 { line, column, .. } => {
                assert!(*line >= 1 && *column >= 1, "{label}")
            }
            other => panic!("{label}: expected NotUtf8, got {other:?}"),
        }
        assert!(err.say(Lang::Zh).contains("UTF-8"), "{label}");
    }
}

#[test]
fn nul_bytes_are_a_parse_error() {
    let text = MINIMAL
        .replacen("Minimal", "Mini\0mal", 1)
        .replacen("CNY", "C\0NY", 1);
    let err = within(Duration::from_secs(10), move || {
        load_bytes(text.as_bytes(), "nul.ron")
    })
    .unwrap_err();
    assert!(matches!(err, LoadError::Parse { line: 4, .. }), "{err:?}");
}

/// 数据 in GBK (what a Chinese Windows editor may save): not UTF-8.
const GBK_SHUJU: [u8; 4] = [0xCA, 0xFD, 0xBE, 0xDD];
