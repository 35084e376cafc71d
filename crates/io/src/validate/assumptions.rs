//! The rules for assumption groups and for the site's own catalog models.

use super::checker::Checker;
use crate::problem::{Kind, Seg};
use coolplan_model::ServerModel;
use coolplan_model::assumptions::{Assumptions, cooling::CduSize, plant::Plant};
use coolplan_model::catalog::ServerKind;
use coolplan_model::fluids::Fluid;
use coolplan_units::{Currency, Money, PowerUnit};

pub(super) fn assumptions(c: &mut Checker, a: &Assumptions, currency: Currency) {
    c.at(Seg::Field("cooling"), |c| {
        let k = &a.cooling;
        if let Some(v) = &k.air_limit_per_rack {
            c.positive("air_limit_per_rack", v);
        }
        if let Some(v) = k.cold_plate_fan_saving {
            c.fraction("cold_plate_fan_saving", v);
        }
        if let Some(v) = &k.loop_delta_t {
            c.positive("loop_delta_t", v);
        }
        for (name, fluid) in [
            ("coolant", &k.coolant),
            ("immersion_fluid", &k.immersion_fluid),
        ] {
            if let Some(Fluid::Custom {
                name: fluid_name,
                density,
                specific_heat,
            }) = fluid
            {
                c.at(Seg::Field(name), |c| {
                    c.name(fluid_name);
                    c.positive("density", density);
                    c.positive("specific_heat", specific_heat);
                });
            }
        }
        if let Some(CduSize::Custom { capacity }) = &k.cdu_size {
            c.at(Seg::Field("cdu_size"), |c| c.positive("capacity", capacity));
        }
        if let Some(v) = &k.cdu_approach {
            c.non_negative("cdu_approach", v);
        }
        if let Some(v) = &k.tank_capacity {
            c.positive("tank_capacity", v);
        }
        if let Some(v) = &k.tank_slots {
            c.positive("tank_slots", v);
        }
        if let Some(v) = &k.tank_fluid_volume {
            c.positive("tank_fluid_volume", v);
        }
        for (name, v) in [
            ("tank_empty_mass", &k.tank_empty_mass),
            ("rack_empty_mass", &k.rack_empty_mass),
            ("cold_plate_rack_mass", &k.cold_plate_rack_mass),
        ] {
            if let Some(v) = v {
                c.non_negative(name, v);
            }
        }
        for (name, v) in [
            ("tank_footprint", &k.tank_footprint),
            ("rack_footprint", &k.rack_footprint),
        ] {
            if let Some(v) = v {
                c.positive(name, v);
            }
        }
        for (name, v) in [
            ("tank_service_area", &k.tank_service_area),
            ("rack_service_area", &k.rack_service_area),
        ] {
            if let Some(v) = v {
                c.non_negative(name, v);
            }
        }
    });
    c.at(Seg::Field("plant"), |c| plant(c, &a.plant));
    c.at(Seg::Field("prices"), |c| {
        let p = &a.prices;
        if let Some(v) = &p.electricity {
            c.price("electricity", v, currency);
        }
        for (name, v) in [
            ("cold_plate_stock_per_kw", &p.cold_plate_stock_per_kw),
            ("cold_plate_new_per_kw", &p.cold_plate_new_per_kw),
            ("immersion_stock_per_kw", &p.immersion_stock_per_kw),
            ("immersion_new_per_kw", &p.immersion_new_per_kw),
            ("air_added_capacity_per_kw", &p.air_added_capacity_per_kw),
        ] {
            if let Some(v) = v {
                c.price(name, v, currency);
            }
        }
    });
    c.at(Seg::Field("finance"), |c| {
        let f = &a.finance;
        if let Some(years) = f.horizon_years
            && !(1..=100).contains(&years)
        {
            c.report_field("horizon_years", Kind::HorizonOutOfRange(years));
        }
        if let Some(rate) = f.discount_rate {
            c.fraction("discount_rate", rate);
        }
        if let Some(year) = f.first_year {
            c.year("first_year", i64::from(year));
        }
    });
}

/// A model of the site's own catalog.
pub(super) fn model(c: &mut Checker, m: &ServerModel) {
    if m.id.trim().is_empty() {
        c.report_field("id", Kind::EmptyName);
    }
    c.name(&m.name);
    c.positive("height", &m.height);
    c.positive("max_power", &m.max_power);
    c.positive("weight", &m.weight);
    c.fraction("utilisation", m.utilisation);
    c.fraction("fan_share", m.fan_share);
    c.fraction("cold_plate_capture", m.cold_plate_capture);
    if m.utilisation.is_finite()
        && (0.0..=1.0).contains(&m.utilisation)
        && !(0.05..=0.95).contains(&m.utilisation)
    {
        c.report_field("utilisation", Kind::UtilisationUnusual(m.utilisation));
    }
    if m.kind == ServerKind::Gpu && m.max_power.in_unit(PowerUnit::kW) < 2.0 {
        c.report_field(
            "max_power",
            Kind::GpuUnderTwoKw(coolplan_model::assumptions::Describe::describe(
                &m.max_power,
            )),
        );
    }
    for (name, list) in [
        ("kit_cost", &m.kit_cost),
        ("factory_premium", &m.factory_premium),
    ] {
        for (i, money) in list.iter().enumerate() {
            c.at(Seg::Item(name, i), |c| amount(c, money));
        }
    }
}

