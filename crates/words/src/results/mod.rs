//! Words of results in a language: option names, [`Reason`]s, cost items, money, years and
//! percentages. The text and JSON reports, the GUI and the PDF all word results through here.
//!
//! Owns: turning result values into phrases via the tables of this crate and `coolplan_units::format`.
//! Never touches: the engine's arithmetic, files, the clock.
//!
//! Money has one scale per language: Chinese shows 亿元 (10⁸) and 万元 (10⁴) for large amounts,
//! English shows `83.2 bn CNY` and `16.6 M CNY` (never 亿元). Smaller amounts show whole units
//! with thousands separators.

use crate::analysis::An;
use crate::terms::Term;
use coolplan_engine::analysis::phased::PlanReason;
use coolplan_engine::{CoolingOption, CostItem, Reason};
pub use table::Words;

pub mod plan;
pub mod plant;
mod table;
pub mod works;
use crate::{Lang, Text};
use coolplan_model::assumptions::cooling::CduSize;
use coolplan_model::assumptions::{Entry, Named};
use coolplan_model::fluids::Fluid;
use coolplan_units::format::{UnitSystem, group_thousands, quantity_trimmed as quantity};
use coolplan_units::{AreaUnit, Currency, FloorLoadUnit, Money, PowerUnit, TemperatureUnit};

/// An airflow as air-side engineers read it: `7,455 m³/h (4,388 CFM)` in SI, the CFM first
/// in US units; Chinese text brackets the second unit in full-width parentheses.
pub fn airflow(flow: uom::si::f64::VolumeRate, system: UnitSystem, lang: Lang) -> String {
    use coolplan_units::FlowUnit;
    use coolplan_units::format::quantity_in;
    let (m3h, cfm) = (
        quantity_in(flow, FlowUnit::m3_per_h),
        quantity_in(flow, FlowUnit::CFM),
    );
    let (first, second) = match system {
        UnitSystem::Si => (m3h, cfm),
        UnitSystem::Ip => (cfm, m3h),
    };
    match lang {
        Lang::En => format!("{first} ({second})"),
        Lang::Zh => format!("{first}（{second}）"),
    }
}

/// The option's name, e.g. `Cold plate` / `冷板式液冷`.
pub fn option_name(option: CoolingOption, lang: Lang) -> &'static str {
    cooling_name(option.cooling(), lang)
}

/// The option's name broken into lines for a chart's axis, e.g. `Rear door,\npassive`.
pub fn option_lines(option: CoolingOption, lang: Lang) -> &'static str {
    use crate::terms::OptionLines;
    match option {
        CoolingOption::Air => OptionLines::Air.tr(lang),
        CoolingOption::RearDoorPassive => OptionLines::RearDoorPassive.tr(lang),
        CoolingOption::RearDoorActive => OptionLines::RearDoorActive.tr(lang),
        CoolingOption::ColdPlate => OptionLines::ColdPlate.tr(lang),
        CoolingOption::ColdPlateRearDoor => OptionLines::ColdPlateRearDoor.tr(lang),
        CoolingOption::ColdPlateLiquidToAir => OptionLines::ColdPlateLiquidToAir.tr(lang),
        CoolingOption::Immersion => OptionLines::Immersion.tr(lang),
    }
}

/// The name of an option as a site file's cooling rule names it.
pub fn cooling_name(option: coolplan_model::Cooling, lang: Lang) -> &'static str {
    use coolplan_model::Cooling;
    match option {
        Cooling::Air => Term::Air.tr(lang),
        Cooling::RearDoorPassive => Term::RearDoorPassive.tr(lang),
        Cooling::RearDoorActive => Term::RearDoorActive.tr(lang),
        Cooling::ColdPlate => Term::ColdPlate.tr(lang),
        Cooling::ColdPlateRearDoor => Term::ColdPlateRearDoor.tr(lang),
        Cooling::ColdPlateLiquidToAir => Term::ColdPlateLiquidToAir.tr(lang),
        Cooling::Immersion => Term::Immersion.tr(lang),
    }
}

/// The option's name inside a sentence (English: its first letter in lower case, so an
/// abbreviation keeps its capitals: "cold plate, liquid-to-air CDU").
pub fn option_in_sentence(option: CoolingOption, lang: Lang) -> String {
    let name = option_name(option, lang);
    match lang {
        Lang::En => {
            let mut chars = name.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_lowercase().chain(chars).collect()
            })
        }
        Lang::Zh => name.to_string(),
    }
}

