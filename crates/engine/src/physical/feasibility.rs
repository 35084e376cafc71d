//! Feasibility rules, each giving a structured [`Reason`].
//!
//! Rack group (per rack): air density above the air limit (air; cold plate's residual air);
//! floor load of the rack or tank over the hall's rating; server compatibility (cold-plate
//! kit unavailable, stock servers of factory-only models, immersion "no"; "with prep" is a
//! warning); facility water missing or too warm; an option the group's cooling rule rules out.
//! Today's state is feasible: a rack may keep on air what it carries on air today (its stock
//! servers), so air above the guideline is a warning ([`Reason::AboveAirGuideline`]) while
//! the air it keeps is no more than today's, and infeasible only where new load raises it.
//! Hall limits are in [`super::limits`]. Halls and the site merge their parts' reasons,
//! keeping the worst figure of each kind (and one entry per model for model reasons).

use std::mem::discriminant;

use uom::si::f64::{ArealMassDensity, Power, ThermodynamicTemperature};
use uom::si::thermodynamic_temperature::degree_celsius;

use super::load::RackLoad;
use crate::results::{CoolingOption, Reason, ServerCooling};
use coolplan_model::assumptions::Resolved;
use coolplan_model::catalog::{ImmersionCompat, KitAvailability};
use coolplan_model::{Hall, Rack};
use coolplan_units::{TempDiffUnit, TemperatureUnit};

fn celsius(t_c: f64) -> ThermodynamicTemperature {
    ThermodynamicTemperature::new::<degree_celsius>(t_c)
}

/// Facility-water reasons of a hall for a liquid option.
///
/// Rule: the facility supply must not exceed its ASHRAE class maximum, and the loop supply
/// (facility supply + CDU approach) must not exceed what the technology accepts
/// (`cold_plate_max_loop_supply`, `immersion_max_loop_supply`).
/// A hall without facility water is checked against its extension
/// ([`super::enabling::hall_water`]); one that forbids the extension has no facility water
/// ([`Reason::NoFacilityWater`]).
pub fn water_reasons(hall: &Hall, a: &Resolved, option: CoolingOption) -> Vec<Reason> {
    if super::enabling::water_forbidden(hall) {
        return vec![Reason::NoFacilityWater];
    }
    let hall_water = super::enabling::hall_water(hall, a);
    let water = hall_water.water.as_ref();
    let supply_c = water.supply_temp.in_unit(TemperatureUnit::degC);
    let class_max_c = water.class.max_supply_deg_c();
    let mut reasons = Vec::new();
    if supply_c > class_max_c {
        reasons.push(Reason::WaterTooWarm {
            supply: celsius(supply_c),
            max: celsius(class_max_c),
        });
    }
    let loop_c = supply_c + a.cooling.cdu_approach.in_unit(TempDiffUnit::K);
    let loop_max = match option.servers() {
        ServerCooling::Immersion => &a.cooling.immersion_max_loop_supply,
        ServerCooling::ColdPlate | ServerCooling::Air => &a.cooling.cold_plate_max_loop_supply,
    };
    let loop_max_c = loop_max.in_unit(TemperatureUnit::degC);
    if loop_c > loop_max_c {
        reasons.push(Reason::WaterTooWarm {
            supply: celsius(loop_c),
            max: celsius(loop_max_c),
        });
    }
    reasons
}

/// Infeasibility reasons and warnings of one rack group under one option.
#[derive(Clone, Debug, Default)]
pub struct Verdict {
    pub infeasible: Vec<Reason>,
    pub warnings: Vec<Reason>,
    /// The option applies ([`applies`]; a hall's or the site's: it applies to one of their
    /// groups).
    pub applies: bool,
    /// Model-name buffers of the reasons cleared, for the next verdict's model reasons (a
    /// pass rebuilds one verdict per option for every rack group): no part of the verdict.
    names: Vec<String>,
}

impl PartialEq for Verdict {
    fn eq(&self, other: &Verdict) -> bool {
        self.infeasible == other.infeasible
            && self.warnings == other.warnings
            && self.applies == other.applies
    }
}

