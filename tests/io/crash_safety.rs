//! Crash safety of saving: `coolplan fmt` on a large, deliberately non-canonical site is
//! SIGKILLed again and again at a random instant; the file must always hold either the old
//! or the new text, complete, byte for byte, and its backup `<name>.bak` either the backup
//! it held before or the old text, complete — never empty or cut. The temporary files a kill
//! leaves are removed by the next run.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use coolplan::io::save::backup_path;
use coolplan::io::{load_str, to_canonical_string};
use coolplan::model::generate::{SplitMix64, generate_site};

/// Kill-and-check rounds (bounded also by [`TIME_BUDGET`]).
const ROUNDS: usize = 100;
/// At least this many rounds must run.
const MIN_ROUNDS: usize = 50;
const TIME_BUDGET: Duration = Duration::from_secs(150);

/// A large site written non-canonically: canonical text with every line's indentation
/// removed (the same site, but `fmt` must rewrite it).
fn old_and_new_text() -> (Vec<u8>, Vec<u8>) {
    let site = generate_site(3_000, 11);
    let canonical = to_canonical_string(&site).expect("serialise");
    let old: String = canonical
        .lines()
        .map(|l| format!("{}\n", l.trim_start()))
        .collect();
    assert_ne!(old, canonical);
    let reloaded = load_str(&old, "old.ron").expect("the unindented text loads");
    let new = to_canonical_string(&reloaded.site).expect("serialise");
    assert_eq!(new, canonical);
    (old.into_bytes(), new.into_bytes())
}

fn fmt_command(path: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_coolplan"));
    command
        .arg("fmt")
        .arg(path)
        .env("LANG", "C")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

#[test]
fn a_killed_fmt_leaves_the_old_or_the_new_file_complete() {
    let (old, new) = old_and_new_text();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");

    // One undisturbed run: it must write the new text, and it times the kill window.
    std::fs::write(&path, &old).unwrap();
    let start = Instant::now();
    let status = fmt_command(&path).status().expect("run coolplan fmt");
    let full_run = start.elapsed();
    assert!(status.success());
    assert_eq!(
        std::fs::read(&path).unwrap(),
        new,
        "fmt wrote the canonical text"
    );

    let mut rng = SplitMix64::new(20_261_128);
    let (mut rounds, mut saw_old, mut saw_new) = (0, 0, 0);
    let (mut bak_before, mut bak_old, mut strays) = (0, 0, 0);
    let bak = backup_path(&path);
    // A backup distinct from both versions, so a backup write cut short cannot pass.
    let previous_backup = format!("// backup before round\n{}", "x".repeat(old.len() / 2));
    let started = Instant::now();
    while rounds < ROUNDS && (rounds < MIN_ROUNDS || started.elapsed() < TIME_BUDGET) {
        std::fs::write(&path, &old).unwrap();
        std::fs::write(&bak, &previous_backup).unwrap();
        let mut child = fmt_command(&path).spawn().expect("spawn coolplan fmt");
        // Anywhere from the start to well past a full run (runs vary with fsync latency).
        let delay = full_run.mul_f64(1.6 * rng.unit());
        std::thread::sleep(delay);
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        let now = std::fs::read(&path).unwrap();
        if now == old {
            saw_old += 1;
        } else if now == new {
            saw_new += 1;
        } else {
            panic!(
                "round {rounds}: killed after {delay:?}, the file is neither version ({} bytes; old {}, new {})",
                now.len(),
                old.len(),
                new.len()
            );
        }
        // Before: 4 of 150 kills left an empty or partial backup.
        let backup = std::fs::read(&bak).unwrap();
        if backup == previous_backup.as_bytes() {
            bak_before += 1;
        } else if backup == old {
            bak_old += 1;
        } else {
            panic!(
                "round {rounds}: killed after {delay:?}, the backup is neither version ({} bytes)",
                backup.len()
            );
        }
        strays += temp_files(dir.path()).len();
        rounds += 1;
    }
    eprintln!(
        "crash safety: {rounds} kills in {:?} (full run {full_run:?}): {saw_old} old, {saw_new} new; \
         backup {bak_before} previous, {bak_old} old; {strays} temporary files left by kills",
        started.elapsed()
    );
    assert!(rounds >= MIN_ROUNDS);
    // The kills landed on both sides of the rename.
    assert!(saw_old > 0 && saw_new > 0, "{saw_old} old, {saw_new} new");
    // Before: 45 of 150 kills left temporary files that stayed. The next run removes them.
    std::fs::write(&path, &old).unwrap();
    let status = fmt_command(&path).status().expect("run coolplan fmt");
    assert!(status.success());
    assert_eq!(
        temp_files(dir.path()),
        Vec::<String>::new(),
        "strays removed"
    );
}

/// Names of the temporary files of saves in `dir`.
fn temp_files(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}
