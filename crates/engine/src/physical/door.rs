//! Rear-door heat exchangers (`docs/method.md` §2.2): the heat a door takes from a rack's
//! exhaust air, the water it runs on, and what it adds to the rack.
//!
//! Owns: the door's capacity model and its water rule. A door is a water coil in the rack's
//! exhaust; the air is the smaller capacity rate, so with air-side effectiveness ε
//!
//! ```text
//! C_air  = Q_air / ΔT_r                       (the exhaust's heat-capacity rate, W/K)
//! T_exh  = T_in + ΔT_r
//! Q_door = min(rating, Q_air, max(0, ε·C_air·(T_exh − T_w)))
//! ```
//!
//! `ΔT_r` is the servers' air rise `cooling.air_delta_t` on air; behind cold plates the
//! servers' fans slow (fan power × (1 − s), airflow × (1 − s)^⅓ by the fan laws), so the
//! residual air leaves at `ΔT_r = ΔT_srv · Q_res / (P_air · (1 − s)^⅓)`, `P_air` the rack's
//! heat on air without plates. The door never takes more than the rack's own air heat (a
//! door colder than the inlet would cool the room too; that credit is not counted) nor more
//! than its rating: what it cannot take stays on air, where the air-density rule applies.
//! The same share of the air heat is taken at average load (the servers' fans hold their
//! exhaust rise). A passive door's back-pressure makes the servers' fans work harder:
//! `rdhx_back_pressure_fan_share` × the heat the door's airflow carries at `ΔT_srv`, added
//! to IT and to the heat on air before the split. An active door's fans are facility load
//! (`rdhx_active_fan_share` of the door's heat, [`super::energy`]).
//!
//! Water ([`door_supply`]): a door loop is a secondary loop through a door CDU held at
//! `rdhx_water_supply` (18 °C). In a hall whose air plant makes chilled water, the door CDU
//! takes it from the chilled water (the loop no colder than 18 °C, no warmer than the chilled
//! water + the CDU approach). A DX room has none: its door loop runs off the hall's facility
//! water (its own, or the extension a hall without water gets, priced per kW of door heat)
//! with a trim chiller of its own sized at the doors' design heat where that water is warmer
//! than the door loop. The door water must stay above the room's dew point plus a margin
//! (`rdhx_min_water_supply`, no condensate) and at or below the rack inlet (`rack_inlet_temp`):
//! warmer water than the air the door must return leaves the room hotter than its supply.

use crate::option::{CoolingOption, Door, ServerCooling};
use crate::results::Reason;
use coolplan_model::assumptions::Resolved;
use coolplan_model::{AirPlant, Hall};
use coolplan_units::{MassUnit, PowerUnit, TempDiffUnit, TemperatureUnit};
use uom::si::f64::{Power, TemperatureInterval, ThermodynamicTemperature};
use uom::si::power::watt;
use uom::si::temperature_interval::kelvin;
use uom::si::thermodynamic_temperature::degree_celsius;

/// One kind of door, SI-ish f64.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DoorKind {
    pub effectiveness: f64,
    pub capacity_w: f64,
    pub mass_kg: f64,
    /// Server fan power added by the door's back-pressure, share of the heat its airflow
    /// carries at the servers' air rise (passive doors; 0 for active ones).
    pub back_pressure_share: f64,
    /// Door fan power, share of the door's heat (active doors; 0 for passive ones).
    pub fan_share: f64,
}

/// What the door split of one hall's racks needs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DoorParams {
    pub passive: DoorKind,
    pub active: DoorKind,
    /// Door water supply in this hall, °C ([`door_water_c`]).
    pub water_c: f64,
    /// Rack inlet air, °C.
    pub inlet_c: f64,
    /// Servers' air rise on air, K.
    pub rise_k: f64,
    /// Cold plates' server fan saving (airflow × (1 − s)^⅓).
    pub fan_saving: f64,
    /// The servers' airflow on cold plates, share of their airflow on air: (1 − s)^⅓ of
    /// `fan_saving` s (never below 0), computed once per hall.
    cold_plate_airflow: f64,
}

