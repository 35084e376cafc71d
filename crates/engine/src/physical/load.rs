//! Loads of one rack of a group under each option: IT power at max draw and on average, the
//! fan power the option removes, the heat split to liquid and air, and what the rack holds.
//!
//! Per server group of `n` servers of max power `P`, fan share `f`, capture `c`,
//! utilisation `u` (and `s` = cold-plate fan saving):
//! air `P_a = nP` (all to air); cold plate `P_c = nP(1 − f·s)`, liquid `c·P_c`, air
//! `(1 − c)·P_c`; immersion `P_i = nP(1 − f)`, all to liquid. Average = design × `u`.
//! Compute power (the TUE basis) is `nP(1 − f)` for every option. A rack with metered power
//! scales every design figure by `peak / Σ nP` and every average figure by
//! `average / Σ nPu`, keeping each model's shares. The stock servers' design power (what the
//! rack carries on air today) is scaled with the design figures; a metered rack with no known
//! servers carries its whole peak today. Last, an option with a rear door moves the part of
//! the rack's air heat its door takes from air to the door ([`super::door`]); a passive door
//! first adds the server fan power its back-pressure costs to IT and to the heat on air. For
//! every option: liquid + air + door = IT.

use super::door::{DoorParams, back_pressure_w, split};
use crate::option::{CoolingOption, ServerCooling};
use crate::per_option::PerOption;
use coolplan_model::catalog::{ImmersionCompat, KitAvailability, ServerKind};
use coolplan_model::{Catalog, Rack, Status};
use coolplan_units::{LengthUnit, MassUnit, PowerUnit};

/// Power figures of one option for one rack, W.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct OptionPower {
    pub it_design_w: f64,
    pub it_avg_w: f64,
    pub fan_removed_design_w: f64,
    pub liquid_design_w: f64,
    pub air_design_w: f64,
    pub liquid_avg_w: f64,
    pub air_avg_w: f64,
    /// Heat a rear door takes from the rack's exhaust into its water loop.
    pub door_design_w: f64,
    pub door_avg_w: f64,
    /// The rack's door is an active one (the active-door option, or a hybrid whose residual
    /// exceeds a passive door's rating, [`super::door::hybrid_door`]).
    pub door_active: bool,
}

impl OptionPower {
    fn add(&mut self, design_w: f64, removed_w: f64, capture: f64, utilisation: f64) {
        let liquid_w = capture * design_w;
        let air_w = (1.0 - capture) * design_w;
        self.it_design_w += design_w;
        self.it_avg_w += design_w * utilisation;
        self.fan_removed_design_w += removed_w;
        self.liquid_design_w += liquid_w;
        self.air_design_w += air_w;
        self.liquid_avg_w += liquid_w * utilisation;
        self.air_avg_w += air_w * utilisation;
    }
    fn scale(&mut self, design: f64, avg: f64) {
        self.it_design_w *= design;
        self.fan_removed_design_w *= design;
        self.liquid_design_w *= design;
        self.air_design_w *= design;
        self.door_design_w *= design;
        self.it_avg_w *= avg;
        self.liquid_avg_w *= avg;
        self.air_avg_w *= avg;
        self.door_avg_w *= avg;
    }
    /// Adds a door's back-pressure fan power `extra_w` (design; the average in proportion to
    /// the heat on air), then moves what the door of `kind` takes from air to the door.
    fn fit_door(
        &mut self,
        servers: ServerCooling,
        kind: &super::door::DoorKind,
        air_option_w: f64,
        p: &DoorParams,
    ) {
        let extra_w = back_pressure_w(servers, kind, air_option_w, p);
        if extra_w > 0.0 && self.air_design_w > 0.0 {
            let extra_avg_w = extra_w * self.air_avg_w / self.air_design_w;
            self.it_design_w += extra_w;
            self.air_design_w += extra_w;
            // fan power the option adds, so IT = the air option's − fans removed still holds
            self.fan_removed_design_w -= extra_w;
            self.it_avg_w += extra_avg_w;
            self.air_avg_w += extra_avg_w;
        }
        let (design_w, avg_w) = split(
            servers,
            kind,
            self.air_design_w,
            self.air_avg_w,
            air_option_w,
            p,
        );
        self.door_design_w = design_w;
        self.door_avg_w = avg_w;
        self.air_design_w -= design_w;
        self.air_avg_w -= avg_w;
    }
}

