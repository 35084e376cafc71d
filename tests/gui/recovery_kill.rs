//! Crash safety of autosave (issue 7.5): a child process makes edits through the app's command
//! API, the app's own frame loop autosaves them, and the child is SIGKILLed at a varying
//! moment. The parent then starts the app the way a next launch does (same
//! [`RecoveryStore`] folder) and checks that recovery restores exactly the edits the child had
//! autosaved — never a torn or older file.
//!
//! The same with saves: a child saves after every edit (File › Save, which keeps the previous
//! file as `site.ron.bak`) and is killed at a varying moment; the site file and its backup
//! must each be one whole saved state, and the next start removes the temporary files.
//!
//! The children are this test binary (`gui`) re-executed on the `#[ignore]`d tests
//! `recovery_kill::child_edits_and_autosaves` and `recovery_kill::child_edits_and_saves` with
//! `COOLPLAN_KILL_CHILD_DIR` set; they are not meant to run on their own.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use coolplan::app::command::{Command, apply};
use coolplan::app::edit::Edit;
use coolplan::app::file_dialog::FileDialogs;
use coolplan::app::recovery::{AUTOSAVE_INTERVAL_S, RecoveryStore};
use coolplan::app::sample::example_site;
use coolplan::app::settings::{DialogPreference, Settings};
use coolplan::app::state::{AppState, Document, Modal};
use coolplan::app::undo::Gesture;
use coolplan::app::{CoolplanApp, fonts};
use coolplan::model::Site;
use egui_kittest::Harness;

/// Edits the child makes, in order; each is followed by one frame that autosaves.
const EDITS: usize = 60;
/// Where the child's recovery folder is passed.
const CHILD_ENV: &str = "COOLPLAN_KILL_CHILD_DIR";

/// The `i`-th edit: rack counts, names and new rack groups, so every step changes the site.
fn edit(i: usize) -> Edit {
    match i % 3 {
        0 => Edit::SetRackCount((0, 0), 2 + i as u64),
        1 => Edit::RenameRack((0, 0), format!("R-kill-{i}")),
        _ => Edit::AddRack(0),
    }
}

/// The site file the child's document belongs to (never written: the work is unsaved).
fn original(dir: &Path) -> PathBuf {
    dir.join("site.ron")
}

/// The bundled example site, where every edit starts.
fn site() -> Site {
    // Invariant: the bundled example parses (the app's unit tests check it on every build).
    example_site().expect("bundled example parses")
}

fn settings() -> Settings {
    Settings {
        dialogs: DialogPreference::InApp,
        ..Settings::default()
    }
}

/// `states[k]`: the site after the first `k` edits, applied by the same command layer
/// in-process without any recovery file.
fn expected_states(dir: &Path) -> Vec<Site> {
    let doc = Document::new(site(), Some(original(dir)), None);
    let mut state = AppState::new(doc, settings());
    let mut states = vec![state.doc.site.clone()];
    for i in 0..EDITS {
        let _ = apply(
            &mut state,
            &RecoveryStore::disabled(),
            vec![Command::Edit(edit(i), Gesture::Step)],
        );
        states.push(state.doc.site.clone());
    }
    states
}

/// The child: the whole app in a headless egui harness, one edit per frame, each frame a
/// full autosave interval after the last, so the app's own autosave writes every edit. After
/// each frame it prints how many edits are applied (and so autosaved).
#[test]
#[ignore = "child process of autosave_survives_sigkill_at_any_moment"]
fn child_edits_and_autosaves() {
    let Some(dir) = std::env::var_os(CHILD_ENV).map(PathBuf::from) else {
        panic!("run only as the child of autosave_survives_sigkill_at_any_moment");
    };
    let doc = Document::new(site(), Some(original(&dir)), None);
    let app = CoolplanApp::new(
        doc,
        settings(),
        RecoveryStore::in_dir(&dir),
        FileDialogs::default(),
    );
    let mut harness = Harness::builder()
        .with_size([1280.0, 800.0])
        .allow_missing_glyphs()
        .with_step_dt(AUTOSAVE_INTERVAL_S as f32 + 1.0)
        .with_context_setup(fonts::install)
        .build_ui_state(|ui, app: &mut CoolplanApp| app.show(ui), app);
    harness.step();
    for i in 0..EDITS {
        harness
            .state_mut()
            .queue(Command::Edit(edit(i), Gesture::Step));
        harness.step();
        // The command applied in this frame; the next frame, a full interval later, autosaves.
        harness.step();
        println!("{}", i + 1);
    }
    // Wait to be killed (bounded: the parent kills long before).
    std::thread::sleep(Duration::from_secs(60));
}

