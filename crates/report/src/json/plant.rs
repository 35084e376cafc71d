//! The JSON of a hall's plant (`halls[].plant` in `docs/report-json.md`): the calibration of
//! its measured PUE, and per option its energy by part, the liquid path's design day, the air
//! side (heat and airflow against the air plant) and the electrical headroom.

use serde::Serialize;

use super::{ByOption, kw, mwh, num};
use coolplan_engine::physical::air::AirSide;
use coolplan_engine::physical::headroom::Headroom;
use coolplan_engine::{CoolingOption, HallPlant, ScopeResult};
use coolplan_model::CalibrationSplit;
use coolplan_units::format::UnitSystem;
use coolplan_words::Lang;
use coolplan_words::results as words;

/// A hall's plant: the calibration of its measured PUE, and per option its energy by part
/// and the liquid path's design day.
#[derive(Serialize)]
pub struct PlantDoc {
    pub calibration: Option<CalibrationDoc>,
    pub water_extension: Option<WaterExtensionDoc>,
    /// One entry per option that applies in the hall, keyed `air`, `cold_plate`, …
    #[serde(flatten)]
    pub options: ByOption<PlantOptionDoc>,
}

#[derive(Serialize)]
pub struct CalibrationDoc {
    pub split: &'static str,
    pub measured_pue: Option<f64>,
    pub model_pue: Option<f64>,
    pub excess_fixed: Option<f64>,
    pub excess_proportional: Option<f64>,
    pub factor_fixed: Option<f64>,
    pub factor_proportional: Option<f64>,
    pub reproduced: bool,
    pub text: String,
}

#[derive(Serialize)]
pub struct PlantOptionDoc {
    pub energy_mwh_per_year: PlantEnergyDoc,
    pub design_day: Option<DesignDayDoc>,
    pub air_side: AirSideDoc,
    pub electrical: ElectricalDoc,
}

/// The facility-water extension a hall without water needs (an enabling work); its CAPEX is
/// the `facility_water_extension` item of each liquid option.
#[derive(Serialize)]
pub struct WaterExtensionDoc {
    pub supply_c: Option<f64>,
    pub lead_time_weeks: Option<f64>,
}

/// Heat on air and the airflow it needs, against the hall's air plant.
#[derive(Serialize)]
pub struct AirSideDoc {
    pub heat_to_air_kw: Option<f64>,
    pub airflow_m3_per_h: Option<f64>,
    pub airflow_cfm: Option<f64>,
    pub capacity_kw: Option<f64>,
    pub airflow_capacity_m3_per_h: Option<f64>,
    pub airflow_capacity_cfm: Option<f64>,
    pub air_rise_k: Option<f64>,
    pub exceeded: bool,
}

/// IT the hall's facility feed carries under the option, and the headroom.
#[derive(Serialize)]
pub struct ElectricalDoc {
    pub it_capacity_kw: Option<f64>,
    pub capacity_given: bool,
    pub feed_kw: Option<f64>,
    pub pue: Option<f64>,
    pub it_max_kw: Option<f64>,
    pub it_design_kw: Option<f64>,
    pub fan_power_removed_kw: Option<f64>,
    pub headroom_kw: Option<f64>,
}

fn air_side_doc(side: &AirSide) -> AirSideDoc {
    use uom::si::volume_rate::{cubic_foot_per_minute, cubic_meter_per_hour};
    AirSideDoc {
        heat_to_air_kw: num(kw(side.heat_to_air)),
        airflow_m3_per_h: num(side.airflow.get::<cubic_meter_per_hour>()),
        airflow_cfm: num(side.airflow.get::<cubic_foot_per_minute>()),
        capacity_kw: num(kw(side.capacity)),
        airflow_capacity_m3_per_h: num(side.airflow_capacity.get::<cubic_meter_per_hour>()),
        airflow_capacity_cfm: num(side.airflow_capacity.get::<cubic_foot_per_minute>()),
        air_rise_k: num(side.air_rise.get::<uom::si::temperature_interval::kelvin>()),
        exceeded: side.exceeded(),
    }
}

fn electrical_doc(h: &Headroom) -> ElectricalDoc {
    ElectricalDoc {
        it_capacity_kw: num(kw(h.it_capacity)),
        capacity_given: h.capacity_given,
        feed_kw: num(kw(h.feed)),
        pue: num(h.pue),
        it_max_kw: num(kw(h.it_max)),
        it_design_kw: num(kw(h.it_design)),
        fan_power_removed_kw: num(kw(h.fan_power_removed)),
        headroom_kw: num(kw(h.headroom)),
    }
}

