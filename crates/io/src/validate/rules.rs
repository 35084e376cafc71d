//! The rules for the site, its location, halls, rack groups and server groups.

use std::collections::HashSet;

use super::checker::Checker;
use crate::problem::{Kind, MAX_PUE, MAX_RACK_KW, MAX_RACKS, MAX_SITE_KW, Seg};
use coolplan_model::assumptions::Describe;
use coolplan_model::catalog::ServerKind;
use coolplan_model::climate::{CLIMATE_PRESET_KEYS, MonthlyNormals};
use coolplan_model::{
    AirPlant, Catalog, ClimateSource, Cooling, CoolingRule, Hall, HeatRejection, Rack, ServerGroup,
    Site, Status, UpsCurve, UpsRedundancy,
};
use coolplan_units::build::kw;
use coolplan_units::{AreaUnit, LengthUnit, PowerUnit, Qty};

/// Maximum power of one rack above which a warning is given, kW.
const RACK_WARN_KW: f64 = 150.0;

pub(super) fn site(c: &mut Checker, site: &Site) {
    c.name(&site.name);
    if let Some(date) = &site.report_date
        && !is_iso_date(date)
    {
        c.report_field("report_date", Kind::BadDate(date.clone()));
    }
    c.at(Seg::Field("location"), |c| {
        climate(c, &site.location.climate)
    });
    if let Some(offered) = &site.cooling_options {
        cooling_options(c, offered);
    }
    super::assumptions::assumptions(c, &site.assumptions, site.currency);
    super::models::model_list(c, &site.catalog);
    let catalog = site.catalog();
    for (i, patch) in site.overrides.iter().enumerate() {
        c.at(Seg::Item("overrides", i), |c| {
            match catalog.get(&patch.id) {
                // The model as overridden must pass the same rules as any model.
                Some(model) => super::models::model(c, model),
                None => c.report_field(
                    "id",
                    Kind::UnknownModel {
                        id: patch.id.clone(),
                        nearest: catalog.nearest_id(&patch.id).map(str::to_string),
                    },
                ),
            }
        });
    }
    let finance = site.assumptions.finance.resolve(site.currency);
    let first_year = finance.first_year;
    if let Some(profile) = &site.compliance {
        let study = super::compliance::Study {
            first_year,
            last_year: first_year
                .saturating_add(u16::try_from(finance.horizon_years).unwrap_or(u16::MAX))
                .saturating_sub(1),
        };
        c.at(Seg::Field("compliance"), |c| {
            super::compliance::profile(c, profile, &study, site.currency)
        });
    }
    if let Some(customer) = &site.heat_customer {
        c.at(Seg::Field("heat_customer"), |c| {
            super::compliance::heat_customer(c, customer, site.currency)
        });
    }
    let footprint = {
        let cooling = site.assumptions.cooling.resolve(site.currency);
        cooling.rack_footprint.si() + cooling.rack_service_area.si()
    };
    if let Some(policy) = &site.refresh {
        super::life::refresh(c, policy, &catalog);
    }
    let horizon = u16::try_from(finance.horizon_years).unwrap_or(u16::MAX);
    let context = Context {
        currency: site.currency,
        catalog: &catalog,
        first_year,
        study: super::life::Study {
            last_year: first_year.saturating_add(horizon),
        },
        footprint_m2: footprint,
        offered: Cooling::ALL
            .into_iter()
            .filter(|o| site.offers(*o))
            .collect(),
    };
    let mut names = HashSet::new();
    let mut total_racks: u64 = 0;
    let mut site_kw = 0.0;
    for hall_ in &site.halls {
        site_kw += c.at(Seg::Hall(hall_.name.clone()), |c| {
            if !names.insert(hall_.name.as_str()) {
                c.report(Kind::DuplicateHall(hall_.name.clone()));
            }
            hall(c, hall_, &context)
        });
        for rack in &hall_.racks {
            total_racks = total_racks.saturating_add(rack.count);
        }
    }
    if site_kw > MAX_SITE_KW {
        c.report_field(
            "halls",
            Kind::AbovePlausible {
                value: power_shown(site_kw).describe(),
                limit: power_shown(MAX_SITE_KW).describe(),
            },
        );
    }
    if total_racks > MAX_RACKS
        && site
            .halls
            .iter()
            .flat_map(|h| &h.racks)
            .all(|r| r.count <= MAX_RACKS)
    {
        c.report_field("halls", Kind::TooManyRacks(total_racks));
    }
}

