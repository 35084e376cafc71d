//! The JSON report (`coolplan report <site.ron> --format json`): a stable document of the
//! recommended plan and of the site totals, halls and rack groups per option, described field
//! by field in `docs/report-json.md`. Keys keep the declaration order of the structs below; numbers that
//! are undefined (no payback, no IRR) or not finite are `null`. Money is in the site's currency.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::json_compliance;
use coolplan_engine::{
    CoolingOption, CostItem, HallPlan, OptionResult, Plan, PlanTotals, Reason, Recommendation,
    Results, ScopeResult, Why,
};
use coolplan_model::Site;
use coolplan_units::format::UnitSystem;
use coolplan_words::Lang;
use coolplan_words::results as words;
use coolplan_words::results::plan as plan_words;
use plant::{PlantDoc, plant_doc};
use works::WorkDoc;

pub mod lifecycle;
pub mod plant;
pub mod works;

/// Version of the document layout; raised when a field changes meaning or is removed.
/// 2: `recommended` is the plan's (`mixed` when groups differ); the best single option of a
/// scope moved to `best_single_option`; `plan` replaces `mixed_plan`.
/// 3: an option that does not apply in a scope is absent from its `options`, the hall's
/// `plant` and the KPI series (before, every option was always present).
pub const FORMAT_VERSION: u32 = 3;

/// The JSON text of `results` for the site named `site`, reasons worded in `lang`.
pub fn to_json(site: &str, results: &Results, lang: Lang) -> String {
    let document = document(site, results, lang);
    // Invariant: every field is a string, number, bool, null, array or string-keyed map,
    // which serde_json always serialises.
    serde_json::to_string_pretty(&document).expect("report document serialises")
}

/// The JSON text of `results` for `site`, with the site's compliance verdicts.
pub fn to_json_for_site(site: &Site, results: &Results, lang: Lang) -> String {
    let mut document = document(&site.name, results, lang);
    document.compliance = Some(json_compliance::compliance(site, results, lang));
    document.lifecycle = Some(lifecycle::lifecycle(
        site,
        results.first_year,
        results.horizon_years,
    ));
    // Invariant: as in `to_json`.
    serde_json::to_string_pretty(&document).expect("report document serialises")
}

/// The document as a serde value tree (for tests and other writers); `compliance` and
/// `lifecycle` are left `null` (they need the site: [`to_json_for_site`]).
pub fn document<'a>(site: &'a str, results: &'a Results, lang: Lang) -> Document<'a> {
    let hall_name = |i: usize| results.halls.get(i).map_or("", |h| h.name.as_str());
    Document {
        format_version: FORMAT_VERSION,
        site,
        currency: results.currency.code(),
        horizon_years: results.horizon_years,
        discount_rate: num(results.discount_rate),
        first_year: results.first_year,
        recommended: plan_key(&results.plan),
        plan: plan_doc(results, lang),
        best_single_option: results.site.recommendation.option.map(CoolingOption::key),
        reasons: reasons(&results.site.recommendation, &results.site, lang),
        options: options(&results.site, lang),
        halls: results
            .halls
            .iter()
            .zip(&results.plant)
            .map(|(hall, plant)| HallDoc {
                name: &hall.name,
                best_single_option: hall.recommendation.option.map(CoolingOption::key),
                reasons: reasons(&hall.recommendation, hall, lang),
                options: options(hall, lang),
                plant: plant_doc(plant, hall, lang),
            })
            .collect(),
        racks: results
            .racks
            .iter()
            .zip(&results.plan.groups)
            .map(|(rack, choice)| RackDoc {
                name: &rack.scope.name,
                hall: hall_name(rack.hall),
                count: rack.count,
                per_rack_design_kw: num(kw(rack.per_rack_design)),
                recommended: choice.option.map(CoolingOption::key),
                why: why_doc(&choice.why, lang),
                plan_npv_vs_air: num(choice.npv.amount),
                best_single_option: rack.scope.recommendation.option.map(CoolingOption::key),
                reasons: reasons(&rack.scope.recommendation, &rack.scope, lang),
                options: options(&rack.scope, lang),
            })
            .collect(),
        kpis: json_compliance::kpis(results),
        compliance: None,
        lifecycle: None,
    }
}

/// `air`, `cold_plate`, `immersion` when every group takes it; `mixed` otherwise; null when
/// the plan places no group.
fn plan_key(plan: &Plan) -> Option<&'static str> {
    match plan.uniform {
        Some(option) => Some(option.key()),
        None if plan.groups.iter().any(|g| g.option.is_some()) => Some("mixed"),
        None => None,
    }
}

