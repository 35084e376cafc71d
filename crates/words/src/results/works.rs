//! Words of the enabling works a plan buys (`docs/method.md` §5.1): each work's reason, size,
//! CAPEX, energy effect, timing and the rack groups that need and wait for it — for the
//! report's works section and bill of quantities, the JSON's text fields, the CLI text and the
//! app.
//!
//! Owns: wording only; never touches the engine's arithmetic.

use coolplan_engine::{PlannedWork, Results};

/// The name of the rack group at an index of `Results::racks`, where known.
pub type Names<'a> = &'a dyn Fn(usize) -> Option<String>;
use coolplan_model::EnablingWork;
use coolplan_units::PowerUnit;
use coolplan_units::format::{UnitSystem, group_thousands, quantity_trimmed as quantity};
use uom::si::f64::Power;

use super::money;
use super::plan::{limit_name, work_name};
use crate::{Lang, Text};

crate::texts! {
    /// Enabling-works wording.
    WorkWords {
        Heading => "Enabling works", "配套工程";
        Intro => "The works the plan buys so that its options can run. Each is a priced line item, ordered at the start of the study (1 January {0}) and in service on the first 1 January after its lead time; what needs it starts then.", "方案为使所选方案得以实施而购置的配套工程。每项单独计价，按研究期初（{0} 年 1 月 1 日）下单，在工期结束后的第一个 1 月 1 日投入使用；依赖它的部分自那时开始。";
        WhyWater => "why: the hall has no facility water, and the plan's liquid options need {0} of liquid heat taken to a new loop", "原因：机房没有一次侧冷却水，方案中的液冷需将 {0} 液体散热接入新建水系统";
        WhyLimit => "why: under the plan the hall needs {0} of {1}, {2} more than its {3}", "原因：按该方案，机房{1}需要 {0}（现有 {3}），超出 {2}";
        Size => "size: {0}", "规模：{0}";
        Capex => "CAPEX: {0} before contingency", "投资：{0}（不含不可预见费）";
        EnergyWater => "energy: the liquid heat goes to a new dry cooler with a trim chiller in series; their fans, pumps and trim chiller are in the liquid options' energy", "能耗：液体散热经新建干冷器及串联补冷冷机排出，其风机、水泵和补冷冷机能耗已计入液冷方案";
        EnergyAir => "energy: none of its own; the heat on air is priced on the hall's air plant at its efficiency", "能耗：本身无额外能耗；风冷散热按机房空调系统效率计价";
        EnergyElectrical => "energy: none of its own; UPS losses stay rated from the hall's IT capacity", "能耗：本身无额外能耗；UPS 损耗仍按机房 IT 供电能力计";
        Timing => "lead time about {0} weeks: in service from {1}, needed from {2}", "工期约 {0} 周：{1} 年起投入使用，{2} 年起需要";
        Groups => "rack groups that need it: {0}", "需要它的机柜组：{0}";
        WaitLiquid => "waiting for it: {0} — they convert in {1} and run on air until then, as the cash flows count them", "需等待：{0}——{1} 年才改造，此前维持风冷，现金流按此计算";
        WaitNew => "waiting for it: {0} — their new servers cannot run before {1}; their arrival is not moved in the cash flows (the all-air reference waits as long)", "需等待：{0}——其新增服务器 {1} 年前无法运行；现金流中未推迟到货（全风冷参考方案同样需等待）";
        WaitMark => "waits for {0} until {1}", "等待{0}至 {1} 年";
        WaitShort => "waits until {0}", "待 {0} 年";
        NeedsWork => "needs {1} of {0} over the hall's limit, priced in its CAPEX; ordered at the start of the study it is in service from {2}", "需{1} {0}（超出机房现有能力部分），已计入投资；研究期初下单，{2} 年起投入使用";
        AndMore => "{0} and {1} more", "{0} 等，另有 {1} 个";
        ColHall => "Hall", "机房";
        ColWork => "Work", "工程";
        ColSize => "Size", "规模";
        ColCapex => "CAPEX", "投资";
        ColLead => "Lead time (weeks)", "工期（周）";
        ColNeeded => "Needed from", "需要年份";
        ColInService => "In service", "投入使用";
        ColWaiting => "Groups waiting", "等待的机柜组";
    }
}

/// Why the plan needs `work`: the hall has no water, or which limit it exceeds by how much.
pub fn why(work: &PlannedWork, lang: Lang, system: UnitSystem) -> String {
    let kw = |p: Power| quantity::<PowerUnit>(p, system);
    match work.raises {
        Some((limit, capacity)) => WorkWords::WhyLimit.fmt(
            lang,
            &[
                &kw(capacity + work.size),
                &limit_name(limit, lang),
                &kw(work.size),
                &kw(capacity),
            ],
        ),
        None => WorkWords::WhyWater.fmt(lang, &[&kw(work.size)]),
    }
}

/// The warning of a reference column that needs `work` for `excess` (worded) over a limit of
/// its hall, in service from `in_service`.
pub fn needs_work(work: EnablingWork, excess: String, in_service: i32, lang: Lang) -> String {
    let name = work_name(work, lang);
    let name = if lang == Lang::En {
        format!("an {}", name.to_lowercase())
    } else {
        name.to_string()
    };
    WorkWords::NeedsWork.fmt(lang, &[&excess, &name, &in_service])
}

