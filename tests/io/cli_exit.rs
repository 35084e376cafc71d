//! The built `coolplan` binary: exit codes 0 / 1 / 2 of `check` and `fmt`, help without a
//! subcommand, messages in the chosen language.

use std::fs;
use std::process::{Command, Output};

fn coolplan(args: &[&str]) -> Output {
    // COOLPLAN_TEST_BIN overrides the binary when a shared target dir lets other checkouts
    // overwrite it between build and test.
    let bin = std::env::var("COOLPLAN_TEST_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_coolplan").to_string());
    Command::new(bin)
        .args(args)
        .env("LC_ALL", "")
        .env("LC_MESSAGES", "")
        .env("LANG", "en_US.UTF-8")
        .output()
        .expect("the coolplan binary runs")
}

fn root(path: &str) -> String {
    format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn check_exits_0_on_the_example_sites() {
    let files = [
        "sites/enterprise-room.ron",
        "sites/ai-hall.ron",
        "sites/china-fleet.ron",
    ];
    let args: Vec<String> = files.iter().map(|f| root(f)).collect();
    let mut all = vec!["check"];
    all.extend(args.iter().map(String::as_str));
    let out = coolplan(&all);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("3 file(s): 3 ok, 0 invalid, 0 unreadable"));
}

#[test]
fn check_exits_1_on_an_invalid_file_and_prints_every_problem() {
    let out = coolplan(&["check", &root("tests/fixtures/invalid/monthly.ron")]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("2 error(s), 0 warning(s)"), "{text}");
    assert!(
        text.contains("  error: location › climate › daily_max: 11 values given"),
        "{text}"
    );
}

#[test]
fn check_exits_1_on_a_parse_error_with_line_and_column() {
    let file = root("tests/fixtures/parse/wrong_unit.ron");
    let out = coolplan(&["check", &file]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains(&format!("{file}:16:19: syntax error")));
}

#[test]
fn check_exits_2_on_a_missing_file_and_2_wins_over_1() {
    let out = coolplan(&["check", "/nonexistent/site.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /nonexistent/site.ron"));
    let mixed = coolplan(&[
        "check",
        &root("tests/fixtures/invalid/year.ron"),
        "/nonexistent/site.ron",
    ]);
    assert_eq!(mixed.status.code(), Some(2));
}

#[test]
fn check_speaks_chinese_with_lang_zh() {
    let out = coolplan(&[
        "--lang",
        "zh",
        "check",
        &root("tests/fixtures/invalid/unknown_model.ron"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("未知的目录型号 \"cpu-1x\""),
        "{}",
        stdout(&out)
    );
}

#[test]
fn fmt_rewrites_then_is_idempotent_and_check_mode_reports() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("site.ron");
    // the minimal fixture squeezed onto few lines: valid but not canonical
    let squeezed = fs::read_to_string(root("tests/fixtures/valid/minimal.ron"))
        .unwrap()
        .replace("\n    ", " ");
    fs::write(&path, &squeezed).unwrap();
    let p = path.to_str().unwrap();
    assert_eq!(coolplan(&["fmt", "--check", p]).status.code(), Some(1));
    assert_eq!(coolplan(&["fmt", p]).status.code(), Some(0));
    let formatted = fs::read_to_string(&path).unwrap();
    let minimal = coolplan::io::load_site(root("tests/fixtures/valid/minimal.ron")).unwrap();
    assert_eq!(
        formatted,
        coolplan::io::to_canonical_string(&minimal.site).unwrap()
    );
    assert_ne!(formatted, squeezed);
    assert_eq!(
        fs::read_to_string(dir.path().join("site.ron.bak")).unwrap(),
        squeezed
    );
    let again = coolplan(&["fmt", p]);
    assert_eq!(again.status.code(), Some(0));
    assert!(stdout(&again).contains("already canonical"));
    assert_eq!(fs::read_to_string(&path).unwrap(), formatted);
    assert_eq!(coolplan(&["fmt", "--check", p]).status.code(), Some(0));
}

#[test]
fn fmt_refuses_to_drop_comments_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v0.ron");
    let original = fs::read_to_string(root("tests/fixtures/migrate/v0-site.ron")).unwrap();
    fs::write(&path, &original).unwrap();
    let p = path.to_str().unwrap();
    let refused = coolplan(&["fmt", p]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stdout(&refused).contains("--force"));
    assert_eq!(fs::read_to_string(&path).unwrap(), original);
    let forced = coolplan(&["fmt", "--force", p]);
    assert_eq!(forced.status.code(), Some(0));
    let migrated = fs::read_to_string(&path).unwrap();
    assert!(migrated.contains("schema_version: 1,") && migrated.contains("kW(250)"));
    assert_eq!(coolplan(&["check", p]).status.code(), Some(0));
}

#[test]
fn fmt_on_the_example_sites_changes_nothing() {
    for site in [
        "sites/enterprise-room.ron",
        "sites/ai-hall.ron",
        "sites/china-fleet.ron",
    ] {
        let out = coolplan(&["fmt", "--check", &root(site)]);
        assert_eq!(out.status.code(), Some(0), "{site}: {}", stdout(&out));
    }
}

/// No subcommand opens the desktop app; without a display it says so in one line naming the
/// headless commands, and exits 2 without a backtrace.
#[test]
fn no_subcommand_without_a_display_names_the_headless_commands() {
    let bin = std::env::var("COOLPLAN_TEST_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_coolplan").to_string());
    let out = Command::new(bin)
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("LC_ALL", "")
        .env("LC_MESSAGES", "")
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(
        text.contains("no display") && text.contains("coolplan check"),
        "{text}"
    );
}

#[test]
fn a_directory_is_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let out = coolplan(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_language_defaults_from_the_locale_environment() {
    let bin = std::env::var("COOLPLAN_TEST_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_coolplan").to_string());
    let file = root("tests/fixtures/valid/minimal.ron");
    // LC_ALL wins over LANG (POSIX order)
    let out = Command::new(&bin)
        .args(["check", &file])
        .env("LC_ALL", "zh_CN.UTF-8")
        .env("LANG", "en_US.UTF-8")
        .output()
        .unwrap();
    assert!(stdout(&out).ends_with("：通过\n"), "{}", stdout(&out));
    // --lang wins over the environment
    let out = Command::new(&bin)
        .args(["--lang", "en", "check", &file])
        .env("LC_ALL", "zh_CN.UTF-8")
        .output()
        .unwrap();
    assert!(stdout(&out).ends_with(": ok\n"), "{}", stdout(&out));
}

#[test]
fn help_is_shown_in_the_chosen_language() {
    let out = coolplan(&["--lang", "zh", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("检查站点文件"), "{}", stdout(&out));
    let out = coolplan(&["fmt", "--help"]);
    assert!(
        stdout(&out).contains("Rewrite site files in canonical form"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_rejected_argument_value_is_explained_in_the_chosen_language() {
    let file = root("sites/ai-hall.ron");
    let out = coolplan(&["--lang", "zh", "report", &file, "--format", "docx"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("未知格式 `docx`"), "{err}");
    let out = coolplan(&["report", &file, "--format", "docx"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown format `docx`"), "{err}");
}
