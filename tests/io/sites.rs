//! The example sites: each passes `check`, is byte-canonical (so `fmt` is idempotent on it),
//! and the fleet site holds the seed reconstruction's inputs exactly.

use std::fs;

use coolplan::io::{load_site, load_str, to_canonical_string};
use coolplan::model::Status;
use coolplan::units::PowerUnit;

fn site_files() -> Vec<std::path::PathBuf> {
    let dir = format!("{}/sites", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

#[test]
fn the_three_examples_exist() {
    let names: Vec<String> = site_files()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    for name in ["ai-hall.ron", "china-fleet.ron", "enterprise-room.ron"] {
        assert!(names.contains(&name.to_string()), "{names:?}");
    }
}

#[test]
fn every_site_passes_check_without_warnings() {
    for path in site_files() {
        let loaded = load_site(&path).unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
        assert!(
            loaded.warnings.is_empty(),
            "{}: {:?}",
            path.display(),
            loaded.warnings
        );
        assert!(
            !loaded.has_comments,
            "{}: keep remarks in notes",
            path.display()
        );
        assert!(
            !loaded.site.notes.is_empty(),
            "{}: notes teach the format",
            path.display()
        );
    }
}

#[test]
fn every_site_is_canonical_and_fmt_is_idempotent() {
    for path in site_files() {
        let text = fs::read_to_string(&path).unwrap();
        let once = to_canonical_string(&load_str(&text, "a").unwrap().site).unwrap();
        assert_eq!(once, text, "{} is not canonical", path.display());
        let twice = to_canonical_string(&load_str(&once, "b").unwrap().site).unwrap();
        assert_eq!(twice, once);
    }
}

#[test]
fn the_fleet_site_reproduces_the_seed_inputs() {
    let path = format!("{}/sites/china-fleet.ron", env!("CARGO_MANIFEST_DIR"));
    let site = load_site(path).unwrap().site;
    let catalog = site.catalog();
    let kw = |id: &str| catalog.get(id).unwrap().max_power.in_unit(PowerUnit::kW);
    let price = site.assumptions.prices.cold_plate_stock_per_kw.unwrap();
    assert_eq!(price.amount_per(PowerUnit::kW), 6500.0);
    assert_eq!(
        site.assumptions
            .prices
            .cold_plate_new_per_kw
            .unwrap()
            .amount_per(PowerUnit::kW),
        6500.0
    );
    assert_eq!(
        site.assumptions
            .prices
            .immersion_stock_per_kw
            .unwrap()
            .amount_per(PowerUnit::kW),
        12000.0
    );
    assert_eq!(
        site.assumptions
            .prices
            .immersion_new_per_kw
            .unwrap()
            .amount_per(PowerUnit::kW),
        12000.0
    );
    let stock = &site.halls[0].racks[0];
    let new = &site.halls[1].racks[0];
    assert_eq!(stock.servers[0].status, Status::Stock);
    assert_eq!(new.servers[0].status, Status::New(2027));
    // 2,000,000 racks × 10 = 20,000,000 servers × 0.8 kW × 0.8 × 6,500 CNY/kW = 83.2e9 CNY
    let stock_servers = stock.count * u64::from(stock.servers[0].count);
    assert_eq!(stock_servers, 20_000_000);
    let stock_cny = stock_servers as f64 * kw(&stock.servers[0].model) * stock.share() * 6500.0;
    assert!((stock_cny - 83.2e9).abs() < 1.0, "{stock_cny}");
    // 100,000 racks × 4 = 400,000 servers × 10 kW × 1.0 × 6,500 CNY/kW = 26.0e9 CNY
    let new_servers = new.count * u64::from(new.servers[0].count);
    assert_eq!(new_servers, 400_000);
    let new_cny = new_servers as f64 * kw(&new.servers[0].model) * new.share() * 6500.0;
    assert!((new_cny - 26.0e9).abs() < 1.0, "{new_cny}");
}

/// Every unit tag of `units::kinds` appears in the table of docs/site-format.md.
#[test]
fn the_format_doc_lists_every_unit() {
    let doc = fs::read_to_string(format!(
        "{}/docs/site-format.md",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    fn tags<U: UnitKind>() -> Vec<(&'static str, &'static str)> {
        U::ALL.iter().map(|u| (U::KIND, u.tag())).collect()
    }
    use coolplan::units::*;
    let all = [
        tags::<PowerUnit>(),
        tags::<TemperatureUnit>(),
        tags::<TempDiffUnit>(),
        tags::<FlowUnit>(),
        tags::<PressureUnit>(),
        tags::<AreaUnit>(),
        tags::<MassUnit>(),
        tags::<FloorLoadUnit>(),
        tags::<EnergyUnit>(),
        tags::<LengthUnit>(),
        tags::<VolumeUnit>(),
        tags::<DensityUnit>(),
        tags::<SpecificHeatUnit>(),
        tags::<TimeUnit>(),
        tags::<EmissionFactorUnit>(),
        tags::<WaterIntensityUnit>(),
        tags::<PowerDensityUnit>(),
    ];
    for (kind, tag) in all.iter().flatten() {
        let row = format!("| `{tag}` |");
        let found = doc.lines().any(|l| l.starts_with(&row) && l.contains(kind));
        assert!(found, "docs/site-format.md lacks a row `{row} … {kind} …`");
    }
}
