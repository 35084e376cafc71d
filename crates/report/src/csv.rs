//! The CSV writer: one row per option for the site, each hall and each rack group (column
//! `level`: `site`, `hall`, `rack_group`) with every numeric result, in stable machine column
//! names (English, snake_case, unit in the name) so spreadsheets and scripts can rely on
//! them. Numbers are written in full precision (shortest round-trip form), `-0` as `0`.
//!
//! Safe in a spreadsheet: a text cell (a name) that starts with `=`, `+`, `-`, `@`, a tab or
//! a carriage return, which a spreadsheet would evaluate as a formula, is written with a
//! leading apostrophe (`'=1+1`), the OWASP rule; numeric cells are never changed. A UTF-8
//! byte-order mark starts the file by default so Excel reads Chinese names right
//! ([`CsvOptions::bom`]). The format is described in `docs/report-json.md` (CSV section).
//!
//! Owns: CSV bytes. Never touches: files, the clock, wording.

use std::collections::HashMap;

use coolplan_engine::analysis::redundancy;
use coolplan_engine::{CoolingOption, CostItem, OptionResult, Results, ScopeResult};
use coolplan_model::Site;
use uom::si::{area, areal_mass_density, energy, mass, power, time, volume, volume_rate};

/// Every CAPEX item, in column order.
const COST_ITEMS: [CostItem; CostItem::ALL.len()] = CostItem::ALL;

