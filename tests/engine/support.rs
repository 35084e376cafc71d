//! Builders shared by the engine tests: a small site in code, evaluated on a preset climate.
#![allow(dead_code)]

use coolplan::engine::ClimateData;
use coolplan::engine::climate::presets;
use coolplan::engine::physical::{Physical, evaluate};
use coolplan::model::{
    Assumptions, ClimateSource, CostMode, FacilityWater, Floor, FloorKind, Hall, Location, Rack,
    ServerGroup, Site, Status, WaterClass,
};
use coolplan::units::Currency;
use coolplan::units::build::{deg_c, kg_per_m2, kw, m2, rack_units};

pub fn servers(model: &str, count: u32, status: Status) -> ServerGroup {
    ServerGroup::new(model, count, status)
}

pub fn rack(name: &str, count: u64, servers: Vec<ServerGroup>) -> Rack {
    Rack {
        name: name.into(),
        notes: String::new(),
        count,
        height: rack_units(42.0),
        position: None,
        retrofit_share: None,
        servers,
        measured: None,
        cooling: None,
    }
}

/// A hall on a TIA-942 recommended floor (1,221 kg/m²), W32 water at 30 °C, 2 MW of air.
pub fn hall(name: &str, racks: Vec<Rack>) -> Hall {
    Hall {
        facility_water: Some(FacilityWater {
            class: WaterClass::W32,
            supply_temp: deg_c(30.0),
            heat_rejection: None,
            capacity: None,
        }),
        racks,
        ..Hall::bare(
            name,
            Floor {
                kind: FloorKind::Raised,
                rating: kg_per_m2(1221.0),
            },
            m2(2000.0),
            kw(2000.0),
        )
    }
}

pub fn site(halls: Vec<Hall>) -> Site {
    Site {
        schema_version: 1,
        name: "test site".into(),
        notes: String::new(),
        currency: Currency::CNY,
        report_date: None,
        report_author: None,
        report_revision: None,
        location: Location {
            name: "Beijing".into(),
            climate: ClimateSource::Preset("beijing".into()),
        },
        cost_mode: CostMode::PerKw,
        assumptions: Assumptions::default(),
        catalog: Vec::new(),
        overrides: Vec::new(),
        halls,
        uncertainty: Vec::new(),
        compliance: None,
        heat_customer: None,
        refresh: None,
        cooling_options: None,
    }
}

pub fn climate(key: &str) -> ClimateData {
    presets::preset(key).expect("preset exists")
}

pub fn run(site: &Site, climate_key: &str) -> Physical {
    let resolved = site.assumptions.resolve(site.currency);
    evaluate(site, &site.catalog(), &resolved, &climate(climate_key))
}

/// Relative difference, 0 when both are 0.
pub fn rel(a: f64, b: f64) -> f64 {
    let scale = a.abs().max(b.abs());
    if scale == 0.0 {
        0.0
    } else {
        (a - b).abs() / scale
    }
}

/// An example site of `sites/` by file name, e.g. `"ai-hall"`.
pub fn example(name: &str) -> Site {
    let path = format!("{}/sites/{name}.ron", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    coolplan::io::parse_site(&text, &path).unwrap_or_else(|e| panic!("{e:?}"))
}

/// Index of hall 0's rack group `name`.
pub fn group_index(site: &Site, name: &str) -> usize {
    site.halls[0]
        .racks
        .iter()
        .position(|r| r.name == name)
        .unwrap_or_else(|| panic!("no group {name}"))
}