impl DoorParams {
    /// The door figures of `a` in `hall`.
    pub fn new(a: &Resolved, hall: &Hall) -> Self {
        let c = &a.cooling;
        DoorParams {
            passive: DoorKind {
                effectiveness: c.rdhx_passive_effectiveness,
                capacity_w: c.rdhx_passive_capacity.in_unit(PowerUnit::W),
                mass_kg: c.rdhx_passive_mass.in_unit(MassUnit::kg),
                back_pressure_share: c.rdhx_back_pressure_fan_share,
                fan_share: 0.0,
            },
            active: DoorKind {
                effectiveness: c.rdhx_active_effectiveness,
                capacity_w: c.rdhx_active_capacity.in_unit(PowerUnit::W),
                mass_kg: c.rdhx_active_mass.in_unit(MassUnit::kg),
                back_pressure_share: 0.0,
                fan_share: c.rdhx_active_fan_share,
            },
            water_c: door_water_c(hall, a),
            inlet_c: c.rack_inlet_temp.in_unit(TemperatureUnit::degC),
            rise_k: c.air_delta_t.in_unit(TempDiffUnit::K),
            fan_saving: c.cold_plate_fan_saving,
            cold_plate_airflow: (1.0 - c.cold_plate_fan_saving).max(0.0).cbrt(),
        }
    }
    /// The figures of `door`.
    pub fn kind(&self, door: Door) -> &DoorKind {
        match door {
            Door::Passive => &self.passive,
            Door::Active => &self.active,
        }
    }
}

/// The door a rack gets under an option with `door`: behind cold plates (the hybrid) a passive
/// door unless the residual on air per rack `residual_w` exceeds its rating, then an active
/// one; otherwise the option's own door.
pub fn hybrid_door(servers: ServerCooling, door: Door, residual_w: f64, p: &DoorParams) -> Door {
    if servers == ServerCooling::ColdPlate
        && door == Door::Passive
        && residual_w > p.passive.capacity_w
    {
        Door::Active
    } else {
        door
    }
}

/// Air-side figures of one rack's exhaust that a door sees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Exhaust {
    /// Heat on air, W.
    pub air_w: f64,
    /// Heat-capacity rate of the exhaust air, W/K (ρ·c_p·V̇).
    pub rate_w_per_k: f64,
}

impl Exhaust {
    /// The exhaust of a rack whose heat on air is `air_w` under `servers`; `air_option_w` is
    /// the rack's heat on air with no plates (sets the airflow its fans move at full speed).
    pub fn of(servers: ServerCooling, air_w: f64, air_option_w: f64, p: &DoorParams) -> Self {
        let full_rate = if p.rise_k > 0.0 {
            air_option_w / p.rise_k
        } else {
            0.0
        };
        let rate_w_per_k = match servers {
            ServerCooling::ColdPlate => full_rate * p.cold_plate_airflow,
            ServerCooling::Air | ServerCooling::Immersion => full_rate,
        };
        Exhaust {
            air_w,
            rate_w_per_k,
        }
    }
    /// The exhaust's rise over the inlet, K.
    pub fn rise_k(&self) -> f64 {
        if self.rate_w_per_k > 0.0 {
            self.air_w / self.rate_w_per_k
        } else {
            0.0
        }
    }
}

/// Heat a door of effectiveness `effectiveness` and rating `capacity_w` takes from `exhaust`
/// with water at `water_c` and rack inlet `inlet_c`:
/// `min(rating, Q_air, max(0, ε·C_air·(T_in + ΔT_r − T_w)))`, W.
pub fn door_heat_w(exhaust: &Exhaust, kind: &DoorKind, inlet_c: f64, water_c: f64) -> f64 {
    let exhaust_c = inlet_c + exhaust.rise_k();
    let coil_w = kind.effectiveness * exhaust.rate_w_per_k * (exhaust_c - water_c);
    coil_w.max(0.0).min(exhaust.air_w).min(kind.capacity_w)
}

