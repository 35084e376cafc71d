//! EPW weather files and climate resolution: a small file written by the test parses, a
//! malformed one errors with its line number, and `io::climate::resolve` handles presets,
//! monthly normals and EPW paths relative to the site file.

use coolplan::i18n::Say;
use std::fmt::Write as _;

use crate::support::*;
use coolplan::io::climate::{ClimateError, resolve};
use coolplan::io::epw::{parse_epw, read_epw};
use coolplan::model::ClimateSource;
use coolplan::model::climate::MonthlyNormals;
use coolplan::units::build::deg_c;
use uom::si::thermodynamic_temperature::degree_celsius;
use uom::si::time::hour;

const HEADER: &str = "\
LOCATION,Beijing,Beijing,CHN,CSWD,545110,39.80,116.47,8.0,31.3
DESIGN CONDITIONS,0
TYPICAL/EXTREME PERIODS,0
GROUND TEMPERATURES,0
HOLIDAYS/DAYLIGHT SAVINGS,No,0,0,0
COMMENTS 1,written by coolplan tests
COMMENTS 2,
DATA PERIODS,1,1,Data,Sunday, 1/ 1,12/31
";

/// `days` days from `month` (1-based) 1st, dry bulb 10 + hour/2 °C, dew point 0 °C, RH 50 %.
fn epw_text(month: u32, days: u32) -> String {
    let mut text = HEADER.to_string();
    for day in 1..=days {
        for h in 1..=24u32 {
            let t = 10.0 + f64::from(h) / 2.0;
            writeln!(
                text,
                "1999,{month},{day},{h},60,A7A7A7A7*0?9?9?9?9?9?9?9A7A7A7A7A7A7*0E8*0*0,{t:.1},0.0,50,101300"
            )
            .unwrap();
        }
    }
    text
}

#[test]
fn a_small_epw_written_by_the_test_parses() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("three-days.epw");
    std::fs::write(&path, epw_text(7, 3)).unwrap();
    let epw = read_epw(&path).unwrap();
    assert_eq!(epw.location, "Beijing, Beijing, CHN");
    // 3 days × 24 h = 72 records, all in July (month index 6).
    assert_eq!(epw.records.len(), 72);
    assert!(epw.records.iter().all(|r| r.month == 6 && r.hours == 1.0));
    // Hour 1: 10 + 0.5 = 10.5 °C; hour 24: 10 + 12 = 22 °C.
    assert_eq!(epw.records[0].dry_bulb_c, 10.5);
    assert_eq!(epw.records[23].dry_bulb_c, 22.0);
    let bins = coolplan::engine::climate::bins_from_hourly(&epw.records);
    // Dry bulbs 10.5 … 22.0 in 0.5 K steps fall in the 1 K steps 10 … 22: 13 bins;
    // the 10 K bin holds 10.5 only (hour 1), 3 days → 3 h.
    assert_eq!(bins.len(), 13);
    assert_eq!(bins[0].hours.get::<hour>(), 3.0);
    assert!((bins[0].dry_bulb.get::<degree_celsius>() - 10.5).abs() < 1e-9);
    let total: f64 = bins.iter().map(|b| b.hours.get::<hour>()).sum();
    assert_eq!(total, 72.0);
}

#[test]
fn a_malformed_epw_errors_with_its_line_number() {
    let mut text = epw_text(1, 1);
    // Line 8 header + record of hour 5 is line 13: break its dry bulb.
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines[12] = lines[12].replace(",12.5,", ",warm,");
    text = lines.join("\n");
    let err = parse_epw(&text, "bad.epw").unwrap_err();
    assert_eq!(err.line(), Some(13));
    let message = err.say(coolplan::i18n::Lang::En);
    assert!(message.starts_with("bad.epw:13:"), "{message}");
    assert!(message.contains("dry bulb"), "{message}");
    // The same error in Chinese names the line and the column.
    let zh = err.say(coolplan::i18n::Lang::Zh);
    assert!(
        zh.starts_with("bad.epw:13:") && zh.contains("第 7 列"),
        "{zh}"
    );

    // A short record (5 fields) is reported with its line.
    let short = format!("{HEADER}1999,1,1,1,60\n");
    assert_eq!(parse_epw(&short, "short.epw").unwrap_err().line(), Some(9));
    // A missing header line.
    let headless = epw_text(1, 1).replacen("DESIGN CONDITIONS", "DESIGN", 1);
    assert_eq!(parse_epw(&headless, "h.epw").unwrap_err().line(), Some(2));
    // Month 13.
    let month = epw_text(1, 1).replacen("1999,1,1,1,", "1999,13,1,1,", 1);
    assert_eq!(parse_epw(&month, "m.epw").unwrap_err().line(), Some(9));
}

#[test]
fn missing_rh_is_derived_from_the_dew_point() {
    // RH 999 = missing: 10.5 °C with dew point 0 °C → Magnus exp(−17.625·10.5/253.54) ≈ 48 %.
    let text = epw_text(1, 1).replacen(",10.5,0.0,50,", ",10.5,0.0,999,", 1);
    let epw = parse_epw(&text, "rh.epw").unwrap();
    let rh = epw.records[0].relative_humidity;
    assert!((45.0..50.0).contains(&rh), "{rh}");
}

#[test]
fn resolve_reads_presets_normals_and_epw_paths() {
    let mut s = site(vec![]);
    assert_eq!(
        resolve(&s, None).unwrap().total_hours().get::<hour>(),
        8760.0
    );

    s.location.climate = ClimateSource::Preset("atlantis".into());
    let err = resolve(&s, None).unwrap_err();
    assert!(matches!(err, ClimateError::UnknownPreset { .. }));
    assert!(err.say(coolplan::i18n::Lang::En).contains("beijing"));
    assert!(err.say(coolplan::i18n::Lang::Zh).contains("未知的气候预设"));

    s.location.climate = ClimateSource::Monthly(MonthlyNormals {
        source: "test".into(),
        daily_max: vec![deg_c(20.0); 12],
        daily_min: vec![deg_c(10.0); 12],
        relative_humidity: vec![60.0; 12],
    });
    let climate = resolve(&s, None).unwrap();
    assert_eq!(climate.bins.len(), 288);

    // A whole year of hourly records resolves relative to the site's folder; a few days do not.
    let dir = tempfile::tempdir().unwrap();
    let mut year = HEADER.to_string();
    for (m, days) in [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        .iter()
        .enumerate()
    {
        let part = epw_text(m as u32 + 1, *days);
        year.push_str(part.split_once("12/31\n").unwrap().1);
    }
    std::fs::write(dir.path().join("year.epw"), year).unwrap();
    std::fs::write(dir.path().join("days.epw"), epw_text(1, 3)).unwrap();
    s.location.climate = ClimateSource::Epw("year.epw".into());
    let climate = resolve(&s, Some(dir.path())).unwrap();
    assert_eq!(climate.total_hours().get::<hour>(), 8760.0);
    s.location.climate = ClimateSource::Epw("days.epw".into());
    assert!(matches!(
        resolve(&s, Some(dir.path())).unwrap_err(),
        ClimateError::PartialYear { .. }
    ));
    s.location.climate = ClimateSource::Epw("absent.epw".into());
    assert!(matches!(
        resolve(&s, Some(dir.path())).unwrap_err(),
        ClimateError::Epw(_)
    ));
}
