//! The rules for assumption groups and for the site's own catalog models.

use super::checker::Checker;
use crate::problem::{CDU_CAPACITY_KW, Kind, MAX_AMOUNT, MAX_SERVER_KW, Seg};
use coolplan_model::ServerModel;
use coolplan_model::assumptions::{Assumptions, cooling::CduSize};
use coolplan_model::catalog::ServerKind;
use coolplan_model::fluids::Fluid;
use coolplan_units::build::kw;
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
            c.at(Seg::Field("cdu_size"), |c| {
                c.positive("capacity", capacity);
                c.at_least("capacity", capacity, kw(*CDU_CAPACITY_KW.start()));
                c.at_most("capacity", capacity, kw(*CDU_CAPACITY_KW.end()));
            });
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
    c.at(Seg::Field("plant"), |c| {
        let p = &a.plant;
        if let Some(v) = p.chiller_cop {
            c.positive_f64("chiller_cop", v);
        }
        if let Some(v) = &p.chilled_water_supply {
            c.temperature("chilled_water_supply", v);
        }
        if let Some(v) = &p.economiser_approach {
            c.non_negative("economiser_approach", v);
        }
        for (name, v) in [
            ("air_fan_share", p.air_fan_share),
            ("heat_rejection_fan_share", p.heat_rejection_fan_share),
            ("pump_share", p.pump_share),
            ("electrical_loss_share", p.electrical_loss_share),
            ("misc_share", p.misc_share),
        ] {
            if let Some(v) = v {
                c.fraction(name, v);
            }
        }
        if let Some(v) = &p.wue {
            c.non_negative("wue", v);
        }
        if let Some(v) = &p.grid_emission_factor {
            c.non_negative("grid_emission_factor", v);
        }
    });
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
    c.at_most("max_power", &m.max_power, kw(MAX_SERVER_KW));
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
    } else if money.amount > MAX_AMOUNT {
        c.report(Kind::AbovePlausible {
            value: money.describe(),
            limit: super::numbers::amount_limit(money.currency),
        });
    }
}