/// The child of the save test: one edit and one save per frame, the number of saves done
/// printed after each.
#[test]
#[ignore = "child process of saves_survive_sigkill_at_any_moment"]
fn child_edits_and_saves() {
    let Some(dir) = std::env::var_os(CHILD_ENV).map(PathBuf::from) else {
        panic!("run only as the child of saves_survive_sigkill_at_any_moment");
    };
    let doc = Document::new(site(), Some(original(&dir)), None);
    let mut state = AppState::new(doc, settings());
    let recovery = RecoveryStore::disabled();
    for i in 0..EDITS {
        let _ = apply(
            &mut state,
            &recovery,
            vec![Command::Edit(edit(i), Gesture::Step), Command::Save],
        );
        assert!(!state.doc.dirty, "save {i}: {:?}", state.notice);
        println!("{}", i + 1);
    }
    std::thread::sleep(Duration::from_secs(60));
}

/// The name of the child test `child` as the harness knows it (`recovery_kill::child` in the
/// `gui` test binary): its module path without the crate name.
fn child_test_name(child: &str) -> String {
    let module = module_path!()
        .split_once("::")
        .map_or("", |(_crate, module)| module);
    format!("{module}::{child}")
}

/// Runs one child, kills it (SIGKILL) `delay` after it reports `kill_after` autosaved edits,
/// and returns the number it last reported before it died.
fn run_child_and_kill(dir: &Path, kill_after: usize, delay: Duration) -> usize {
    run_child_named("child_edits_and_autosaves", dir, kill_after, delay)
}

