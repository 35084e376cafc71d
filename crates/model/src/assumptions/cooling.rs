//! Cooling design assumptions: air limit, liquid loops, CDUs, immersion tanks, racks, rear doors.

use serde::{Deserialize, Serialize};

use crate::assumptions::describe::Named;
use crate::assumptions::{Describe, Numeric};
use crate::fluids::Fluid;
use coolplan_units::build::{deg_c, kelvin_diff, kg, kw, litres, m2, rack_units};
use coolplan_units::{AreaQ, LengthQ, MassQ, PowerQ, TempDiffQ, TemperatureQ, VolumeQ};

/// CDU form factor; each has a nominal capacity from the small catalog in `engine`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CduSize {
    /// Chosen per hall among the standard sizes to fit its load (the engine's rule, see
    /// `docs/method.md` §3): the default. Any other value pins the size for every hall.
    Auto,
    /// In-rack CDU, 100 kW (Vertiv CoolChip L2L smallest size [MFR]).
    InRack,
    /// In-row CDU, 600 kW (Vertiv CoolChip L2L 600 kW [MFR]).
    InRow,
    /// Facility CDU, 2,000 kW (CoolIT CHx2000 at 5 K approach [MFR]).
    Facility,
    /// A specific unit with its own capacity.
    Custom { capacity: PowerQ },
    /// The liquid-to-air CDU of the cold plate + liquid-to-air option, of capacity
    /// `l2a_unit_capacity`; the engine's, not a size a site file pins.
    #[serde(skip)]
    LiquidToAir { capacity: PowerQ },
}

impl CduSize {
    /// The standard sizes [`CduSize::Auto`] chooses among, smallest first.
    pub const STANDARD: [CduSize; 3] = [CduSize::InRack, CduSize::InRow, CduSize::Facility];

    /// Nominal heat capacity of one unit; `None` for [`CduSize::Auto`] (chosen per hall).
    pub fn capacity(&self) -> Option<PowerQ> {
        match self {
            CduSize::Auto => None,
            CduSize::InRack => Some(kw(100.0)),
            CduSize::InRow => Some(kw(600.0)),
            CduSize::Facility => Some(kw(2000.0)),
            CduSize::Custom { capacity } | CduSize::LiquidToAir { capacity } => Some(*capacity),
        }
    }
}

/// Its capacity, `600 kW` (nothing for `Auto`); the words crate puts the unit's name before it.
impl Describe for CduSize {
    fn describe(&self) -> String {
        self.capacity().map(|c| c.describe()).unwrap_or_default()
    }
    fn file_form(&self) -> String {
        ron::to_string(self).unwrap_or_default()
    }
    fn named(&self) -> Option<Named> {
        Some(Named::Cdu(self.clone()))
    }
}

/// A form factor, not a number: an uncertain input cannot vary it.
impl Numeric for CduSize {}