/// A cost item's name.
pub fn cost_item(item: CostItem, lang: Lang) -> &'static str {
    let key = match item {
        CostItem::PerKwStock => Words::ItemPerKwStock,
        CostItem::PerKwNew => Words::ItemPerKwNew,
        CostItem::ColdPlateKits => Words::ItemColdPlateKits,
        CostItem::FactoryPremium => Words::ItemFactoryPremium,
        CostItem::Manifolds => Words::ItemManifolds,
        CostItem::Cdus => Words::ItemCdus,
        CostItem::LiquidToAirUnits => Words::ItemLiquidToAirUnits,
        CostItem::Piping => Words::ItemPiping,
        CostItem::Labour => Words::ItemLabour,
        CostItem::Downtime => Words::ItemDowntime,
        CostItem::Tanks => Words::ItemTanks,
        CostItem::Fluid => Words::ItemFluid,
        CostItem::ImmersionPrep => Words::ItemImmersionPrep,
        CostItem::FloorReinforcement => Words::ItemFloorReinforcement,
        CostItem::AddedAirCapacity => Words::ItemAddedAirCapacity,
        CostItem::TrimChiller => Words::ItemTrimChiller,
        CostItem::RearDoors => Words::ItemRearDoors,
        CostItem::RearDoorInstall => Words::ItemRearDoorInstall,
        CostItem::FacilityWaterExtension => Words::ItemFacilityWaterExtension,
        CostItem::AirPlantAddition => Words::ItemAirPlantAddition,
        CostItem::ElectricalUpgrade => Words::ItemElectricalUpgrade,
        CostItem::Refresh => Words::ItemRefresh,
        CostItem::Contingency => Words::ItemContingency,
        CostItem::HeatReuse => Words::ItemHeatReuse,
    };
    key.tr(lang)
}

/// About three significant figures, at least one decimal kept where it carries information,
/// trailing zeros dropped: `83.2`, `832`, `1,536`, `1.25`.
pub fn short_number(value: f64) -> String {
    let magnitude = value.abs();
    let decimals = if magnitude >= 10.0 {
        1
    } else if magnitude >= 1.0 {
        2
    } else {
        3
    };
    let text = group_thousands(value, decimals);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    }
}

const YI: f64 = 1.0e8;
const WAN: f64 = 1.0e4;

/// An amount of money for people.
pub fn money(amount: Money, lang: Lang) -> String {
    let value = amount.amount;
    let code = amount.currency.code();
    let magnitude = value.abs();
    let cny = amount.currency == Currency::CNY;
    match lang {
        Lang::Zh if magnitude >= YI => {
            let unit = if cny {
                "亿元".to_string()
            } else {
                format!("亿 {code}")
            };
            format!("{} {unit}", short_number(value / YI))
        }
        Lang::Zh if magnitude >= WAN => {
            let unit = if cny {
                "万元".to_string()
            } else {
                format!("万 {code}")
            };
            format!("{} {unit}", short_number(value / WAN))
        }
        Lang::Zh if cny => format!("{} 元", group_thousands(value, 0)),
        Lang::Zh => format!("{} {code}", group_thousands(value, 0)),
        Lang::En if magnitude >= 1.0e9 => format!("{} bn {code}", short_number(value / 1.0e9)),
        Lang::En if magnitude >= 1.0e6 => format!("{} M {code}", short_number(value / 1.0e6)),
        Lang::En => format!("{} {code}", group_thousands(value, 0)),
    }
}

/// A payback time: `3.4 years`, or `never` when it does not pay back in the horizon.
pub fn years(years: Option<f64>, lang: Lang) -> String {
    match years {
        // paid back in year 0: the option costs no more than air to build
        Some(y) if y <= 0.0 => Words::AtOnce.tr(lang).to_string(),
        Some(y) => Words::Years.fmt(lang, &[&group_thousands(y, 1)]),
        None => Words::Never.tr(lang).to_string(),
    }
}

/// A rate as a percentage, `12.3 %`, or `n/a`.
pub fn percent(rate: Option<f64>, lang: Lang) -> String {
    match rate {
        Some(r) if r.is_finite() => format!("{} %", group_thousands(r * 100.0, 1)),
        _ => Words::NotApplicable.tr(lang).to_string(),
    }
}

