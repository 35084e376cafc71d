//! The CSV writer: one row per rack group per option with every numeric result, in stable
//! machine column names (English, snake_case, unit in the name) so spreadsheets and scripts
//! can rely on them. Numbers are written in full precision (shortest round-trip form).
//!
//! Owns: CSV bytes. Never touches: files, the clock, wording.

use coolplan_engine::{CoolingOption, CostItem, OptionResult, Results};
use uom::si::{area, areal_mass_density, energy, mass, power, time, volume, volume_rate};

/// Every CAPEX item, in column order.
const COST_ITEMS: [CostItem; 17] = CostItem::ALL;

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
        "coolant_flow_l_per_min",
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

fn num(value: f64) -> String {
    if value.is_finite() {
        format!("{value}")
    } else {
        String::new()
    }
}

fn opt(value: Option<f64>) -> String {
    value.map_or_else(String::new, num)
}

/// The numeric columns of one option.
fn option_cells(o: &OptionResult, irr: Option<f64>) -> Vec<String> {
    let (t, e, c) = (&o.thermal, &o.energy, &o.cost);
    let mut cells = vec![
        num(t.it_design.get::<power::kilowatt>()),
        num(t.it_avg.get::<power::kilowatt>()),
        num(t.fan_power_removed.get::<power::kilowatt>()),
        num(t.compute_design.get::<power::kilowatt>()),
        num(t.heat_to_liquid.get::<power::kilowatt>()),
        num(t.heat_to_air.get::<power::kilowatt>()),
        num(t.coolant_flow.get::<volume_rate::liter_per_minute>()),
        opt(t
            .loop_supply
            .map(|s| s.get::<uom::si::thermodynamic_temperature::degree_celsius>())),
        t.cdu_count.to_string(),
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

/// One row per rack group per option.
pub fn render(results: &Results) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header())?;
    for (g, rack) in results.racks.iter().enumerate() {
        let hall = results.halls.get(rack.hall).map_or("", |h| h.name.as_str());
        // the column `recommended` marks the group's option in the recommended plan
        let planned = results.plan.groups.get(g).and_then(|c| c.option);
        for option in CoolingOption::ALL {
            let o = rack.scope.option(option);
            let mut record = vec![
                hall.to_string(),
                rack.scope.name.clone(),
                rack.count.to_string(),
                num(rack.per_rack_design.get::<power::kilowatt>()),
                option.key().to_string(),
                o.feasible.to_string(),
                (planned == Some(option)).to_string(),
                results.currency.code().to_string(),
            ];
            record.extend(option_cells(o, rack.scope.irr(option)));
            writer.write_record(&record)?;
        }
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
}
