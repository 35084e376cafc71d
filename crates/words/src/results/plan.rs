//! Words of the plan: its headline, each group's reason, the hall limits, the search, and why
//! a swung input moves nothing (the tornado's engine result).
//!
//! Owns: wording only; never touches the engine's arithmetic.

use coolplan_engine::analysis::tornado::NoEffect;
use coolplan_engine::{Amount, Limit, Plan, PlannedWork, SearchMethod, Why};
use coolplan_model::{CostMode, EnablingWork};
use coolplan_units::format::{UnitSystem, quantity_trimmed as quantity};
use coolplan_units::{AreaUnit, PowerUnit};

use super::{Words, money, option_in_sentence, option_name};
use crate::{Lang, Text};

crate::texts! {
    /// Plan wording.
    PlanWords {
        LimitAirCooling => "air-cooling capacity", "风冷能力";
        LimitFloorArea => "floor area", "占地面积";
        LimitElectrical => "electrical capacity for IT", "IT 供电能力";
        LimitFacilityWater => "facility-water capacity", "冷却水能力";
        WhyBest => "best NPV against air for this group: {0}", "该机柜组相对风冷净现值最高：{0}";
        WhyHeld => "{0} would gain {1} more, but the hall's {2} has no room for it", "采用{0}可多得 {1}，但机房{2}已无余量";
        WhyCduStep => "{0} would gain {1} on its own, but with whole CDU units (and the spare) the hall does better without it", "单独采用{0}可多得 {1}，但按整台购置 CDU（含备用）计，机房整体不采用更优";
        WhyCompliance => "{0} would gain {1} more, but the site must comply by its year and {0} keeps it from that", "采用{0}可多得 {1}，但站点须按期达标，采用{0}则无法达标";
        WhyAsToday => "no option suits it: its installed servers stay on air as they run today", "无可行方案：现有服务器维持风冷现状";
        WhyUnplaced => "no option suits its new servers: the plan cannot place them", "新增服务器无可行方案，方案无法安排";
        PlanAll => "all {0}", "全部采用{0}";
        PlanPart => "{0} for {1} rack groups ({2} racks)", "{0}：{1} 个机柜组（{2} 个机柜）";
        PlanPartOne => "{0} for 1 rack group ({1} racks)", "{0}：1 个机柜组（{1} 个机柜）";
        NothingToInvest => "Nothing to invest: every rack group stays on air.", "无需投资：所有机柜组维持风冷。";
        PlanSameAsColumn => "the plan is the \"all {0}\" column", "该方案即\"全部{0}\"一列";
        PlanMixed => "a mix, better than any single option", "混合方案，优于任一单一方案";
        PlanBelowZero => "its NPV is below zero because air cannot carry every rack group: it is the least-cost way to host them", "其净现值为负，是因为并非所有机柜组都能采用风冷：这是容纳这些机柜组成本最低的方案";
        SearchExhaustive => "every combination valued, whole CDU units counted (exact)", "逐一比较所有组合，CDU 按整台计（精确）";
        SearchHeuristic => "too many combinations: best option per group, repaired to the hall's limits and improved one group at a time (heuristic)", "组合过多：各机柜组取最优，按机房限制修正后逐组改进（启发式）";
        NoEffectCatalog => "every model on this site has its own catalog price, so this per-kW default applies to none", "本站点所有型号在目录中都有自己的价格，此按千瓦默认单价不适用";
        NoEffectMode => "the site is costed {0}, where this price is not used", "本站点采用{0}，不使用此价格";
        NoEffectOption => "no rack group of the plan takes {0} at either end of the range", "在取值范围两端，方案中都没有机柜组采用{0}";
        NoEffectNoStock => "the site has no installed servers to which it applies", "本站点没有适用的存量服务器";
        NoEffectNoNew => "the site has no new servers to which it applies", "本站点没有适用的新增服务器";
        NoEffectNoAddedAir => "no hall needs added air-cooling capacity", "没有机房需要新增风冷能力";
        NoEffectNoPath => "nothing the plan's NPV depends on changes with it on this site", "在本站点，方案净现值所依赖的量均不随其变化";
        Recommended => "Recommended plan: {0}", "推荐方案：{0}";
        Figures => "CAPEX {0} in all, {1} of it up front; OPEX {2} a year; NPV against air {3}; simple payback {4}, discounted payback {5}; PUE {6} → {7}", "投资共 {0}，其中初期 {1}；年运营成本 {2}；相对风冷净现值 {3}；静态回收期 {4}，动态回收期 {5}；PUE {6} → {7}";
        HallPlan => "Plan: {0} — {1}", "方案：{0}——{1}";
        LimitLine => "{0}: {1} used of {2}", "{0}：已用 {1}，上限 {2}";
        LimitBinds => "{0}: {1} used of {2} — it shaped the plan", "{0}：已用 {1}，上限 {2}——制约了方案";
        OverLimits => "no choice of options fits every limit of this hall; the plan exceeds them as little as the search could", "任何方案组合都无法满足本机房全部限制；所示方案为超限最少者";
        CduLine => "{0}: {1} × {2} ({3} carrying racks, {4} spare)", "{0}：{1} 台 {2}（{3} 台带载，{4} 台备用）";
        WorkWater => "Facility-water extension", "新建一次侧冷却水";
        WorkAir => "Air-plant addition", "空调扩容";
        WorkElectrical => "Electrical upgrade", "配电扩容";
        WorkLine => "{0}: {1}, {2}, needed from {3}; lead time about {4} weeks, in service from {5}", "{0}：{1}，{2}，{3} 年起需要；工期约 {4} 周，{5} 年起投入使用";
        WorkLate => "{0}: {1}, {2}, needed from {3}; lead time about {4} weeks, so ordered at the start of the study it is in service only from {5}: the rack groups that need it wait for it", "{0}：{1}，{2}，{3} 年起需要；工期约 {4} 周，即使在研究期初下单也要到 {5} 年才能投入使用：需要它的机柜组须等待";
        BestSingle => "Best single option: {0}", "最优单一方案：{0}";
        PlanRow => "Plan", "推荐方案";
        EachAlone => "Site totals, each option for every rack group (reference)", "站点合计：所有机柜组采用同一方案（参考）";
        Unplaced => "{0} rack groups of new servers have no feasible option and are not placed", "{0} 个新增服务器机柜组无可行方案，未纳入方案";
        ModePerKw => "per kW (all-in prices)", "按千瓦综合单价";
        ModeItemised => "item by item", "分项估算";
    }
}