/// Heat a door of `kind` takes from a rack's exhaust carrying `heat_on_air` at a rise `rise`
/// over the inlet `inlet`, with door water at `water` ([`door_heat_w`] in SI units).
pub fn door_heat(
    heat_on_air: Power,
    rise: TemperatureInterval,
    inlet: ThermodynamicTemperature,
    water: ThermodynamicTemperature,
    kind: &DoorKind,
) -> Power {
    let rise_k = rise.get::<kelvin>();
    let air_w = heat_on_air.get::<watt>();
    let exhaust = Exhaust {
        air_w,
        rate_w_per_k: if rise_k > 0.0 { air_w / rise_k } else { 0.0 },
    };
    let c = |t: ThermodynamicTemperature| t.get::<degree_celsius>();
    Power::new::<watt>(door_heat_w(&exhaust, kind, c(inlet), c(water)))
}

/// Where a hall's door loop gets its water.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DoorSupply {
    /// Door water supply, °C.
    pub water_c: f64,
    /// A DX room whose facility water (+ CDU approach) is warmer than the door loop: the door
    /// loop has its own trim chiller, sized at the doors' design heat.
    pub trim: bool,
    /// A DX room without facility water: the door loop comes with the hall's facility-water
    /// extension, priced per kW of door heat.
    pub extension: bool,
}

/// The door loop of `hall`: in a hall whose air plant makes chilled water, the door CDU takes
/// it (the door loop no colder than `rdhx_water_supply`, no warmer than the chilled water +
/// the CDU approach); in a DX room, the facility water (its own, else the extension) with a
/// trim chiller of its own where that water + the CDU approach is warmer than
/// `rdhx_water_supply`.
pub fn door_supply(hall: &Hall, a: &Resolved) -> DoorSupply {
    let design_c = a.cooling.rdhx_water_supply.in_unit(TemperatureUnit::degC);
    let approach_k = a.cooling.cdu_approach.in_unit(TempDiffUnit::K);
    if on_chilled_water(hall) {
        let chilled_c = a.plant.chilled_water_supply.in_unit(TemperatureUnit::degC);
        return DoorSupply {
            water_c: design_c.max(chilled_c + approach_k),
            trim: false,
            extension: false,
        };
    }
    let water = super::enabling::hall_water(hall, a);
    let source_c = water.water.supply_temp.in_unit(TemperatureUnit::degC) + approach_k;
    DoorSupply {
        water_c: design_c,
        trim: source_c > design_c,
        extension: water.extended,
    }
}

/// The door loop's supply in `hall`, °C ([`door_supply`]).
pub fn door_water_c(hall: &Hall, a: &Resolved) -> f64 {
    door_supply(hall, a).water_c
}

/// Whether `hall`'s air plant makes chilled water a door CDU can take.
pub fn on_chilled_water(hall: &Hall) -> bool {
    !matches!(hall.air_plant(), AirPlant::DxCrac { .. })
}

/// The door water reasons of `hall`: no water to run on, water below the room's dew point
/// plus margin, or warmer than the rack inlet.
pub fn door_water_reasons(hall: &Hall, a: &Resolved) -> Vec<Reason> {
    if !on_chilled_water(hall) && super::enabling::water_forbidden(hall) {
        return vec![Reason::NoFacilityWater];
    }
    let celsius = ThermodynamicTemperature::new::<degree_celsius>;
    let water_c = door_water_c(hall, a);
    let min_c = a
        .cooling
        .rdhx_min_water_supply
        .in_unit(TemperatureUnit::degC);
    let inlet_c = a.cooling.rack_inlet_temp.in_unit(TemperatureUnit::degC);
    let mut reasons = Vec::new();
    if water_c < min_c {
        reasons.push(Reason::DoorBelowDewPoint {
            supply: celsius(water_c),
            min: celsius(min_c),
        });
    }
    if water_c > inlet_c {
        reasons.push(Reason::DoorWaterTooWarm {
            supply: celsius(water_c),
            max: celsius(inlet_c),
        });
    }
    reasons
}

