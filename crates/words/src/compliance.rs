//! Texts of compliance and KPIs: the report chapter "Compliance and KPIs", verdicts, rule
//! kinds and why a site is not assessed.

use coolplan_engine::CoolingOption;
use coolplan_engine::compliance::{Column, NotAssessed, RuleCheck, Verdict};
use coolplan_engine::plan::comply::{ComplyPlan, Shortfall};
use coolplan_engine::surcharge::Surcharge;
use coolplan_model::compliance::rules::{Limit, Metric};
use coolplan_model::compliance::{RuleBook, RuleKind};
use coolplan_units::Money;

use crate::results::money;
use crate::{Lang, Text};

crate::texts! {
    /// Compliance and KPI texts (report chapter).
    Comp {
        KpiHeading => "KPIs per ISO/IEC 30134: {0}", "ISO/IEC 30134 能效指标：{0}";
        KpiIntro => "Yearly figures of each plan year: PUE of every option and of the plan (30134-2); for the plan the cooling pPUE (30134-2), WUE (30134-9, L/kWh), CUE (30134-8, kg CO₂/kWh), ERF (30134-6) and REF (30134-3).", "各规划年度数据：各方案及推荐方案的 PUE（30134-2）；推荐方案的制冷 pPUE（30134-2）、WUE（30134-9，升/千瓦时）、CUE（30134-8，千克 CO₂/千瓦时）、ERF（30134-6）和 REF（30134-3）。";
        Year => "Year", "年份";
        PueOf => "PUE {0}", "PUE {0}";
        Plan => "plan", "推荐方案";
        PlanColumn => "Plan", "推荐方案";
        PpueCooling => "pPUE cooling", "制冷 pPUE";
        Wue => "WUE", "WUE";
        Cue => "CUE", "CUE";
        Erf => "ERF", "ERF";
        Ref => "REF", "REF";
        RulesHeading => "Rules that apply to the site", "适用于本站点的规定";
        RulesIntro => "Region {0}, {1}. Checked against the site's KPIs year by year; a rule counts from the year it is in force (and after any grace years). Cells give the first plan year from which the column complies.", "地区 {0}，{1}。按年度以站点能效指标核对；规定自生效年份（及宽限期满后）起计。单元格为该列自哪一规划年度起合规。";
        Existing => "existing data centre", "既有数据中心";
        New => "new or expanded data centre", "新建或改扩建数据中心";
        Rule => "Rule", "规定";
        Limit => "Limit", "限值";
        Kind => "Kind", "类型";
        Source => "Source", "来源";
        KindObligation => "obligation", "强制要求";
        KindSurcharge => "surcharge", "差别电价";
        KindEligibility => "eligibility", "资格条件";
        KindTarget => "target (not binding)", "目标（非强制）";
        KindReporting => "reporting", "报告义务";
        FromYear => "from {0}", "自 {0} 年";
        Never => "fails", "不合规";
        NotInStudy => "not in force", "研究期内未生效";
        ReportDuty => "report", "需报告";
        Pass => "pass {0}", "合规 {0}";
        Fail => "fail {0}", "不合规 {0}";
        NotChecked => "—", "—";
        PlanYearsHeading => "The plan year by year (value, margin)", "推荐方案逐年核对（数值，裕量）";
        ColumnComplies => "{0}: complies with every binding rule from {1}.", "{0}：自 {1} 年起满足全部强制性规定。";
        ColumnNever => "{0}: does not comply within the study; failing: {1}.", "{0}：研究期内不合规；未满足：{1}。";
        ComplyByMet => "{0} complies by {1}, as the site requires.", "{0} 在 {1} 年前合规，满足站点要求。";
        ComplyByChanged => "The site must comply by {0} and the plan of best NPV does not, so the plan is the best found that does: {1} rack groups on another option, {2} of NPV given up for it.", "站点须自 {0} 年起合规，而净现值最优的方案不合规，因此推荐方案为所找到的合规方案中最优者：{1} 个机柜组改用其他方案，为此放弃净现值 {2}。";
        ComplyByUnreachable => "The site must comply by {0}, and no plan found does: the plan stays the one of best NPV.", "站点须自 {0} 年起合规，但未找到任何合规方案：推荐方案仍为净现值最优者。";
        Shortfall => "{0}: at best {1} in {2} against {3} (the plan: {4}).", "{0}：最好只能达到 {1}（{2} 年），限值 {3}（推荐方案：{4}）。";
        SurchargeLine => "{0}: {1} on the energy used above PUE {2}, in the site's OPEX from the year it applies; over the study the plan pays {3}, all air {4}.", "{0}：PUE 超过 {2} 部分的用电加收 {1}，自适用年份起计入站点运营成本；研究期内推荐方案合计 {3}，全部风冷 {4}。";
        SurchargeEst => "The price is the site's `surcharge_price`, else 0.20 CNY/kWh [EST]: the lower band of one secondary paraphrase; the clause itself was not read.", "加价取站点的 `surcharge_price`，否则为 0.20 元/千瓦时 [估计]：出自一份二手转述的较低档；条款原文未核读。";
        NoBinding => "No binding rule applies; targets and reporting duties are shown for reference.", "没有适用的强制性规定；目标和报告义务仅供参考。";
        SourcesHeading => "Sources", "来源";
        SourceLine => "{0} ({1}, {2}, version {3}): {4}. Clauses (verification): {5} ({6})", "{0}（{1}，{2}，版本 {3}）：{4}。条款（核实方式）：{5} ({6})";
        NoProfile => "The site has no compliance profile (`compliance` in the site file, see docs/site-format.md): no rule is checked. The KPIs above hold regardless.", "站点文件没有合规配置（`compliance`，见 docs/site-format.md）：未核对任何规定。上面的能效指标仍然有效。";
        UnknownRegion => "Region code `{0}` is not known: no rule is checked.", "地区代码 `{0}` 无法识别：未核对任何规定。";
        NoKpis => "No plan year to show.", "没有可显示的规划年度。";
    }
}

