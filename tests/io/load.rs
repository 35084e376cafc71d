//! The file edge of loading: unreadable inputs give a clear error (never a hang or panic),
//! schema versions are read first, older files migrate, newer ones are refused.

use coolplan::i18n::Say;
use std::fs;

use coolplan::i18n::Lang;
use coolplan::io::load::MAX_FILE_BYTES;
use coolplan::io::{LoadError, load_bytes, load_site, to_canonical_string};
use coolplan::units::PowerUnit;

fn fixture(path: &str) -> String {
    format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_missing_file_is_unreadable() {
    let err = load_site("/nonexistent/coolplan/site.ron").unwrap_err();
    assert!(matches!(err, LoadError::Io { .. }));
    assert!(err.is_unreadable());
    assert!(
        err.say(Lang::En)
            .starts_with("cannot read /nonexistent/coolplan/site.ron: ")
    );
}

#[test]
fn a_directory_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let err = load_site(dir.path()).unwrap_err();
    assert!(err.is_unreadable());
    assert!(
        err.say(Lang::En)
            .ends_with("is a directory, not a site file"),
        "{err:?}"
    );
    assert!(
        err.say(Lang::Zh).ends_with("是目录，不是站点文件"),
        "{}",
        err.say(Lang::Zh)
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.ron");
    let status = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo unavailable; skipped");
        return;
    }
    // Opening a FIFO without a writer would block forever; the loader must not open it.
    let err = load_site(&fifo).unwrap_err();
    assert!(
        err.say(Lang::En)
            .ends_with("is a named pipe (FIFO), not a site file"),
        "{err:?}"
    );
}

#[test]
fn a_file_over_the_cap_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.ron");
    let file = fs::File::create(&big).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap(); // sparse: no 64 MiB written
    let err = load_site(&big).unwrap_err();
    assert!(matches!(err, LoadError::TooLarge { size, .. } if size == MAX_FILE_BYTES + 1));
    assert!(err.is_unreadable());
}

#[test]
fn non_utf8_bytes_are_located() {
    let mut bytes = b"(\n    name: \"ab".to_vec();
    bytes.push(0xFF);
    bytes.extend_from_slice(b"\",\n)");
    let err = load_bytes(&bytes, "x.ron").unwrap_err();
    // line 2, after `    name: "ab` (13 characters) → column 14
    assert!(
        matches!(
            err,
            LoadError::NotUtf8 {
                line: 2,
                column: 14,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.say(Lang::En),
        "x.ron:2:14: the file is not UTF-8 text (save it as UTF-8)"
    );
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(fs::read(fixture("valid/minimal.ron")).unwrap());
    assert!(load_bytes(&bytes, "bom.ron").is_ok());
}

#[test]
fn empty_and_garbage_input_give_errors_not_panics() {
    for text in [
        "",
        "(",
        "((((((((",
        "\u{0}",
        "schema_version: 1",
        "(schema_version: 99999999999999999999)",
    ] {
        assert!(load_bytes(text.as_bytes(), "g.ron").is_err(), "{text:?}");
    }
}

#[test]
fn a_newer_version_is_refused_naming_both_versions() {
    let err = load_site(fixture("migrate/newer.ron")).unwrap_err();
    assert!(matches!(err, LoadError::NewerVersion { found: 5, .. }));
    let text = err.say(Lang::En);
    assert!(
        text.contains("schema_version 5") && text.contains("(version 1)"),
        "{text}"
    );
}

#[test]
fn a_v0_file_migrates_to_v1() {
    let loaded = load_site(fixture("migrate/v0-site.ron")).unwrap();
    assert_eq!(loaded.migrated_from, Some(0));
    assert!(loaded.has_comments);
    let site = &loaded.site;
    assert_eq!(site.schema_version, 1);
    let hall = &site.halls[0];
    // bare `250` in v0 was kW
    assert_eq!(hall.air_cooling_capacity.unit(), PowerUnit::kW);
    assert_eq!(hall.air_cooling_capacity.number(), 250.0);
    let rack = &hall.racks[0];
    assert_eq!(rack.count, 4); // v0 `quantity: 4`
    assert_eq!(rack.servers[0].count, 4);
    let measured = rack.measured.as_ref().unwrap();
    assert_eq!(measured.average.in_unit(PowerUnit::kW), 28.5);
    assert_eq!(measured.peak.in_unit(PowerUnit::kW), 36.0);
    // saved, it is a v1 file that loads without migration
    let text = to_canonical_string(site).unwrap();
    assert!(text.contains("schema_version: 1,") && text.contains("air_cooling_capacity: kW(250),"));
    let again = coolplan::io::load_str(&text, "v1.ron").unwrap();
    assert_eq!(again.migrated_from, None);
    assert_eq!(&again.site, site);
}

#[test]
fn a_file_without_life_fields_loads_with_the_documented_defaults_and_saves_them_back() {
    // v0 (migrated) and v1 files written before server life existed name no install year,
    // life or refresh: a stock group is then taken as installed in the study's first year,
    // lives its model's life and is replaced like-for-like.
    let loaded = load_site(fixture("migrate/v0-site.ron")).unwrap();
    let site = &loaded.site;
    assert!(site.refresh.is_none());
    let group = &site.halls[0].racks[0].servers[0];
    assert_eq!(
        (group.installed, &group.service_life, &group.refresh),
        (None, &None, &None)
    );
    let catalog = site.catalog();
    let first_year = site.assumptions.finance.resolve(site.currency).first_year;
    let generations =
        coolplan::model::lifecycle::generations(group, &catalog, None, first_year, first_year + 10);
    let model = catalog.get(&group.model).unwrap();
    let life = model
        .service_life()
        .in_unit(coolplan::units::TimeUnit::year);
    assert_eq!(generations[0].installed, first_year);
    assert_eq!(f64::from(generations[0].retires - first_year), life.round());
    // the fields a user adds survive save and load, and an old file saved stays without them
    let text = to_canonical_string(site).unwrap();
    assert!(!text.contains("installed") && !text.contains("refresh"));
    let with_life = text.replacen(
        "status: Stock,",
        "status: Stock,\n installed: Some(2021), service_life: Some(year(4)), refresh: Some(Retire),",
        1,
    );
    let again = coolplan::io::load_str(&with_life, "life.ron").unwrap().site;
    let text = to_canonical_string(&again).unwrap();
    for field in [
        "installed: Some(2021),",
        "service_life: Some(year(4)),",
        "refresh: Some(Retire),",
    ] {
        assert!(text.contains(field), "{field} in {text}");
    }
    assert_eq!(
        coolplan::io::load_str(&text, "again.ron").unwrap().site,
        again
    );
}