/// The facility-water reasons of `option` in `hall`: its liquid loop's
/// ([`super::feasibility::water_reasons`]) and its door's.
pub fn option_water_reasons(hall: &Hall, a: &Resolved, option: CoolingOption) -> Vec<Reason> {
    let mut reasons = if option.servers() == ServerCooling::Air {
        Vec::new()
    } else {
        super::feasibility::water_reasons(hall, a, option)
    };
    if option.door().is_some() {
        for reason in door_water_reasons(hall, a) {
            if !reasons.contains(&reason) {
                reasons.push(reason);
            }
        }
    }
    reasons
}

/// The heat a door of `kind` takes from one rack whose heat on air is `air_design_w` at
/// design and `air_avg_w` on average under `servers` (`air_option_w`: the rack's heat on air
/// with no plates): `(design, average)`, W. On average the door takes the same share of the
/// air heat as its coil takes uncapped (the servers hold their exhaust rise), within its rating.
pub fn split(
    servers: ServerCooling,
    kind: &DoorKind,
    air_design_w: f64,
    air_avg_w: f64,
    air_option_w: f64,
    p: &DoorParams,
) -> (f64, f64) {
    let exhaust = Exhaust::of(servers, air_design_w, air_option_w, p);
    let design_w = door_heat_w(&exhaust, kind, p.inlet_c, p.water_c);
    let coil_share = if exhaust.air_w > 0.0 {
        let unrated = DoorKind {
            capacity_w: f64::INFINITY,
            ..*kind
        };
        door_heat_w(&exhaust, &unrated, p.inlet_c, p.water_c) / exhaust.air_w
    } else {
        0.0
    };
    let avg_w = (coil_share * air_avg_w).min(kind.capacity_w);
    (design_w, avg_w)
}

/// Server fan power a door's back-pressure adds to a rack: the share × the heat its
/// airflow carries at the servers' air rise (`C_air·ΔT_srv`), W.
pub fn back_pressure_w(
    servers: ServerCooling,
    kind: &DoorKind,
    air_option_w: f64,
    p: &DoorParams,
) -> f64 {
    let exhaust = Exhaust::of(servers, 0.0, air_option_w, p);
    kind.back_pressure_share * exhaust.rate_w_per_k * p.rise_k
}

#[cfg(test)]
mod tests {
    use super::*;
    use coolplan_model::assumptions::Assumptions;
    use coolplan_model::{FacilityWater, Floor, FloorKind, HeatRejection, WaterClass};
    use coolplan_units::Currency;
    use coolplan_units::build::{deg_c, kg_per_m2, kw, m2};

    fn defaults() -> Resolved {
        Assumptions::default().resolve(Currency::CNY)
    }