/// A limit's name, e.g. `air-cooling capacity`.
pub fn limit_name(limit: Limit, lang: Lang) -> &'static str {
    match limit {
        Limit::AirCooling => PlanWords::LimitAirCooling,
        Limit::FloorArea => PlanWords::LimitFloorArea,
        Limit::Electrical => PlanWords::LimitElectrical,
        Limit::FacilityWater => PlanWords::LimitFacilityWater,
    }
    .tr(lang)
}

/// An enabling work's name, e.g. `Air-plant addition`.
pub fn work_name(work: EnablingWork, lang: Lang) -> &'static str {
    match work {
        EnablingWork::FacilityWaterExtension => PlanWords::WorkWater,
        EnablingWork::AirPlantAddition => PlanWords::WorkAir,
        EnablingWork::ElectricalUpgrade => PlanWords::WorkElectrical,
    }
    .tr(lang)
}

/// An enabling work of a hall's plan: what it adds, its CAPEX, the year it is first needed
/// and its lead time, and whether that lead time makes it late.
pub fn work_line(work: &PlannedWork, lang: Lang, system: UnitSystem) -> String {
    let weeks = work.lead_time.get::<uom::si::time::day>() / 7.0;
    let key = if work.late {
        PlanWords::WorkLate
    } else {
        PlanWords::WorkLine
    };
    key.fmt(
        lang,
        &[
            &work_name(work.work, lang),
            &quantity::<PowerUnit>(work.size, system),
            &money(work.capex, lang),
            &work.needed_from,
            &coolplan_units::format::group_thousands(weeks, 0),
            &work.in_service,
        ],
    )
}

/// An amount of a limit with its unit: `1,600 kW`, `900 m²`.
pub fn amount(value: Amount, system: UnitSystem) -> String {
    match value {
        Amount::Power(p) => quantity::<PowerUnit>(p, system),
        Amount::Area(a) => quantity::<AreaUnit>(a, system),
    }
}

/// Why a group takes its option in the plan.
pub fn why(why: &Why, lang: Lang) -> String {
    match why {
        Why::BestNpv { npv, runner_up } => {
            let best = PlanWords::WhyBest.fmt(lang, &[&money(*npv, lang)]);
            match runner_up {
                Some((other, margin)) => {
                    let ahead = Words::Margin.fmt(
                        lang,
                        &[&money(*margin, lang), &option_in_sentence(*other, lang)],
                    );
                    let separator = if lang == Lang::Zh { "；" } else { "; " };
                    format!("{best}{separator}{ahead}")
                }
                None => best,
            }
        }
        Why::OnlyFeasible => Words::OnlyFeasible.tr(lang).to_string(),
        Why::HeldByLimit {
            preferred,
            limit,
            forgone,
        } => PlanWords::WhyHeld.fmt(
            lang,
            &[
                &option_in_sentence(*preferred, lang),
                &money(*forgone, lang),
                &limit_name(*limit, lang),
            ],
        ),
        Why::CduStep { preferred, forgone } => PlanWords::WhyCduStep.fmt(
            lang,
            &[
                &option_in_sentence(*preferred, lang),
                &money(*forgone, lang),
            ],
        ),
        Why::ForCompliance { preferred, forgone } => PlanWords::WhyCompliance.fmt(
            lang,
            &[
                &option_in_sentence(*preferred, lang),
                &money(*forgone, lang),
            ],
        ),
        Why::StaysAsToday => PlanWords::WhyAsToday.tr(lang).to_string(),
        Why::NothingFeasible => PlanWords::WhyUnplaced.tr(lang).to_string(),
    }
}