/// What rack rules need from the site around them.
struct Context<'a> {
    currency: coolplan_units::Currency,
    catalog: &'a Catalog,
    first_year: u16,
    study: super::life::Study,
    footprint_m2: f64,
    /// The options the site offers.
    offered: Vec<Cooling>,
}

fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    if parts.len() != 3 || !number(parts[0], 4) || !number(parts[1], 2) || !number(parts[2], 2) {
        return false;
    }
    let month: u32 = parts[1].parse().unwrap_or(0);
    let day: u32 = parts[2].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

fn climate(c: &mut Checker, source: &ClimateSource) {
    c.at(Seg::Field("climate"), |c| match source {
        ClimateSource::Preset(key) => {
            if !CLIMATE_PRESET_KEYS.contains(&key.as_str()) {
                c.report(Kind::UnknownPreset { key: key.clone() });
            }
        }
        ClimateSource::Monthly(normals) => monthly(c, normals),
        ClimateSource::Epw(path) => {
            if path.trim().is_empty() {
                c.report(Kind::EmptyName);
            }
        }
    });
}

fn monthly(c: &mut Checker, normals: &MonthlyNormals) {
    for (name, temps) in [
        ("daily_max", &normals.daily_max),
        ("daily_min", &normals.daily_min),
    ] {
        if temps.len() != 12 {
            c.report_field(name, Kind::MonthlyLength(temps.len()));
        }
        for (i, t) in temps.iter().enumerate() {
            c.at(Seg::Item(name, i), |c| {
                if !t.number().is_finite() {
                    c.report(Kind::NotFinite(super::numbers::shown(t)));
                } else if t.si() <= 0.0 {
                    c.report(Kind::BelowAbsoluteZero(t.describe()));
                }
            });
        }
    }
    let rh = &normals.relative_humidity;
    if rh.len() != 12 {
        c.report_field("relative_humidity", Kind::MonthlyLength(rh.len()));
    }
    for (i, v) in rh.iter().enumerate() {
        if !(v.is_finite() && (0.0..=100.0).contains(v)) {
            c.at(Seg::Item("relative_humidity", i), |c| {
                c.report(Kind::HumidityOutOfRange(*v))
            });
        }
    }
}

/// Checks a hall; returns its design IT power at maximum, kW (Σ racks × rack power).
fn hall(c: &mut Checker, hall: &Hall, context: &Context) -> f64 {
    c.name(&hall.name);
    if let Some(customer) = &hall.heat_customer {
        c.at(Seg::Field("heat_customer"), |c| {
            super::compliance::heat_customer(c, customer, context.currency)
        });
    }
    c.at(Seg::Field("floor"), |c| {
        c.positive("rating", &hall.floor.rating)
    });
    c.positive("area", &hall.area);
    c.non_negative("air_cooling_capacity", &hall.air_cooling_capacity);
    if let Some(water) = &hall.facility_water {
        c.at(Seg::Field("facility_water"), |c| {
            c.temperature("supply_temp", &water.supply_temp);
            if let Some(capacity) = &water.capacity {
                c.positive("capacity", capacity);
            }
            let max_c = water.class.max_supply_deg_c();
            let supply_c = water.supply_temp.si() - 273.15;
            if supply_c > max_c + 1e-9 {
                c.report_field(
                    "supply_temp",
                    Kind::WaterAboveClass {
                        supply: water.supply_temp.describe(),
                        class: format!("{:?}", water.class),
                        max: format!("{} °C", max_c),
                    },
                );
            }
        });
    }
    plant(c, hall);
    if let Some(pue) = hall.measured_pue {
        if !pue.is_finite() {
            c.report_field("measured_pue", Kind::NotFinite(pue.to_string()));
        } else if pue < 1.0 {
            c.report_field("measured_pue", Kind::PueBelowOne(pue));
        } else if pue > MAX_PUE {
            let kind = Kind::AbovePlausible {
                value: pue.describe(),
                limit: MAX_PUE.describe(),
            };
            c.report_field("measured_pue", kind);
        } else if pue > 3.0 {
            c.report_field("measured_pue", Kind::PueHigh(pue));
        }
    }
    let mut names = HashSet::new();
    let mut racks_in_hall: u64 = 0;
    let mut hall_kw = 0.0;
    for rack_ in &hall.racks {
        let rack_kw = c.at(Seg::Rack(rack_.name.clone()), |c| {
            if !names.insert(rack_.name.as_str()) {
                c.report(Kind::DuplicateRack(rack_.name.clone()));
            }
            rack(c, rack_, context)
        });
        racks_in_hall = racks_in_hall.saturating_add(rack_.count);
        hall_kw += rack_.count as f64 * rack_kw;
    }
    let need_m2 = racks_in_hall as f64 * context.footprint_m2;
    if hall.area.number().is_finite() && need_m2 > hall.area.si() {
        let need = Qty::new(need_m2, AreaUnit::m2).converted(hall.area.unit());
        c.report_field(
            "area",
            Kind::FloorAreaExceeded {
                need: round_area(need).describe(),
                have: hall.area.describe(),
            },
        );
    }
    hall_kw
}