    fn chilled_water_hall() -> Hall {
        let floor = Floor {
            kind: FloorKind::Raised,
            rating: kg_per_m2(1200.0),
        };
        Hall::bare("hall", floor, m2(500.0), kw(1000.0))
    }

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn a_passive_door_at_its_rating_leaves_the_rest_of_a_50_kw_rack_on_air() {
        let p = DoorParams::new(&defaults(), &chilled_water_hall());
        // defaults: ε 0.6, rating 35 kW, water 18 °C (chilled-water hall), inlet 24 °C, 12 K
        assert!(close(p.water_c, 18.0, 1e-12) && close(p.inlet_c, 24.0, 1e-12));
        // 50 kW on air at 12 K: C_air = 50,000 / 12 = 4,166.7 W/K, T_exh = 24 + 12 = 36 °C
        // coil = 0.6 × 4,166.7 × (36 − 18) = 45,000 W > rating 35,000 W: the door takes 35 kW,
        // 50 − 35 = 15 kW stays on air.
        let exhaust = Exhaust::of(ServerCooling::Air, 50e3, 50e3, &p);
        assert!(close(exhaust.rise_k(), 12.0, 1e-12));
        let door_w = door_heat_w(&exhaust, &p.passive, p.inlet_c, p.water_c);
        assert!(close(door_w, 35e3, 1e-9), "{door_w}");
        assert!(close(50e3 - door_w, 15e3, 1e-9));
        // the same in quantities
        let celsius = ThermodynamicTemperature::new::<degree_celsius>;
        let typed = door_heat(
            Power::new::<watt>(50e3),
            TemperatureInterval::new::<kelvin>(12.0),
            celsius(24.0),
            celsius(18.0),
            &p.passive,
        );
        assert!(close(typed.get::<watt>(), 35e3, 1e-9));
        // At average load (u = 0.5, 25 kW on air) the coil's share 45/50 = 0.9 gives 22.5 kW,
        // inside the rating.
        let (design_w, avg_w) = split(ServerCooling::Air, &p.passive, 50e3, 25e3, 50e3, &p);
        assert!(
            close(design_w, 35e3, 1e-9) && close(avg_w, 22.5e3, 1e-9),
            "{avg_w}"
        );
        // An active door (ε 0.75, 75 kW) takes it all: 0.75 × 4,166.7 × 18 = 56,250 W,
        // capped at the rack's own 50 kW on air.
        let active_w = door_heat_w(&exhaust, &p.active, p.inlet_c, p.water_c);
        assert!(close(active_w, 50e3, 1e-9), "{active_w}");
    }

    #[test]
    fn a_hybrid_racks_residual_air_is_fully_taken_by_a_passive_door() {
        let p = DoorParams::new(&defaults(), &chilled_water_hall());
        // 100 kW on air without plates; cold plates (fan share 0.1, saving s 0.5, capture 0.8):
        // IT = 100 × (1 − 0.1 × 0.5) = 95 kW, liquid 0.8 × 95 = 76, residual 0.2 × 95 = 19 kW.
        // Fans at (1 − 0.5)^⅓ = 0.793 70 of their speed: C_air = 100,000 / 12 × 0.793 70
        // = 6,614.2 W/K, so the residual leaves at 19,000 / 6,614.2 = 2.8726 K over the inlet.
        let exhaust = Exhaust::of(ServerCooling::ColdPlate, 19e3, 100e3, &p);
        assert!(close(exhaust.rate_w_per_k, 6_614.2, 0.05), "{exhaust:?}");
        assert!(close(exhaust.rise_k(), 2.8726, 1e-4));
        // coil = 0.6 × 6,614.2 × (24 + 2.8726 − 18) = 0.6 × 6,614.2 × 8.8726 = 35,211 W: more
        // than the residual, so the door takes all 19 kW and leaves none on air.
        let door_w = door_heat_w(&exhaust, &p.passive, p.inlet_c, p.water_c);
        assert!(close(door_w, 19e3, 1e-9), "{door_w}");
        // the back-pressure of the slowed airflow: 0.007 × 6,614.2 W/K × 12 K = 555.6 W
        let extra_w = back_pressure_w(ServerCooling::ColdPlate, &p.passive, 100e3, &p);
        assert!(close(extra_w, 555.6, 0.05), "{extra_w}");
        assert_eq!(
            back_pressure_w(ServerCooling::Air, &p.active, 100e3, &p),
            0.0
        );
    }

