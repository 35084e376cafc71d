//! Terminal output of user text (issue 22, finding 6): names from a site file or cells of a
//! CSV that hold escape sequences (clear the screen, set the window title, recolour) reach
//! the terminal as `�`, never as control characters.

use std::time::Duration;

use crate::hostile::{MINIMAL, cli};

/// Clear screen, set the window title, a C1 CSI, a bidi override.
const NASTY: &str = "\u{1b}[2J\u{1b}]0;pwned\u{7}\u{9b}31m\u{202e}";

fn control_free(text: &str) -> bool {
    !text.chars().any(|c| {
        (c.is_control() && c != '\n' && c != '\t') || ('\u{202a}'..='\u{202e}').contains(&c)
    })
}

#[test]
fn names_printed_by_check_and_analyze_carry_no_control_characters() {
    // Before: `check` printed the names raw, and the terminal obeyed them.
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site.ron");
    // A duplicated rack group name makes `check` quote it; the site name is printed too.
    let rack = MINIMAL[MINIMAL
        .find("                (\n                    name: \"R01\"")
        .unwrap()
        ..MINIMAL.find("            ],\n        ),\n    ],").unwrap()]
        .to_string();
    let text = MINIMAL
        .replacen(&rack, &format!("{rack}{rack}"), 1)
        .replacen("name: \"Minimal\"", &format!("name: \"Site {NASTY}\""), 1)
        .replace("\"R01\"", &format!("\"R{NASTY}\""));
    std::fs::write(&site, text).unwrap();
    let run = cli(
        &["check".as_ref(), site.as_os_str()],
        Duration::from_secs(30),
    );
    assert_eq!(run.code, Some(1), "{}", run.text());
    assert!(
        run.stdout.contains("defined twice") || run.stdout.contains("twice"),
        "{}",
        run.stdout
    );
    assert!(control_free(&run.text()), "{:?}", run.text());
    assert!(
        run.stdout.contains('\u{fffd}'),
        "replaced, not dropped silently"
    );
}

#[test]
fn cells_shown_by_the_import_preview_carry_no_control_characters() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site.ron");
    std::fs::write(&site, MINIMAL).unwrap();
    let csv = dir.path().join("in.csv");
    std::fs::write(
        &csv,
        format!(
            "Name,Status,Site,Location,Rack,Position,Role,Manufacturer,Type\n\
             d1,Active,S,H1,R{NASTY},1,Server,Dell,Type {NASTY}\n"
        ),
    )
    .unwrap();
    let config = dir.path().join("config");
    let run = crate::hostile::cli_env(
        &[
            "import".as_ref(),
            csv.as_os_str(),
            "--into".as_ref(),
            site.as_os_str(),
            "--dry-run".as_ref(),
        ],
        &[("XDG_CONFIG_HOME", &config)],
        Duration::from_secs(30),
    );
    assert_eq!(run.code, Some(0), "{}", run.text());
    assert!(control_free(&run.text()), "{:?}", run.text());
}

/// `coolplan analyze site.ron | head -1`: the reader closes the pipe after one line. Before,
/// the next `print!` panicked ("failed printing to stdout: Broken pipe", exit 101); the rest
/// of the output is now dropped and the command ends as it would have.
#[test]
fn a_closed_stdout_pipe_is_not_a_panic() {
    use std::process::{Command, Stdio};
    let site = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sites/china-fleet.ron");
    let commands: [&[&str]; 4] = [
        &["analyze"],
        &["analyze", "--format", "json"],
        &["report", "--format", "md"],
        &["export"],
    ];
    for args in commands {
        let mut child = Command::new(env!("CARGO_BIN_EXE_coolplan"))
            .args(args)
            .arg(&site)
            .env("LANG", "C")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Closed before the command has loaded the site, so its first write finds no reader.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
    }
}
