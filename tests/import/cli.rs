//! The `coolplan import` and `coolplan export` shells: a dry run writes nothing, an import
//! writes a valid site, export → import into an empty site gives the same CSV back.

use std::path::Path;
use std::process::Command;

use crate::support::fixture;

pub(crate) fn coolplan(args: &[&str], home: &Path) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_coolplan"))
        .args(args)
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("LANG", "C")
        .output()
        .expect("run coolplan");
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn dry_run_previews_and_writes_nothing_then_import_applies() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site.ron");
    std::fs::write(&site, fixture("site.ron")).unwrap();
    let csv = dir.path().join("netbox.csv");
    std::fs::write(&csv, fixture("netbox-devices.csv")).unwrap();
    let before = std::fs::read(&site).unwrap();
    let (s, c) = (site.to_str().unwrap(), csv.to_str().unwrap());
    let (code, out) = coolplan(&["import", c, "--into", s, "--dry-run"], dir.path());
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("line 12: not a server (Access Switch)"),
        "{out}"
    );
    assert!(out.contains("X640 G40: 2 row(s)"), "{out}");
    assert!(out.contains("35 data rows: 26 mapped, 9 skipped"), "{out}");
    assert_eq!(
        std::fs::read(&site).unwrap(),
        before,
        "a dry run must not write"
    );

    let (code, out) = coolplan(&["import", c, "--into", s], dir.path());
    assert_eq!(code, 0, "{out}");
    let loaded = coolplan::io::load_site(&site).expect("the imported site validates");
    assert_eq!(loaded.site.halls.len(), 4);
}

#[test]
fn a_generic_mapping_is_remembered_for_the_next_file_with_that_header() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site.ron");
    std::fs::write(&site, fixture("site.ron")).unwrap();
    let csv = dir.path().join("sheet.csv");
    std::fs::write(&csv, fixture("generic-sheet.csv")).unwrap();
    let (s, c) = (site.to_str().unwrap(), csv.to_str().unwrap());
    let (code, out) = coolplan(&["import", c, "--into", s, "--dry-run"], dir.path());
    assert_eq!(code, 1, "without a mapping: {out}");
    let map = "hall=Room,rack=Cabinet,model=Type,count=Qty,power=Power,status=Status,year=Arrival";
    let (code, _) = coolplan(
        &["import", c, "--into", s, "--dry-run", "--map", map],
        dir.path(),
    );
    assert_eq!(code, 0);
    assert!(
        dir.path()
            .join("config/coolplan/import-mappings.json")
            .is_file()
    );
    let (code, out) = coolplan(&["import", c, "--into", s, "--dry-run"], dir.path());
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("using the column mapping remembered"), "{out}");
    assert!(out.contains("10 data rows: 6 mapped, 4 skipped"), "{out}");
}

#[test]
fn export_then_import_into_an_empty_site_gives_the_same_csv() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site.ron");
    std::fs::write(&site, fixture("site.ron")).unwrap();
    let text = fixture("site.ron");
    let empty_text = format!(
        "{}    halls: [],\n)\n",
        &text[..text.find("    halls: [").unwrap()]
    );
    let empty = dir.path().join("empty.ron");
    std::fs::write(&empty, empty_text).unwrap();
    let (first, second) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
    let p = |p: &Path| p.to_str().unwrap().to_string();
    let (code, out) = coolplan(&["export", &p(&site), "-o", &p(&first)], dir.path());
    assert_eq!(code, 0, "{out}");
    let (code, out) = coolplan(&["import", &p(&first), "--into", &p(&empty)], dir.path());
    assert_eq!(code, 0, "{out}");
    let (code, _) = coolplan(&["export", &p(&empty), "-o", &p(&second)], dir.path());
    assert_eq!(code, 0);
    assert_eq!(
        std::fs::read_to_string(&first).unwrap(),
        std::fs::read_to_string(&second).unwrap()
    );
}