/// The energy a work adds or changes, where it has an effect of its own.
pub fn energy_effect(work: EnablingWork, lang: Lang) -> &'static str {
    match work {
        EnablingWork::FacilityWaterExtension => WorkWords::EnergyWater,
        EnablingWork::AirPlantAddition => WorkWords::EnergyAir,
        EnablingWork::ElectricalUpgrade => WorkWords::EnergyElectrical,
    }
    .tr(lang)
}

/// A work's lead time in whole weeks.
pub fn lead_weeks(work: &PlannedWork) -> String {
    group_thousands(work.lead_time.get::<uom::si::time::day>() / 7.0, 0)
}

/// Names listed before the rest are counted: a work of a large hall may serve thousands of
/// rack groups.
const NAMES_LISTED: usize = 6;

/// The names of the rack groups of full `results`.
pub fn names_of(results: &Results) -> impl Fn(usize) -> Option<String> + '_ {
    |g| results.racks.get(g).map(|r| r.scope.name.clone())
}

/// The names of rack groups `groups` (indices in `Results::racks`), comma-separated, the
/// first [`NAMES_LISTED`] and how many more.
pub fn group_names(names: Names<'_>, groups: &[usize], lang: Lang) -> String {
    let separator = if lang == Lang::Zh { "、" } else { ", " };
    let listed = groups
        .iter()
        .take(NAMES_LISTED)
        .filter_map(|g| names(*g))
        .collect::<Vec<_>>()
        .join(separator);
    match groups.len().checked_sub(NAMES_LISTED) {
        Some(more) if more > 0 => WorkWords::AndMore.fmt(lang, &[&listed, &more]),
        _ => listed,
    }
}

/// Every fact of `work`, one line each: why, size, CAPEX, energy, timing, the groups that
/// need it and those that wait for it.
pub fn facts(work: &PlannedWork, names: Names<'_>, lang: Lang, system: UnitSystem) -> Vec<String> {
    let mut lines = vec![
        why(work, lang, system),
        WorkWords::Size.fmt(lang, &[&quantity::<PowerUnit>(work.size, system)]),
        WorkWords::Capex.fmt(lang, &[&money(work.capex, lang)]),
        energy_effect(work.work, lang).to_string(),
        WorkWords::Timing.fmt(
            lang,
            &[&lead_weeks(work), &work.in_service, &work.needed_from],
        ),
    ];
    lines.extend(groups(work, names, lang));
    lines
}

/// What the one-line [`super::plan::work_line`] leaves out: why, energy, the groups that need
/// it and those that wait for it.
pub fn context(
    work: &PlannedWork,
    names: Names<'_>,
    lang: Lang,
    system: UnitSystem,
) -> Vec<String> {
    let mut lines = vec![
        why(work, lang, system),
        energy_effect(work.work, lang).to_string(),
    ];
    lines.extend(groups(work, names, lang));
    lines
}

/// The rack groups that need `work` and those that wait for it, a line each (none when
/// empty).
fn groups(work: &PlannedWork, names: Names<'_>, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    if !work.groups.is_empty() {
        let names = group_names(names, &work.groups, lang);
        lines.push(WorkWords::Groups.fmt(lang, &[&names]));
    }
    if !work.waiting.is_empty() {
        let names = group_names(names, &work.waiting, lang);
        let key = match work.work {
            EnablingWork::FacilityWaterExtension => WorkWords::WaitLiquid,
            _ => WorkWords::WaitNew,
        };
        lines.push(key.fmt(lang, &[&names, &work.in_service]));
    }
    lines
}

/// The mark of a rack group that waits for `work`: "waits for Facility-water extension until
/// 2027".
pub fn wait_mark(work: &PlannedWork, lang: Lang) -> String {
    let name = work_name(work.work, lang);
    let name = if lang == Lang::En {
        name.to_lowercase()
    } else {
        name.to_string()
    };
    WorkWords::WaitMark.fmt(lang, &[&name, &work.in_service])
}

/// The works of the plan, every hall's, with their hall's index.
pub fn of_plan<R>(results: &Results<R>) -> impl Iterator<Item = (usize, &PlannedWork)> {
    results
        .plan
        .halls
        .iter()
        .enumerate()
        .flat_map(|(h, hall)| hall.works.iter().map(move |w| (h, w)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use coolplan_engine::Limit;
    use coolplan_units::{Currency, Money};
    use uom::si::power::kilowatt;
    use uom::si::time::day;

    #[test]
    fn a_work_over_a_limit_says_by_how_much() {
        let work = PlannedWork {
            work: EnablingWork::ElectricalUpgrade,
            size: Power::new::<kilowatt>(135.0),
            capex: Money::new(675_000.0, Currency::CNY),
            needed_from: 2027,
            lead_time: uom::si::f64::Time::new::<day>(252.0),
            in_service: 2027,
            late: false,
            raises: Some((Limit::Electrical, Power::new::<kilowatt>(1000.0))),
            groups: vec![],
            waiting: vec![],
        };
        assert_eq!(
            why(&work, Lang::En, UnitSystem::Si),
            "why: under the plan the hall needs 1,135 kW of electrical capacity for IT, 135 kW more than its 1,000 kW"
        );
        assert_eq!(
            why(&work, Lang::Zh, UnitSystem::Si),
            "原因：按该方案，机房IT 供电能力需要 1,135 kW（现有 1,000 kW），超出 135 kW"
        );
        assert_eq!(lead_weeks(&work), "36");
        assert_eq!(
            wait_mark(&work, Lang::En),
            "waits for electrical upgrade until 2027"
        );
    }
}