impl Verdict {
    /// No reasons, keeping the buffers (the model reasons' names among them).
    pub fn clear(&mut self) {
        let Verdict {
            infeasible,
            warnings,
            applies,
            names,
        } = self;
        for reasons in [infeasible, warnings] {
            while let Some(reason) = reasons.pop() {
                names.extend(model_name(reason));
            }
        }
        *applies = false;
    }
    /// `model` as a reason's model name, in a buffer a cleared reason left.
    fn name(&mut self, model: &str) -> String {
        match self.names.pop() {
            Some(mut name) => {
                name.clear();
                name.push_str(model);
                name
            }
            None => model.to_string(),
        }
    }
    /// Adds `reason` to `infeasible` (or `warnings` where `warning`) unless it is there
    /// already (its name buffer is then kept for the next).
    fn push_unique(&mut self, reason: Reason, warning: bool) {
        let reasons = if warning {
            &mut self.warnings
        } else {
            &mut self.infeasible
        };
        if !reasons.contains(&reason) {
            reasons.push(reason);
        } else if let Some(name) = model_name(reason) {
            self.names.push(name);
        }
    }
}

/// A model reason of the model named.
type ModelReason = fn(String) -> Reason;

/// The model name a model reason owns.
fn model_name(reason: Reason) -> Option<String> {
    match reason {
        Reason::NotImmersionCompatible { model }
        | Reason::ImmersionNeedsPrep { model }
        | Reason::NoColdPlateKit { model }
        | Reason::FactoryOnly { model } => Some(model),
        _ => None,
    }
}

/// Rack-level rules for `option` into `v` (cleared first); `per_rack_air_w` is the heat
/// left on air per rack, `floor_load_kg_per_m2` the option's equipment load, `water` the
/// hall's reasons for the option's liquid sink (facility water, or the room air of
/// liquid-to-air CDUs).
#[allow(clippy::too_many_arguments)]
pub fn rack_verdict(
    option: CoolingOption,
    load: &RackLoad<'_>,
    per_rack_air_w: f64,
    floor_load_kg_per_m2: f64,
    hall: &Hall,
    a: &Resolved,
    water: &[Reason],
    v: &mut Verdict,
) {
    v.clear();
    let limit = a.cooling.air_limit_per_rack.get();
    let per_rack_air = Power::new::<uom::si::power::watt>(per_rack_air_w);
    if option.servers() != ServerCooling::Immersion && per_rack_air > limit {
        // what air cools in this rack today it may keep cooling (1e-9 relative for rounding)
        let as_today = per_rack_air_w <= load.stock_design_w * (1.0 + 1e-9);
        let reason = if as_today {
            Reason::AboveAirGuideline {
                per_rack: per_rack_air,
                limit,
            }
        } else {
            Reason::AirDensity {
                per_rack: per_rack_air,
                limit,
            }
        };
        if as_today {
            v.warnings.push(reason);
        } else {
            v.infeasible.push(reason);
        }
    }
    let rating = hall.floor.rating.get();
    let floor_load = ArealMassDensity::new::<uom::si::areal_mass_density::kilogram_per_square_meter>(
        floor_load_kg_per_m2,
    );
    if floor_load > rating {
        v.infeasible.push(Reason::FloorLoad {
            load: floor_load,
            rating,
        });
    }
    // the hall's reasons for the sink the option's liquid loop rejects to (none for air)
    v.infeasible.extend(water.iter().cloned());
    for m in &load.models {
        // the model's reason under this option, if any, and whether it is a warning
        let found: Option<(ModelReason, bool)> = match option.servers() {
            ServerCooling::Air => None,
            ServerCooling::ColdPlate => match m.cold_plate {
                KitAvailability::Unavailable => {
                    Some((|model| Reason::NoColdPlateKit { model }, false))
                }
                KitAvailability::FactoryOnly if m.stock => {
                    Some((|model| Reason::FactoryOnly { model }, false))
                }
                _ => None,
            },
            ServerCooling::Immersion => match m.immersion {
                ImmersionCompat::No => {
                    Some((|model| Reason::NotImmersionCompatible { model }, false))
                }
                ImmersionCompat::WithPrep => {
                    Some((|model| Reason::ImmersionNeedsPrep { model }, true))
                }
                ImmersionCompat::Yes => None,
            },
        };
        if let Some((reason, warning)) = found {
            let model = v.name(m.model);
            v.push_unique(reason(model), warning);
        }
    }
}

