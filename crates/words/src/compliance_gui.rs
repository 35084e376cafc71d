//! Texts of the app's Compliance view: the profile's fields and choices, the view's headings
//! and the EU export.
//!
//! Owns: wording only; the rules' and verdicts' words are [`crate::compliance`].

use coolplan_engine::plan::comply::ComplyPlan;
use coolplan_model::compliance::rules::Metric;
use coolplan_model::compliance::{HubNode, RuleBook, Scale, SiteStatus};

use crate::compliance::{limit, value};
use crate::results::money;
use crate::{Lang, Text};

crate::texts! {
    /// Compliance view texts.
    CompGui {
        Profile => "Compliance profile", "合规配置";
        NoProfile => "This site has no compliance profile: no rule is checked.", "本站点没有合规配置：不核对任何规定。";
        AddProfile => "Add a compliance profile", "添加合规配置";
        RemoveProfile => "Remove the profile", "删除合规配置";
        Region => "Region (CN, CN-BJ, DE, FR, …)", "地区（CN、CN-BJ、DE、FR……）";
        Status => "Status", "状态";
        Existing => "Existing", "既有";
        New => "New or expanded", "新建或改扩建";
        Commissioned => "Commissioned (YYYY-MM)", "投运时间（YYYY-MM）";
        BadDate => "not a date: write YYYY, YYYY-MM or YYYY-MM-DD", "不是日期：请写成 YYYY、YYYY-MM 或 YYYY-MM-DD";
        Scale => "Scale", "规模";
        HubNode => "Hub node", "枢纽节点";
        NotDeclared => "not declared", "未申报";
        Small => "small", "小型";
        Medium => "medium", "中型";
        Large => "large", "大型";
        Hyperscale => "hyperscale", "超大型";
        East => "east (京津冀, 长三角, 粤港澳, 成渝)", "东部（京津冀、长三角、粤港澳、成渝）";
        West => "west (内蒙古, 贵州, 甘肃, 宁夏)", "西部（内蒙古、贵州、甘肃、宁夏）";
        Renewable => "Renewable share (REF)", "可再生能源比例（REF）";
        ComplyBy => "Plan must comply by", "方案须自该年起合规";
        NoDeadline => "no year", "不设年份";
        PlanVerdict => "The plan against the rules", "推荐方案对照规定";
        Kpis => "KPIs of the site per plan year", "全站逐年能效指标";
        Eed => "EU reporting (Delegated Regulation (EU) 2024/1364)", "欧盟报告（授权条例 (EU) 2024/1364）";
        EedYear => "Year reported", "报告年份";
        ExportEed => "Export EED…", "导出 EED…";
        EedNote => "JSON, or CSV for a file ending in .csv; fields coolplan does not model are exported empty with the reason (docs/eed.md).", "JSON；文件名以 .csv 结尾时为 CSV。coolplan 未建模的字段导出为空并注明原因（docs/eed.md）。";
        HeaderCaption => "Comply by {0}", "须自 {0} 年起合规";
        HeaderMet => "complies", "合规";
        HeaderChanged => "complies, {0} of NPV given up", "合规，放弃净现值 {0}";
        HeaderUnreachable => "cannot: best {0}, {1}", "无法合规：最好 {0}，限值 {1}";
        HeaderTip => "Click for the Compliance view.", "点击查看合规视图。";
        NeedsResults => "The verdicts need results: fix the site's errors first.", "需要计算结果才能核对：请先修正站点错误。";
    }
}

/// The header's figure of the `comply_by` outcome: its caption and value.
pub fn header(plan: &ComplyPlan, lang: Lang) -> (String, String) {
    let caption = CompGui::HeaderCaption.fmt(lang, &[&plan.year()]);
    let value = match plan {
        ComplyPlan::Met { .. } => CompGui::HeaderMet.tr(lang).to_string(),
        ComplyPlan::Changed { npv_forgone, .. } => {
            CompGui::HeaderChanged.fmt(lang, &[&money(*npv_forgone, lang)])
        }
        ComplyPlan::Unreachable { shortfalls, .. } => match shortfalls.first() {
            Some(s) => {
                let metric = RuleBook::builtin()
                    .sets
                    .get(s.set)
                    .and_then(|set| set.rules.get(s.rule))
                    .map_or(Metric::Pue, |r| r.metric);
                CompGui::HeaderUnreachable.fmt(
                    lang,
                    &[&value(metric, s.best), &limit(metric, s.limit, lang)],
                )
            }
            None => CompGui::HeaderUnreachable.fmt(lang, &[&"—", &"—"]),
        },
    };
    (caption, value)
}

/// A scale class in a list.
pub fn scale(scale: Option<Scale>, lang: Lang) -> &'static str {
    match scale {
        None => CompGui::NotDeclared,
        Some(Scale::Small) => CompGui::Small,
        Some(Scale::Medium) => CompGui::Medium,
        Some(Scale::Large) => CompGui::Large,
        Some(Scale::Hyperscale) => CompGui::Hyperscale,
    }
    .tr(lang)
}

/// A hub node in a list.
pub fn hub(node: Option<HubNode>, lang: Lang) -> &'static str {
    match node {
        None => CompGui::NotDeclared,
        Some(HubNode::East) => CompGui::East,
        Some(HubNode::West) => CompGui::West,
    }
    .tr(lang)
}

/// New or existing.
pub fn status(status: SiteStatus, lang: Lang) -> &'static str {
    match status {
        SiteStatus::Existing => CompGui::Existing,
        SiteStatus::New => CompGui::New,
    }
    .tr(lang)
}
