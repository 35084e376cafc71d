//! EPW weather files of a site (issue 22, findings 2 and 7): a site file is mailed around, so
//! the weather file it names must lie in its folder (or a folder the user names with
//! `--weather-dir`); absolute paths, `..` and links out of the folder are refused with a clear
//! message; FIFOs, devices and oversized files are refused without blocking or reading; the
//! station name cannot carry markup into a report; and `check` validates the climate, with
//! the same line and column as `report` and `analyze`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::hostile::{MINIMAL, Run, cli};
use coolplan::io::epw::{EpwError, read_epw};
use coolplan::io::read::NotAFile;

/// A whole year of hourly records under a LOCATION line naming `station`.
fn epw_year(station: &str) -> String {
    let mut text = format!(
        "LOCATION,{station},Beijing,CHN,CSWD,545110,39.80,116.47,8.0,31.3\n\
DESIGN CONDITIONS,0\nTYPICAL/EXTREME PERIODS,0\nGROUND TEMPERATURES,0\n\
HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0\nCOMMENTS 1,test\nCOMMENTS 2,\n\
DATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31\n"
    );
    let days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    for (m, &n) in days.iter().enumerate() {
        for day in 1..=n {
            for h in 1..=24 {
                let t = 5.0 + m as f64 + f64::from(h) / 4.0;
                writeln!(text, "1999,{},{day},{h},60,x,{t:.1},0.0,50,101300", m + 1).unwrap();
            }
        }
    }
    text
}

/// A folder with `site.ron` (the minimal site) whose climate is `Epw(path)`.
fn site_with_epw(path: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let text = MINIMAL.replacen(
        "climate: Preset(\"shanghai\")",
        &format!("climate: Epw({path:?})"),
        1,
    );
    let site = dir.path().join("site.ron");
    std::fs::write(&site, text).unwrap();
    (dir, site)
}

fn run(command: &str, site: &Path, extra: &[&str]) -> Run {
    let mut args: Vec<std::ffi::OsString> = vec![command.into(), site.into()];
    args.extend(extra.iter().map(Into::into));
    cli(&args, Duration::from_secs(30))
}

#[test]
fn absolute_and_parent_paths_are_refused_by_check_report_and_analyze() {
    // Before: both were followed; `/etc/passwd` was read as weather.
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.epw");
    std::fs::write(&secret, epw_year("SECRET")).unwrap();
    let absolute = secret.display().to_string();
    for (path, expected) in [
        (absolute.as_str(), "absolute path"),
        ("../secret.epw", "leaves the site's folder"),
        ("weather/../../secret.epw", "leaves the site's folder"),
    ] {
        let (_dir, site) = site_with_epw(path);
        for command in ["check", "report", "analyze"] {
            let run = run(command, &site, &[]);
            assert_eq!(run.code, Some(1), "{command} {path}: {}", run.text());
            assert!(
                run.text().contains(expected),
                "{command} {path}: {}",
                run.text()
            );
            assert!(
                !run.text().contains("SECRET"),
                "{command} {path}: {}",
                run.text()
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_folder_is_refused_and_a_weather_dir_is_honoured() {
    let weather = tempfile::tempdir().unwrap();
    std::fs::write(weather.path().join("bj.epw"), epw_year("BEIJING")).unwrap();
    let (dir, site) = site_with_epw("bj.epw");
    std::os::unix::fs::symlink(weather.path().join("bj.epw"), dir.path().join("bj.epw")).unwrap();
    let refused = run("check", &site, &[]);
    assert_eq!(refused.code, Some(1), "{}", refused.text());
    assert!(
        refused.text().contains("link to a file outside"),
        "{}",
        refused.text()
    );

    std::fs::remove_file(dir.path().join("bj.epw")).unwrap();
    let dir_flag = weather.path().display().to_string();
    for command in ["check", "report", "analyze"] {
        let run = run(command, &site, &["--weather-dir", &dir_flag]);
        assert_eq!(run.code, Some(0), "{command}: {}", run.text());
    }
}

#[cfg(unix)]
#[test]
fn fifos_devices_and_huge_files_as_weather_are_refused_without_blocking() {
    // Before: a FIFO hung `report`, /dev/zero ate memory until killed.
    let (dir, site) = site_with_epw("pipe.epw");
    let fifo = dir.path().join("pipe.epw");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        for command in ["check", "report", "analyze"] {
            let run = run(command, &site, &[]);
            assert_eq!(run.code, Some(1), "{command}: {}", run.text());
            assert!(
                run.text().contains("named pipe"),
                "{command}: {}",
                run.text()
            );
        }
    }
    assert!(matches!(
        read_epw(Path::new("/dev/zero")),
        Err(EpwError::NotAFile {
            what: NotAFile::Special,
            ..
        })
    ));
    // Sparse: a 100 MiB file that takes no disk, refused from its size alone.
    let (dir, site) = site_with_epw("huge.epw");
    std::fs::File::create(dir.path().join("huge.epw"))
        .unwrap()
        .set_len(100 << 20)
        .unwrap();
    let run = run("check", &site, &[]);
    assert_eq!(run.code, Some(1), "{}", run.text());
    assert!(run.text().contains("over the limit"), "{}", run.text());
}

#[test]
fn markup_in_the_station_name_never_reaches_a_report() {
    // Before: the LOCATION text went into the report's climate line as written.
    let (dir, site) = site_with_epw("w.epw");
    let station =
        "<script>alert(1)</script><img src=x onerror=alert(2)>\u{1b}[2J=HYPERLINK(\"http://x\")";
    std::fs::write(dir.path().join("w.epw"), epw_year(station)).unwrap();
    for format in ["html", "md", "text", "csv", "json"] {
        let out = dir.path().join(format!("r.{format}"));
        let run = run(
            "report",
            &site,
            &["--format", format, "-o", &out.display().to_string()],
        );
        assert_eq!(run.code, Some(0), "{format}: {}", run.text());
        let report = std::fs::read_to_string(&out).unwrap();
        for bad in ["<script", "<img", "\u{1b}", "=HYPERLINK"] {
            assert!(!report.contains(bad), "{format} holds {bad:?}");
        }
        if ["html", "md"].contains(&format) {
            assert!(
                report.contains("script alert(1)"),
                "{format}: the name is kept, cleaned"
            );
        }
    }
}

#[test]
fn a_bad_epw_fails_check_with_line_and_column_and_report_says_why() {
    // Before: `check` said ok; `report` said only "climate data unavailable".
    let (dir, site) = site_with_epw("bad.epw");
    let text = epw_year("BEIJING").replacen("1999,3,1,1,60,x,", "1999,3,1,1,60,x,warm", 1);
    std::fs::write(dir.path().join("bad.epw"), text).unwrap();
    // The record of 1 March 01:00 is line 8 + (31 + 28) × 24 + 1 = 1,425; dry bulb is column 7.
    let at = "bad.epw:1425:7:";
    for command in ["check", "report", "analyze"] {
        let run = run(command, &site, &[]);
        assert_eq!(run.code, Some(1), "{command}: {}", run.text());
        assert!(run.text().contains(at), "{command}: {}", run.text());
        assert!(
            run.text().contains("is not a number"),
            "{command}: {}",
            run.text()
        );
    }
}