/// The site's offer and the rack group's cooling rule (`Force` / `Exclude` in the site file):
/// an option the site does not offer has that one reason only (its other findings are moot),
/// and an option the rule rules out is one the group cannot take.
pub fn rule_verdict(option: CoolingOption, rack: &Rack, offered: bool, v: &mut Verdict) {
    if !offered {
        v.clear();
        v.infeasible.push(Reason::NotOffered);
    } else if !rack.allows(option.cooling()) {
        v.infeasible.push(Reason::RuledOut {
            group: rack.name.clone(),
        });
    }
}

/// Whether `option` applies to the rack group whose verdict is `v` (docs/method.md, *Options
/// that apply*). Air always applies: it is the reference every NPV is measured against.
/// Another option does not when the site does not offer it, the group's cooling rule rules it
/// out, or no server of the group can take it (every model lacks the cold-plate kit, is
/// factory-only while installed, or cannot be immersed). Limits (air, floor, water, CDUs)
/// never hide an option: why it does not fit is information.
pub fn applies(option: CoolingOption, load: &RackLoad<'_>, v: &Verdict) -> bool {
    if option == CoolingOption::Air {
        return true;
    }
    let ruled_out = v
        .infeasible
        .iter()
        .any(|r| matches!(r, Reason::NotOffered | Reason::RuledOut { .. }));
    let no_server_takes = !load.models.is_empty()
        && load
            .models
            .iter()
            .all(|m| v.infeasible.iter().any(|r| server_cannot_take(r, m)));
    !ruled_out && !no_server_takes
}

/// Whether `reason` says that the servers of `model` cannot take the option.
fn server_cannot_take(reason: &Reason, model: &super::load::ModelUse<'_>) -> bool {
    match reason {
        Reason::NoColdPlateKit { model: m } | Reason::NotImmersionCompatible { model: m } => {
            m == model.model
        }
        Reason::FactoryOnly { model: m } => model.stock && m == model.model,
        _ => false,
    }
}

/// Merges `from` into `into`, one entry per kind (per model for model reasons), keeping the
/// worst figure.
#[inline]
pub fn merge_reasons(into: &mut Vec<Reason>, from: &[Reason]) {
    // most groups bring no reason: no call then
    if !from.is_empty() {
        merge_each(into, from);
    }
}

fn merge_each(into: &mut Vec<Reason>, from: &[Reason]) {
    for r in from {
        let same_kind = into.iter_mut().find(|e| same_slot(e, r));
        match same_kind {
            None => into.push(r.clone()),
            Some(existing) => {
                if worse(r, existing) {
                    *existing = r.clone();
                }
            }
        }
    }
}

/// Whether `a` and `b` are the same finding (possibly with different figures).
fn same_slot(a: &Reason, b: &Reason) -> bool {
    match (a, b) {
        (Reason::WaterTooWarm { max: x, .. }, Reason::WaterTooWarm { max: y, .. }) => x == y,
        (
            Reason::AirDensity { .. }
            | Reason::AboveAirGuideline { .. }
            | Reason::AirCapacity { .. }
            | Reason::FloorLoad { .. }
            | Reason::FloorSpace { .. }
            | Reason::ElectricalCapacity { .. }
            | Reason::WaterCapacity { .. }
            | Reason::CduTooSmall { .. },
            _,
        ) => discriminant(a) == discriminant(b),
        (Reason::OverLimitToday { limit: x, .. }, Reason::OverLimitToday { limit: y, .. }) => {
            x == y
        }
        _ => a == b,
    }
}

