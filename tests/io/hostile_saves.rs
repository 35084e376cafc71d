//! Saves and reports on hostile folders (issue 22, findings 4 and 5): a link planted at the
//! backup's name is replaced, never followed; a site reached through a link is saved into
//! the link's target; permissions and read-only files are honoured; a failed write (a full
//! disk) leaves the old site, backup and report whole and says why; a file changed on disk
//! since it was read is not overwritten; the temporary files of a killed save are removed
//! on the next start.

use std::fs;
use std::path::Path;
use std::time::Duration;

use crate::hostile::{MINIMAL, cli};
use coolplan::io::SaveError;
use coolplan::io::save::{DiskStamp, SaveOptions, SaveOutcome, backup_path, save_text};

const OLD: &str = "(old: 1)\n";
const NEW: &str = "(new: 2)\n";

#[cfg(unix)]
#[test]
fn a_link_planted_at_the_backup_name_is_replaced_not_followed() {
    // Before: the save wrote the old site through the link, over the link's target.
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "precious").unwrap();
    let path = dir.path().join("site.ron");
    fs::write(&path, OLD).unwrap();
    std::os::unix::fs::symlink(&victim, backup_path(&path)).unwrap();
    save_text(&path, NEW, SaveOptions::default()).unwrap();
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    let bak = fs::symlink_metadata(backup_path(&path)).unwrap();
    assert!(bak.file_type().is_file(), "the backup is a file of its own");
    assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), OLD);
}

#[cfg(unix)]
#[test]
fn saving_through_a_link_updates_its_target_and_keeps_the_link() {
    // Before: the link was replaced by a file and the real file never changed.
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("real");
    fs::create_dir(&real_dir).unwrap();
    let real = real_dir.join("site.ron");
    fs::write(&real, OLD).unwrap();
    let link = dir.path().join("link.ron");
    std::os::unix::fs::symlink("real/site.ron", &link).unwrap();
    let outcome = save_text(&link, NEW, SaveOptions::default()).unwrap();
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(&real).unwrap(), NEW);
    assert_eq!(
        outcome,
        SaveOutcome::Written {
            backup: Some(backup_path(&real))
        }
    );
    assert_eq!(fs::read_to_string(backup_path(&real)).unwrap(), OLD);
}

#[cfg(unix)]
#[test]
fn permissions_are_kept_for_the_site_and_its_backup() {
    use std::os::unix::fs::PermissionsExt;
    // Before: a 0600 file came back 0644, and its backup too.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("site.ron");
    fs::write(&path, OLD).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    save_text(&path, NEW, SaveOptions::default()).unwrap();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&backup_path(&path)), 0o600);
}

#[test]
fn a_read_only_site_is_refused_with_a_clear_message() {
    // Before: a read-only file was replaced all the same (the rename needs only the folder).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("site.ron");
    fs::write(&path, MINIMAL.replace("    ", "  ")).unwrap();
    let mut perms = fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&path, perms).unwrap();
    let err = save_text(&path, NEW, SaveOptions::default()).unwrap_err();
    assert!(matches!(err, SaveError::ReadOnly { .. }), "{err:?}");
    let run = cli(&["fmt".as_ref(), path.as_os_str()], Duration::from_secs(30));
    assert_eq!(run.code, Some(1), "{}", run.text());
    assert!(
        run.stderr.contains("is read-only: nothing was written"),
        "{}",
        run.stderr
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        MINIMAL.replace("    ", "  ")
    );
    assert!(!backup_path(&path).exists());
}

#[test]
fn a_file_changed_since_it_was_read_is_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("site.ron");
    fs::write(&path, OLD).unwrap();
    let read = DiskStamp::of(OLD.as_bytes());
    fs::write(&path, "(theirs: 3)\n").unwrap();
    let options = SaveOptions {
        expected: Some(read),
        ..SaveOptions::default()
    };
    let err = save_text(&path, NEW, options).unwrap_err();
    assert!(matches!(err, SaveError::ChangedOnDisk { .. }), "{err:?}");
    assert_eq!(fs::read_to_string(&path).unwrap(), "(theirs: 3)\n");
    // A new file that someone created meanwhile is caught too.
    let fresh = dir.path().join("fresh.ron");
    fs::write(&fresh, OLD).unwrap();
    let options = SaveOptions {
        expected: Some(DiskStamp::Absent),
        ..SaveOptions::default()
    };
    assert!(matches!(
        save_text(&fresh, NEW, options),
        Err(SaveError::ChangedOnDisk { .. })
    ));
}