#[derive(Serialize)]
pub struct PlantEnergyDoc {
    pub ups: Option<f64>,
    pub distribution: Option<f64>,
    pub lighting: Option<f64>,
    pub ancillary: Option<f64>,
    pub fans: Option<f64>,
    pub compressors: Option<f64>,
    pub heat_rejection: Option<f64>,
    pub pumps: Option<f64>,
    pub liquid_pumps: Option<f64>,
    pub dry_cooler_fans: Option<f64>,
    pub l2a_fans: Option<f64>,
    pub trim_chiller: Option<f64>,
    pub fixed: Option<f64>,
}

#[derive(Serialize)]
pub struct DesignDayDoc {
    pub dry_bulb_c: Option<f64>,
    pub wet_bulb_c: Option<f64>,
    pub cooler_leaving_c: Option<f64>,
    pub supply_c: Option<f64>,
    pub holds_supply: bool,
    pub trim_capacity_kw: Option<f64>,
    pub trim_cop: Option<f64>,
    pub trim_hours_per_year: Option<f64>,
    pub trim_energy_mwh_per_year: Option<f64>,
    pub text: String,
}

/// The plant of a hall whose results are `hall`: its applying options only.
pub fn plant_doc(plant: &HallPlant, hall: &ScopeResult, lang: Lang) -> PlantDoc {
    let option = |o: CoolingOption| {
        let e = &plant.energy[o.index()];
        let m = |energy| num(mwh(energy));
        PlantOptionDoc {
            energy_mwh_per_year: PlantEnergyDoc {
                ups: m(e.ups),
                distribution: m(e.distribution),
                lighting: m(e.lighting),
                ancillary: m(e.ancillary),
                fans: m(e.fans),
                compressors: m(e.compressors),
                heat_rejection: m(e.heat_rejection),
                pumps: m(e.pumps),
                liquid_pumps: m(e.liquid_pumps),
                dry_cooler_fans: m(e.dry_cooler_fans),
                l2a_fans: m(e.l2a_fans),
                trim_chiller: m(e.trim_chiller),
                fixed: m(e.fixed),
            },
            design_day: plant.design_day[o.index()].map(|d| {
                let c = |t: uom::si::f64::ThermodynamicTemperature| {
                    num(t.get::<uom::si::thermodynamic_temperature::degree_celsius>())
                };
                DesignDayDoc {
                    dry_bulb_c: c(d.dry_bulb),
                    wet_bulb_c: c(d.wet_bulb),
                    cooler_leaving_c: c(d.cooler_leaving),
                    supply_c: c(d.supply),
                    holds_supply: d.holds_supply,
                    trim_capacity_kw: num(kw(d.trim_capacity)),
                    trim_cop: d.trim_cop.and_then(num),
                    trim_hours_per_year: num(d.trim_hours.get::<uom::si::time::hour>()),
                    trim_energy_mwh_per_year: m(d.trim_energy),
                    text: words::plant::design_day(o, &d, lang, UnitSystem::Si),
                }
            }),
            air_side: air_side_doc(&plant.air_side[o.index()]),
            electrical: electrical_doc(&plant.electrical[o.index()]),
        }
    };
    PlantDoc {
        water_extension: plant.water_extension.map(|e| WaterExtensionDoc {
            supply_c: num(e
                .supply
                .get::<uom::si::thermodynamic_temperature::degree_celsius>()),
            lead_time_weeks: num(e.lead_time.get::<uom::si::time::day>() / 7.0),
        }),
        calibration: plant.calibration.map(|c| CalibrationDoc {
            split: match c.split {
                CalibrationSplit::Uniform => "uniform",
                CalibrationSplit::Fixed => "fixed",
                CalibrationSplit::Proportional => "proportional",
            },
            measured_pue: num(c.measured_pue),
            model_pue: num(c.model_pue),
            excess_fixed: num(c.excess_fixed),
            excess_proportional: num(c.excess_proportional),
            factor_fixed: num(c.factor_fixed),
            factor_proportional: num(c.factor_proportional),
            reproduced: c.reproduced,
            text: words::plant::calibration(&c, lang),
        }),
        options: ByOption::shown(hall, option),
    }
}
