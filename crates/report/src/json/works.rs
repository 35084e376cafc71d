//! The JSON of an enabling work a hall's plan buys (`docs/report-json.md`, "works").
//!
//! Owns: [`WorkDoc`] and its building from a [`PlannedWork`]; the words are
//! `coolplan_words::results::works`'.

use serde::Serialize;

use coolplan_engine::{PlannedWork, Results};
use coolplan_model::EnablingWork;
use coolplan_units::format::UnitSystem;
use coolplan_words::Lang;
use coolplan_words::results::plan as plan_words;
use coolplan_words::results::works as words;
use uom::si::power::kilowatt;

use super::num;

/// An enabling work of a hall's plan.
#[derive(Serialize)]
pub struct WorkDoc {
    pub work: &'static str,
    pub name: &'static str,
    pub size_kw: Option<f64>,
    pub capex: Option<f64>,
    pub needed_from: i32,
    pub lead_time_weeks: Option<f64>,
    pub in_service: i32,
    pub late: bool,
    /// The limit it raises (`air_cooling`, `electrical`), `null` for the extension.
    pub raises: Option<&'static str>,
    /// That limit's capacity in kW; the plan uses `limit_capacity_kw + size_kw`.
    pub limit_capacity_kw: Option<f64>,
    /// Rack groups that need it, and those of them that wait for it (names).
    pub groups: Vec<String>,
    pub waiting: Vec<String>,
    pub why: String,
    pub energy: &'static str,
    pub text: String,
}

pub(super) fn work_doc(w: &PlannedWork, results: &Results, lang: Lang) -> WorkDoc {
    let names = |groups: &[usize]| -> Vec<String> {
        groups
            .iter()
            .filter_map(|g| results.racks.get(*g))
            .map(|r| r.scope.name.clone())
            .collect()
    };
    WorkDoc {
        work: match w.work {
            EnablingWork::FacilityWaterExtension => "facility_water_extension",
            EnablingWork::AirPlantAddition => "air_plant_addition",
            EnablingWork::ElectricalUpgrade => "electrical_upgrade",
        },
        name: plan_words::work_name(w.work, lang),
        size_kw: num(w.size.get::<kilowatt>()),
        capex: num(w.capex.amount),
        needed_from: w.needed_from,
        lead_time_weeks: num(w.lead_time.get::<uom::si::time::day>() / 7.0),
        in_service: w.in_service,
        late: w.late,
        raises: w.raises.map(|(limit, _)| limit.key()),
        limit_capacity_kw: w.raises.and_then(|(_, c)| num(c.get::<kilowatt>())),
        groups: names(&w.groups),
        waiting: names(&w.waiting),
        why: words::why(w, lang, UnitSystem::Si),
        energy: words::energy_effect(w.work, lang),
        text: plan_words::work_line(w, lang, UnitSystem::Si),
    }
}