/// The plan in a line: `All cold plate`, or `Cold plate for 4 rack groups (28 racks); air for
/// 9 rack groups (60 racks)`; `racks_of(g)` gives the racks of group `g`.
pub fn headline(plan: &Plan, racks_of: impl Fn(usize) -> u64, lang: Lang) -> String {
    if let Some(option) = plan.uniform {
        let text = PlanWords::PlanAll.fmt(lang, &[&option_in_sentence(option, lang)]);
        return capitalised(&text, lang);
    }
    let parts: Vec<String> = plan
        .groups_by_option()
        .into_iter()
        .map(|(option, groups)| {
            let racks: u64 = plan
                .groups
                .iter()
                .enumerate()
                .filter(|(_, g)| g.option == Some(option))
                .map(|(i, _)| racks_of(i))
                .sum();
            let racks = coolplan_units::format::group_thousands(racks as f64, 0);
            let name = option_name(option, lang);
            if groups == 1 {
                PlanWords::PlanPartOne.fmt(lang, &[&name, &racks])
            } else {
                let groups = coolplan_units::format::group_thousands(groups as f64, 0);
                PlanWords::PlanPart.fmt(lang, &[&name, &groups, &racks])
            }
        })
        .collect();
    parts.join(if lang == Lang::Zh { "；" } else { "; " })
}

/// Whether the plan is one of the "all …" columns, in words, and why a plan whose NPV against
/// air is below zero is still the one to take: it never loses to a feasible "all air" column
/// (which is worth zero), so air cannot carry every rack group and the plan is the least-cost
/// way to host them.
pub fn relation_to_columns(plan: &Plan, lang: Lang) -> String {
    let relation = match plan.uniform {
        Some(option) => PlanWords::PlanSameAsColumn.fmt(lang, &[&option_in_sentence(option, lang)]),
        None => PlanWords::PlanMixed.tr(lang).to_string(),
    };
    if plan.totals.npv_vs_air.amount < 0.0 {
        let sep = if lang == Lang::Zh { "；" } else { "; " };
        format!("{relation}{sep}{}", PlanWords::PlanBelowZero.tr(lang))
    } else {
        relation
    }
}

/// How a hall's plan was searched.
pub fn search_method(method: SearchMethod, lang: Lang) -> &'static str {
    match method {
        SearchMethod::Exhaustive => PlanWords::SearchExhaustive,
        SearchMethod::Heuristic => PlanWords::SearchHeuristic,
    }
    .tr(lang)
}

/// Why a swung input moves nothing on the site.
pub fn no_effect(reason: &NoEffect, lang: Lang) -> String {
    match reason {
        NoEffect::CatalogPricesEveryModel => PlanWords::NoEffectCatalog.tr(lang).to_string(),
        NoEffect::OtherCostMode { site_mode } => {
            let mode = match site_mode {
                CostMode::PerKw => PlanWords::ModePerKw,
                CostMode::Itemised => PlanWords::ModeItemised,
            };
            PlanWords::NoEffectMode.fmt(lang, &[&mode.tr(lang)])
        }
        NoEffect::OptionNotInPlan { option } => {
            PlanWords::NoEffectOption.fmt(lang, &[&option_in_sentence(*option, lang)])
        }
        NoEffect::NoStockServers => PlanWords::NoEffectNoStock.tr(lang).to_string(),
        NoEffect::NoNewServers => PlanWords::NoEffectNoNew.tr(lang).to_string(),
        NoEffect::NoAddedAirCapacity => PlanWords::NoEffectNoAddedAir.tr(lang).to_string(),
        NoEffect::NoPathOnSite => PlanWords::NoEffectNoPath.tr(lang).to_string(),
    }
}

/// The first letter in upper case (English); Chinese as is.
fn capitalised(text: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => text.to_string(),
        Lang::En => {
            let mut chars = text.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use coolplan_engine::CoolingOption;
    use coolplan_units::{Currency, Money};

    #[test]
    fn a_group_held_by_a_limit_says_which() {
        let held = Why::HeldByLimit {
            preferred: CoolingOption::Immersion,
            limit: Limit::FloorArea,
            forgone: Money::new(218_047.0, Currency::CNY),
        };
        assert_eq!(
            why(&held, Lang::En),
            "immersion would gain 218,047 CNY more, but the hall's floor area has no room for it"
        );
        assert_eq!(
            why(&held, Lang::Zh),
            "采用单相浸没式液冷可多得 21.8 万元，但机房占地面积已无余量"
        );
    }
}
