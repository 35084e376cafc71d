//! Texts of the server catalog wherever it is shown: the names of kinds and source tags, the
//! `coolplan catalog` command, the app's catalog view and the report's sources table.
//! Source titles are never translated: they stay as published.

use coolplan_model::catalog::{ServerKind, SourceTag};
use coolplan_model::{ImmersionCompat, KitAvailability};

use crate::fields::FieldChoice;
use crate::{Lang, Text};

crate::texts! {
    /// Catalog texts (CLI, GUI, report).
    Cat {
        // source tags: what kind of document a source is
        TagMfr => "manufacturer material", "厂商资料";
        TagStd => "standard or guideline", "标准规范";
        TagGov => "government statistic or filing", "政府统计或公告";
        TagAnl => "analyst or trade press", "分析机构或行业媒体";
        TagAcad => "academic paper or national laboratory", "学术论文或国家实验室";
        TagSecond => "read in a secondary compilation", "转引自二手汇编";
        TagEst => "coolplan estimate (reasoning in the note)", "coolplan 估算（依据见备注）";
        TagUnv => "unverified", "未核实";
        // table columns
        ColId => "Id", "编号";
        ColVendor => "Vendor", "厂商";
        ColName => "Name", "名称";
        ColKind => "Kind", "类型";
        ColHeight => "U", "U数";
        ColMaxKw => "Max kW", "最大功率 kW";
        ColCapture => "Cold-plate capture", "冷板带走热量";
        ColOptions => "Options", "液冷方案";
        ColSources => "Sources", "来源";
        ColLife => "Service life", "使用寿命";
        ColOrigin => "From", "出处";
        ColTag => "Tag", "标签";
        ColTitle => "Title (as published)", "标题（按原文）";
        ColDate => "Date", "日期";
        ColUrl => "URL or document", "网址或文档";
        ColNote => "Note", "备注";
        ColModel => "Model", "型号";
        // options column: cold plate and immersion in short
        OptRetrofit => "cold plate: retrofit", "冷板：可改造";
        OptFactory => "cold plate: factory only", "冷板：仅出厂";
        OptNoPlate => "no cold plate", "无冷板";
        OptImmersion => "immersion", "可浸没";
        OptImmersionPrep => "immersion after prep", "适配后可浸没";
        OptNoImmersion => "no immersion", "不可浸没";
        // origins
        OriginShipped => "shipped", "内置";
        OriginSite => "this site", "本站点";
        // the app's catalog view
        Search => "Search id, name, vendor or alias", "搜索编号、名称、厂商或别名";
        AllKinds => "All kinds", "全部类型";
        FilterKind => "Filter by kind", "按类型筛选";
        FilterVendor => "Filter by vendor", "按厂商筛选";
        AllVendors => "All vendors", "全部厂商";
        Shown => "{0} of {1} models", "共 {1} 个型号，显示 {0} 个";
        OpenSources => "Sources…", "来源…";
        SourcesOf => "Sources of {0}", "{0} 的来源";
        NoSources => "No sources listed: the figures are this site file's own.", "未列出来源：数据来自本站点文件。";
        CopyUrl => "Copy", "复制";
        CopiedUrl => "Copied: {0}", "已复制：{0}";
        AddFromShipped => "Add as site model", "添加为站点型号";
        AddFromShippedHint => "Copy this shipped model into the site's catalog under a new id, to edit it there", "将此内置型号以新编号复制到站点目录中以便编辑";
        Aliases => "Aliases", "别名";
        Years => "{0} years", "{0} 年";
        DefaultLife => "{0} (default for the kind)", "{0}（该类型默认值）";
        // the report
        SourcesHeading => "Sources of the models used", "所用型号的数据来源";
        SourcesIntro => "Every source behind the figures of the models above: title as published, tag, date and address. A model of the site's own without sources rests on the site file.", "上表各型号数据的全部来源：标题按原文，附标签、日期和地址。站点自定义且未列来源的型号，以站点文件为依据。";
        SourcesInSummary => "This summary does not list the sources of each model: the standard report (--detail standard) lists them, and `coolplan catalog show ID` shows those of one model.", "本摘要不逐一列出各型号的数据来源：标准报告（--detail standard）列出全部来源，`coolplan catalog show 型号ID` 显示单个型号的来源。";
        // the command line
        HelpCatalog => "The server catalog: list, show, import a CSV into a site, export as CSV", "服务器目录：列出、查看、将 CSV 导入站点、导出为 CSV";
        HelpList => "List the catalog's models (the shipped ones, with a site's own with --site)", "列出目录中的型号（内置型号；用 --site 时含站点自定义型号）";
        HelpShow => "Show one model with its sources", "显示单个型号及其来源";
        HelpImport => "Add the models of a catalog CSV to a site file's catalog (atomically; a model with the id of an existing one replaces it)", "将目录 CSV 中的型号加入站点文件的目录（原子写入；与已有型号同编号时替换之）";
        HelpExport => "Write a catalog as CSV: the shipped one, or a site's own models (--site), or all a site sees (--site --all)", "将目录导出为 CSV：内置目录，或站点自定义型号（--site），或站点可见的全部型号（--site --all）";
        HelpSite => "Site file whose own models (and overrides) are included", "包含其自定义型号（及覆盖值）的站点文件";
        HelpFormat => "Output format: text or json", "输出格式：text 或 json";
        UnknownKind => "unknown kind `{0}`: cpu, gpu, rack-scale, storage, network", "未知类型 `{0}`：可用 cpu、gpu、rack-scale、storage、network";
        UnknownListFormat => "unknown format `{0}`: text or json", "未知格式 `{0}`：可用 text 或 json";
        NotInCatalog => "no model \"{0}\" in the catalog; did you mean \"{1}\"?", "目录中没有型号 \"{0}\"；是否应为 \"{1}\"？";
        ReadModels => "{0}: {1} model(s) read, {2} row(s) not read", "{0}：读取 {1} 个型号，{2} 行未读取";
        RowNotRead => "line {0}: {1}", "第 {0} 行：{1}";
        Added => "{0}: {1} model(s) added, {2} replaced", "{0}：新增 {1} 个型号，替换 {2} 个";
        NothingToAdd => "{0}: no model to add; the site is unchanged", "{0}：没有可添加的型号；站点未改动";
        Exported => "{0}: {1} model(s) written", "{0}：已写入 {1} 个型号";
        ModelsListed => "{0} model(s)", "共 {0} 个型号";
        // catalog CSV problems
        ErrMissingColumns => "a catalog CSV needs the columns {0} (see docs/import.md § Catalog CSV)", "目录 CSV 需要以下列：{0}（见 docs/import.md 的“目录 CSV”一节）";
        RowEmpty => "the {0} cell is empty", "{0} 单元格为空";
        RowBadValue => "'{1}' is not a valid {0}", "“{1}”不是有效的 {0} 值";
        RowSourceWithoutModel => "a source row (empty name) for \"{0}\", which is not the model of the rows above it", "来源行（名称为空）对应 \"{0}\"，但其上方各行不是该型号";
        RowOfRejectedModel => "a source of \"{0}\", whose own row was not read", "属于 \"{0}\" 的来源行，而该型号本身的行未能读取";
    }
}