/// A model's compatibility finding in a rack (fed to the feasibility rules).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ModelUse<'a> {
    pub model: &'a str,
    pub stock: bool,
    pub cold_plate: KitAvailability,
    pub immersion: ImmersionCompat,
}

/// Everything the engine needs from one rack of a group.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RackLoad<'a> {
    /// One per cooling option (a door changes nothing at the servers: its split of the air
    /// heat is the rack's, [`super::rack`]).
    pub options: PerOption<OptionPower>,
    pub compute_design_w: f64,
    pub compute_avg_w: f64,
    /// Design power on air of the rack's installed (stock) servers: what the rack carries
    /// on air today (the feasibility rules let air keep what it cools today).
    pub stock_design_w: f64,
    pub server_mass_kg: f64,
    pub height_u: f64,
    /// Stock servers that would take a cold-plate retrofit kit.
    pub stock_kit_servers: u64,
    /// The rack holds a rack-scale system, which is its own cabinet.
    pub rack_scale: bool,
    pub measured: bool,
    pub models: Vec<ModelUse<'a>>,
}

impl RackLoad<'_> {
    /// Every figure zero and no model, keeping the model list's buffer (in place: a group's
    /// load is reset for each group of a pass).
    fn reset(&mut self) {
        let RackLoad {
            options,
            compute_design_w,
            compute_avg_w,
            stock_design_w,
            server_mass_kg,
            height_u,
            stock_kit_servers,
            rack_scale,
            measured,
            models,
        } = self;
        options.iter_mut().for_each(|o| *o = OptionPower::default());
        for figure in [
            compute_design_w,
            compute_avg_w,
            stock_design_w,
            server_mass_kg,
            height_u,
        ] {
            *figure = 0.0;
        }
        *stock_kit_servers = 0;
        *rack_scale = false;
        *measured = false;
        models.clear();
    }
}

/// What a rack's loads read of one catalog model, its quantities unwrapped to SI-ish f64.
#[derive(Clone, Copy, Debug)]
struct ModelFigures<'c> {
    id: &'c str,
    max_power_w: f64,
    fan_share: f64,
    cold_plate_capture: f64,
    utilisation: f64,
    weight_kg: f64,
    height_u: f64,
    cold_plate: KitAvailability,
    immersion: ImmersionCompat,
    rack_scale: bool,
}

/// A catalog's models as rack loads read them, unwrapped once per evaluation: a short dense
/// table instead of each model's full record (names, prices, sources) read per server group.
pub struct Models<'c> {
    catalog: &'c Catalog,
    /// By catalog index ([`Catalog::index_of`]).
    figures: Vec<ModelFigures<'c>>,
}

impl<'c> Models<'c> {
    pub fn new(catalog: &'c Catalog) -> Self {
        let figures = catalog
            .models()
            .iter()
            .map(|model| ModelFigures {
                id: &model.id,
                max_power_w: model.max_power.in_unit(PowerUnit::W),
                fan_share: model.fan_share,
                cold_plate_capture: model.cold_plate_capture,
                utilisation: model.utilisation,
                weight_kg: model.weight.in_unit(MassUnit::kg),
                height_u: model.height.in_unit(LengthUnit::U),
                cold_plate: model.cold_plate,
                immersion: model.immersion,
                rack_scale: model.kind == ServerKind::RackScale,
            })
            .collect();
        Models { catalog, figures }
    }
    fn get(&self, id: &str) -> Option<&ModelFigures<'c>> {
        self.catalog.index_of(id).and_then(|i| self.figures.get(i))
    }
}

