//! The rules for assumption groups.

use super::checker::Checker;
use crate::problem::{CDU_CAPACITY_KW, Kind, Seg};
use coolplan_model::assumptions::{AssumptionKey, Assumptions, cooling::CduSize, plant::Plant};
use coolplan_model::fluids::Fluid;
use coolplan_units::Currency;
use coolplan_units::build::kw;

/// The assumptions the file sets; each problem's path is the field's [`AssumptionKey`].
pub(super) fn assumptions(c: &mut Checker, a: &Assumptions, currency: Currency) {
    use coolplan_model::assumptions::cooling::Key as C;
    use coolplan_model::assumptions::finance::Key as F;
    let k = &a.cooling;
    if let Some(v) = &k.air_limit_per_rack {
        c.positive(key(C::air_limit_per_rack), v);
    }
    if let Some(v) = k.cold_plate_fan_saving {
        c.fraction(key(C::cold_plate_fan_saving), v);
    }
    if let Some(v) = &k.loop_delta_t {
        c.positive(key(C::loop_delta_t), v);
    }
    if let Some(v) = &k.air_delta_t {
        c.positive(key(C::air_delta_t), v);
    }
    if let Some(v) = &k.rdhx_water_delta_t {
        c.positive(key(C::rdhx_water_delta_t), v);
    }
    for (name, fluid) in [
        (C::coolant, &k.coolant),
        (C::immersion_fluid, &k.immersion_fluid),
    ] {
        if let Some(Fluid::Custom {
            name: fluid_name,
            density,
            specific_heat,
        }) = fluid
        {
            c.at(key(name), |c| {
                c.name(fluid_name);
                c.positive("density", density);
                c.positive("specific_heat", specific_heat);
            });
        }
    }
    if let Some(CduSize::Custom { capacity }) = &k.cdu_size {
        c.at(key(C::cdu_size), |c| {
            c.positive("capacity", capacity);
            c.at_least("capacity", capacity, kw(*CDU_CAPACITY_KW.start()));
            c.at_most("capacity", capacity, kw(*CDU_CAPACITY_KW.end()));
        });
    }
    if let Some(v) = &k.cdu_approach {
        c.non_negative(key(C::cdu_approach), v);
    }
    if let Some(v) = &k.facility_water_extension_supply {
        c.temperature(key(C::facility_water_extension_supply), v);
    }
    if let Some(v) = &k.rack_inlet_temp {
        c.temperature(key(C::rack_inlet_temp), v);
    }
    if let Some(v) = &k.l2a_unit_capacity {
        c.positive(key(C::l2a_unit_capacity), v);
    }
    if let Some(v) = &k.l2a_approach {
        c.non_negative(key(C::l2a_approach), v);
    }
    if let Some(v) = k.l2a_unit_positions {
        c.positive_f64(key(C::l2a_unit_positions), v);
    }
    if let Some(v) = k.l2a_fan_share {
        c.fraction(key(C::l2a_fan_share), v);
    }
    for (name, v) in [
        (C::rdhx_water_supply, &k.rdhx_water_supply),
        (C::rdhx_min_water_supply, &k.rdhx_min_water_supply),
    ] {
        if let Some(v) = v {
            c.temperature(key(name), v);
        }
    }
    for (name, v) in [
        (C::rdhx_passive_capacity, &k.rdhx_passive_capacity),
        (C::rdhx_active_capacity, &k.rdhx_active_capacity),
    ] {
        if let Some(v) = v {
            c.positive(key(name), v);
        }
    }
    for (name, v) in [
        (C::rdhx_passive_effectiveness, k.rdhx_passive_effectiveness),
        (C::rdhx_active_effectiveness, k.rdhx_active_effectiveness),
        (
            C::rdhx_back_pressure_fan_share,
            k.rdhx_back_pressure_fan_share,
        ),
        (C::rdhx_active_fan_share, k.rdhx_active_fan_share),
    ] {
        if let Some(v) = v {
            c.fraction(key(name), v);
        }
    }
    {
        use coolplan_model::assumptions::prices::Key as Pr;
        let p = &a.prices;
        for (k, v) in [
            (
                Pr::facility_water_extension_lead_time,
                &p.facility_water_extension_lead_time,
            ),
            (
                Pr::air_plant_addition_lead_time,
                &p.air_plant_addition_lead_time,
            ),
            (
                Pr::electrical_upgrade_lead_time,
                &p.electrical_upgrade_lead_time,
            ),
        ] {
            if let Some(v) = v {
                c.non_negative(key(k), v);
            }
        }
    }
    if let Some(v) = &k.tank_capacity {
        c.positive(key(C::tank_capacity), v);
    }
    if let Some(v) = &k.tank_slots {
        c.positive(key(C::tank_slots), v);
    }
    if let Some(v) = &k.tank_fluid_volume {
        c.positive(key(C::tank_fluid_volume), v);
    }
    for (name, v) in [
        (C::tank_empty_mass, &k.tank_empty_mass),
        (C::rack_empty_mass, &k.rack_empty_mass),
        (C::cold_plate_rack_mass, &k.cold_plate_rack_mass),
        (C::rdhx_passive_mass, &k.rdhx_passive_mass),
        (C::rdhx_active_mass, &k.rdhx_active_mass),
    ] {
        if let Some(v) = v {
            c.non_negative(key(name), v);
        }
    }
    for (name, v) in [
        (C::tank_footprint, &k.tank_footprint),
        (C::rack_footprint, &k.rack_footprint),
    ] {
        if let Some(v) = v {
            c.positive(key(name), v);
        }
    }
    for (name, v) in [
        (C::tank_service_area, &k.tank_service_area),
        (C::rack_service_area, &k.rack_service_area),
    ] {
        if let Some(v) = v {
            c.non_negative(key(name), v);
        }
    }
    plant(c, &a.plant);
    money(c, a, currency);
    let f = &a.finance;
    if let Some(years) = f.horizon_years
        && !(1..=100).contains(&years)
    {
        c.report_field(key(F::horizon_years), Kind::HorizonOutOfRange(years));
    }
    if let Some(rate) = f.discount_rate {
        c.fraction(key(F::discount_rate), rate);
    }
    if let Some(year) = f.first_year {
        c.year(key(F::first_year), i64::from(year));
    }
}