/// The name of a kind in `lang` (`GPU server`, `GPU服务器`).
pub fn kind_name(kind: ServerKind, lang: Lang) -> &'static str {
    match kind {
        ServerKind::Cpu => FieldChoice::KindCpu,
        ServerKind::Gpu => FieldChoice::KindGpu,
        ServerKind::RackScale => FieldChoice::KindRackScale,
        ServerKind::Storage => FieldChoice::KindStorage,
        ServerKind::Network => FieldChoice::KindNetwork,
    }
    .tr(lang)
}

/// A model's service life in years (`5 years`, `5 年`), marked when it is the kind's default.
pub fn service_life_text(model: &coolplan_model::ServerModel, lang: Lang) -> String {
    let years = model.service_life().in_unit(coolplan_units::TimeUnit::year);
    let text = Cat::Years.fmt(
        lang,
        &[&coolplan_model::assumptions::describe::plain_number(years)],
    );
    if model.service_life.is_some() {
        text
    } else {
        Cat::DefaultLife.fmt(lang, &[&text])
    }
}

/// What a tag means, in `lang`.
pub fn tag_name(tag: SourceTag, lang: Lang) -> &'static str {
    match tag {
        SourceTag::Mfr => Cat::TagMfr,
        SourceTag::Std => Cat::TagStd,
        SourceTag::Gov => Cat::TagGov,
        SourceTag::Anl => Cat::TagAnl,
        SourceTag::Acad => Cat::TagAcad,
        SourceTag::Second => Cat::TagSecond,
        SourceTag::Est => Cat::TagEst,
        SourceTag::Unv => Cat::TagUnv,
    }
    .tr(lang)
}

/// `[MFR] [2nd] [EST]`: the tags of a source list, strongest first.
pub fn tag_codes(tags: &[SourceTag]) -> String {
    tags.iter()
        .map(|t| format!("[{}]", t.code()))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The cold-plate and immersion options of a model in short (`cold plate: retrofit;
/// immersion after prep`).
pub fn options_text(cold_plate: KitAvailability, immersion: ImmersionCompat, lang: Lang) -> String {
    let plate = match cold_plate {
        KitAvailability::Retrofit => Cat::OptRetrofit,
        KitAvailability::FactoryOnly => Cat::OptFactory,
        KitAvailability::Unavailable => Cat::OptNoPlate,
    };
    let tank = match immersion {
        ImmersionCompat::Yes => Cat::OptImmersion,
        ImmersionCompat::WithPrep => Cat::OptImmersionPrep,
        ImmersionCompat::No => Cat::OptNoImmersion,
    };
    let sep = if lang == Lang::Zh { "；" } else { "; " };
    format!("{}{sep}{}", plate.tr(lang), tank.tr(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_and_tag_has_a_name_in_both_languages() {
        for lang in Lang::ALL {
            for kind in ServerKind::ALL {
                assert!(!kind_name(kind, lang).is_empty());
            }
            for tag in SourceTag::ALL {
                assert!(!tag_name(tag, lang).is_empty());
            }
        }
        assert_eq!(kind_name(ServerKind::Network, Lang::Zh), "网络设备");
        assert_eq!(
            tag_name(SourceTag::Est, Lang::En),
            "coolplan estimate (reasoning in the note)"
        );
        assert_eq!(
            tag_codes(&[SourceTag::Mfr, SourceTag::Second]),
            "[MFR] [2nd]"
        );
    }
}