/// `yes` / `no`.
/// `text` (a quantity or a sentence with quantities) with units as written in `lang`:
/// `℃` in Chinese.
pub fn units_as_written(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => coolplan_units::format::with_celsius_glyph(text),
        Lang::En => text.to_string(),
    }
}

pub fn yes_no(value: bool, lang: Lang) -> &'static str {
    if value {
        Words::Yes.tr(lang)
    } else {
        Words::No.tr(lang)
    }
}

/// A reason in words. `option` is the option the reason is about, when known (a floor-load
/// reason of immersion speaks of tanks, otherwise of racks).
pub fn reason(
    reason: &Reason,
    option: Option<CoolingOption>,
    lang: Lang,
    system: UnitSystem,
) -> String {
    let power = |p| quantity::<PowerUnit>(p, system);
    match reason {
        Reason::AirDensity { per_rack, limit } => {
            Words::AirDensity.fmt(lang, &[&power(*per_rack), &power(*limit)])
        }
        Reason::AboveAirGuideline { per_rack, limit } => {
            Words::AboveAirGuideline.fmt(lang, &[&power(*per_rack), &power(*limit)])
        }
        Reason::AirCapacity {
            heat_to_air,
            capacity,
            airflow: flow,
            airflow_capacity,
        } => Words::AirCapacity.fmt(
            lang,
            &[
                &power(*heat_to_air),
                &power(*capacity),
                &airflow(*flow, system, lang),
                &airflow(*airflow_capacity, system, lang),
            ],
        ),
        Reason::ElectricalCapacity {
            it_design,
            capacity,
        } => Words::ElectricalCapacity.fmt(lang, &[&power(*it_design), &power(*capacity)]),
        Reason::WaterCapacity {
            heat_to_liquid,
            capacity,
        } => Words::WaterCapacity.fmt(lang, &[&power(*heat_to_liquid), &power(*capacity)]),
        Reason::NeedsWork {
            work,
            excess,
            in_service,
        } => works::needs_work(*work, power(*excess), *in_service, lang),
        Reason::OverLimitToday {
            limit,
            today,
            capacity,
        } => Words::OverLimitToday.fmt(
            lang,
            &[
                &plan::limit_name(*limit, lang),
                &plan::amount(*today, system),
                &plan::amount(*capacity, system),
            ],
        ),
        Reason::CduTooSmall { per_rack, capacity } => {
            Words::CduTooSmall.fmt(lang, &[&power(*per_rack), &power(*capacity)])
        }
        Reason::FloorLoad { load, rating } => {
            let key = if option == Some(CoolingOption::Immersion) {
                Words::FloorLoadTank
            } else {
                Words::FloorLoadRack
            };
            let rating = quantity::<FloorLoadUnit>(*rating, system);
            key.fmt(lang, &[&rating, &quantity::<FloorLoadUnit>(*load, system)])
        }
        Reason::FloorSpace { needed, available } => Words::FloorSpace.fmt(
            lang,
            &[
                &quantity::<AreaUnit>(*needed, system),
                &quantity::<AreaUnit>(*available, system),
            ],
        ),
        Reason::RuledOut { group } => Words::RuledOut.fmt(lang, &[group]),
        Reason::NotOffered => Words::NotOffered.tr(lang).to_string(),
        Reason::NotImmersionCompatible { model } => {
            Words::NotImmersionCompatible.fmt(lang, &[model])
        }
        Reason::ImmersionNeedsPrep { model } => Words::ImmersionNeedsPrep.fmt(lang, &[model]),
        Reason::NoColdPlateKit { model } => Words::NoColdPlateKit.fmt(lang, &[model]),
        Reason::FactoryOnly { model } => Words::FactoryOnly.fmt(lang, &[model]),
        Reason::NoFacilityWater => Words::NoFacilityWater.tr(lang).to_string(),
        Reason::WaterTooWarm { supply, max } => {
            temperatures(Words::WaterTooWarm, *supply, *max, system, lang)
        }
        Reason::DoorBelowDewPoint { supply, min } => {
            temperatures(Words::DoorBelowDewPoint, *supply, *min, system, lang)
        }
        Reason::DoorWaterTooWarm { supply, max } => {
            temperatures(Words::DoorWaterTooWarm, *supply, *max, system, lang)
        }
        Reason::L2aLoopTooWarm { supply, max } => {
            temperatures(Words::L2aLoopTooWarm, *supply, *max, system, lang)
        }
        Reason::BestNpv {
            npv,
            runner_up,
            margin,
        } => {
            let best = Words::BestNpv.fmt(lang, &[&money(*npv, lang)]);
            match (runner_up, margin) {
                (Some(other), Some(margin)) => {
                    let ahead = Words::Margin.fmt(
                        lang,
                        &[&money(*margin, lang), &option_in_sentence(*other, lang)],
                    );
                    let separator = if lang == Lang::Zh { "；" } else { "; " };
                    format!("{best}{separator}{ahead}")
                }
                _ => best,
            }
        }
        Reason::Payback { years } => Words::Payback.fmt(lang, &[&group_thousands(*years, 1)]),
        Reason::OnlyFeasible => Words::OnlyFeasible.tr(lang).to_string(),
        Reason::AirCheapest => Words::AirCheapest.tr(lang).to_string(),
    }
}

