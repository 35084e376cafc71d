//! The JSON report (`coolplan report <site.ron> --format json`): a stable document of the
//! site totals, halls and rack groups per option, described field by field in
//! `docs/report-json.md`. Keys keep the declaration order of the structs below; numbers that
//! are undefined (no payback, no IRR) or not finite are `null`. Money is in the site's currency.

use std::collections::BTreeMap;

use serde::Serialize;

use coolplan_engine::{
    CoolingOption, CostItem, HallPlant, OptionResult, Reason, Recommendation, Results, ScopeResult,
};
use coolplan_model::CalibrationSplit;
use coolplan_units::format::UnitSystem;
use coolplan_words::Lang;
use coolplan_words::results as words;

/// Version of the document layout; raised when a field changes meaning or is removed.
pub const FORMAT_VERSION: u32 = 1;

/// The JSON text of `results` for the site named `site`, reasons worded in `lang`.
pub fn to_json(site: &str, results: &Results, lang: Lang) -> String {
    let document = document(site, results, lang);
    // Invariant: every field is a string, number, bool, null, array or string-keyed map,
    // which serde_json always serialises.
    serde_json::to_string_pretty(&document).expect("report document serialises")
}

/// The document as a serde value tree (for tests and other writers).
pub fn document<'a>(site: &'a str, results: &'a Results, lang: Lang) -> Document<'a> {
    let hall_name = |i: usize| results.halls.get(i).map_or("", |h| h.name.as_str());
    Document {
        format_version: FORMAT_VERSION,
        site,
        currency: results.currency.code(),
        horizon_years: results.horizon_years,
        discount_rate: num(results.discount_rate),
        first_year: results.first_year,
        recommended: results.site.recommendation.option.map(CoolingOption::key),
        reasons: reasons(&results.site.recommendation, &results.site, lang),
        options: options(&results.site, lang),
        mixed_plan: MixedPlanDoc {
            choices: results
                .mixed_plan
                .choices
                .iter()
                .map(|c| c.map(CoolingOption::key))
                .collect(),
            capex: num(results.mixed_plan.capex.amount),
            opex_per_year: num(results.mixed_plan.opex_per_year.amount),
            npv_vs_air: num(results.mixed_plan.npv_vs_air.amount),
            pue: num(results.mixed_plan.pue),
            facility_energy_mwh_per_year: num(mwh(results.mixed_plan.facility_energy)),
        },
        halls: results
            .halls
            .iter()
            .zip(&results.plant)
            .map(|(hall, plant)| HallDoc {
                name: &hall.name,
                recommended: hall.recommendation.option.map(CoolingOption::key),
                reasons: reasons(&hall.recommendation, hall, lang),
                options: options(hall, lang),
                plant: plant_doc(plant, lang),
            })
            .collect(),
        racks: results
            .racks
            .iter()
            .map(|rack| RackDoc {
                name: &rack.scope.name,
                hall: hall_name(rack.hall),
                count: rack.count,
                per_rack_design_kw: num(kw(rack.per_rack_design)),
                recommended: rack.scope.recommendation.option.map(CoolingOption::key),
                reasons: reasons(&rack.scope.recommendation, &rack.scope, lang),
                options: options(&rack.scope, lang),
            })
            .collect(),
    }
}

#[derive(Serialize)]
pub struct Document<'a> {
    pub format_version: u32,
    pub site: &'a str,
    pub currency: &'static str,
    pub horizon_years: u32,
    pub discount_rate: Option<f64>,
    pub first_year: u16,
    pub recommended: Option<&'static str>,
    pub reasons: Vec<ReasonDoc>,
    pub options: Options,
    pub mixed_plan: MixedPlanDoc,
    pub halls: Vec<HallDoc<'a>>,
    pub racks: Vec<RackDoc<'a>>,
}

#[derive(Serialize)]
pub struct MixedPlanDoc {
    pub choices: Vec<Option<&'static str>>,
    pub capex: Option<f64>,
    pub opex_per_year: Option<f64>,
    pub npv_vs_air: Option<f64>,
    pub pue: Option<f64>,
    pub facility_energy_mwh_per_year: Option<f64>,
}

#[derive(Serialize)]
pub struct HallDoc<'a> {
    pub name: &'a str,
    pub recommended: Option<&'static str>,
    pub reasons: Vec<ReasonDoc>,
    pub options: Options,
    pub plant: PlantDoc,
}

