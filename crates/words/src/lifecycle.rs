//! Texts of server life and refresh: the report's lifecycle table and the editors' fields.

use crate::{Lang, Text};
use coolplan_model::Refresh;

crate::texts! {
    /// Server life and refresh texts.
    Life {
        Section => "Server life and refresh", "服务器寿命与更新";
        Intro => "Servers retire after their service life; a retrofit saves only while they run. At retirement each group is replaced by its refresh policy, bought liquid-ready: on cold plate its factory premium, in immersion its preparation, on air nothing; the liquid plant already bought keeps serving it. These costs and the replacements' energy are in every option's cash flows, NPV, payback and the plan. A stock group without an install year is taken as installed in the study's first year (marked *).", "服务器在使用寿命结束后退役，改造只在其运行期间产生节省。退役时各组按更新策略替换为液冷就绪的新服务器：冷板式计其出厂液冷溢价，浸没式计其适配费用，风冷不计；已建的液冷设施继续为其服务。这些费用及替换服务器的能耗计入各方案的现金流、净现值、回收期和方案。未注明安装年份的存量服务器按研究首年安装计（标 *）。";
        ColModel => "Servers", "服务器";
        ColCount => "Count", "数量";
        ColInstalled => "Installed", "安装年份";
        ColRetires => "Retires", "退役年份";
        ColReplacedBy => "Replaced by", "替换为";
        Assumed => "{0} *", "{0} *";
        LikeForLike => "same model, liquid-ready", "同型号（液冷就绪）";
        NamedModel => "{0}, liquid-ready", "{0}（液冷就绪）";
        Retired => "retired, not replaced", "退役，不替换";
        AfterStudy => "after the study", "研究期之后";
        Refreshed => "{0} (refresh)", "{0}（更新）";
        AllHalls => "all halls", "全部机房";
        Various => "by each group's policy (several)", "按各组策略（多种）";
        // editor fields
        FieldInstalled => "Installed (year)", "安装年份";
        FieldInstalledHelp => "Year the stock servers went in; empty: the study's first year", "存量服务器的安装年份；留空则按研究首年";
        InstallYear => "install year", "安装年份值";
        LifeYears => "years of service life", "使用寿命年数";
        FieldLife => "Service life (years)", "使用寿命（年）";
        FieldLifeHelp => "Empty: the catalog model's service life", "留空则采用服务器型号的使用寿命";
        FieldRefresh => "At retirement", "退役时";
        PolicyDefault => "site policy", "按站点策略";
        PolicyLikeForLike => "replace like-for-like", "同型号替换";
        PolicyModel => "replace by a model", "替换为指定型号";
        PolicyRetire => "retire, no replacement", "退役不替换";
    }
}

/// What replaces retiring servers, as the lifecycle table says it; `None`: they retire after
/// the study.
pub fn replaced_by(
    policy: Option<&Refresh>,
    model_name: impl Fn(&str) -> String,
    lang: Lang,
) -> String {
    match policy {
        None => Life::AfterStudy.tr(lang).to_string(),
        Some(Refresh::LikeForLike) => Life::LikeForLike.tr(lang).to_string(),
        Some(Refresh::Model(id)) => Life::NamedModel.fmt(lang, &[&model_name(id)]),
        Some(Refresh::Retire) => Life::Retired.tr(lang).to_string(),
    }
}

/// The name of a refresh policy in an editor's choice list (`None`: the site's policy).
pub fn policy_name(policy: Option<&Refresh>, lang: Lang) -> &'static str {
    match policy {
        None => Life::PolicyDefault.tr(lang),
        Some(Refresh::LikeForLike) => Life::PolicyLikeForLike.tr(lang),
        Some(Refresh::Model(_)) => Life::PolicyModel.tr(lang),
        Some(Refresh::Retire) => Life::PolicyRetire.tr(lang),
    }
}