/// Why a phased plan puts a rack group in its year (CLI, GUI and report word it here).
/// A reason of two temperatures, `{0}` and `{1}` in `words`.
fn temperatures(
    words: Words,
    first: uom::si::f64::ThermodynamicTemperature,
    second: uom::si::f64::ThermodynamicTemperature,
    system: UnitSystem,
    lang: Lang,
) -> String {
    words.fmt(
        lang,
        &[
            &units_as_written(&quantity::<TemperatureUnit>(first, system), lang),
            &units_as_written(&quantity::<TemperatureUnit>(second, system), lang),
        ],
    )
}

pub fn plan_reason(reason: &PlanReason, lang: Lang) -> String {
    match reason {
        PlanReason::BestNpvPerYuan { rank, of } => An::WhyBest.fmt(lang, &[rank, of]),
        PlanReason::Arrives { year } => An::WhyArrives.fmt(lang, &[year]),
        PlanReason::BudgetExhausted { year } => An::WhyBudget.fmt(lang, &[year]),
        PlanReason::LaterPaysMore => An::WhyLater.tr(lang).to_string(),
        PlanReason::NoBudget => An::WhyNoBudget.tr(lang).to_string(),
        PlanReason::NoGain => An::WhyNoGain.tr(lang).to_string(),
        PlanReason::Infeasible => An::WhyInfeasible.tr(lang).to_string(),
        PlanReason::AirCannotCool => An::WhyAirCannot.tr(lang).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coolplan_units::build::{kg_per_m2, kw};

    #[test]
    fn an_option_in_a_sentence_keeps_its_abbreviations() {
        let l2a = CoolingOption::ColdPlateLiquidToAir;
        assert_eq!(
            option_in_sentence(l2a, Lang::En),
            "cold plate, liquid-to-air CDU"
        );
        assert_eq!(option_in_sentence(CoolingOption::Air, Lang::En), "air");
        assert_eq!(
            option_in_sentence(l2a, Lang::Zh),
            option_name(l2a, Lang::Zh)
        );
    }

    #[test]
    fn cny_in_chinese_uses_yi_and_wan() {
        let cny = |a| Money::new(a, Currency::CNY);
        assert_eq!(money(cny(83.2e9), Lang::Zh), "832 亿元");
        assert_eq!(money(cny(26.0e9), Lang::Zh), "260 亿元");
        assert_eq!(money(cny(153.6e9), Lang::Zh), "1,536 亿元");
        assert_eq!(money(cny(215_600.0), Lang::Zh), "21.6 万元");
        assert_eq!(money(cny(9_876.0), Lang::Zh), "9,876 元");
        assert_eq!(money(cny(83.2e9), Lang::En), "83.2 bn CNY");
        assert_eq!(money(cny(1_234_567.0), Lang::En), "1.23 M CNY");
        assert_eq!(
            money(Money::new(-36_058.0, Currency::USD), Lang::En),
            "-36,058 USD"
        );
    }

    #[test]
    fn reasons_read_as_an_engineer_writes_them() {
        let air = Reason::AirDensity {
            per_rack: kw(40.8).get(),
            limit: kw(25.0).get(),
        };
        assert_eq!(
            reason(&air, Some(CoolingOption::Air), Lang::En, UnitSystem::Si),
            "air cannot cool 40.8 kW per rack (limit 25 kW)"
        );
        let floor = Reason::FloorLoad {
            load: kg_per_m2(1560.0).get(),
            rating: kg_per_m2(732.0).get(),
        };
        assert_eq!(
            reason(
                &floor,
                Some(CoolingOption::Immersion),
                Lang::En,
                UnitSystem::Si
            ),
            "floor 732 kg/m² < tank 1,560 kg/m²"
        );
        assert_eq!(
            reason(
                &Reason::Payback { years: 3.44 },
                None,
                Lang::Zh,
                UnitSystem::Si
            ),
            "投资回收期 3.4 年"
        );
    }
}

/// The kind of CDU a size names, e.g. `In-row CDU` / `列间 CDU` (the file writes `InRow`).
pub fn cdu_size_name(size: &CduSize, lang: Lang) -> &'static str {
    match size {
        CduSize::Auto => Words::CduAuto,
        CduSize::InRack => Words::CduInRack,
        CduSize::InRow => Words::CduInRow,
        CduSize::Facility => Words::CduFacility,
        CduSize::Custom { .. } => Words::CduCustom,
        CduSize::LiquidToAir { .. } => Words::CduLiquidToAir,
    }
    .tr(lang)
}