#[test]
fn temporary_files_of_a_killed_save_are_removed_on_the_next_start() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("site.ron");
    fs::write(&path, MINIMAL).unwrap();
    let strays = [".site.ron.4242-0.tmp", ".site.ron.bak.4242-1.tmp"];
    for stray in strays {
        fs::write(dir.path().join(stray), "partial").unwrap();
    }
    let unrelated = dir.path().join(".other.ron.4242-0.tmp");
    fs::write(&unrelated, "not ours").unwrap();
    let run = cli(&["fmt".as_ref(), path.as_os_str()], Duration::from_secs(30));
    assert_eq!(run.code, Some(0), "{}", run.text());
    assert!(
        run.stderr.contains("removed 2 temporary file(s)"),
        "{}",
        run.stderr
    );
    for stray in strays {
        assert!(!dir.path().join(stray).exists(), "{stray}");
    }
    assert!(
        unrelated.exists(),
        "another file's temporary files are not touched"
    );
}

/// Runs coolplan with `args` limited to writing `kb` KiB per file (the shell's `ulimit -f`,
/// with SIGXFSZ ignored so a write past the limit fails with "File too large" as a full disk
/// fails with "No space left on device"). `None` where there is no POSIX shell.
#[cfg(unix)]
fn with_write_limit(kb: u64, args: &[&Path]) -> Option<std::process::Output> {
    let sh = Path::new("/bin/sh");
    if !sh.exists() {
        return None;
    }
    // `ulimit -f` counts 512-byte blocks in POSIX sh (dash) and KiB in bash: both bound it.
    let script = format!("trap '' XFSZ; ulimit -f {}; exec \"$@\"", kb * 2);
    let mut command = std::process::Command::new(sh);
    command
        .arg("-c")
        .arg(script)
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_coolplan"));
    command.args(args).env("LANG", "C");
    Some(command.output().expect("run coolplan under a write limit"))
}

#[cfg(unix)]
#[test]
fn a_failed_write_leaves_the_old_report_whole_and_names_the_cause() {
    // Before: a full disk left a truncated report in place of the good one, and the message
    // did not say why.
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site.ron");
    fs::write(&site, MINIMAL).unwrap();
    let report = dir.path().join("report.html");
    let good = cli(
        &[
            "report".as_ref(),
            site.as_os_str(),
            "-o".as_ref(),
            report.as_os_str(),
        ],
        Duration::from_secs(60),
    );
    assert_eq!(good.code, Some(0), "{}", good.text());
    let before = fs::read(&report).unwrap();
    assert!(
        before.len() > 8 * 1024,
        "the report is larger than the limit below"
    );
    let Some(out) = with_write_limit(4, &[Path::new("report"), &site, Path::new("-o"), &report])
    else {
        return;
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("File too large"),
        "the cause is named: {stderr}"
    );
    assert_eq!(
        fs::read(&report).unwrap(),
        before,
        "the old report is whole"
    );
    let strays: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".tmp")
        })
        .collect();
    assert!(strays.is_empty(), "the partial temporary file is removed");
}

#[cfg(unix)]
#[test]
fn a_failed_backup_write_leaves_the_previous_backup_whole() {
    // Before: the backup was rewritten in place, so a full disk truncated it.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("site.ron");
    // The current file is large (its backup copy will not fit), the new text small.
    let big = format!("{MINIMAL}{}", "\n".repeat(64 * 1024));
    fs::write(&path, &big).unwrap();
    let previous_backup = "(previous backup)\n";
    fs::write(backup_path(&path), previous_backup).unwrap();
    let Some(out) = with_write_limit(16, &[Path::new("fmt"), &path]) else {
        return;
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("File too large"), "{stderr}");
    assert_eq!(
        fs::read_to_string(backup_path(&path)).unwrap(),
        previous_backup
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), big);
}