/// The hall's plant fields: IT capacity, UPS, and where the liquid heat goes.
fn plant(c: &mut Checker, hall: &Hall) {
    if let Some(capacity) = &hall.it_capacity {
        c.positive("it_capacity", capacity);
    }
    if let Some(UpsRedundancy::NPlus1 { modules }) = hall.ups_redundancy
        && modules == 0
    {
        c.at(Seg::Field("ups_redundancy"), |c| {
            c.report_field("modules", Kind::NotPositive("0".into()))
        });
    }
    if let Some(UpsCurve::Custom {
        no_load,
        proportional,
        square,
    }) = hall.ups_curve
    {
        c.at(Seg::Field("ups_curve"), |c| {
            c.fraction("no_load", no_load);
            c.fraction("proportional", proportional);
            c.fraction("square", square);
        });
    }
    let tapped = hall
        .facility_water
        .as_ref()
        .is_some_and(|w| w.heat_rejection == Some(HeatRejection::ChilledWater));
    if tapped && matches!(hall.air_plant(), AirPlant::DxCrac { .. }) {
        c.at(Seg::Field("facility_water"), |c| {
            c.report_field("heat_rejection", Kind::NoChilledWaterToTap)
        });
    }
}

/// The site's options: at least one, air among them (every NPV is against air), each once.
fn cooling_options(c: &mut Checker, offered: &[Cooling]) {
    if offered.is_empty() {
        c.report_field("cooling_options", Kind::NoOptionOffered);
    } else if !offered.contains(&Cooling::Air) {
        c.report_field("cooling_options", Kind::AirNotOffered);
    }
    for (i, option) in offered.iter().enumerate() {
        if offered[..i].contains(option) {
            c.report_field("cooling_options", Kind::OfferedTwice(*option));
        }
    }
}

/// A cooling rule must leave the group an option the site offers; an empty or repeated list
/// is a slip.
fn cooling_rule(c: &mut Checker, rule: &CoolingRule, offered: &[Cooling]) {
    if Cooling::ALL.iter().all(|o| !rule.allows(*o)) {
        c.report_field("cooling", Kind::CoolingExcludesAll);
    } else if offered.iter().all(|o| !rule.allows(*o)) {
        c.report_field("cooling", Kind::CoolingRuleUnoffered);
    }
    let CoolingRule::Exclude(excluded) = rule else {
        return;
    };
    if excluded.is_empty() {
        c.report_field("cooling", Kind::CoolingExcludesNothing);
    }
    for (i, option) in excluded.iter().enumerate() {
        if excluded[..i].contains(option) {
            c.report_field("cooling", Kind::CoolingListedTwice(*option));
        }
    }
}

fn round_area(q: Qty<AreaUnit>) -> Qty<AreaUnit> {
    Qty::new(q.number().ceil(), q.unit())
}