fn worse(new: &Reason, old: &Reason) -> bool {
    match (new, old) {
        (Reason::AirDensity { per_rack: n, .. }, Reason::AirDensity { per_rack: o, .. })
        | (
            Reason::AboveAirGuideline { per_rack: n, .. },
            Reason::AboveAirGuideline { per_rack: o, .. },
        )
        | (Reason::CduTooSmall { per_rack: n, .. }, Reason::CduTooSmall { per_rack: o, .. }) => {
            n > o
        }
        (
            Reason::ElectricalCapacity { it_design: n, .. },
            Reason::ElectricalCapacity { it_design: o, .. },
        )
        | (
            Reason::WaterCapacity {
                heat_to_liquid: n, ..
            },
            Reason::WaterCapacity {
                heat_to_liquid: o, ..
            },
        ) => n > o,
        (Reason::OverLimitToday { today: n, .. }, Reason::OverLimitToday { today: o, .. }) => {
            n.si() > o.si()
        }
        (Reason::FloorLoad { load: n, .. }, Reason::FloorLoad { load: o, .. }) => n > o,
        (Reason::WaterTooWarm { supply: n, .. }, Reason::WaterTooWarm { supply: o, .. }) => n > o,
        (
            Reason::AirCapacity { heat_to_air: n, .. },
            Reason::AirCapacity { heat_to_air: o, .. },
        ) => n > o,
        (Reason::FloorSpace { needed: n, .. }, Reason::FloorSpace { needed: o, .. }) => n > o,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::physical::load::ModelUse;
    use coolplan_model::assumptions::Assumptions;
    use coolplan_model::{Floor, FloorKind};
    use coolplan_units::Currency;
    use coolplan_units::build::{kg_per_m2, kw, m2};

    fn load_of(models: &[(&'static str, ImmersionCompat)]) -> RackLoad<'static> {
        RackLoad {
            models: models
                .iter()
                .map(|&(model, immersion)| ModelUse {
                    model,
                    stock: true,
                    cold_plate: KitAvailability::Retrofit,
                    immersion,
                })
                .collect(),
            ..RackLoad::default()
        }
    }

    #[test]
    fn a_verdict_rebuilt_for_the_next_group_holds_what_a_fresh_verdict_holds() {
        let a = Assumptions::default().resolve(Currency::CNY);
        let floor = Floor {
            kind: FloorKind::Raised,
            rating: kg_per_m2(1200.0),
        };
        let hall = Hall::bare("hall", floor, m2(500.0), kw(1000.0));
        let verdict = |load: &RackLoad<'_>, v: &mut Verdict| {
            // no air on the rack and no floor load: only the models' findings
            rack_verdict(CoolingOption::Immersion, load, 0.0, 0.0, &hall, &a, &[], v)
        };
        // the first group: two models that cannot be immersed (one listed twice) and one
        // that needs preparation
        let first = load_of(&[
            ("a-model-with-a-long-name", ImmersionCompat::No),
            ("b", ImmersionCompat::No),
            ("b", ImmersionCompat::No),
            ("c", ImmersionCompat::WithPrep),
        ]);
        let mut reused = Verdict::default();
        verdict(&first, &mut reused);
        let named = |model: &str| Reason::NotImmersionCompatible {
            model: model.to_string(),
        };
        assert_eq!(
            reused.infeasible,
            vec![named("a-model-with-a-long-name"), named("b")]
        );
        assert_eq!(
            reused.warnings,
            vec![Reason::ImmersionNeedsPrep { model: "c".into() }]
        );
        // the next group reuses the first one's name buffers, and holds its own names only
        let second = load_of(&[
            ("d", ImmersionCompat::WithPrep),
            ("e-longer-than-a", ImmersionCompat::No),
            ("f", ImmersionCompat::Yes),
        ]);
        verdict(&second, &mut reused);
        let mut fresh = Verdict::default();
        verdict(&second, &mut fresh);
        assert_eq!(reused.infeasible, vec![named("e-longer-than-a")]);
        assert_eq!(
            reused.warnings,
            vec![Reason::ImmersionNeedsPrep { model: "d".into() }]
        );
        assert_eq!(reused, fresh);
    }
}