/// A hall's plant: the calibration of its measured PUE, and per option its energy by part
/// and the liquid path's design day.
#[derive(Serialize)]
pub struct PlantDoc {
    pub calibration: Option<CalibrationDoc>,
    pub air: PlantOptionDoc,
    pub cold_plate: PlantOptionDoc,
    pub immersion: PlantOptionDoc,
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

#[derive(Serialize)]
pub struct RackDoc<'a> {
    pub name: &'a str,
    pub hall: &'a str,
    pub count: u64,
    pub per_rack_design_kw: Option<f64>,
    pub recommended: Option<&'static str>,
    pub reasons: Vec<ReasonDoc>,
    pub options: Options,
}

/// The three options, always all present.
#[derive(Serialize)]
pub struct Options {
    pub air: OptionDoc,
    pub cold_plate: OptionDoc,
    pub immersion: OptionDoc,
}

/// A reason: a stable `kind` for programs and its `text` in the report's language.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct ReasonDoc {
    pub kind: &'static str,
    pub text: String,
}

#[derive(Serialize)]
pub struct OptionDoc {
    pub feasible: bool,
    pub infeasible_reasons: Vec<ReasonDoc>,
    pub warnings: Vec<ReasonDoc>,
    pub it_design_kw: Option<f64>,
    pub it_avg_kw: Option<f64>,
    pub fan_power_removed_kw: Option<f64>,
    pub heat_to_liquid_kw: Option<f64>,
    pub heat_to_air_kw: Option<f64>,
    pub coolant_flow_l_per_min: Option<f64>,
    pub cdu_count: u64,
    pub tank_count: u64,
    pub fluid_volume_l: Option<f64>,
    pub floor_load_kg_per_m2: Option<f64>,
    pub floor_area_m2: Option<f64>,
    pub pue: Option<f64>,
    pub tue: Option<f64>,
    pub it_energy_mwh_per_year: Option<f64>,
    pub facility_energy_mwh_per_year: Option<f64>,
    pub water_m3_per_year: Option<f64>,
    pub co2_t_per_year: Option<f64>,
    pub capex: Option<f64>,
    pub capex_breakdown: BTreeMap<&'static str, Option<f64>>,
    pub opex_per_year: Option<f64>,
    pub energy_cost_per_year: Option<f64>,
    pub npv_vs_air: Option<f64>,
    pub simple_payback_years: Option<f64>,
    pub discounted_payback_years: Option<f64>,
    pub irr: Option<f64>,
    pub tco_per_kw_year: Option<f64>,
    pub cash_flows: Vec<Option<f64>>,
}

/// A finite number, else `None` (JSON null).
fn num(value: f64) -> Option<f64> {
    value.is_finite().then_some(value)
}

fn kw(power: uom::si::f64::Power) -> f64 {
    power.get::<uom::si::power::kilowatt>()
}

fn mwh(energy: uom::si::f64::Energy) -> f64 {
    energy.get::<uom::si::energy::megawatt_hour>()
}

fn options(scope: &ScopeResult, lang: Lang) -> Options {
    let doc = |o: CoolingOption| option(scope.option(o), scope.irr(o), lang);
    Options {
        air: doc(CoolingOption::Air),
        cold_plate: doc(CoolingOption::ColdPlate),
        immersion: doc(CoolingOption::Immersion),
    }
}

fn option(result: &OptionResult, irr: Option<f64>, lang: Lang) -> OptionDoc {
    use uom::si::{
        area::square_meter,
        areal_mass_density::kilogram_per_square_meter,
        mass::ton,
        volume::{cubic_meter, liter},
        volume_rate::liter_per_minute,
    };
    let t = &result.thermal;
    let e = &result.energy;
    let c = &result.cost;
    let worded = |list: &[Reason]| {
        list.iter()
            .map(|r| reason_doc(r, Some(result.option), lang))
            .collect()
    };
    OptionDoc {
        feasible: result.feasible,
        infeasible_reasons: worded(&result.infeasible_reasons),
        warnings: worded(&result.warnings),
        it_design_kw: num(kw(t.it_design)),
        it_avg_kw: num(kw(t.it_avg)),
        fan_power_removed_kw: num(kw(t.fan_power_removed)),
        heat_to_liquid_kw: num(kw(t.heat_to_liquid)),
        heat_to_air_kw: num(kw(t.heat_to_air)),
        coolant_flow_l_per_min: num(t.coolant_flow.get::<liter_per_minute>()),
        cdu_count: t.cdu_count,
        tank_count: t.tank_count,
        fluid_volume_l: num(t.fluid_volume.get::<liter>()),
        floor_load_kg_per_m2: num(t.floor_load.get::<kilogram_per_square_meter>()),
        floor_area_m2: num(t.floor_area.get::<square_meter>()),
        pue: num(e.pue),
        tue: num(e.tue),
        it_energy_mwh_per_year: num(mwh(e.it_energy)),
        facility_energy_mwh_per_year: num(mwh(e.facility_energy)),
        water_m3_per_year: num(e.water.get::<cubic_meter>()),
        co2_t_per_year: num(e.co2.get::<ton>()),
        capex: num(c.capex.amount),
        capex_breakdown: c
            .capex_breakdown
            .iter()
            .map(|(item, amount)| (item_key(*item), num(amount.amount)))
            .collect(),
        opex_per_year: num(c.opex_per_year.amount),
        energy_cost_per_year: num(c.energy_cost_per_year.amount),
        npv_vs_air: num(c.npv_vs_air.amount),
        simple_payback_years: c.simple_payback_years.and_then(num),
        discounted_payback_years: c.discounted_payback_years.and_then(num),
        irr: irr.and_then(num),
        tco_per_kw_year: num(c.tco_per_kw_year.amount),
        cash_flows: c.cash_flows.iter().map(|m| num(m.amount)).collect(),
    }
}