fn plan_doc(results: &Results, lang: Lang) -> PlanDoc<'_> {
    let plan = &results.plan;
    let racks_of = |g: usize| results.racks.get(g).map_or(0, |r| r.count);
    PlanDoc {
        uniform: plan.uniform.map(CoolingOption::key),
        headline: plan_words::headline(plan, racks_of, lang),
        relation: plan_words::relation_to_columns(plan, lang),
        unplaced_groups: plan.unplaced(),
        within_limits: plan.within_limits(),
        totals: totals_doc(&plan.totals),
        halls: results
            .halls
            .iter()
            .zip(&plan.halls)
            .map(|(hall, p)| hall_plan_doc(&hall.name, p, results, lang))
            .collect(),
    }
}

fn totals_doc(t: &PlanTotals) -> PlanTotalsDoc {
    PlanTotalsDoc {
        capex: num(t.capex.amount),
        capex_up_front: t.capex_by_year.first().and_then(|m| num(m.amount)),
        capex_by_year: t.capex_by_year.iter().map(|m| num(m.amount)).collect(),
        opex_per_year: num(t.opex_per_year.amount),
        energy_cost_per_year: num(t.energy_cost_per_year.amount),
        npv_vs_air: num(t.npv_vs_air.amount),
        simple_payback_years: t.simple_payback_years.and_then(num),
        discounted_payback_years: t.discounted_payback_years.and_then(num),
        irr: t.irr.and_then(num),
        pue: num(t.pue),
        pue_air: num(t.pue_air),
        facility_energy_mwh_per_year: num(mwh(t.facility_energy)),
        facility_energy_air_mwh_per_year: num(mwh(t.facility_energy_air)),
        cash_flows: t.cash_flows.iter().map(|m| num(m.amount)).collect(),
    }
}

fn hall_plan_doc<'a>(
    name: &'a str,
    p: &HallPlan,
    results: &Results,
    lang: Lang,
) -> HallPlanDoc<'a> {
    HallPlanDoc {
        name,
        method: match p.method {
            coolplan_engine::SearchMethod::Exhaustive => "exhaustive",
            coolplan_engine::SearchMethod::Heuristic => "heuristic",
        },
        uniform: p.uniform.map(CoolingOption::key),
        within_limits: p.within_limits,
        limits: p
            .limits
            .iter()
            .map(|l| LimitDoc {
                limit: l.limit.key(),
                unit: match l.used {
                    coolplan_engine::Amount::Power(_) => "kW",
                    coolplan_engine::Amount::Area(_) => "m2",
                },
                used: num(limit_number(l.used)),
                capacity: num(limit_number(l.capacity)),
                today: num(limit_number(l.today)),
                binds: l.binds,
                text: plan_words::limit_name(l.limit, lang).to_string(),
            })
            .collect(),
        cdus: p
            .cdus
            .iter()
            .map(|c| {
                let d = &c.design;
                CduDoc {
                    option: c.option.key(),
                    size: words::cdu_size_name(&d.size, lang).to_string(),
                    capacity_kw: num(kw(d.capacity)),
                    units: d.units(),
                    loaded_units: d.loaded_units(),
                    spares: d.spares,
                    racks: d.assigned_racks(),
                    unassigned_racks: d.unassigned.iter().map(|l| l.racks).sum(),
                    spare_capacity_kw: num(kw(d.spare_capacity())),
                    n_plus_one: d.survives_one_failure(),
                }
            })
            .collect(),
        works: p
            .works
            .iter()
            .map(|w| works::work_doc(w, results, lang))
            .collect(),
        totals: totals_doc(&p.totals),
    }
}

/// A limit amount in kW or m².
fn limit_number(amount: coolplan_engine::Amount) -> f64 {
    match amount {
        coolplan_engine::Amount::Power(p) => kw(p),
        coolplan_engine::Amount::Area(a) => a.get::<uom::si::area::square_meter>(),
    }
}

fn why_doc(why: &Why, lang: Lang) -> ReasonDoc {
    ReasonDoc {
        kind: match why {
            Why::BestNpv { .. } => "best_npv",
            Why::OnlyFeasible => "only_feasible",
            Why::HeldByLimit { .. } => "held_by_limit",
            Why::CduStep { .. } => "cdu_step",
            Why::ForCompliance { .. } => "for_compliance",
            Why::StaysAsToday => "stays_as_today",
            Why::NothingFeasible => "nothing_feasible",
        },
        text: plan_words::why(why, lang),
    }
}

/// The recommended plan.
#[derive(Serialize)]
pub struct PlanDoc<'a> {
    pub uniform: Option<&'static str>,
    pub headline: String,
    pub relation: String,
    pub unplaced_groups: usize,
    pub within_limits: bool,
    pub totals: PlanTotalsDoc,
    pub halls: Vec<HallPlanDoc<'a>>,
}