/// The first plan year a column complies with a rule, "fails", "not in force" or "report".
pub fn first_year_cell(check: &RuleCheck, column: Column, lang: Lang) -> String {
    let Some(c) = check.column(column) else {
        return "—".into();
    };
    if !c.years.iter().any(|v| v.checked()) {
        return Comp::NotInStudy.tr(lang).to_string();
    }
    if c.years
        .iter()
        .all(|v| matches!(v, Verdict::Report | Verdict::NotChecked))
    {
        return Comp::ReportDuty.tr(lang).to_string();
    }
    match c.first_compliant_year {
        Some(year) => Comp::FromYear.fmt(lang, &[&year]),
        None => Comp::Never.tr(lang).to_string(),
    }
}

/// A rule as the rule book titles it, with its clause.
pub fn rule_title(set: usize, rule: usize, lang: Lang) -> String {
    let book = RuleBook::builtin();
    let Some(set) = book.sets.get(set) else {
        return String::new();
    };
    let title = match lang {
        Lang::En => &set.title_en,
        Lang::Zh => &set.title_zh,
    };
    let clause = set.rules.get(rule).map_or("", |r| r.clause.as_str());
    format!("{title} {clause}")
}

/// What the `comply_by` constraint did to the plan, a line per fact: the outcome, then each
/// rule no plan found meets.
pub fn comply_plan(plan: &ComplyPlan, lang: Lang) -> Vec<String> {
    match plan {
        ComplyPlan::Met { year } => {
            vec![Comp::ComplyByMet.fmt(lang, &[&Comp::PlanColumn.tr(lang), year])]
        }
        ComplyPlan::Changed {
            year,
            moved,
            npv_forgone,
        } => vec![Comp::ComplyByChanged.fmt(lang, &[year, moved, &money(*npv_forgone, lang)])],
        ComplyPlan::Unreachable { year, shortfalls } => {
            let mut lines = vec![Comp::ComplyByUnreachable.fmt(lang, &[year])];
            lines.extend(shortfalls.iter().map(|s| shortfall(s, lang)));
            lines
        }
    }
}

/// One rule no plan found meets: its best value against its limit.
pub fn shortfall(s: &Shortfall, lang: Lang) -> String {
    let metric = RuleBook::builtin()
        .sets
        .get(s.set)
        .and_then(|set| set.rules.get(s.rule))
        .map_or(Metric::Pue, |r| r.metric);
    Comp::Shortfall.fmt(
        lang,
        &[
            &rule_title(s.set, s.rule, lang),
            &value(metric, s.best),
            &s.year,
            &limit(metric, s.limit, lang),
            &value(metric, s.planned),
        ],
    )
}

/// A surcharge in a line: its price, limit and what the plan and all-air pay over the study.
pub fn surcharge(s: &Surcharge, lang: Lang) -> String {
    let total = |column: Column| {
        let costs = s.of(column);
        let sum = costs.iter().map(|m| m.amount).sum::<f64>();
        money(Money::new(sum, s.per_kwh.currency), lang)
    };
    Comp::SurchargeLine.fmt(
        lang,
        &[
            &rule_title(s.set, s.rule, lang),
            &price_per_kwh(s.per_kwh, lang),
            &format!("{:.2}", s.limit),
            &total(Column::Plan),
            &total(Column::Option(CoolingOption::Air)),
        ],
    )
}

