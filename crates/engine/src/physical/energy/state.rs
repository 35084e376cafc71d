//! One hall in one load state: the power of every part of its plant in every bin, summed to
//! monthly energies (`docs/method.md` §7.1–§7.3). Non-linear in the loads (UPS square law,
//! fan curve with its floor, chiller staging and part load, dry-cooler fan law), so it runs
//! on the hall's totals, never per rack group.

use super::bins::ClimatePlant;
use super::chiller::staged_power_w;
use super::params::{LiquidPath, PlantParams};
use coolplan_model::AirPlant;

/// The parts of a hall's plant whose energy is reported and priced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    UpsNoLoad,
    UpsLoad,
    DistributionNoLoad,
    DistributionLoad,
    Lighting,
    Ancillary,
    FansFloor,
    FansLoad,
    Compressors,
    HeatRejection,
    PumpsFloor,
    PumpsLoad,
    LiquidPumps,
    DryCoolerFans,
    TrimChiller,
    /// Rear-door water-loop pumps.
    DoorPumps,
    /// Active rear doors' fans.
    DoorFans,
    /// Fans of the liquid-to-air CDUs.
    LiquidToAirFans,
}

/// How a part's energy is priced per rack group (`docs/method.md` §7.6).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// The existing plant's load-independent part: allocated by design IT share.
    Fixed,
    /// Driven by IT power (UPS and distribution losses above no-load).
    It,
    /// Driven by the heat the air plant removes.
    Air,
    /// The new liquid path (never scaled by calibration).
    Liquid,
    /// The rear doors' own pumps and fans (new, never scaled by calibration).
    Door,
}

pub const PARTS: usize = 18;

impl Part {
    pub const ALL: [Part; PARTS] = [
        Part::UpsNoLoad,
        Part::UpsLoad,
        Part::DistributionNoLoad,
        Part::DistributionLoad,
        Part::Lighting,
        Part::Ancillary,
        Part::FansFloor,
        Part::FansLoad,
        Part::Compressors,
        Part::HeatRejection,
        Part::PumpsFloor,
        Part::PumpsLoad,
        Part::LiquidPumps,
        Part::DryCoolerFans,
        Part::TrimChiller,
        Part::DoorPumps,
        Part::DoorFans,
        Part::LiquidToAirFans,
    ];
    pub fn class(self) -> Class {
        match self {
            Part::UpsNoLoad
            | Part::DistributionNoLoad
            | Part::Lighting
            | Part::Ancillary
            | Part::FansFloor
            | Part::PumpsFloor => Class::Fixed,
            Part::UpsLoad | Part::DistributionLoad => Class::It,
            Part::FansLoad | Part::Compressors | Part::HeatRejection | Part::PumpsLoad => {
                Class::Air
            }
            Part::LiquidPumps | Part::DryCoolerFans | Part::TrimChiller | Part::LiquidToAirFans => {
                Class::Liquid
            }
            Part::DoorPumps | Part::DoorFans => Class::Door,
        }
    }
    /// Part of the cooling path (fans, compressors, heat rejection, pumps, the liquid path),
    /// what the cooling KPIs count; not the electrical chain, lighting or ancillary load.
    pub fn is_cooling(self) -> bool {
        !matches!(
            self,
            Part::UpsNoLoad
                | Part::UpsLoad
                | Part::DistributionNoLoad
                | Part::DistributionLoad
                | Part::Lighting
                | Part::Ancillary
        )
    }
}

