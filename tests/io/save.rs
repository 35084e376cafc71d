//! Atomic save: a crash at any step leaves the old or the new complete file; the previous
//! content is kept in `<name>.ron.bak`; files with comments are not overwritten silently.

use std::fs;
use std::io;

use coolplan::io::save::{SaveOptions, SaveOutcome, Step, backup_path, save_text, save_with_hook};
use coolplan::io::{load_site, save_site, to_canonical_string, would_drop_comments};

const OLD: &str = "(old: 1)\n";
const NEW: &str = "(new: 2)\n";

fn crash_at(step: Step) -> impl FnMut(Step) -> io::Result<()> {
    move |now| {
        if now == step {
            Err(io::Error::other("simulated crash"))
        } else {
            Ok(())
        }
    }
}

#[test]
fn a_crash_after_the_temp_write_leaves_the_old_file_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("site.ron");
    fs::write(&path, OLD).unwrap();
    let result = save_with_hook(
        &path,
        NEW,
        SaveOptions::default(),
        crash_at(Step::TempWritten),
    );
    assert!(result.is_err());
    assert_eq!(fs::read_to_string(&path).unwrap(), OLD);
    // the complete new text sits in the temporary file, as after a real crash
    let temps: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert_eq!(temps.len(), 1, "{temps:?}");
    assert_eq!(fs::read_to_string(dir.path().join(&temps[0])).unwrap(), NEW);
}

#[test]
fn a_crash_before_the_rename_leaves_old_file_and_backup_with_previous_content() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("site.ron");
    fs::write(&path, OLD).unwrap();
    let result = save_with_hook(
        &path,
        NEW,
        SaveOptions::default(),
        crash_at(Step::BackupWritten),
    );
    assert!(result.is_err());
    assert_eq!(fs::read_to_string(&path).unwrap(), OLD);
    assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), OLD);
}

#[test]
fn a_completed_save_writes_new_text_and_keeps_the_previous_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("site.ron");
    fs::write(&path, OLD).unwrap();
    let outcome = save_text(&path, NEW, SaveOptions::default()).unwrap();
    let bak = dir.path().join("site.ron.bak");
    assert_eq!(
        outcome,
        SaveOutcome::Written {
            backup: Some(bak.clone())
        }
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), NEW);
    assert_eq!(fs::read_to_string(&bak).unwrap(), OLD);
    // no temporary file is left behind
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
    // saving the same text again touches nothing
    assert_eq!(
        save_text(&path, NEW, SaveOptions::default()).unwrap(),
        SaveOutcome::Unchanged
    );
}

#[test]
fn a_new_file_is_written_without_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fresh.ron");
    let outcome = save_text(&path, NEW, SaveOptions::default()).unwrap();
    assert_eq!(outcome, SaveOutcome::Written { backup: None });
    assert_eq!(fs::read_to_string(&path).unwrap(), NEW);
}

#[test]
fn saving_over_comments_is_refused_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("commented.ron");
    let commented = "(old: 1) // a remark\n";
    fs::write(&path, commented).unwrap();
    assert!(would_drop_comments(&path));
    let outcome = save_text(&path, NEW, SaveOptions::default()).unwrap();
    assert_eq!(outcome, SaveOutcome::WouldDropComments);
    assert_eq!(fs::read_to_string(&path).unwrap(), commented);
    let forced = save_text(
        &path,
        NEW,
        SaveOptions {
            allow_dropping_comments: true,
            ..SaveOptions::default()
        },
    )
    .unwrap();
    assert!(matches!(forced, SaveOutcome::Written { .. }));
    assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), commented);
    assert!(!would_drop_comments(&path));
}

#[test]
fn a_saved_site_loads_back_equal() {
    let source = format!("{}/sites/ai-hall.ron", env!("CARGO_MANIFEST_DIR"));
    let site = load_site(&source).unwrap().site;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("copy.ron");
    save_site(&path, &site, SaveOptions::default()).unwrap();
    assert_eq!(load_site(&path).unwrap().site, site);
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        to_canonical_string(&site).unwrap()
    );
}