/// A price per kWh to two decimals: `0.20 CNY/kWh`, `0.20 元/千瓦时`.
pub fn price_per_kwh(price: Money, lang: Lang) -> String {
    let code = price.currency.code();
    match lang {
        Lang::En => format!("{:.2} {code}/kWh", price.amount),
        Lang::Zh if price.currency == coolplan_units::Currency::CNY => {
            format!("{:.2} 元/千瓦时", price.amount)
        }
        Lang::Zh => format!("{:.2} {code}/千瓦时", price.amount),
    }
}

/// The rule kind as a table cell.
pub fn kind(kind: RuleKind, lang: Lang) -> &'static str {
    match kind {
        RuleKind::Obligation => Comp::KindObligation,
        RuleKind::Surcharge => Comp::KindSurcharge,
        RuleKind::Eligibility => Comp::KindEligibility,
        RuleKind::Target => Comp::KindTarget,
        RuleKind::Reporting => Comp::KindReporting,
    }
    .tr(lang)
}

/// The limit as written in a table, e.g. `PUE ≤ 1.35`, `ERF ≥ 10 %`.
pub fn limit(metric: Metric, limit: Limit, lang: Lang) -> String {
    let name = match metric {
        Metric::Pue => "PUE",
        Metric::PueWithoutHeatExport => "PUE (EnEfG § 11(2))",
        Metric::ElectricEnergyRatio => match lang {
            Lang::En => "electric energy ratio",
            Lang::Zh => "电能比",
        },
        Metric::Erf => "ERF",
        Metric::RenewableShare => "REF",
        Metric::None => return Comp::ReportDuty.tr(lang).to_string(),
    };
    let (op, x) = match limit {
        Limit::AtMost(x) => ("≤", x),
        Limit::Below(x) => ("<", x),
        Limit::AtLeast(x) => ("≥", x),
        Limit::Above(x) => (">", x),
        Limit::Report => return Comp::ReportDuty.tr(lang).to_string(),
    };
    // Thresholds as the texts write them (two decimals); values get three (see `value`).
    let threshold = match metric {
        Metric::Erf | Metric::RenewableShare => value(metric, x),
        _ => format!("{x:.2}"),
    };
    format!("{name} {op} {threshold}")
}

/// A metric's value: shares as percent, PUE-type ratios to three decimals, so a value just over a two-decimal threshold (1.504
/// against ≤ 1.50) never prints as the threshold itself.
pub fn value(metric: Metric, x: f64) -> String {
    match metric {
        Metric::Erf | Metric::RenewableShare => format!("{:.1} %", x * 100.0),
        _ => format!("{x:.3}"),
    }
}

/// A margin with its sign: `+0.05`, `−3.0 %`.
pub fn margin(metric: Metric, m: f64) -> String {
    let sign = if m < 0.0 { "−" } else { "+" };
    format!("{sign}{}", value(metric, m.abs()))
}

/// One year's verdict as a table cell: `pass 1.30 (+0.05)`.
pub fn verdict(metric: Metric, verdict: Verdict, lang: Lang) -> String {
    let shown = |v: f64, m: f64| format!("{} ({})", value(metric, v), margin(metric, m));
    match verdict {
        Verdict::NotChecked => Comp::NotChecked.tr(lang).to_string(),
        Verdict::Report => Comp::ReportDuty.tr(lang).to_string(),
        Verdict::Pass { value, margin } => Comp::Pass.fmt(lang, &[&shown(value, margin)]),
        Verdict::Fail { value, margin } => Comp::Fail.fmt(lang, &[&shown(value, margin)]),
    }
}

impl crate::say::Say for NotAssessed {
    fn say(&self, lang: Lang) -> String {
        match self {
            NotAssessed::NoProfile => Comp::NoProfile.tr(lang).to_string(),
            NotAssessed::UnknownRegion(code) => Comp::UnknownRegion.fmt(lang, &[code]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_and_verdicts_read_as_numbers_with_units() {
        assert_eq!(
            limit(Metric::Pue, Limit::AtMost(1.35), Lang::En),
            "PUE ≤ 1.35"
        );
        assert_eq!(
            limit(Metric::Erf, Limit::AtLeast(0.1), Lang::En),
            "ERF ≥ 10.0 %"
        );
        let fail = Verdict::Fail {
            value: 1.42,
            margin: -0.07,
        };
        assert_eq!(verdict(Metric::Pue, fail, Lang::En), "fail 1.420 (−0.070)");
        assert_eq!(
            verdict(Metric::Pue, fail, Lang::Zh),
            "不合规 1.420 (−0.070)"
        );
        // Just over the threshold reads as over it.
        let over = Verdict::Fail {
            value: 1.504,
            margin: -0.004,
        };
        assert_eq!(verdict(Metric::Pue, over, Lang::En), "fail 1.504 (−0.004)");
    }
}