/// A power in kW for a message, in MW when large.
fn power_shown(kw: f64) -> Qty<PowerUnit> {
    let unit = if kw >= 1e3 {
        PowerUnit::MW
    } else {
        PowerUnit::kW
    };
    Qty::new(kw, PowerUnit::kW).converted(unit)
}

/// Checks a rack group; returns the power of one of its racks at maximum, kW.
fn rack(c: &mut Checker, rack: &Rack, context: &Context) -> f64 {
    c.name(&rack.name);
    if rack.count == 0 {
        c.report_field("count", Kind::NotPositive("0".into()));
    } else if rack.count > MAX_RACKS {
        c.report_field("count", Kind::TooManyRacks(rack.count));
    }
    c.positive("height", &rack.height);
    if let Some(share) = rack.retrofit_share {
        c.fraction("retrofit_share", share);
    }
    if let Some(rule) = &rack.cooling {
        cooling_rule(c, rule, &context.offered);
    }
    if let Some(measured) = &rack.measured {
        c.at(Seg::Field("measured"), |c| {
            c.non_negative("average", &measured.average);
            c.non_negative("peak", &measured.peak);
            c.at_most("average", &measured.average, kw(MAX_RACK_KW));
            c.at_most("peak", &measured.peak, kw(MAX_RACK_KW));
            if measured.peak.si() < measured.average.si() {
                c.report_field(
                    "peak",
                    Kind::PeakBelowAverage {
                        peak: measured.peak.describe(),
                        average: measured.average.describe(),
                    },
                );
            }
        });
    }
    if rack.servers.is_empty() {
        c.report_field("servers", Kind::EmptyRack);
    }
    let mut used_u = 0.0;
    let mut power_w = 0.0;
    let mut per_rack: u64 = 0;
    for (i, group) in rack.servers.iter().enumerate() {
        c.at(Seg::Item("servers", i), |c| {
            server_group(c, rack, group, context)
        });
        per_rack = per_rack.saturating_add(u64::from(group.count));
        if let Some(model) = context.catalog.get(&group.model) {
            used_u += f64::from(group.count) * model.height.in_unit(LengthUnit::U);
            power_w += f64::from(group.count) * model.max_power.si();
        }
    }
    let height_u = rack.height.in_unit(LengthUnit::U);
    if height_u.is_finite() && used_u > height_u + 1e-9 {
        c.report_field("servers", Kind::RackOverfull { used_u, height_u });
    }
    let power_kw = power_w / 1000.0;
    if power_kw > MAX_RACK_KW {
        c.report_field(
            "servers",
            Kind::AbovePlausible {
                value: power_shown(power_kw).describe(),
                limit: power_shown(MAX_RACK_KW).describe(),
            },
        );
    } else if power_kw > RACK_WARN_KW {
        let shown = Qty::new(power_kw, PowerUnit::kW);
        c.report_field("servers", Kind::RackOver150Kw(shown.describe()));
    }
    if rack.count.checked_mul(per_rack).is_none() {
        c.report_field("count", Kind::CountOverflow);
    }
    power_kw
}

fn server_group(c: &mut Checker, rack: &Rack, group: &ServerGroup, context: &Context) {
    if group.count == 0 {
        c.report_field("count", Kind::NotPositive("0".into()));
    }
    if let Status::New(year) = group.status {
        c.at(Seg::Field("status"), |c| c.year("New", i64::from(year)));
        if year < context.first_year && (2000..=2100).contains(&year) {
            c.report_field(
                "status",
                Kind::ArrivesBeforeStudy {
                    year,
                    first_year: context.first_year,
                },
            );
        }
    }
    super::life::server_group(c, group, context.catalog, context.study);
    match context.catalog.get(&group.model) {
        None => c.report_field(
            "model",
            Kind::UnknownModel {
                id: group.model.clone(),
                nearest: context.catalog.nearest_id(&group.model).map(str::to_string),
            },
        ),
        Some(model) => {
            let alone = rack.servers.len() == 1 && group.count == 1;
            if model.kind == ServerKind::RackScale && !alone {
                c.report_field("model", Kind::RackScaleNotAlone(model.id.clone()));
            }
        }
    }
}