#[derive(Serialize)]
pub struct PlanTotalsDoc {
    pub capex: Option<f64>,
    pub capex_up_front: Option<f64>,
    pub capex_by_year: Vec<Option<f64>>,
    pub opex_per_year: Option<f64>,
    pub energy_cost_per_year: Option<f64>,
    pub npv_vs_air: Option<f64>,
    pub simple_payback_years: Option<f64>,
    pub discounted_payback_years: Option<f64>,
    pub irr: Option<f64>,
    pub pue: Option<f64>,
    pub pue_air: Option<f64>,
    pub facility_energy_mwh_per_year: Option<f64>,
    pub facility_energy_air_mwh_per_year: Option<f64>,
    pub cash_flows: Vec<Option<f64>>,
}

#[derive(Serialize)]
pub struct HallPlanDoc<'a> {
    pub name: &'a str,
    pub method: &'static str,
    pub uniform: Option<&'static str>,
    pub within_limits: bool,
    pub limits: Vec<LimitDoc>,
    pub cdus: Vec<CduDoc>,
    pub works: Vec<WorkDoc>,
    pub totals: PlanTotalsDoc,
}

#[derive(Serialize)]
pub struct LimitDoc {
    pub limit: &'static str,
    pub text: String,
    pub unit: &'static str,
    pub used: Option<f64>,
    pub capacity: Option<f64>,
    pub today: Option<f64>,
    pub binds: bool,
}

#[derive(Serialize)]
pub struct CduDoc {
    pub option: &'static str,
    pub size: String,
    pub capacity_kw: Option<f64>,
    pub units: u64,
    pub loaded_units: u64,
    pub spares: u64,
    pub racks: u64,
    pub unassigned_racks: u64,
    pub spare_capacity_kw: Option<f64>,
    pub n_plus_one: bool,
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
    pub plan: PlanDoc<'a>,
    pub best_single_option: Option<&'static str>,
    pub reasons: Vec<ReasonDoc>,
    pub options: Options,
    pub halls: Vec<HallDoc<'a>>,
    pub racks: Vec<RackDoc<'a>>,
    /// ISO/IEC 30134 KPIs per scope, option and plan year.
    pub kpis: json_compliance::KpisDoc<'a>,
    /// The site's rule verdicts (`null` from [`to_json`], which has no site).
    pub compliance: Option<json_compliance::ComplianceDoc>,
    /// Every server generation's install and retirement years and refresh (`null` from
    /// [`to_json`], which has no site).
    pub lifecycle: Option<Vec<lifecycle::LifeRowDoc>>,
}

#[derive(Serialize)]
pub struct HallDoc<'a> {
    pub name: &'a str,
    pub best_single_option: Option<&'static str>,
    pub reasons: Vec<ReasonDoc>,
    pub options: Options,
    pub plant: PlantDoc,
}

#[derive(Serialize)]
pub struct RackDoc<'a> {
    pub name: &'a str,
    pub hall: &'a str,
    pub count: u64,
    pub per_rack_design_kw: Option<f64>,
    pub recommended: Option<&'static str>,
    pub why: ReasonDoc,
    pub plan_npv_vs_air: Option<f64>,
    pub best_single_option: Option<&'static str>,
    pub reasons: Vec<ReasonDoc>,
    pub options: Options,
}

/// The options of a scope.
pub type Options = ByOption<OptionDoc>;

/// A `T` per option shown in a scope, written as a map keyed by [`CoolingOption::key`] in
/// [`CoolingOption::ALL`] order; an option that does not apply is absent
/// ([`ScopeResult::shown`]).
pub struct ByOption<T>(pub Vec<(CoolingOption, T)>);

impl<T> ByOption<T> {
    /// `each(option)` for every option `scope` shows.
    pub fn shown(scope: &ScopeResult, mut each: impl FnMut(CoolingOption) -> T) -> Self {
        ByOption(scope.shown().map(|o| (o.option, each(o.option))).collect())
    }
}

impl<T: Serialize> Serialize for ByOption<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (option, value) in &self.0 {
            map.serialize_entry(option.key(), value)?;
        }
        map.end()
    }
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
    pub heat_to_door_kw: Option<f64>,
    pub door_count: u64,
    pub active_door_count: u64,
    pub heat_returned_to_air_kw: Option<f64>,
    pub l2a_fan_power_kw: Option<f64>,
    pub coolant_flow_l_per_min: Option<f64>,
    pub air_flow_m3_per_h: Option<f64>,
    pub air_flow_cfm: Option<f64>,
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
    pub capex_up_front: Option<f64>,
    pub capex_breakdown: BTreeMap<&'static str, Option<f64>>,
    pub opex_per_year: Option<f64>,
    pub energy_cost_per_year: Option<f64>,
    pub npv_vs_air: Option<f64>,
    pub simple_payback_years: Option<f64>,
    pub discounted_payback_years: Option<f64>,
    pub irr: Option<f64>,
    pub tco_per_kw_year: Option<f64>,
    pub cash_flows: Vec<Option<f64>>,
    pub capex_by_year: Vec<Option<f64>>,
}