/// Column name of a CAPEX item.
fn cost_item_key(item: CostItem) -> String {
    let name = format!("{item:?}");
    let mut key = String::from("capex_");
    for (i, ch) in name.chars().enumerate() {
        if ch.is_ascii_uppercase() && i > 0 {
            key.push('_');
        }
        key.push(ch.to_ascii_lowercase());
    }
    key
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The header row.
pub fn header() -> Vec<String> {
    let mut columns: Vec<String> = [
        "level",
        "hall",
        "rack_group",
        "count",
        "per_rack_design_kw",
        "option",
        "feasible",
        "recommended",
        "currency",
        "it_design_kw",
        "it_avg_kw",
        "fan_power_removed_kw",
        "compute_design_kw",
        "heat_to_liquid_kw",
        "heat_to_air_kw",
        "heat_to_door_kw",
        "door_count",
        "active_door_count",
        "coolant_flow_l_per_min",
        "air_flow_m3_per_h",
        "loop_supply_deg_c",
        "cdu_count",
        "tank_count",
        "fluid_volume_l",
        "fluid_mass_kg",
        "cold_plate_kits",
        "floor_load_kg_per_m2",
        "floor_area_m2",
        "pue",
        "tue",
        "it_energy_mwh_per_year",
        "facility_energy_mwh_per_year",
        "free_cooling_hours",
        "water_m3_per_year",
        "co2_t_per_year",
        "capex",
        "opex_per_year",
        "energy_cost_per_year",
        "npv_vs_air",
        "simple_payback_years",
        "discounted_payback_years",
        "irr",
        "tco_per_kw_year",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    columns.extend(COST_ITEMS.iter().map(|i| cost_item_key(*i)));
    columns.extend(MONTHS.iter().map(|m| format!("facility_energy_{m}_mwh")));
    columns
}

/// A number in shortest round-trip form; `-0` as `0`; empty when not finite.
fn num(value: f64) -> String {
    if value == 0.0 {
        "0".to_string()
    } else if value.is_finite() {
        format!("{value}")
    } else {
        String::new()
    }
}

/// A text cell a spreadsheet will not evaluate: a leading `=`, `+`, `-`, `@`, tab or CR gets
/// an apostrophe before it.
pub fn safe_text(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// Options of the CSV report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvOptions {
    /// Start with a UTF-8 byte-order mark (Excel then reads UTF-8); on by default.
    pub bom: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions { bom: true }
    }
}

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

fn opt(value: Option<f64>) -> String {
    value.map_or_else(String::new, num)
}

/// The numeric columns of one option; `cdus` replaces the thermal CDU count (a rack group's
/// is the number of CDUs its racks are assigned to).
fn option_cells(o: &OptionResult, irr: Option<f64>, cdus: u64) -> Vec<String> {
    let (t, e, c) = (&o.thermal, &o.energy, &o.cost);
    let mut cells = vec![
        num(t.it_design.get::<power::kilowatt>()),
        num(t.it_avg.get::<power::kilowatt>()),
        num(t.fan_power_removed.get::<power::kilowatt>()),
        num(t.compute_design.get::<power::kilowatt>()),
        num(t.heat_to_liquid.get::<power::kilowatt>()),
        num(t.heat_to_air.get::<power::kilowatt>()),
        num(t.heat_to_door.get::<power::kilowatt>()),
        t.door_count.to_string(),
        t.active_door_count.to_string(),
        num(t.coolant_flow.get::<volume_rate::liter_per_minute>()),
        num(t.air_flow.get::<volume_rate::cubic_meter_per_hour>()),
        opt(t
            .loop_supply
            .map(|s| s.get::<uom::si::thermodynamic_temperature::degree_celsius>())),
        cdus.to_string(),
        t.tank_count.to_string(),
        num(t.fluid_volume.get::<volume::liter>()),
        num(t.fluid_mass.get::<mass::kilogram>()),
        t.cold_plate_kits.to_string(),
        num(t
            .floor_load
            .get::<areal_mass_density::kilogram_per_square_meter>()),
        num(t.floor_area.get::<area::square_meter>()),
        num(e.pue),
        num(e.tue),
        num(e.it_energy.get::<energy::megawatt_hour>()),
        num(e.facility_energy.get::<energy::megawatt_hour>()),
        num(e.free_cooling_hours.get::<time::hour>()),
        num(e.water.get::<volume::cubic_meter>()),
        num(e.co2.get::<mass::kilogram>() / 1000.0),
        num(c.capex.amount),
        num(c.opex_per_year.amount),
        num(c.energy_cost_per_year.amount),
        num(c.npv_vs_air.amount),
        opt(c.simple_payback_years),
        opt(c.discounted_payback_years),
        opt(irr),
        num(c.tco_per_kw_year.amount),
    ];
    cells.extend(COST_ITEMS.iter().map(|item| {
        num(c
            .capex_breakdown
            .iter()
            .filter(|(i, _)| i == item)
            .map(|(_, m)| m.amount)
            .sum())
    }));
    cells.extend(
        e.monthly_facility_energy
            .iter()
            .map(|m| num(m.get::<energy::megawatt_hour>())),
    );
    cells
}

/// CDUs each rack group's racks are assigned to in the recommended plan, per hall, option and
/// group name (the whole-rack assignment the costs and the CDU N+1 check read).
fn group_cdus(site: &Site, results: &Results) -> HashMap<(String, CoolingOption, String), u64> {
    let mut counts = HashMap::new();
    for check in redundancy::site_checks(site, results) {
        for cdu in &check.cdus {
            for share in cdu.racks.iter().filter(|s| s.racks > 0) {
                *counts
                    .entry((check.hall.clone(), check.option, share.group.clone()))
                    .or_insert(0) += cdu.units;
            }
        }
    }
    counts
}

/// One row per option for the site, each hall and each rack group.
pub fn render(site: &Site, results: &Results, options: CsvOptions) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::new();
    if options.bom {
        out.extend_from_slice(BOM);
    }
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(header())?;
    let currency = results.currency.code();
    let racks_of = |hall: Option<usize>| -> u64 {
        results
            .racks
            .iter()
            .filter(|r| hall.is_none_or(|h| r.hall == h))
            .map(|r| r.count)
            .sum()
    };
    // the column `recommended` marks the option of the recommended plan: the group's option,
    // or the hall's or site's when every group there takes the same
    let mut scope_rows = |level: &str,
                          hall: &str,
                          group: &str,
                          count: u64,
                          per_rack_kw: String,
                          scope: &ScopeResult,
                          planned: Option<CoolingOption>,
                          cdus: &dyn Fn(CoolingOption) -> u64|
     -> Result<(), csv::Error> {
        for o in scope.shown() {
            let option = o.option;
            let mut record = vec![
                level.to_string(),
                safe_text(hall),
                safe_text(group),
                count.to_string(),
                per_rack_kw.clone(),
                option.key().to_string(),
                o.feasible.to_string(),
                (planned == Some(option)).to_string(),
                currency.to_string(),
            ];
            record.extend(option_cells(o, scope.irr(option), cdus(option)));
            writer.write_record(&record)?;
        }
        Ok(())
    };
    scope_rows(
        "site",
        "",
        "",
        racks_of(None),
        String::new(),
        &results.site,
        results.plan.uniform,
        &|o| results.site.option(o).thermal.cdu_count,
    )?;
    for (index, hall) in results.halls.iter().enumerate() {
        scope_rows(
            "hall",
            &hall.name,
            "",
            racks_of(Some(index)),
            String::new(),
            hall,
            results.plan.halls.get(index).and_then(|p| p.uniform),
            &|o| hall.option(o).thermal.cdu_count,
        )?;
    }
    let assigned = group_cdus(site, results);
    for (g, rack) in results.racks.iter().enumerate() {
        let hall = results.halls.get(rack.hall).map_or("", |h| h.name.as_str());
        let cdus = |option: CoolingOption| {
            assigned
                .get(&(hall.to_string(), option, rack.scope.name.clone()))
                .copied()
                .unwrap_or(0)
        };
        scope_rows(
            "rack_group",
            hall,
            &rack.scope.name,
            rack.count,
            num(rack.per_rack_design.get::<power::kilowatt>()),
            &rack.scope,
            results.plan.groups.get(g).and_then(|c| c.option),
            &cdus,
        )?;
    }
    writer
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cost_item_columns_are_snake_case() {
        assert_eq!(
            cost_item_key(CostItem::ColdPlateKits),
            "capex_cold_plate_kits"
        );
        assert_eq!(cost_item_key(CostItem::Cdus), "capex_cdus");
        let header = header();
        let mut unique = header.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), header.len(), "column names are unique");
    }

    #[test]
    fn formula_cells_are_neutralised_and_numbers_kept() {
        for (text, written) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1", "'+1"),
            ("-A1", "'-A1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("A1 数据大厅", "A1 数据大厅"),
        ] {
            assert_eq!(safe_text(text), written);
        }
        assert_eq!(num(-0.0), "0");
        assert_eq!(num(-12.5), "-12.5");
        assert_eq!(num(f64::NAN), "");
    }
}
