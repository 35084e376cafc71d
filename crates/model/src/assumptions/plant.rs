//! Facility plant assumptions of the energy model (`docs/method.md` §7): compressors and
//! their rating points, chilled water and heat rejection, fans and pumps, the electrical
//! chain, lighting and ancillary load, the liquid path, the design day, water and carbon.
//! What kind of plant a hall has is a hall field ([`crate::hall_plant`]); these are the
//! figures every plant of the site shares.

use coolplan_units::build::{bar, deg_c, kelvin_diff, kg_per_kwh, l_per_kwh, w_per_m2};
use coolplan_units::{
    Currency, EmissionFactorQ, PowerDensityQ, PressureQ, TempDiffQ, TemperatureQ, WaterIntensityQ,
};

assumption_group! {
    /// The plant that rejects heat and powers IT.
    Plant / PlantResolved, "plant" {
        // compressors (§7.2)
        /// Rated COP of the air plant's water-cooled chillers at AHRI 550/590 conditions
        /// (6.7 °C chilled water; condenser water 29.4 → 34.6 °C).
        chiller_cop: f64 = |c| 6.0,
            "Water-cooled centrifugal COP 6–7 [ANL]; DOE-2 reference chiller 5.5 [STD/ACAD][2nd]; rated at AHRI 550/590 conditions [STD][2nd]";
        /// Rated COP of air-cooled chillers at AHRI conditions (6.7 °C; 35 °C air).
        air_cooled_chiller_cop: f64 = |c| 2.8,
            "ASHRAE 90.1-2010 minimum for air-cooled chillers 9.562 EER = 2.80 at AHRI conditions [STD][2nd]";
        /// Rated COP of the liquid path's air-cooled trim chiller at AHRI conditions; at the
        /// facility water's supply its lift, and so its COP, differ.
        trim_chiller_cop: f64 = |c| 2.8,
            "Air-cooled chiller, ASHRAE 90.1-2010 minimum 9.562 EER = 2.80 [STD][2nd]; COP at its own lift from the lift model";
        /// Rated COP of DX CRAC compressors with their condenser fans (24 °C return, 35 °C air).
        dx_cop: f64 = |c| 3.0,
            "Estimate: evaporates ≈5 K warmer than a 6.7 °C chiller with the same air-cooled condenser, so a little above 2.8; CRACs are rated as sensible COP (AHRI 1360), no minimum found [EST]";
        /// Share of a compressor's input at its rating point that does not scale with lift.
        lift_independent_share: f64 = |c| 0.25,
            "Estimate: gives 2.65–2.83 % less chiller power per +1 K supply, inside the 2–3 %/K of the literature [ANL] and of the DOE-2 curve (2.9 %/K at 6.7 °C) [EST]";
        /// Duty chillers of the air plant (staged on as the load needs them).
        chiller_units: u32 = |c| 3,
            "Estimate: three duty units [EST]";
        /// Chiller plant capacity over the hall's air-cooling capacity.
        plant_capacity_margin: f64 = |c| 1.15,
            "Estimate: plant sized 15 % above the air units it serves [EST]";
        // chilled water and heat rejection (§7.2)
        /// Chilled-water supply temperature of the air plant.
        chilled_water_supply: TemperatureQ = |c| deg_c(10.0),
            "Legacy setpoint 6–7 °C, modern halls 10–15 °C [ANL]; 10 °C taken for an existing hall [EST]";
        /// Chilled-water return minus supply.
        chilled_water_delta_t: TempDiffQ = |c| kelvin_diff(5.0),
            "7/12 °C chilled-water supply/return, the usual design convention [EST]";
        /// Cooling-tower leaving water minus the outdoor wet bulb.
        tower_approach: TempDiffQ = |c| kelvin_diff(4.0),
            "Estimate; ASHRAE 90.1 Appendix G sets the baseline tower approach from the 0.4 % design wet bulb [STD][2nd] [EST]";
        /// Condenser-water temperature rise across the chillers.
        condenser_range: TempDiffQ = |c| kelvin_diff(5.2),
            "AHRI 550/590 condenser water 29.4 → 34.6 °C [STD][2nd]";
        /// Coldest condenser water the chillers accept (head-pressure floor).
        min_condenser_water: TemperatureQ = |c| deg_c(15.0),
            "Estimate: chiller head-pressure floor [EST]";
        /// Plate heat exchanger approach of the waterside economiser.
        economiser_hx_approach: TempDiffQ = |c| kelvin_diff(1.5),
            "Estimate: plate heat exchanger 1–2 K [EST]";
        /// Approach of a dry free-cooling coil (or a DX room's glycol coil) to the dry bulb.
        dry_economiser_approach: TempDiffQ = |c| kelvin_diff(6.0),
            "Estimate: dry coil 4–8 K [EST]";
        /// Free-cooling coil fan power per kW free-cooled.
        free_cooling_fan_share: f64 = |c| 0.02,
            "Estimate [EST]";
        /// Cooling-tower fan power per kW of heat rejected.
        tower_fan_share: f64 = |c| 0.013,
            "ASHRAE 90.1 Appendix G tower 38.2 gpm/hp = 3.23 L/s per kW of fan; at 5.6 K range 1 L/s rejects 23.4 kW → 1.3 % [STD][2nd]";
        /// Chilled-water pumps per kW of plant capacity, at design flow.
        chilled_water_pumps: f64 = |c| 0.015,
            "ASHRAE 90.1 Appendix G 22 W/gpm at 5.6 K ΔT ≈ 1.5 % [STD][2nd]";
        /// Condenser-water pumps per kW of plant capacity, at design flow.
        condenser_water_pumps: f64 = |c| 0.015,
            "ASHRAE 90.1 Appendix G 19 W/gpm at 5.6 K ΔT ≈ 1.5 % [STD][2nd]";
        /// Share of design pump power drawn at any load (constant-flow primary pumps).
        pump_fixed_fraction: f64 = |c| 0.6,
            "Estimate: constant-flow primary pumps in existing plants [EST]";
        /// Saturation efficiency of adiabatic pads (air leaves at T − ε·(T − wet bulb)).
        adiabatic_effectiveness: f64 = |c| 0.8,
            "Estimate: vendor claims vary widely (Evapco tested 10 pads [MFR]); 0.8 puts air within 6–7 K of the wet bulb at design, as vendors quote [MFR][2nd] [EST]";
        // fans (§7.1)
        /// CRAH fan power at full speed per kW of air-cooling capacity.
        crah_fan_power: f64 = |c| 0.045,
            "Estimate: 0.069–0.083 m³/s per kW at 10–12 K, 350–450 Pa, fan-motor-drive 0.55–0.6 → 0.04–0.07 kW/kW; EC fans at the low end [EST]";
        /// DX CRAC blower power (constant speed) per kW of air-cooling capacity.
        crac_fan_power: f64 = |c| 0.07,
            "Estimate: forward-curved blowers at 400–500 Pa, efficiency 0.45–0.5 → 0.07–0.09 kW/kW [EST]";
        /// Lowest CRAH fan speed (share of full airflow); 1 for constant-speed fans.
        fan_min_speed: f64 = |c| 0.65,
            "Estimate: CRAHs hold under-floor static pressure and all redundant units run (CRAH fans modulate to a pressure set point [ANL]) [EST]";
        /// Airflow per unit of heat above the ideal (bypass and recirculation).
        airflow_margin: f64 = |c| 1.3,
            "Estimate: running cooling capacity averaged 3.9× IT load in 45 audited sites (Upsite [ANL]) [EST]";
        // DX CRAC rooms (§7.2)
        /// Return-air temperature of DX CRAC units.
        dx_return_air: TemperatureQ = |c| deg_c(24.0),
            "Estimate: legacy CRAC set point [EST]";
        /// Sensible heat ratio of DX coils (they evaporate below the room dew point).
        dx_sensible_heat_ratio: f64 = |c| 0.9,
            "Estimate [EST]";
        /// Cycling loss coefficient of DX compressors at part load.
        dx_cycling_loss: f64 = |c| 0.15,
            "Estimate: part-load factor 1 − Cd·(1 − PLR) [EST]";
        /// Outdoor span over which a DX room's economiser coil goes from none to all the load.
        dx_economiser_span: TempDiffQ = |c| kelvin_diff(12.0),
            "Estimate [EST]";
        // electrical chain and ancillary load (§7.1)
        /// Transformer and PDU no-load (core) loss per kW of UPS rating.
        distribution_no_load: f64 = |c| 0.004,
            "Estimate: dry-type transformer core loss; with the load loss 98.2 % at 35 % load, inside NEMA TP-1's 97–98.8 % [STD][2nd] [EST]";
        /// Transformer, PDU and cable load loss at full rating, per kW of rating.
        distribution_load_loss: f64 = |c| 0.02,
            "Load loss 4–6× no-load loss for standard dry-type transformers (×5 taken) [ANL]";
        /// Share of UPS and distribution losses that become heat in the hall's air.
        electrical_heat_to_air: f64 = |c| 1.0,
            "Estimate: UPS, PDU and switch rooms are cooled by the hall's air plant [EST]";
        /// Lighting power per m² of white space.
        lighting_power_density: PowerDensityQ = |c| w_per_m2(12.0),
            "Estimate: under GB 50034-2004's 15–18 W/m² for 500 lx rooms [STD][2nd]; LED halls lower [EST]";
        /// Support area (UPS, battery and plant rooms, corridors) lit, per m² of white space.
        support_area_ratio: f64 = |c| 0.5,
            "Estimate [EST]";
        /// Share of the hours lights are on.
        lighting_on_fraction: f64 = |c| 1.0,
            "Estimate: legacy halls lit around the clock; 0.2–0.3 with occupancy control [EST]";
        /// BMS, security, fire systems, offices and controls per kW of IT capacity.
        misc_per_it_capacity: f64 = |c| 0.01,
            "Estimate [EST]";
        // liquid path (§7.3)
        /// Pressure drop of the cold-plate technology loop at design flow (cold plates,
        /// manifolds, hoses and quick-disconnects, the CDU's heat exchanger).
        tech_loop_pressure_drop: PressureQ = |c| bar(2.0),
            "CDU and manifold differential 0.5–3 bar (resistancezero.com [ANL]); OCP rack pumping unit 150 L/min to a 100 kW rack at ≤ 40 psi = 2.76 bar [STD][2nd]";
        /// Pressure drop of the immersion tank loop at design flow (tank distribution and
        /// the fluid side of the tank's plate heat exchanger).
        immersion_loop_pressure_drop: PressureQ = |c| bar(1.2),
            "Estimate: no public tank pump data found; low velocities in the tank, a viscous fluid in the heat exchanger [EST]";
        /// Pressure drop of the facility-water loop at design flow (CDU primary side, piping,
        /// dry-cooler or plate heat exchanger coil).
        facility_loop_pressure_drop: PressureQ = |c| bar(2.5),
            "Estimate: CDU primary side ≈ 0.5–1 bar, piping and coil 1.5–2 bar [EST]";
        /// Pressure drop of a rear-door water loop at design flow (doors, hoses, door CDU).
        door_loop_pressure_drop: PressureQ = |c| bar(1.0),
            "Estimate: door coils, hoses and the door CDU [EST]";
        /// Temperature rise of the facility water across the CDUs.
        facility_loop_delta_t: TempDiffQ = |c| kelvin_diff(8.0),
            "Estimate for the facility side of CDUs: W32 supply, 40 °C return [EST]";
        /// Wire-to-water efficiency of liquid-loop pumps (pump × motor × drive).
        pump_efficiency: f64 = |c| 0.6,
            "Wire-to-water 60–75 % for a pump set running well (midstreamcalculator.com [2nd]; definition as Rishel, HVAC Pump Handbook [2nd]); lower end taken [EST]";
        /// Share of design liquid pump power drawn at any load (minimum flow).
        liquid_pump_fixed_fraction: f64 = |c| 0.3,
            "Estimate [EST]";
        /// Dry-cooler leaving fluid minus entering air.
        dry_cooler_approach: TempDiffQ = |c| kelvin_diff(6.0),
            "Estimate: dry coolers 4–8 K [EST]";
        /// Dry-cooler fan power at full speed per kW of liquid design heat.
        dry_cooler_fan_share: f64 = |c| 0.025,
            "Estimate: 0.10 m³/s per kW at 8 K air rise, 125 Pa, efficiency 0.5 → 26 W/kW [EST]";
        /// Lowest dry-cooler fan speed (share of full).
        dry_cooler_min_speed: f64 = |c| 0.15,
            "Estimate [EST]";
        // design day (§7.4)
        /// Added to the hottest bin of monthly normals, which hold no extremes.
        design_margin: TempDiffQ = |c| kelvin_diff(3.0),
            "Estimate: normals are means of daily maxima [EST]";
        /// Trim chiller capacity over the design-day trim load.
        trim_margin: f64 = |c| 1.15,
            "Estimate [EST]";
        // water and carbon
        /// Water evaporated per kWh of heat a cooling tower rejects.
        wue: WaterIntensityQ = |c| l_per_kwh(1.8),
            "Estimate: evaporative cooling 1.5–2.0 L/kWh of energy [EST]";
        /// CO₂ emitted per kWh of grid electricity.
        grid_emission_factor: EmissionFactorQ = |c| match c {
                Currency::CNY => kg_per_kwh(0.5703),
                _ => kg_per_kwh(0.373),
            },
            "China national grid average 2022: 0.5703 kgCO₂/kWh (MEE 2024 [GOV]); US eGRID 2022 ≈0.373 [GOV]";
    }
    retired {
        /// Replaced by `dry_economiser_approach`, `economiser_hx_approach`, `tower_approach`
        /// and `dry_cooler_approach`.
        economiser_approach: TempDiffQ;
        /// Replaced by `crah_fan_power` / `crac_fan_power` (per kW of air capacity).
        air_fan_share: f64;
        /// Replaced by `tower_fan_share`, `free_cooling_fan_share`, `dry_cooler_fan_share`.
        heat_rejection_fan_share: f64;
        /// Replaced by `chilled_water_pumps` and `condenser_water_pumps`.
        chilled_water_pump_share: f64;
        /// Replaced by `cdu_pump_share` and `facility_pump_share`, in turn replaced by
        /// the loops' pressure drops and `pump_efficiency`.
        pump_share: f64;
        /// Replaced by `tech_loop_pressure_drop`, `immersion_loop_pressure_drop` and
        /// `pump_efficiency` (pump power from flow × pressure drop / efficiency).
        cdu_pump_share: f64;
        /// Replaced by `facility_loop_pressure_drop`, `facility_loop_delta_t` and
        /// `pump_efficiency`.
        facility_pump_share: f64;
        /// Replaced by the hall's UPS curve and `distribution_no_load`/`_load_loss`.
        electrical_loss_share: f64;
        /// Replaced by `lighting_power_density` and `misc_per_it_capacity`.
        misc_share: f64;
    }
}
