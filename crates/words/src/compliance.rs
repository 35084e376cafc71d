//! Texts of compliance and KPIs: the report chapter "Compliance and KPIs", verdicts, rule
//! kinds and why a site is not assessed.

use coolplan_engine::compliance::{NotAssessed, Verdict};
use coolplan_model::compliance::RuleKind;
use coolplan_model::compliance::rules::{Limit, Metric};

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
        ComplyByMissed => "{0} does not comply by {1}: {2} fail from then on. The plan cannot be constrained to comply: no option column meets every binding rule from {1}.", "{0} 未能在 {1} 年前合规：{2} 此后仍不满足。无法通过约束推荐方案实现合规：没有任何方案列自 {1} 年起满足全部强制性规定。";
        ComplyByOption => "{0} does not comply by {1}: {2} fail from then on; {3} would.", "{0} 未能在 {1} 年前合规：{2} 此后仍不满足；{3} 可以合规。";
        NoBinding => "No binding rule applies; targets and reporting duties are shown for reference.", "没有适用的强制性规定；目标和报告义务仅供参考。";
        SourcesHeading => "Sources", "来源";
        SourceLine => "{0} ({1}, {2}, version {3}): {4}. Clauses (verification): {5} ({6})", "{0}（{1}，{2}，版本 {3}）：{4}。条款（核实方式）：{5} ({6})";
        NoProfile => "The site has no compliance profile (`compliance` in the site file, see docs/site-format.md): no rule is checked. The KPIs above hold regardless.", "站点文件没有合规配置（`compliance`，见 docs/site-format.md）：未核对任何规定。上面的能效指标仍然有效。";
        UnknownRegion => "Region code `{0}` is not known: no rule is checked.", "地区代码 `{0}` 无法识别：未核对任何规定。";
        NoKpis => "No plan year to show.", "没有可显示的规划年度。";
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