/// The plant group: COPs and factors positive, shares in 0..1, temperatures real, approaches
/// not negative; retired keys still set are warned about.
fn plant(c: &mut Checker, p: &Plant) {
    use coolplan_model::assumptions::plant::Key as P;
    for (name, v) in [
        (P::chiller_cop, p.chiller_cop),
        (P::air_cooled_chiller_cop, p.air_cooled_chiller_cop),
        (P::trim_chiller_cop, p.trim_chiller_cop),
        (P::dx_cop, p.dx_cop),
        (P::plant_capacity_margin, p.plant_capacity_margin),
        (P::airflow_margin, p.airflow_margin),
        (P::dx_sensible_heat_ratio, p.dx_sensible_heat_ratio),
        (P::trim_margin, p.trim_margin),
    ] {
        if let Some(v) = v {
            c.positive_f64(key(name), v);
        }
    }
    if p.chiller_units == Some(0) {
        c.report_field(key(P::chiller_units), Kind::NotPositive("0".into()));
    }
    for (name, v) in [
        (P::lift_independent_share, p.lift_independent_share),
        (P::free_cooling_fan_share, p.free_cooling_fan_share),
        (P::tower_fan_share, p.tower_fan_share),
        (P::chilled_water_pumps, p.chilled_water_pumps),
        (P::condenser_water_pumps, p.condenser_water_pumps),
        (P::pump_fixed_fraction, p.pump_fixed_fraction),
        (P::adiabatic_effectiveness, p.adiabatic_effectiveness),
        (P::crah_fan_power, p.crah_fan_power),
        (P::crac_fan_power, p.crac_fan_power),
        (P::fan_min_speed, p.fan_min_speed),
        (P::dx_cycling_loss, p.dx_cycling_loss),
        (P::distribution_no_load, p.distribution_no_load),
        (P::distribution_load_loss, p.distribution_load_loss),
        (P::electrical_heat_to_air, p.electrical_heat_to_air),
        (P::support_area_ratio, p.support_area_ratio),
        (P::lighting_on_fraction, p.lighting_on_fraction),
        (P::misc_per_it_capacity, p.misc_per_it_capacity),
        (P::liquid_pump_fixed_fraction, p.liquid_pump_fixed_fraction),
        (P::dry_cooler_fan_share, p.dry_cooler_fan_share),
        (P::dry_cooler_min_speed, p.dry_cooler_min_speed),
    ] {
        if let Some(v) = v {
            c.fraction(key(name), v);
        }
    }
    for (name, v) in [
        (P::chilled_water_supply, &p.chilled_water_supply),
        (P::min_condenser_water, &p.min_condenser_water),
        (P::dx_return_air, &p.dx_return_air),
    ] {
        if let Some(v) = v {
            c.temperature(key(name), v);
        }
    }
    if let Some(v) = p.pump_efficiency {
        // divides the hydraulic power: above 0 and at most 1
        if v > 0.0 {
            c.fraction(key(P::pump_efficiency), v);
        } else {
            c.positive_f64(key(P::pump_efficiency), v);
        }
    }
    for (name, v) in [
        (P::tech_loop_pressure_drop, &p.tech_loop_pressure_drop),
        (
            P::immersion_loop_pressure_drop,
            &p.immersion_loop_pressure_drop,
        ),
        (
            P::facility_loop_pressure_drop,
            &p.facility_loop_pressure_drop,
        ),
        (P::door_loop_pressure_drop, &p.door_loop_pressure_drop),
    ] {
        if let Some(v) = v {
            c.non_negative(key(name), v);
        }
    }
    for (name, v) in [
        (P::chilled_water_delta_t, &p.chilled_water_delta_t),
        (P::condenser_range, &p.condenser_range),
        (P::dx_economiser_span, &p.dx_economiser_span),
        (P::facility_loop_delta_t, &p.facility_loop_delta_t),
    ] {
        if let Some(v) = v {
            c.positive(key(name), v);
        }
    }
    for (name, v) in [
        (P::tower_approach, &p.tower_approach),
        (P::economiser_hx_approach, &p.economiser_hx_approach),
        (P::dry_economiser_approach, &p.dry_economiser_approach),
        (P::dry_cooler_approach, &p.dry_cooler_approach),
        (P::design_margin, &p.design_margin),
    ] {
        if let Some(v) = v {
            c.non_negative(key(name), v);
        }
    }
    if let Some(v) = &p.lighting_power_density {
        c.non_negative(key(P::lighting_power_density), v);
    }
    if let Some(v) = &p.wue {
        c.non_negative(key(P::wue), v);
    }
    if let Some(v) = &p.grid_emission_factor {
        c.non_negative(key(P::grid_emission_factor), v);
    }
    for name in p.retired_set() {
        c.at(Seg::Field("plant"), |c| {
            c.report_field(Seg::Field(name), Kind::RetiredAssumption(name))
        });
    }
}