assumption_group! {
    /// Cooling design: what each technology can do and what its equipment holds.
    Cooling / CoolingResolved, "cooling" {
        /// Highest rack density air can cool.
        air_limit_per_rack: PowerQ = |c| kw(25.0),
            "Air 15–20 kW/rack with good airflow management; > 25 kW needs supplemental cooling (datacentres.com [ANL])";
        /// Share of server fan power saved when cold plates take the CPU/GPU heat (fans slow).
        cold_plate_fan_saving: f64 = |c| 0.5,
            "Estimate: fans slow to about half power once processors are on cold plates [EST]";
        /// Temperature rise of the air through air-cooled servers (and of the residual air
        /// of cold-plate servers): sets the airflow each load on air needs.
        air_delta_t: TempDiffQ = |c| kelvin_diff(12.0),
            "OCP ACS door heat-exchanger requirements take ≥ 12.2 K (22 °F) server air rise as reference [STD][2nd]; cooling units designed at ≈ 11 K (20 °F) (Data Center Frontier, Neudorfer 2022 [ANL])";
        /// Temperature rise of the technology loop across the racks.
        loop_delta_t: TempDiffQ = |c| kelvin_diff(10.0),
            "OCP: 1.5 L/min/kW at ΔT ≤ 10 K (OCP liquid-cooling guideline via ProphetStor [STD])";
        /// Supply of the facility water an enabling work brings to a hall that has none: a
        /// W32 loop on a new dry cooler with a trim chiller.
        facility_water_extension_supply: TemperatureQ = |c| deg_c(30.0),
            "W32 class (ASHRAE TC 9.9 [STD][2nd]) supplied at 30 °C, the dry-cooler design of the example sites [EST]";
        /// Fluid of the cold-plate technology loop.
        coolant: Fluid = |c| Fluid::PG25,
            "PG25 properties from Airedale DeltaChill manual [MFR]";
        /// Fluid of immersion tanks.
        immersion_fluid: Fluid = |c| Fluid::ShellS5X,
            "Shell S5 X: 806 kg/m³ (Shell TDS via secondary [MFR][2nd]); c_p 2.1 kJ/(kg·K) generic Group III [2nd]";
        /// CDU form factor used for sizing: chosen per hall unless the file pins one.
        cdu_size: CduSize = |c| CduSize::Auto,
            "Per hall, the standard size (in-rack 100 kW, in-row 600 kW [MFR], facility 2,000 kW [MFR]) that takes every rack with the least installed capacity [EST]; in-row CDUs 150–2,500 kW serve 8–16 racks [ANL]";
        /// CDU approach: technology-loop supply minus facility supply.
        cdu_approach: TempDiffQ = |c| kelvin_diff(4.0),
            "Liquid-to-liquid CDU approach 3–5 K (CoolIT 5 K, Schneider 3 K, Boyd ≈3 K [MFR][2nd])";
        /// Spare CDUs per group of CDUs (1 = N+1).
        cdu_redundancy: u32 = |c| 1,
            "N+1 redundancy, the usual design practice [EST]";
        /// Warmest technology-loop supply (facility supply + CDU approach) cold plates accept.
        cold_plate_max_loop_supply: TemperatureQ = |c| deg_c(45.0),
            "Technology-loop supply 17–45 °C (resistancezero.com [ANL]); LBNL review 2–40 °C facility water for cold plate [ACAD][2nd]";
        /// Air temperature at the rack inlets (cold aisle): what air-cooled servers and the
        /// liquid-to-air CDUs draw.
        rack_inlet_temp: TemperatureQ = |c| deg_c(24.0),
            "Estimate inside the ASHRAE A1 recommended 18–27 °C inlet range [STD][EST]";
        /// Heat capacity of one liquid-to-air CDU (a sidecar unit in one rack position).
        l2a_unit_capacity: PowerQ = |c| kw(70.0),
            "Vertiv CoolChip L2A up to 70 kW in one rack position [MFR][2nd]; CoolIT AHx10 10 kW in 5U, AHx180 180 kW, AHx240 240 kW in two rack positions [MFR][2nd]";
        /// Rack positions one liquid-to-air CDU takes in the row.
        l2a_unit_positions: f64 = |c| 1.0,
            "Vertiv CoolChip L2A sidecar: one rack position [MFR][2nd]; CoolIT AHx240: two [MFR][2nd]";
        /// Liquid-to-air CDU approach: technology-loop supply minus the air it draws.
        l2a_approach: TempDiffQ = |c| kelvin_diff(15.0),
            "CoolIT: liquid-to-air approach 15 K against 5 K liquid-to-liquid [MFR][2nd]; band 12–15 K [EST]";
        /// Fan power of the liquid-to-air CDUs per W of the liquid heat they reject.
        l2a_fan_share: f64 = |c| 0.025,
            "Estimate from fan physics: 70 kW at 12 K air rise = 4.83 m³/s × 150–250 Pa / 0.5 fan efficiency = 2.1–3.4 % of the heat [EST]";
        /// Spare liquid-to-air CDUs per hall (1 = N+1).
        l2a_redundancy: u32 = |c| 1,
            "N+1 per hall, as liquid-to-liquid CDUs [EST]";
        /// Warmest tank-loop supply (facility supply + CDU approach) immersion accepts.
        immersion_max_loop_supply: TemperatureQ = |c| deg_c(50.0),
            "LBNL-led review: 2–45 °C facility water for immersion [ACAD][2nd], plus a 3–5 K CDU approach [EST]";
        /// Heat capacity of one immersion tank.
        tank_capacity: PowerQ = |c| kw(50.0),
            "Submer SmartPodX: 50 kW [MFR][2nd]";
        /// Server slots of one tank.
        tank_slots: LengthQ = |c| rack_units(21.0),
            "Submer SmartPodX: 21U [MFR][2nd]";
        /// Fluid charge of one tank.
        tank_fluid_volume: VolumeQ = |c| litres(576.0),
            "Submer SmartPodX: 576 L [MFR][2nd]";
        /// Empty mass of one tank.
        tank_empty_mass: MassQ = |c| kg(411.0),
            "Submer SmartPodX: 411 kg empty [MFR][2nd]";
        /// Footprint of one tank.
        tank_footprint: AreaQ = |c| m2(1.08),
            "Submer SmartPodX: 1,200 × 900 mm = 1.08 m² [MFR][2nd]";
        /// Service clearance floor area per tank (top access).
        tank_service_area: AreaQ = |c| m2(1.08),
            "Estimate: one tank footprint of clear floor for lifting servers out [EST]";
        /// Footprint of one rack.
        rack_footprint: AreaQ = |c| m2(0.72),
            "600 × 1,200 mm rack, as NVIDIA GB200 NVL72 (0.6 × 1.2 m) [MFR]";
        /// Service clearance floor area per rack (front and rear aisles, shared).
        rack_service_area: AreaQ = |c| m2(0.72),
            "Estimate: half of a 1.2 m aisle on each side of a 0.6 m wide rack [EST]";
        /// Empty mass of one rack cabinet.
        rack_empty_mass: MassQ = |c| kg(150.0),
            "Estimate: 42U steel cabinet 120–180 kg [EST]";
        /// Empty mass of cold-plate manifolds and hoses added to a rack, with coolant.
        cold_plate_rack_mass: MassQ = |c| kg(60.0),
            "Estimate: manifolds, hoses and coolant of a rack [EST]";
        /// Supply of a rear door's water loop (a door CDU off the chilled water, above dew point).
        rdhx_water_supply: TemperatureQ = |c| deg_c(18.0),
            "IBM rear door: 18 ± 1 °C for ASHRAE Class 1 rooms, 22 °C for Class 2; building chilled water at 4–6 °C is too cold, a secondary loop is required [MFR]";
        /// Temperature rise of a rear door's water.
        rdhx_water_delta_t: TempDiffQ = |c| kelvin_diff(5.0),
            "Estimate; a public door table uses 5–6 K [2nd, low][EST]";
        /// Coldest door water: the room's dew point plus a margin (doors run sensible only).
        rdhx_min_water_supply: TemperatureQ = |c| deg_c(17.0),
            "Room dew point 15 °C [EST] (IBM: at most 17 °C in Class 1 rooms [MFR]) + 2 K margin (HPE Motivair door QuickSpecs via coolnetpower [MFR][2nd]; Sun Cooling Door 5200: 3 K [MFR])";
        /// Passive rear door: air-side effectiveness of its coil.
        rdhx_passive_effectiveness: f64 = |c| 0.6,
            "Calibrated on IBM's door, 55–85 % of 20–32 kW with 18 °C water [MFR], and the Sun Cooling Door 5200, 75–100 % up to 35 kW [MFR]; range 0.45–0.75 [EST]";
        /// Passive rear door: the most heat one door takes.
        rdhx_passive_capacity: PowerQ = |c| kw(35.0),
            "HPE/Motivair passive door band 14–35 kW [MFR][2nd]; Sun Cooling Door 5200 up to 35 kW [MFR]";
        /// Server fan power a passive door's back-pressure adds, share of the air heat it sees.
        rdhx_back_pressure_fan_share: f64 = |c| 0.007,
            "Estimate: 30 Pa door pressure drop [EST] (IBM: same impedance as its acoustic door [MFR]) pushed by server fans at η 0.3 [EST]: V̇·ΔP/η = Q/(1,207 J/(m³·K) × 12 K) × 30 Pa / 0.3 = 0.69 % of Q";
        /// Active rear door (fans in the door): air-side effectiveness of its coil.
        rdhx_active_effectiveness: f64 = |c| 0.75,
            "Estimate: the door's fans hold design airflow through a deeper coil [EST]";
        /// Active rear door: the most heat one door takes.
        rdhx_active_capacity: PowerQ = |c| kw(75.0),
            "HPE/Motivair door bands 35–55 and 55–75 kW [MFR][2nd]; active doors 40–75 kW (aidatacenterguide [ANL])";
        /// Active rear door: fan power, share of the heat the door takes (facility load).
        rdhx_active_fan_share: f64 = |c| 0.015,
            "OCP door heat-exchanger requirement: active door power ≤ 2 % of rated heat rejection [STD][2nd]; 0.5–2 kW per door (yobitel [2nd]); 50 kW at 150 Pa, η 0.5: 2.1 % [EST]";
        /// Passive rear door's mass on the rack, filled (floor load).
        rdhx_passive_mass: MassQ = |c| kg(60.0),
            "IBM door 35.6 kg filled [MFR]; ColdLogik passive 100–125 kg wet [2nd, low]; 60 kg [EST]";
        /// Active rear door's mass on the rack, filled (floor load).
        rdhx_active_mass: MassQ = |c| kg(150.0),
            "ColdLogik active doors 145–192 kg wet [2nd, low]";
    }
}

#[cfg(test)]
mod cdu_text {
    use super::*;

    #[test]
    fn a_cdu_size_shows_its_capacity_and_keeps_its_file_name() {
        assert_eq!(CduSize::InRow.describe(), "600 kW");
        assert_eq!(CduSize::Facility.describe(), "2,000 kW");
        assert_eq!(CduSize::InRow.named(), Some(Named::Cdu(CduSize::InRow)));
        assert_eq!(CduSize::InRow.file_form(), "InRow");
        assert_eq!(CduSize::Auto.describe(), "");
        assert_eq!(CduSize::Auto.file_form(), "Auto");
    }
}
