//! Texts of the reports (PDF, HTML, Markdown, CSV headers, text summary).

crate::texts! {
    /// Report texts.
    Rep {
        Title => "Liquid-cooling retrofit report", "液冷改造评估报告";
        // Command line
        CliWroteData => "{0}: wrote {1} ({2} bytes)", "{0}：已写入 {1}（{2} 字节）";
        CliUnknownFormat => "cannot tell the report format of {0}: use --format pdf|html|csv|md|json|text or a file ending in .pdf, .html, .csv, .md, .json or .txt", "无法确定 {0} 的报告格式：请使用 --format pdf|html|csv|md|json|text，或以 .pdf、.html、.csv、.md、.json、.txt 结尾的文件名";
        CliBadDate => "invalid date `{0}`: write YYYY-MM-DD", "日期 `{0}` 无效：请写成 YYYY-MM-DD";
        CliClimateFailed => "{0}: climate data unavailable", "{0}：无法获取气候数据";
        PdfFont => "the embedded font could not be loaded", "无法加载内嵌字体";
        PdfPageSize => "invalid page size {0} × {1} pt", "无效的页面尺寸 {0} × {1} pt";
        PdfFailed => "PDF export failed: {0}", "PDF 导出失败：{0}";
        CsvFailed => "CSV export failed: {0}", "CSV 导出失败：{0}";
        CliExportFailed => "{0}: the report could not be produced", "{0}：无法生成报告";
        PageOf => "Page {0} of {1}", "第 {0} 页，共 {1} 页";
        Undated => "undated", "未注明日期";
        // Cover
        CoverSite => "Site", "站点";
        CoverLocation => "Location", "地点";
        CoverClimate => "Climate", "气候";
        CoverDate => "Date", "日期";
        CoverTool => "Tool", "工具";
        CoverHash => "Input (SHA-256 of the site file)", "输入文件（站点文件 SHA-256）";
        CoverScope => "Scope", "范围";
        CoverScopeValue => "{0} hall(s), {1} rack group(s), {2} racks", "{0} 个机房，{1} 个机柜组，共 {2} 个机柜";
        CoverCostMode => "Cost method", "成本估算方法";
        CostModePerKw => "per kW (all-in price per kW of IT)", "按千瓦（每千瓦 IT 综合单价）";
        CostModeItemised => "itemised (kits, CDUs, piping, tanks, fluid, labour)", "分项（冷板套件、CDU、管路、浸没槽、冷却液、人工）";
        CoverCurrency => "Currency", "货币";
        CoverHorizon => "Horizon and discount rate", "评估期与折现率";
        CoverHorizonValue => "{0} years from {1}, {2} % a year", "自 {1} 年起 {0} 年，年折现率 {2} %";
        // Chapters
        Summary => "Executive summary", "执行摘要";
        Comparison => "Option comparison", "方案比较";
        Charts => "Charts", "图表";
        Halls => "Halls and rack groups", "机房与机柜组";
        Equipment => "Equipment bill of quantities", "设备清单";
        FloorChecks => "Floor-load and space checks", "承重与空间校核";
        Elevations => "Rack elevations", "机柜立面图";
        Warnings => "Warnings", "警告与提示";
        Assumptions => "Appendix A: assumptions", "附录 A：假设条件";
        Method => "Appendix B: method notes", "附录 B：计算方法说明";
        // Summary
        KfRecommended => "Recommended plan", "推荐方案";
        BestSingleRow => "Best single option", "最优单一方案";
        HallPlanHeading => "Plan for this hall", "本机房方案";
        PlanLabel => "plan", "推荐方案";
        EquipmentEachOption => "For reference, each liquid option for every rack group of the hall:", "参考：机房全部机柜组采用同一液冷方案时：";
        KfCapex => "CAPEX, all years", "投资成本合计 (CAPEX)";
        KfCapexUpFront => "CAPEX up front (year 0)", "初期投资（第 0 年）";
        KfNpv => "NPV of savings vs air", "相对风冷节省的净现值";
        KfPayback => "Simple payback", "静态投资回收期";
        KfDiscPayback => "Discounted payback", "动态投资回收期";
        KfPue => "PUE (air → plan)", "PUE（风冷 → 推荐方案）";
        KfEnergySaved => "Facility energy saved per year", "每年节省设施能耗";
        KfOpexSaved => "OPEX saved per year", "每年节省运营成本";
        KfCo2Saved => "CO₂ avoided per year", "每年减少 CO₂ 排放";
        InfeasibleSuffix => "{0} (infeasible)", "{0}（不可行）";
        NoneFeasible => "No option is feasible", "无可行方案";
        NarrRecommend => "For {0}, coolplan recommends this plan: {1} ({2}).", "对于{0}，coolplan 推荐的方案为：{1}（{2}）。";
        NarrNone => "For {0}, no cooling option is feasible as planned; see the warnings.", "对于{0}，按现有规划没有可行的冷却方案，请查看警告。";
        NarrCapex => "It costs {0} in all, {1} of it up front and the rest as new servers arrive, and saves {2} a year against staying on air; its NPV over {3} years at {4} % is {5}.", "投资共 {0}，其中初期 {1}，其余随新增服务器到货投入；相比维持风冷每年节省 {2}；{3} 年评估期、折现率 {4} % 下的净现值为 {5}。";
        NarrPayback => "The extra investment pays back in {0} years (simple payback; discounted payback: {1}).", "追加投资静态回收期 {0} 年（动态回收期：{1}）。";
        NarrNoPayback => "The extra investment does not pay back within the horizon.", "追加投资在评估期内无法回收。";
        NarrPue => "PUE falls from {0} to {1}; facility energy falls by {2} a year.", "PUE 从 {0} 降至 {1}，每年设施能耗减少 {2}。";
        NarrRunnerUp => "The runner-up, {0}, trails by {1} of NPV.", "次优方案为{0}，净现值低 {1}。";
        NarrBestSingle => "Taken alone for every rack group, the best single option is {0}, with an NPV of {1}; the plan is {2} better.", "若所有机柜组统一采用单一方案，最优为{0}，净现值 {1}；推荐方案高出 {2}。";
        NarrNoSingle => "No single option suits every rack group; the plan gives each group one that does.", "没有适用于所有机柜组的单一方案；推荐方案为每个机柜组选择可行方案。";
        NarrLimit => "In {0}, the {1} shaped the plan: {2} used of {3}.", "在{0}，{1}制约了方案：已用 {2}，上限 {3}。";
        NarrStaysToday => "{0} rack groups carry more on air today than the guideline and stay so: feasible as they run now, worth a check for hot spots.", "{0} 个机柜组现状风冷负载高于建议上限并维持现状：现状可行，建议排查局部热点。";
        NarrInfeasible => "{0} is not feasible: {1}.", "{0}不可行：{1}。";
        NarrChanges => "{0} of {1} rack groups ({2} racks) change from air.", "{1} 个机柜组中有 {0} 个（共 {2} 个机柜）由风冷改为液冷。";
        // Metrics (comparison table rows)
        Metric => "Metric", "指标";
        MFeasible => "Feasible", "是否可行";
        MItDesign => "IT power at design", "IT 设计功率";
        MFanRemoved => "Server fan power removed", "减少的服务器风扇功率";
        MHeatLiquid => "Heat to liquid", "液冷带走热量";
        MHeatAir => "Heat to air", "风冷带走热量";
        MFlow => "Coolant flow", "冷却液流量";
        MPue => "PUE", "PUE";
        MTue => "TUE", "TUE";
        MItEnergy => "IT energy per year", "每年 IT 能耗";
        MFacilityEnergy => "Facility energy per year", "每年设施总能耗";
        MFreeCooling => "Free-cooling hours per year", "每年自然冷却小时数";
        MWater => "Water per year", "每年耗水量";
        MCo2 => "CO₂ per year", "每年 CO₂ 排放";
        MCapex => "CAPEX", "投资成本 (CAPEX)";
        MOpex => "OPEX per year", "每年运营成本 (OPEX)";
        MEnergyCost => "Energy cost per year", "每年电费";
        MNpv => "NPV of savings vs air", "相对风冷的净现值";
        MPayback => "Simple payback", "静态投资回收期";
        MDiscPayback => "Discounted payback", "动态投资回收期";
        MIrr => "IRR", "内部收益率 (IRR)";
        MTco => "TCO per kW-year", "每千瓦年总拥有成本 (TCO)";
        Yes => "yes", "是";
        No => "no", "否";
        NotApplicable => "—", "—";
        // Charts
        ChartCapex => "CAPEX breakdown by option", "各方案投资构成";
        ChartCash => "Cumulative savings against air (payback where a line crosses zero)", "相对风冷的累计节省（曲线过零点即回收期）";
        ChartPue => "PUE and TUE by option", "各方案 PUE 与 TUE";
        ChartMonthly => "Facility energy by month", "逐月设施能耗";
        AxisMoney => "{0}", "{0}";
        AxisRatio => "ratio", "比值";
        AxisEnergy => "MWh", "MWh";
        YearN => "Y{0}", "第{0}年";
        PaybackMarker => "{0}: {1} y", "{0}：{1} 年";
        Months => "Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec", "1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月";
        // Halls
        HallFacts => "{0} floor rated {1}, {2} of white space, air-cooling capacity {3}; {4}.", "{0}，承重 {1}，机房面积 {2}，风冷制冷能力 {3}；{4}。";
        FloorRaised => "Raised", "架空地板";
        FloorSlab => "Slab", "结构楼板";
        WaterNone => "no facility water", "无设施冷却水";
        WaterSome => "facility water {0}, supply {1}", "设施冷却水 {0}，供水温度 {1}";
        HallOptions => "Options for this hall", "本机房各方案";
        RackGroups => "Rack groups", "机柜组";
        ColRackGroup => "Rack group", "机柜组";
        ColCount => "Racks", "数量";
        ColKwPerRack => "kW per rack", "单柜 kW";
        ColRecommended => "Recommended", "推荐";
        ColReasons => "Reasons", "理由";
        ColOption => "Option", "方案";
        ColScope => "Scope", "范围";
        CellInfeasible => "infeasible", "不可行";
        CellNpv => "NPV {0}", "净现值 {0}";
        CellFeasible => "feasible", "可行";
        SiteTotal => "Site total", "全站合计";
        // Equipment
        EquipmentIntro => "Quantities to buy and install for the recommended plan, per hall and liquid option it uses; the CDUs are the whole-rack assignment that the costs and the N+1 check read.", "推荐方案需采购和安装的数量（按机房及所用液冷方案）；CDU 台数即成本与 N+1 校核所用的整柜分配结果。";
        ColKits => "Cold-plate kits", "冷板改造套件";
        ColCdus => "CDUs", "CDU";
        ColTanks => "Immersion tanks", "浸没槽";
        ColFluidL => "Fluid (L)", "冷却液 (L)";
        ColFluidKg => "Fluid (kg)", "冷却液 (kg)";
        ColFlow => "Coolant flow (L/min)", "冷却液流量 (L/min)";
        ColPiping => "Piping load (kW)", "管路热负荷 (kW)";
        ColPipingCost => "Piping ({0})", "管路 ({0})";
        // Floor checks
        FloorIntro => "Distributed floor load and floor area of each option against the hall's rating and white space.", "各方案的均布荷载与占地面积，与机房承重等级和可用面积对比。";
        ColFloorLoad => "Floor load", "楼面荷载";
        ColRating => "Rating", "承重等级";
        ColAreaNeeded => "Area needed", "所需面积";
        ColAreaAvailable => "Area available", "可用面积";
        ColLoadCheck => "Load", "承重";
        ColSpaceCheck => "Space", "空间";
        CheckOk => "OK", "满足";
        CheckExceeds => "exceeds", "超限";
        // Elevations
        ElevationsIntro => "Front elevations of the rack groups that change from air, before and after (one rack of each group).", "由风冷改造的机柜组改造前后的正视图（每组一个机柜）。";
        ElevationsMore => "{0} further rack groups change in the same way; see the rack tables.", "另有 {0} 个机柜组按相同方式改造，详见机柜表。";
        ElevationBefore => "{0} — now (air)", "{0} — 现状（风冷）";
        ElevationAfter => "{0} — {1}", "{0} — {1}";
        Manifold => "Manifold", "分液器";
        InTank => "in tank", "浸没槽内";
        NoElevations => "No rack group changes from air.", "没有机柜组需要从风冷改造。";
        // Warnings
        NoWarnings => "No warnings.", "无警告。";
        // Assumptions
        AssumptionsIntro => "Every input the results depend on, with its value, unit and where it came from.", "结果所依据的全部输入，包括数值、单位和来源。";
        ColGroup => "Group", "类别";
        ColKey => "Input", "输入项";
        ColValue => "Value", "数值";
        ColProvenance => "Source", "来源";
        ProvDefault => "default: {0}", "默认值：{0}";
        ProvCatalog => "catalog (assets/catalog.ron)", "设备库 (assets/catalog.ron)";
        ProvSiteFile => "site file", "站点文件";
        ProvMeasured => "measured", "实测";
        CatalogModels => "Server models used", "所用服务器型号";
        ColModel => "Model", "型号";
        ColMaxPower => "Max power", "最大功率";
        ColUtilisation => "Utilisation", "利用率";
        ColFanShare => "Fan share", "风扇功耗占比";
        ColCapture => "Cold-plate capture", "冷板捕热比例";
        ColHeight => "Height", "高度";
        ColWeight => "Weight", "重量";
        ClimateUsed => "Climate: {0}.", "气候数据：{0}。";
        // Method
        MethodText1 => "Heat split: cold plates slow server fans and take the capture fraction of the remaining server heat to liquid, the rest stays on air; immersion removes server fans and takes all heat to the fluid. Liquid plus air equals the IT power of each option exactly.", "热量分配：冷板式液冷降低服务器风扇功耗，按捕热比例将剩余热量带入液体，其余仍由空气带走；单相浸没式液冷去除服务器风扇，全部热量进入冷却液。每个方案的液冷与风冷热量之和严格等于其 IT 功率。";
        MethodText2 => "Coolant flow is Q / (ρ · c_p · ΔT) with the fluid's own properties. CDUs are counted from the liquid heat and unit capacity with redundancy; tanks from rack units and tank power; floor load from the filled equipment mass over its footprint.", "冷却液流量按 Q / (ρ · c_p · ΔT) 计算，采用各冷却液自身物性。CDU 数量由液冷热负荷、单台容量及冗余确定；浸没槽数量由所需 U 数与单槽功率确定；楼面荷载按充液设备质量除以占地面积计算。";
        MethodText3 => "Facility energy: each hall's plant is evaluated at its loads over the climate's hours. UPS and distribution losses have no-load, proportional and square-law parts; lighting and ancillary load are fixed; CRAH fans follow their fan curve above a floor speed; chillers have a COP from their temperature lift, with part load and staging, behind an economiser (towers on the wet bulb, dry coils on the dry bulb); the liquid path has its pumps, dry cooler and a trim chiller for hot hours. Fixed parts stay when load leaves, so PUE falls less than energy. With a measured PUE, the excess over the model is split between the existing plant's fixed and load-driven parts (stated per hall); the liquid path is never scaled.", "设施能耗：按各机房负荷在站点气候各时段计算其动力设备。UPS 与配电损耗含空载、比例与平方三部分；照明与辅助负荷为固定值；冷冻水精密空调风机按风机曲线运行且不低于最低转速；冷机 COP 随冷凝与蒸发温差变化，计入部分负荷与台数调度，并优先自然冷却（冷却塔按湿球温度，干盘管按干球温度）；液冷回路计入水泵、干冷器及高温时段的补冷冷机。负荷移出后固定部分依然存在，因此 PUE 的降幅小于能耗降幅。若提供实测 PUE，模型不足部分按规则分摊到既有设施的固定与随负荷部分（各机房列出），液冷回路不参与校准。";
        MethodText4 => "Finance: yearly cash flows over the horizon, NPV of each option's savings against air at the discount rate, simple and discounted payback, IRR and TCO per kW-year. The recommendation is the feasible option with the best NPV; an infeasible option is never recommended.", "财务：按评估期逐年现金流，以折现率计算各方案相对风冷节省的净现值、静态与动态投资回收期、内部收益率及每千瓦年总拥有成本。推荐方案为净现值最高的可行方案，不可行方案绝不推荐。";
        MethodText5 => "Figures are rounded for display; the JSON and CSV exports carry full precision. This report is generated from the site file whose SHA-256 is printed on the cover: the same file gives the same report.", "显示数值已四舍五入，JSON 和 CSV 导出保留完整精度。本报告由封面所示 SHA-256 对应的站点文件生成：同一文件生成相同报告。";
    }
}