fn key(field: impl Into<AssumptionKey>) -> AssumptionKey {
    field.into()
}

/// Every price and amount the file sets: finite, ≥ 0 and in the site's currency (the engine
/// never converts).
fn money(c: &mut Checker, a: &Assumptions, currency: Currency) {
    let resolved = a.resolve(currency);
    for key in AssumptionKey::all().filter(|&k| a.is_set(k)) {
        let (Some(found), Some(amount)) = (resolved.currency_of(key), resolved.amount(key)) else {
            continue;
        };
        let shown = || {
            if amount.number.is_finite() {
                resolved.describe(key)
            } else {
                amount.to_string()
            }
        };
        c.money(key, amount.number, shown, found, currency);
    }
}

#[cfg(test)]
mod tests {
    use crate::problem::{Kind, Problem, Seg};
    use coolplan_model::assumptions::{AssumptionKey, prices};
    use coolplan_units::Currency;

    fn problems_of(prices: &str) -> Vec<Problem> {
        let text = format!(
            r#"(schema_version: 1, name: "S", currency: CNY,
                location: (name: "X", climate: Preset("beijing")),
                assumptions: (prices: ({prices})), halls: [])"#
        );
        let site = crate::parse_site(&text, "test").expect("parses");
        crate::validate(&site)
    }

    /// A key of the older linear energy model still loads, is warned about (it has no effect)
    /// and is written back, so nothing the user wrote is lost.
    #[test]
    fn a_retired_plant_key_loads_with_a_warning_and_is_kept() {
        let text = r#"(schema_version: 1, name: "S", currency: CNY,
            location: (name: "X", climate: Preset("beijing")),
            assumptions: (plant: (air_fan_share: Some(0.08))), halls: [])"#;
        let site = crate::parse_site(text, "test").expect("parses");
        assert_eq!(
            crate::validate(&site),
            vec![Problem {
                path: vec![Seg::Field("plant"), Seg::Field("air_fan_share")],
                kind: Kind::RetiredAssumption("air_fan_share"),
            }]
        );
        assert_eq!(
            Kind::RetiredAssumption("air_fan_share").severity(),
            crate::problem::Severity::Warning
        );
        let saved = crate::to_canonical_string(&site).expect("writes");
        assert!(saved.contains("air_fan_share: Some(0.08)"), "{saved}");
    }

    /// Every price and amount is checked, not only the per-kW prices: a USD manifold in a
    /// CNY site would otherwise be summed as yuan.
    #[test]
    fn every_money_field_is_in_the_site_currency_and_not_negative() {
        let problems = problems_of(
            "electricity: Some(CNY_per_kWh(0.8)), manifold_per_rack: Some(USD(1500)), \
             tank_each: Some(CNY(-5)), water: Some(EUR_per_m3(4))",
        );
        let at = |key: prices::Key| vec![Seg::Assumption(AssumptionKey::from(key))];
        let mismatch = |found| Kind::CurrencyMismatch {
            found,
            site: Currency::CNY,
        };
        assert_eq!(
            problems,
            vec![
                Problem {
                    path: at(prices::Key::manifold_per_rack),
                    kind: mismatch(Currency::USD),
                },
                Problem {
                    path: at(prices::Key::tank_each),
                    kind: Kind::Negative("-5 CNY".into()),
                },
                Problem {
                    path: at(prices::Key::water),
                    kind: mismatch(Currency::EUR),
                },
            ]
        );
        assert!(problems_of("").is_empty());
    }
}