/// Loads of one rack of `rack`'s group into `load` (overwritten; its model list keeps its
/// buffer), its doors as `doors` (the hall's) give; server groups of models not in `models`
/// are skipped (validation at the io edge rejects them). Only the options `evaluated` names
/// get their figures (the others stay zero); it must name air, whose heat on air the doors
/// use.
pub fn rack_load<'a>(
    rack: &Rack,
    models: &Models<'a>,
    doors: &DoorParams,
    evaluated: &PerOption<bool>,
    load: &mut RackLoad<'a>,
) {
    let fan_saving = doors.fan_saving;
    load.reset();
    for group in &rack.servers {
        let Some(model) = models.get(&group.model) else {
            continue;
        };
        let n = f64::from(group.count);
        let p_w = n * model.max_power_w;
        let (f, c, u) = (model.fan_share, model.cold_plate_capture, model.utilisation);
        for (option, power) in CoolingOption::ALL.into_iter().zip(load.options.iter_mut()) {
            if !evaluated[option] {
                continue;
            }
            match option.servers() {
                ServerCooling::Air => power.add(p_w, 0.0, 0.0, u),
                ServerCooling::ColdPlate => {
                    power.add(p_w * (1.0 - f * fan_saving), p_w * f * fan_saving, c, u)
                }
                ServerCooling::Immersion => power.add(p_w * (1.0 - f), p_w * f, 1.0, u),
            }
        }
        load.compute_design_w += p_w * (1.0 - f);
        load.compute_avg_w += p_w * (1.0 - f) * u;
        load.server_mass_kg += n * model.weight_kg;
        load.height_u += n * model.height_u;
        let stock = group.status == Status::Stock;
        if stock {
            load.stock_design_w += p_w;
        }
        if stock && model.cold_plate == KitAvailability::Retrofit {
            load.stock_kit_servers += u64::from(group.count);
        }
        load.rack_scale |= model.rack_scale;
        load.models.push(ModelUse {
            model: model.id,
            stock,
            cold_plate: model.cold_plate,
            immersion: model.immersion,
        });
    }
    if let Some(measured) = &rack.measured {
        apply_measured(
            load,
            measured.peak.in_unit(PowerUnit::W),
            measured.average.in_unit(PowerUnit::W),
        );
    }
    let air_option_w = load.options[CoolingOption::Air].air_design_w;
    for option in CoolingOption::ALL.into_iter().filter(|o| evaluated[*o]) {
        if let Some(door) = option.door() {
            let power = &mut load.options[option];
            let door = super::door::hybrid_door(option.servers(), door, power.air_design_w, doors);
            power.door_active = door == crate::option::Door::Active;
            power.fit_door(option.servers(), doors.kind(door), air_option_w, doors);
        }
    }
}