fn amount(c: &mut Checker, money: &Money) {
    use coolplan_model::assumptions::Describe;
    if !money.amount.is_finite() {
        c.report(Kind::NotFinite(format!(
            "{} {}",
            money.amount, money.currency
        )));
    } else if money.amount < 0.0 {
        c.report(Kind::Negative(money.describe()));
    }
}

/// The plant group: COPs and factors positive, shares in 0..1, temperatures real, approaches
/// not negative; retired keys still set are warned about.
fn plant(c: &mut Checker, p: &Plant) {
    for (name, v) in [
        ("chiller_cop", p.chiller_cop),
        ("air_cooled_chiller_cop", p.air_cooled_chiller_cop),
        ("trim_chiller_cop", p.trim_chiller_cop),
        ("dx_cop", p.dx_cop),
        ("plant_capacity_margin", p.plant_capacity_margin),
        ("airflow_margin", p.airflow_margin),
        ("dx_sensible_heat_ratio", p.dx_sensible_heat_ratio),
        ("trim_margin", p.trim_margin),
    ] {
        if let Some(v) = v {
            c.positive_f64(name, v);
        }
    }
    if p.chiller_units == Some(0) {
        c.report_field("chiller_units", Kind::NotPositive("0".into()));
    }
    for (name, v) in [
        ("lift_independent_share", p.lift_independent_share),
        ("free_cooling_fan_share", p.free_cooling_fan_share),
        ("tower_fan_share", p.tower_fan_share),
        ("chilled_water_pumps", p.chilled_water_pumps),
        ("condenser_water_pumps", p.condenser_water_pumps),
        ("pump_fixed_fraction", p.pump_fixed_fraction),
        ("adiabatic_effectiveness", p.adiabatic_effectiveness),
        ("crah_fan_power", p.crah_fan_power),
        ("crac_fan_power", p.crac_fan_power),
        ("fan_min_speed", p.fan_min_speed),
        ("dx_cycling_loss", p.dx_cycling_loss),
        ("distribution_no_load", p.distribution_no_load),
        ("distribution_load_loss", p.distribution_load_loss),
        ("electrical_heat_to_air", p.electrical_heat_to_air),
        ("support_area_ratio", p.support_area_ratio),
        ("lighting_on_fraction", p.lighting_on_fraction),
        ("misc_per_it_capacity", p.misc_per_it_capacity),
        ("cdu_pump_share", p.cdu_pump_share),
        ("facility_pump_share", p.facility_pump_share),
        ("liquid_pump_fixed_fraction", p.liquid_pump_fixed_fraction),
        ("dry_cooler_fan_share", p.dry_cooler_fan_share),
        ("dry_cooler_min_speed", p.dry_cooler_min_speed),
    ] {
        if let Some(v) = v {
            c.fraction(name, v);
        }
    }
    for (name, v) in [
        ("chilled_water_supply", &p.chilled_water_supply),
        ("min_condenser_water", &p.min_condenser_water),
        ("dx_return_air", &p.dx_return_air),
    ] {
        if let Some(v) = v {
            c.temperature(name, v);
        }
    }
    for (name, v) in [
        ("chilled_water_delta_t", &p.chilled_water_delta_t),
        ("condenser_range", &p.condenser_range),
        ("dx_economiser_span", &p.dx_economiser_span),
    ] {
        if let Some(v) = v {
            c.positive(name, v);
        }
    }
    for (name, v) in [
        ("tower_approach", &p.tower_approach),
        ("economiser_hx_approach", &p.economiser_hx_approach),
        ("dry_economiser_approach", &p.dry_economiser_approach),
        ("dry_cooler_approach", &p.dry_cooler_approach),
        ("design_margin", &p.design_margin),
    ] {
        if let Some(v) = v {
            c.non_negative(name, v);
        }
    }
    if let Some(v) = &p.lighting_power_density {
        c.non_negative("lighting_power_density", v);
    }
    if let Some(v) = &p.wue {
        c.non_negative("wue", v);
    }
    if let Some(v) = &p.grid_emission_factor {
        c.non_negative("grid_emission_factor", v);
    }
    for key in p.retired_set() {
        c.report_field(key, Kind::RetiredAssumption(key));
    }
}