/// A fluid's name in `lang`; a custom fluid keeps the name its file gives it.
pub fn fluid_name(fluid: &Fluid, lang: Lang) -> String {
    let key = match fluid {
        Fluid::Water => Words::FluidWater,
        Fluid::PG25 => Words::FluidPg25,
        Fluid::ShellS5X => Words::FluidShellS5x,
        Fluid::CastrolDC15 => Words::FluidCastrolDc15,
        Fluid::Hydrocarbon => Words::FluidHydrocarbon,
        Fluid::Custom { name, .. } => return name.clone(),
    };
    key.tr(lang).to_string()
}

/// An assumption's value for people reading `lang`: `25 kW`; a value with a name of its own
/// puts it first, `In-row CDU, 600 kW` / `列间 CDU，600 kW`, `Water, 995.6 kg/m³, …`.
pub fn assumption_value(entry: &Entry, lang: Lang) -> String {
    let comma = if lang == Lang::Zh { "，" } else { ", " };
    match &entry.named {
        None => entry.display.clone(),
        Some(Named::Cdu(CduSize::Auto)) => cdu_size_name(&CduSize::Auto, lang).to_string(),
        Some(Named::Cdu(size)) => {
            format!("{}{comma}{}", cdu_size_name(size, lang), entry.display)
        }
        Some(Named::Fluid(fluid)) => {
            format!("{}{comma}{}", fluid_name(fluid, lang), entry.display)
        }
    }
}

#[cfg(test)]
mod assumption_words {
    use super::*;
    use coolplan_model::Assumptions;
    use coolplan_model::assumptions::cooling::Cooling;
    use coolplan_units::Currency;
    use coolplan_units::build::kw;

    fn cdu_entry(size: CduSize) -> Entry {
        let assumptions = Assumptions {
            cooling: Cooling {
                cdu_size: Some(size),
                ..Cooling::default()
            },
            ..Assumptions::default()
        };
        assumptions
            .entries(Currency::CNY)
            .into_iter()
            .find(|e| e.key.name() == "cdu_size")
            .expect("cdu_size is an assumption")
    }

    #[test]
    fn cdu_sizes_are_described_in_words_with_their_capacity() {
        assert_eq!(
            assumption_value(&cdu_entry(CduSize::InRow), Lang::En),
            "In-row CDU, 600 kW"
        );
        assert_eq!(
            assumption_value(&cdu_entry(CduSize::InRow), Lang::Zh),
            "列间 CDU，600 kW"
        );
        assert_eq!(
            assumption_value(&cdu_entry(CduSize::Facility), Lang::En),
            "Facility CDU, 2,000 kW"
        );
        assert_eq!(
            assumption_value(&cdu_entry(CduSize::Auto), Lang::En),
            "Chosen per hall to fit its load"
        );
        let custom = CduSize::Custom {
            capacity: kw(350.0),
        };
        assert_eq!(
            assumption_value(&cdu_entry(custom), Lang::Zh),
            "自定义 CDU，350 kW"
        );
    }
}