/// A hall's loads in one option state (sums over its rack groups), W.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct HallLoads {
    /// Average IT power (after the state's server-fan saving).
    pub it_avg_w: f64,
    /// Average heat on the room air: the servers' air plus what liquid-to-air CDUs return
    /// (their liquid heat and fans).
    pub air_avg_w: f64,
    /// Average heat to liquid onto facility water.
    pub liquid_avg_w: f64,
    /// Heat to liquid onto facility water at maximum draw (sizes the facility pumps,
    /// dry-cooler fans and the trim chiller).
    pub liquid_design_w: f64,
    /// Average liquid heat liquid-to-air CDUs return to the room (inside `air_avg_w`).
    pub to_room_liquid_avg_w: f64,
    /// The same at maximum draw (sizes the technology-loop pumps behind those CDUs).
    pub to_room_liquid_design_w: f64,
    /// Average fan power of the liquid-to-air CDUs (its heat is inside `air_avg_w`).
    pub l2a_fan_avg_w: f64,
    /// Design pump power of the state's own loops (technology or tank loop) per W of
    /// liquid design heat ([`super::pumps::LoopPumps::option_loop_w_per_w`]).
    pub loop_pump_w_per_w: f64,
    /// Average heat rear doors take into their water loop (the air plant's chilled water
    /// or compressors remove it, without room fans).
    pub door_avg_w: f64,
    /// Door heat at maximum draw (sizes the door-loop pumps).
    pub door_design_w: f64,
    /// Average fan power of the active rear doors.
    pub door_fan_avg_w: f64,
}

/// ASHRAE 90.1 Appendix G variable-speed fan curve (Table G3.1.3.15, method 2) [STD][2nd]:
/// power share at airflow share `x`.
pub fn fan_curve(x: f64) -> f64 {
    0.0013 + 0.1470 * x + 0.9506 * x * x - 0.0998 * x * x * x
}

/// Monthly energy (Wh) of every part in one state, and what the design day asked of it.
#[derive(Clone, Debug, PartialEq)]
pub struct StateEnergy {
    pub monthly_wh: [[f64; PARTS]; 12],
    /// Heat the air plant's coils take (air, losses, lighting, fans; tapped liquid), W.
    pub coil_air_w: f64,
    /// Liquid heat tapped into the air plant's chilled water, W.
    pub coil_liquid_w: f64,
    /// Rear-door heat on the air plant's chilled water (or compressors), W.
    pub coil_door_w: f64,
    /// Trim chiller installed for this state's liquid design heat, W.
    pub trim_capacity_w: f64,
    /// Tower water evaporated, m³.
    pub water_m3: f64,
}

impl StateEnergy {
    /// Annual energy of `part`, Wh.
    pub fn annual_wh(&self, part: Part) -> f64 {
        self.monthly_wh.iter().map(|m| m[part as usize]).sum()
    }
    /// Annual energy of every part of `class`, Wh.
    pub fn class_wh(&self, class: Class) -> f64 {
        Part::ALL
            .iter()
            .filter(|p| p.class() == class)
            .map(|p| self.annual_wh(*p))
            .sum()
    }
}