/// Replaces nameplate sums by metered peak and average, keeping each model's shares.
fn apply_measured(load: &mut RackLoad<'_>, peak_w: f64, average_w: f64) {
    load.measured = true;
    let nameplate = load.options[0];
    if nameplate.it_design_w > 0.0 && nameplate.it_avg_w > 0.0 {
        let design = peak_w / nameplate.it_design_w;
        let avg = average_w / nameplate.it_avg_w;
        load.options.iter_mut().for_each(|o| o.scale(design, avg));
        load.stock_design_w *= design;
        load.compute_design_w *= design;
        load.compute_avg_w *= avg;
    } else {
        // No known servers: metered power with no fan share, cold plate captures nothing.
        let mut air = OptionPower::default();
        air.add(peak_w, 0.0, 0.0, 0.0);
        air.it_avg_w = average_w;
        air.air_avg_w = average_w;
        let mut immersion = air;
        immersion.liquid_design_w = peak_w;
        immersion.air_design_w = 0.0;
        immersion.liquid_avg_w = average_w;
        immersion.air_avg_w = 0.0;
        load.options = PerOption::from_fn(|option| match option.servers() {
            ServerCooling::Air | ServerCooling::ColdPlate => air,
            ServerCooling::Immersion => immersion,
        });
        // metered, so installed: all of it runs today
        load.stock_design_w = peak_w;
        load.compute_design_w = peak_w;
        load.compute_avg_w = average_w;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coolplan_model::assumptions::Assumptions;
    use coolplan_model::{Floor, FloorKind, Hall, ServerGroup};
    use coolplan_units::Currency;
    use coolplan_units::build::{kg_per_m2, kw, m2, rack_units};

    fn servers(model: &str, count: u32, status: Status) -> ServerGroup {
        ServerGroup::new(model, count, status)
    }

    #[test]
    fn options_not_evaluated_stay_zero_and_the_others_keep_their_bits() {
        let rack = Rack {
            name: "mixed".into(),
            notes: String::new(),
            count: 3,
            height: rack_units(42.0),
            position: None,
            retrofit_share: None,
            servers: vec![
                servers("cpu-2u", 8, Status::Stock),
                servers("hgx-h100", 2, Status::New(2027)),
            ],
            measured: None,
            cooling: None,
        };
        let floor = Floor {
            kind: FloorKind::Raised,
            rating: kg_per_m2(1200.0),
        };
        let hall = Hall::bare("hall", floor, m2(500.0), kw(1000.0));
        let doors = DoorParams::new(&Assumptions::default().resolve(Currency::CNY), &hall);
        let catalog = Catalog::builtin();
        let models = Models::new(&catalog);
        let mut all = RackLoad::default();
        rack_load(
            &rack,
            &models,
            &doors,
            &PerOption::from_fn(|_| true),
            &mut all,
        );
        let some = PerOption::from_fn(|o| {
            matches!(
                o,
                CoolingOption::Air
                    | CoolingOption::RearDoorPassive
                    | CoolingOption::ColdPlateRearDoor
            )
        });
        let mut load = RackLoad::default();
        rack_load(&rack, &models, &doors, &some, &mut load);
        // 8 stock cpu-2u and 2 new hgx-h100: every option carries IT power when evaluated
        assert!(all.options.iter().all(|o| o.it_design_w > 0.0));
        for option in CoolingOption::ALL {
            let expected = if some[option] {
                all.options[option]
            } else {
                OptionPower::default()
            };
            assert_eq!(load.options[option], expected, "{option:?}");
        }
        assert_eq!(load.models, all.models);
        assert_eq!(load.stock_design_w.to_bits(), all.stock_design_w.to_bits());
    }

    #[test]
    fn the_model_table_holds_each_catalog_models_figures_by_its_id() {
        let catalog = Catalog::builtin();
        let models = Models::new(&catalog);
        assert_eq!(models.figures.len(), catalog.len());
        for model in catalog.models() {
            let figures = models.get(&model.id).expect("every catalog model");
            assert_eq!(figures.id, model.id);
            // the same unwrapping as reading the model itself, bit for bit
            let bits = |x: f64| x.to_bits();
            assert_eq!(
                bits(figures.max_power_w),
                bits(model.max_power.in_unit(PowerUnit::W))
            );
            assert_eq!(
                bits(figures.weight_kg),
                bits(model.weight.in_unit(MassUnit::kg))
            );
            assert_eq!(
                bits(figures.height_u),
                bits(model.height.in_unit(LengthUnit::U))
            );
            assert_eq!(
                (figures.fan_share, figures.utilisation),
                (model.fan_share, model.utilisation)
            );
            assert_eq!(figures.rack_scale, model.kind == ServerKind::RackScale);
        }
        assert!(models.get("no-such-model").is_none());
    }
}