    #[test]
    fn door_water_comes_off_the_chilled_water_or_a_door_trim_chiller() {
        let a = defaults();
        let mut hall = chilled_water_hall();
        // chilled-water air plant at 10 °C: 10 + 4 K approach = 14 °C, the door CDU holds
        // 18 °C; no reasons, no trim chiller, no extension
        let supply = door_supply(&hall, &a);
        assert!(close(supply.water_c, 18.0, 1e-12) && !supply.trim && !supply.extension);
        assert!(door_water_reasons(&hall, &a).is_empty());
        // a high-temperature chilled-water plant at 22 °C: 22 + 4 = 26 °C > 24 °C inlet
        let mut warm = Assumptions::default();
        warm.plant.chilled_water_supply = Some(deg_c(22.0));
        let warm = warm.resolve(Currency::CNY);
        let celsius = ThermodynamicTemperature::new::<degree_celsius>;
        assert_eq!(
            door_water_reasons(&hall, &warm),
            [Reason::DoorWaterTooWarm {
                supply: celsius(26.0),
                max: celsius(24.0)
            }]
        );
        // at 26 °C the coil sees 36 − 26 = 10 K: 0.6 × 4,166.7 × 10 = 25,000 W of a 50 kW rack
        let p = DoorParams::new(&warm, &hall);
        let exhaust = Exhaust::of(ServerCooling::Air, 50e3, 50e3, &p);
        let door_w = door_heat_w(&exhaust, &p.passive, p.inlet_c, p.water_c);
        assert!(close(door_w, 25e3, 1e-9), "{door_w}");
        // a DX room on W32 facility water at 30 °C: 34 °C is too warm for the door loop, so it
        // gets a trim chiller of its own and runs at 18 °C
        hall.plant = Some(AirPlant::DxCrac {
            economiser: false,
            adiabatic: false,
        });
        hall.facility_water = Some(FacilityWater {
            class: WaterClass::W32,
            supply_temp: deg_c(30.0),
            heat_rejection: Some(HeatRejection::DryCooler { adiabatic: false }),
            capacity: None,
        });
        let supply = door_supply(&hall, &a);
        assert!(close(supply.water_c, 18.0, 1e-12) && supply.trim && !supply.extension);
        assert!(door_water_reasons(&hall, &a).is_empty());
        // the same room on chilled facility water at 12 °C: 16 °C, no trim chiller
        hall.facility_water = Some(FacilityWater {
            class: WaterClass::W17,
            supply_temp: deg_c(12.0),
            heat_rejection: Some(HeatRejection::ChilledWater),
            capacity: None,
        });
        assert!(!door_supply(&hall, &a).trim);
        // without facility water: the extension (W32 at 30 °C) with the door's trim chiller;
        // a room that forbids the extension has no water for its doors
        hall.facility_water = None;
        let supply = door_supply(&hall, &a);
        assert!(supply.trim && supply.extension);
        hall.forbidden_works = vec![coolplan_model::EnablingWork::FacilityWaterExtension];
        assert_eq!(door_water_reasons(&hall, &a), [Reason::NoFacilityWater]);
        // a door loop set below the dew point plus margin (15 < 17 °C) would condense
        let mut cold = Assumptions::default();
        cold.cooling.rdhx_water_supply = Some(deg_c(15.0));
        let cold = cold.resolve(Currency::CNY);
        assert_eq!(
            door_water_reasons(&chilled_water_hall(), &cold),
            [Reason::DoorBelowDewPoint {
                supply: celsius(15.0),
                min: celsius(17.0)
            }]
        );
    }

    #[test]
    fn cold_plated_servers_move_the_cube_root_of_their_fans_power_share_of_air() {
        let mut a = defaults();
        a.cooling.cold_plate_fan_saving = 0.875;
        let p = DoorParams::new(&a, &chilled_water_hall());
        // fans at 1 − 0.875 = 1/8 of their power move (1/8)^⅓ = 1/2 of the airflow: a rack
        // whose 10 kW on air needs 10,000 / ΔT W/K on air needs half that on cold plates
        let air = Exhaust::of(ServerCooling::Air, 2_000.0, 10_000.0, &p);
        let plates = Exhaust::of(ServerCooling::ColdPlate, 2_000.0, 10_000.0, &p);
        assert_eq!(plates.rate_w_per_k, air.rate_w_per_k * 0.5);
        assert_eq!(air.rate_w_per_k, 10_000.0 / p.rise_k);
    }
}