/// The plant's parts in state `loads` with IT capacity `it_capacity_w`.
pub fn evaluate(
    p: &PlantParams,
    climate: &ClimatePlant,
    loads: &HallLoads,
    it_capacity_w: f64,
) -> StateEnergy {
    let mut power = [0.0; PARTS];
    let mut set = |part: Part, w: f64| power[part as usize] = w;
    let it_w = loads.it_avg_w.max(0.0);

    // Electrical chain: R = C_IT·r; UPS R·u0 + u1·P + u2·P²/R; distribution R·d0 + d2·P²/R.
    let rating_w = it_capacity_w * p.ups_rating_factor;
    let (u0, u1, u2) = p.ups;
    let square_w = if rating_w > 0.0 {
        it_w * it_w / rating_w
    } else {
        0.0
    };
    set(Part::UpsNoLoad, rating_w * u0);
    set(Part::UpsLoad, u1 * it_w + u2 * square_w);
    set(Part::DistributionNoLoad, rating_w * p.dist_no_load);
    set(Part::DistributionLoad, p.dist_load_loss * square_w);
    let electrical_w =
        rating_w * (u0 + p.dist_no_load) + u1 * it_w + (u2 + p.dist_load_loss) * square_w;
    // Lighting LPD·A·(1 + support)·on; ancillary m·C_IT.
    let lighting_w = p.lighting_w_per_m2 * p.area_m2 * (1.0 + p.support_area_ratio) * p.lighting_on;
    set(Part::Lighting, lighting_w);
    set(Part::Ancillary, p.misc_per_it_capacity * it_capacity_w);

    // Fans: CRAH on the fan curve above a floor speed; CRAC blowers at constant speed.
    let room_w = loads.air_avg_w.max(0.0) + p.electrical_heat_to_air * electrical_w + lighting_w;
    let (fan_floor_w, fan_load_w) = match p.air_plant {
        AirPlant::DxCrac { .. } => (p.crac_fan * p.air_capacity_w, 0.0),
        _ => {
            let design_w = p.crah_fan * p.air_capacity_w;
            let floor_w = design_w * fan_curve(p.fan_min_speed);
            let x = if p.air_capacity_w > 0.0 {
                (p.airflow_margin * room_w / p.air_capacity_w).clamp(p.fan_min_speed, 1.0)
            } else {
                p.fan_min_speed
            };
            (floor_w, (design_w * fan_curve(x) - floor_w).max(0.0))
        }
    };
    set(Part::FansFloor, fan_floor_w);
    set(Part::FansLoad, fan_load_w);
    let coil_air_w = room_w + fan_floor_w + fan_load_w;
    let tapped = p.liquid == LiquidPath::Tapped;
    let liquid_w = loads.liquid_avg_w.max(0.0);
    let coil_liquid_w = if tapped { liquid_w } else { 0.0 };
    // Rear doors: their heat reaches the air plant's chilled water (or compressors) through
    // the door CDU, with no room fans; their own pumps and fans are facility load.
    let coil_door_w = loads.door_avg_w.max(0.0);
    let coil_w = coil_air_w + coil_liquid_w + coil_door_w;

    // Chilled-water pumps: design power on plant capacity, a floor plus a share with load.
    let capacity_w = p.air_plant_capacity_w();
    let pump_design_w = match p.air_plant {
        AirPlant::ChilledWaterTower { .. } => (p.chw_pumps + p.cw_pumps) * capacity_w,
        AirPlant::ChilledWaterAirCooled { .. } => p.chw_pumps * capacity_w,
        AirPlant::DxCrac { .. } => 0.0,
    };
    let load_share = if capacity_w > 0.0 {
        (coil_w / capacity_w).min(1.0)
    } else {
        1.0
    };
    set(Part::PumpsFloor, pump_design_w * p.pump_fixed);
    set(
        Part::PumpsLoad,
        pump_design_w * (1.0 - p.pump_fixed) * load_share,
    );

    // Liquid pumps: (loop + facility)·Q_des·(ψ + (1 − ψ)·Q/Q_des), each loop's design power
    // per W = ΔP/(η·ρ·c_p·ΔT) (`pumps`); tapped liquid rides on the chilled-water pumps above.
    // Liquid returned to the room by liquid-to-air CDUs has its technology loop only.
    let liquid_design_w = loads.liquid_design_w.max(liquid_w);
    let to_room_w = loads.to_room_liquid_avg_w.max(0.0);
    let to_room_design_w = loads.to_room_liquid_design_w.max(to_room_w);
    if liquid_w + to_room_w > 0.0 {
        let facility_w_per_w = if tapped {
            0.0
        } else {
            p.pumps.facility_w_per_w
        };
        let design_w = (loads.loop_pump_w_per_w + facility_w_per_w) * liquid_design_w
            + loads.loop_pump_w_per_w * to_room_design_w;
        let share = p.liquid_pump_fixed
            + (1.0 - p.liquid_pump_fixed) * (liquid_w + to_room_w)
                / (liquid_design_w + to_room_design_w);
        set(Part::LiquidPumps, design_w * share);
    }
    let door_design_w = loads.door_design_w.max(coil_door_w);
    if coil_door_w > 0.0 {
        let design_w = p.pumps.door_w_per_w * door_design_w;
        let share = p.liquid_pump_fixed + (1.0 - p.liquid_pump_fixed) * coil_door_w / door_design_w;
        set(Part::DoorPumps, design_w * share);
        set(Part::DoorFans, loads.door_fan_avg_w.max(0.0));
    }
    set(Part::LiquidToAirFans, loads.l2a_fan_avg_w.max(0.0));

    let mut state = StateEnergy {
        monthly_wh: [[0.0; PARTS]; 12],
        coil_air_w,
        coil_liquid_w,
        coil_door_w,
        trim_capacity_w: 0.0,
        water_m3: 0.0,
    };
    for (month, hours_h) in state.monthly_wh.iter_mut().zip(climate.month_hours_h) {
        for (energy, w) in month.iter_mut().zip(power) {
            *energy = w * hours_h;
        }
    }

    // Per bin: compressors, heat rejection, dry-cooler fans, trim.
    let unit_w = capacity_w / p.chiller_units;
    let design = climate.design.filter(|_| liquid_w > 0.0 && !tapped);
    let trim_capacity_w = design.map_or(0.0, |d| d.trim_share * liquid_design_w * p.trim_margin);
    state.trim_capacity_w = trim_capacity_w;
    let load_ratio = if liquid_design_w > 0.0 {
        liquid_w / liquid_design_w
    } else {
        0.0
    };
    // At full fan speed the dry cooler takes its design heat down to air + a_dc: the ITD of
    // its full duty is a_dc + ΔT_loop, whatever the supply temperature.
    let full_duty_itd_k = p.dry_cooler_approach_k + p.loop_delta_k;
    let mut tower_heat_wh = 0.0;
    for b in &climate.bins {
        let month = &mut state.monthly_wh[b.month];
        let mechanical_w = coil_w * (1.0 - b.air_free);
        let (compressor_w, rejection_w) = match p.air_plant {
            AirPlant::ChilledWaterTower { .. } => {
                let chiller_w = staged_power_w(mechanical_w, b.air_cop, unit_w);
                tower_heat_wh += b.hours_h * (coil_w + chiller_w);
                (chiller_w, p.tower_fan * (coil_w + chiller_w))
            }
            AirPlant::ChilledWaterAirCooled { .. } => (
                staged_power_w(mechanical_w, b.air_cop, unit_w),
                p.free_cooling_fan * coil_w * b.air_free,
            ),
            AirPlant::DxCrac { .. } => {
                // Q_c = Q(1 − x)/SHR; PLF = 1 − Cd·(1 − min(1, Q_c/cap)); P = Q_c/(COP·PLF)
                let cooling_w = mechanical_w / p.dx_shr;
                let plr = if capacity_w > 0.0 {
                    (cooling_w / capacity_w).min(1.0)
                } else {
                    1.0
                };
                let plf = 1.0 - p.dx_cycling_loss * (1.0 - plr);
                let compressor_w = if cooling_w > 0.0 {
                    cooling_w / (b.air_cop * plf)
                } else {
                    0.0
                };
                (compressor_w, p.free_cooling_fan * coil_w * b.air_free)
            }
        };
        month[Part::Compressors as usize] += b.hours_h * compressor_w;
        month[Part::HeatRejection as usize] += b.hours_h * rejection_w;
        if design.is_some() {
            // Fans on the fan law: y = 1 while trimming, else the share of the full-speed
            // duty (design heat at ITD a_dc + ΔT) this bin needs: (Q/Q_des)·ITD_full/ITD.
            let speed = if b.trim_share > 0.0 {
                1.0
            } else {
                (load_ratio * full_duty_itd_k / b.cooler_itd_k.max(0.5))
                    .clamp(p.dry_cooler_min_speed, 1.0)
            };
            let fans_w = p.dry_cooler_fan * liquid_design_w * speed * speed * speed;
            month[Part::DryCoolerFans as usize] += b.hours_h * fans_w;
            if b.trim_share > 0.0 {
                let trim_load_w = liquid_w * b.trim_share;
                let trim_w =
                    staged_power_w(trim_load_w, b.trim_cop, trim_capacity_w.max(trim_load_w));
                month[Part::TrimChiller as usize] += b.hours_h * trim_w;
            }
        }
    }
    if matches!(p.air_plant, AirPlant::ChilledWaterTower { .. }) {
        // L per Wh × Wh → L; m³ = L / 1000.
        state.water_m3 = tower_heat_wh * p.wue_l_per_wh / 1000.0;
    }
    state
}
