//! Facility plant assumptions for the energy and PUE model (air path, liquid path,
//! electrical losses, water and carbon).

use coolplan_units::build::{deg_c, kelvin_diff, kg_per_kwh, l_per_kwh};
use coolplan_units::{Currency, EmissionFactorQ, TempDiffQ, TemperatureQ, WaterIntensityQ};

assumption_group! {
    /// The plant that rejects heat and powers IT.
    Plant / PlantResolved, "plant" {
        /// Chiller COP at design conditions (air path and liquid trim).
        chiller_cop: f64 = |c| 6.0,
            "Water-cooled centrifugal chillers COP 6–7 [ANL]";
        /// Chilled-water supply temperature of the air path.
        chilled_water_supply: TemperatureQ = |c| deg_c(10.0),
            "Legacy setpoint 6–7 °C, modern halls 10–15 °C [ANL]; 10 °C taken for an existing hall [EST]";
        /// Chilled-water return minus supply: the band over which the economiser precools.
        chilled_water_delta_t: TempDiffQ = |c| kelvin_diff(5.0),
            "7/12 °C chilled-water supply/return, the usual design convention [EST]";
        /// Approach of the economiser / dry cooler to outdoor dry bulb.
        economiser_approach: TempDiffQ = |c| kelvin_diff(5.0),
            "Estimate: dry-cooler and plate heat-exchanger approach 4–6 K [EST]";
        /// CRAH/CRAC fan power per unit of heat removed by air.
        air_fan_share: f64 = |c| 0.08,
            "Estimate: CRAH fans 6–10 % of air heat in existing halls, where running cooling capacity averages 3.9× IT load (Upsite, 45 sites [ANL]) [EST]";
        /// Dry-cooler or tower fan power per unit of heat rejected.
        heat_rejection_fan_share: f64 = |c| 0.02,
            "Estimate: dry-cooler fans 1.5–3 % of rejected heat [EST]";
        /// Chilled- and condenser-water pump power per unit of air-path heat.
        chilled_water_pump_share: f64 = |c| 0.03,
            "Estimate: chilled- plus condenser-water pumps 2–4 % of heat moved [EST]";
        /// Pump power per unit of liquid heat.
        pump_share: f64 = |c| 0.01,
            "Pump power 0.5–1.5 % of liquid heat load [EST]";
        /// Electrical losses (UPS, transformers, distribution) per unit of IT power.
        electrical_loss_share: f64 = |c| 0.06,
            "Estimate: UPS and distribution losses 4–8 % of IT load [EST]";
        /// Lighting, security and offices per unit of IT power.
        misc_share: f64 = |c| 0.02,
            "Estimate: lighting and ancillary 1–3 % of IT load [EST]";
        /// Water used per kWh of heat rejected evaporatively.
        wue: WaterIntensityQ = |c| l_per_kwh(1.8),
            "Estimate: evaporative cooling 1.5–2.0 L/kWh of energy [EST]";
        /// CO₂ emitted per kWh of grid electricity.
        grid_emission_factor: EmissionFactorQ = |c| match c {
                Currency::CNY => kg_per_kwh(0.5703),
                _ => kg_per_kwh(0.373),
            },
            "China national grid average 2022: 0.5703 kgCO₂/kWh (MEE 2024 [GOV]); US eGRID 2022 ≈0.373 [GOV]";
    }
}