fn plant_doc(plant: &HallPlant, lang: Lang) -> PlantDoc {
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
        }
    };
    PlantDoc {
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
        air: option(CoolingOption::Air),
        cold_plate: option(CoolingOption::ColdPlate),
        immersion: option(CoolingOption::Immersion),
    }
}

/// The recommendation's reasons; when nothing is feasible, a leading `nothing_feasible`.
fn reasons(recommendation: &Recommendation, scope: &ScopeResult, lang: Lang) -> Vec<ReasonDoc> {
    let mut out = Vec::new();
    if recommendation.option.is_none() {
        out.push(ReasonDoc {
            kind: "nothing_feasible",
            text: coolplan_words::Text::tr(coolplan_words::results::Words::NothingFeasible, lang)
                .into(),
        });
    }
    for reason in &recommendation.reasons {
        out.push(reason_doc(reason, reason_option(reason, scope), lang));
    }
    out
}

/// The option an infeasibility reason belongs to in `scope` (for its wording).
fn reason_option(reason: &Reason, scope: &ScopeResult) -> Option<CoolingOption> {
    scope
        .options
        .iter()
        .find(|o| o.infeasible_reasons.contains(reason))
        .map(|o| o.option)
}

fn reason_doc(reason: &Reason, option: Option<CoolingOption>, lang: Lang) -> ReasonDoc {
    ReasonDoc {
        kind: reason_key(reason),
        text: words::reason(reason, option, lang, UnitSystem::Si),
    }
}

/// Stable key of a reason.
pub fn reason_key(reason: &Reason) -> &'static str {
    match reason {
        Reason::AirDensity { .. } => "air_density",
        Reason::AirCapacity { .. } => "air_capacity",
        Reason::FloorLoad { .. } => "floor_load",
        Reason::FloorSpace { .. } => "floor_space",
        Reason::NotImmersionCompatible { .. } => "not_immersion_compatible",
        Reason::ImmersionNeedsPrep { .. } => "immersion_needs_prep",
        Reason::NoColdPlateKit { .. } => "no_cold_plate_kit",
        Reason::FactoryOnly { .. } => "factory_only",
        Reason::RuledOut { .. } => "ruled_out",
        Reason::NoFacilityWater => "no_facility_water",
        Reason::WaterTooWarm { .. } => "water_too_warm",
        Reason::BestNpv { .. } => "best_npv",
        Reason::Payback { .. } => "payback",
        Reason::OnlyFeasible => "only_feasible",
        Reason::AirCheapest => "air_cheapest",
    }
}

/// Stable key of a CAPEX item.
pub fn item_key(item: CostItem) -> &'static str {
    match item {
        CostItem::PerKwStock => "per_kw_stock",
        CostItem::PerKwNew => "per_kw_new",
        CostItem::ColdPlateKits => "cold_plate_kits",
        CostItem::FactoryPremium => "factory_premium",
        CostItem::Manifolds => "manifolds",
        CostItem::Cdus => "cdus",
        CostItem::Piping => "piping",
        CostItem::Labour => "labour",
        CostItem::Downtime => "downtime",
        CostItem::Tanks => "tanks",
        CostItem::Fluid => "fluid",
        CostItem::ImmersionPrep => "immersion_prep",
        CostItem::FloorReinforcement => "floor_reinforcement",
        CostItem::AddedAirCapacity => "added_air_capacity",
        CostItem::TrimChiller => "trim_chiller",
        CostItem::Contingency => "contingency",
    }
}