/// [`run_child_and_kill`] of the child test `name`.
fn run_child_named(name: &str, dir: &Path, kill_after: usize, delay: Duration) -> usize {
    let exe = std::env::current_exe().expect("test binary path");
    let mut child = Process::new(exe)
        .arg(child_test_name(name))
        .args(["--exact", "--ignored", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("child starts");
    let stdout = child.stdout.take().expect("piped stdout");
    let started = Instant::now();
    let mut reported = 0;
    let mut lines = BufReader::new(stdout).lines();
    for line in lines.by_ref() {
        let line = line.expect("child output");
        if let Ok(n) = line.trim().parse::<usize>() {
            reported = n;
            if n >= kill_after {
                break;
            }
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "child too slow"
        );
    }
    // Somewhere inside the next frames (a frame takes a few ms to tens of ms).
    std::thread::sleep(delay);
    // `Child::kill` sends SIGKILL on Unix: no destructor, no flush, no exit handler runs.
    child.kill().expect("SIGKILL");
    let status = child.wait().expect("child reaped");
    assert!(!status.success(), "the child was killed, not finished");
    // What it reported before it died is still in the pipe (a line cut short is no report).
    for line in lines.map_while(Result::ok) {
        if let Ok(n) = line.trim().parse::<usize>() {
            reported = n;
        }
    }
    reported
}

#[test]
fn autosave_survives_sigkill_at_any_moment() {
    let dir = tempfile::tempdir().expect("temp dir");
    let states = expected_states(dir.path());
    // Kill right after the first autosave, in the middle of the run, and near its end, each
    // at a different instant inside the frames that follow.
    let rounds = [1, 4, 7, 12, 23, 31, 42, 58];
    for (round, kill_after) in rounds.into_iter().enumerate() {
        let store_dir = dir.path().join(format!("kill-{kill_after}"));
        let delay = Duration::from_micros(2_700 * round as u64);
        let reported = run_child_and_kill(&store_dir, kill_after, delay);
        assert!(reported >= kill_after, "child reported {reported} edits");

        // Next start: the app finds the autosave and offers it.
        let doc = Document::new(site(), None, None);
        let mut app = CoolplanApp::new(
            doc,
            settings(),
            RecoveryStore::in_dir(&store_dir),
            FileDialogs::default(),
        );
        let Some(Modal::Recover(recovered)) = &app.state.modal else {
            panic!("kill after {kill_after}: no recovery offered");
        };
        // The file is one whole state: the last one the child reported, or the next one
        // (autosaved, then killed before it could report it). Never older, never torn.
        let restored = states
            .iter()
            .position(|s| *s == recovered.site)
            .unwrap_or_else(|| panic!("kill after {kill_after}: recovered site is no edit state"));
        assert!(
            (reported..=reported + 1).contains(&restored),
            "kill after {kill_after}: restored {restored} edits, child had autosaved {reported}"
        );
        assert_eq!(
            recovered.original.as_deref(),
            Some(original(&store_dir).as_path())
        );

        // Accepting the offer gives the document back with its edits, unsaved, on its file.
        app.queue(Command::Recover);
        let _ = app.apply_queued();
        assert!(app.state.modal.is_none());
        assert_eq!(app.state.doc.site, states[restored]);
        assert_ne!(app.state.doc.site, states[0], "edits are back");
        assert!(app.state.doc.dirty, "recovered work is unsaved");
        assert_eq!(app.state.doc.path, Some(original(&store_dir)));
    }
}

/// The state a saved file holds: its index in `states`.
fn saved_state(states: &[Site], path: &Path, label: &str) -> usize {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{label}: {e}"));
    let text = String::from_utf8(bytes).unwrap_or_else(|_| panic!("{label}: not UTF-8"));
    let site = coolplan::io::parse_site(&text, label)
        .unwrap_or_else(|e| panic!("{label}: torn or unreadable ({} bytes): {e:?}", text.len()));
    states
        .iter()
        .position(|s| *s == site)
        .unwrap_or_else(|| panic!("{label}: holds no saved state"))
}

#[test]
fn saves_survive_sigkill_at_any_moment() {
    let dir = tempfile::tempdir().expect("temp dir");
    let states = expected_states(dir.path());
    for (round, kill_after) in [2, 5, 9, 17, 33, 51].into_iter().enumerate() {
        let store_dir = dir.path().join(format!("save-kill-{kill_after}"));
        std::fs::create_dir_all(&store_dir).unwrap();
        let delay = Duration::from_micros(1_900 * round as u64);
        let reported = run_child_named("child_edits_and_saves", &store_dir, kill_after, delay);
        assert!(reported >= kill_after, "child reported {reported} saves");
        let file = original(&store_dir);
        let saved = saved_state(&states, &file, "site.ron");
        assert!(
            (reported..=reported + 1).contains(&saved),
            "kill after {kill_after}: site.ron holds {saved} edits, child had saved {reported}"
        );
        // The backup is the save before the file's state, or the file's own state when the
        // kill came between the backup and the rename of a save that then never happened.
        let backup = saved_state(
            &states,
            &coolplan::io::save::backup_path(&file),
            "site.ron.bak",
        );
        assert!(
            backup + 1 == saved || (backup == saved && saved == reported),
            "kill after {kill_after}: backup {backup}, file {saved}"
        );
        // The next start opens the file and removes what the kill left.
        let doc = coolplan::app::document_for(Some(file.clone())).expect("the saved file opens");
        assert_eq!(doc.site, states[saved]);
        let strays: Vec<_> = std::fs::read_dir(&store_dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(strays.is_empty(), "kill after {kill_after}: {strays:?}");
    }
}