/// A finite number, else `None` (JSON null); `-0` as `0`.
fn num(value: f64) -> Option<f64> {
    // Adding +0.0 turns -0.0 into +0.0 and leaves every other number as it is.
    value.is_finite().then_some(value + 0.0)
}

fn kw(power: uom::si::f64::Power) -> f64 {
    power.get::<uom::si::power::kilowatt>()
}

fn mwh(energy: uom::si::f64::Energy) -> f64 {
    energy.get::<uom::si::energy::megawatt_hour>()
}

fn options(scope: &ScopeResult, lang: Lang) -> Options {
    ByOption::shown(scope, |o| option(scope.option(o), scope.irr(o), lang))
}

fn option(result: &OptionResult, irr: Option<f64>, lang: Lang) -> OptionDoc {
    use uom::si::{
        area::square_meter,
        areal_mass_density::kilogram_per_square_meter,
        mass::ton,
        volume::{cubic_meter, liter},
        volume_rate::{cubic_foot_per_minute, cubic_meter_per_hour, liter_per_minute},
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
        heat_to_door_kw: num(kw(t.heat_to_door)),
        door_count: t.door_count,
        active_door_count: t.active_door_count,
        heat_returned_to_air_kw: num(kw(t.heat_returned_to_air)),
        l2a_fan_power_kw: num(kw(t.l2a_fan_power)),
        coolant_flow_l_per_min: num(t.coolant_flow.get::<liter_per_minute>()),
        air_flow_m3_per_h: num(t.air_flow.get::<cubic_meter_per_hour>()),
        air_flow_cfm: num(t.air_flow.get::<cubic_foot_per_minute>()),
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
        capex_up_front: num(c.capex_up_front.amount),
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
        capex_by_year: c.capex_by_year.iter().map(|m| num(m.amount)).collect(),
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
        Reason::AboveAirGuideline { .. } => "above_air_guideline",
        Reason::AirCapacity { .. } => "air_capacity",
        Reason::ElectricalCapacity { .. } => "electrical_capacity",
        Reason::WaterCapacity { .. } => "water_capacity",
        Reason::OverLimitToday { .. } => "over_limit_today",
        Reason::CduTooSmall { .. } => "cdu_too_small",
        Reason::FloorLoad { .. } => "floor_load",
        Reason::FloorSpace { .. } => "floor_space",
        Reason::NotImmersionCompatible { .. } => "not_immersion_compatible",
        Reason::ImmersionNeedsPrep { .. } => "immersion_needs_prep",
        Reason::NoColdPlateKit { .. } => "no_cold_plate_kit",
        Reason::FactoryOnly { .. } => "factory_only",
        Reason::RuledOut { .. } => "ruled_out",
        Reason::NotOffered => "not_offered",
        Reason::NoFacilityWater => "no_facility_water",
        Reason::NeedsWork { .. } => "needs_work",
        Reason::WaterTooWarm { .. } => "water_too_warm",
        Reason::DoorBelowDewPoint { .. } => "door_below_dew_point",
        Reason::DoorWaterTooWarm { .. } => "door_water_too_warm",
        Reason::L2aLoopTooWarm { .. } => "l2a_loop_too_warm",
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
        CostItem::LiquidToAirUnits => "l2a_units",
        CostItem::Piping => "piping",
        CostItem::Labour => "labour",
        CostItem::Downtime => "downtime",
        CostItem::Tanks => "tanks",
        CostItem::Fluid => "fluid",
        CostItem::ImmersionPrep => "immersion_prep",
        CostItem::Refresh => "refresh",
        CostItem::FloorReinforcement => "floor_reinforcement",
        CostItem::AddedAirCapacity => "added_air_capacity",
        CostItem::TrimChiller => "trim_chiller",
        CostItem::RearDoors => "rear_doors",
        CostItem::RearDoorInstall => "rear_door_install",
        CostItem::FacilityWaterExtension => "facility_water_extension",
        CostItem::AirPlantAddition => "air_plant_addition",
        CostItem::ElectricalUpgrade => "electrical_upgrade",
        CostItem::Contingency => "contingency",
        CostItem::HeatReuse => "heat_reuse",
    }
}
