//! Texts of the app's answer header, start page and dashboard: headline figures, the
//! explanations behind each metric (what it is, how it is computed, which scope it covers) and
//! payback named simple or discounted everywhere.

crate::texts! {
    /// The answer header, the start page and the compare dashboard's explanations.
    Dash {
        FirstHall => "Hall 1", "机房 1";
        // header
        Decision => "Decision", "决策";
        DecisionAll => "{0} for all {1} rack groups", "全部 {1} 个机柜组采用{0}";
        DecisionSplit => "{0} rack groups: {1}", "{0} 个机柜组：{1}";
        DecisionNone => "No option suits every rack group", "没有适用于全部机柜组的方案";
        DecisionWaiting => "No answer yet: {0}", "尚无结论：{0}";
        NpvVsAir => "NPV vs air", "相对风冷净现值";
        PaybackSimple => "Simple payback", "静态投资回收期";
        PaybackDiscounted => "Discounted payback", "动态投资回收期";
        PaybackBoth => "{0} simple · {1} discounted", "静态 {0} · 动态 {1}";
        PueBeforeAfter => "PUE {0} → {1}", "PUE {0} → {1}";
        TipDecision => "What the site should do: the recommended cooling of each rack group (its best NPV against air among the options that suit it). Hover a group in the inventory for its reasons.", "站点应采取的方案：每个机柜组在适用方案中相对风冷净现值最高的冷却方式。在设备清单中悬停可查看各组理由。";
        TipCapex => "Investment of the decision over the whole horizon: equipment, works, downtime and contingency, for the whole site (every hall), undiscounted.", "决策在整个计算期内的投资：设备、施工、停机损失与不可预见费，覆盖整个站点（全部机房），未折现。";
        TipNpv => "Net present value of the decision's savings against keeping every rack group on air: yearly cash flows of energy, maintenance and CAPEX differences discounted at the site's discount rate over its horizon. Positive: the retrofit earns more than it costs.", "相对全部保持风冷的节省净现值：能耗、维护与投资的逐年现金流差额按站点折现率在计算期内折现。为正表示改造收益大于成本。";
        TipPaybackSimple => "Simple payback: years until the cumulative undiscounted savings against air repay the extra CAPEX.", "静态投资回收期：相对风冷的累计未折现节省收回新增投资所需年数。";
        TipPaybackDiscounted => "Discounted payback: years until the cumulative savings, each discounted at the site's rate, repay the extra CAPEX. Always at least the simple payback.", "动态投资回收期：按站点折现率折现后的累计节省收回新增投资所需年数，不短于静态回收期。";
        TipPue => "Power usage effectiveness of the whole site over a year of its climate: facility energy / IT energy. Before: every rack group on air as today. After: with the decision.", "整个站点按当地气候全年计算的电能利用效率：设施总能耗 / IT 能耗。改造前：全部风冷（现状）；改造后：采用本决策。";
        TipProblems => "Problems the validator found in the site; errors stop the analysis. Click to list them and jump to each.", "校验发现的问题；存在错误时无法计算。点击查看并跳转到对应位置。";
        // compare metrics
        TipOpex => "Operating cost of one full year with every server present: energy at the site's electricity price, maintenance, fluid top-up and water.", "所有服务器在位的一整年运营成本：按站点电价计的能耗、维护、冷却液补充与用水。";
        TipTue => "Total-power usage effectiveness: facility energy / energy of compute without server fans (fans count as cooling).", "总能源利用效率：设施总能耗 / 扣除服务器风扇后的计算能耗（风扇计入冷却）。";
        TipEnergy => "Facility energy of one year: IT, cooling plant, pumps and losses, hour bins of the site's climate.", "一年设施总能耗：IT、冷却系统、水泵与损耗，按站点气候分时段计算。";
        TipItEnergy => "Energy of the servers in one year (average utilisation).", "服务器一年能耗（按平均负载率）。";
        TipWater => "Water the cooling plant evaporates or blows down in one year (WUE × energy).", "冷却系统一年蒸发与排污用水量（WUE × 能耗）。";
        TipCo2 => "CO₂ of the facility energy at the grid's emission factor.", "设施总能耗按电网排放因子折算的 CO₂ 排放。";
        TipHeatLiquid => "Heat the liquid loops carry away (design load).", "液冷回路带走的热量（设计负荷）。";
        TipHeatAir => "Heat left for the room's air cooling (design load).", "留给机房风冷的热量（设计负荷）。";
        TipHeatDoor => "Heat rear doors take from the racks' exhaust into their water loop (design load).", "背板换热器从机柜排风带入其水环路的热量（设计负荷）。";
        TipCdus => "Coolant distribution units the option needs, with the spares of the CDU rule.", "方案所需冷量分配单元 CDU 数量，含备用。";
        TipTanks => "Immersion tanks the option needs.", "方案所需浸没液冷槽数量。";
        TipFluid => "Coolant or immersion fluid the option holds.", "方案所需冷却液或浸没液总量。";
        TipFlow => "Coolant flow of the liquid loops at design load.", "设计负荷下液冷回路的冷却液流量。";
        TipFloorLoad => "Highest distributed floor load of the equipment, against the floor's rating.", "设备最大均布荷载，对照楼板承重。";
        TipFloorArea => "Floor area the equipment needs, with service clearance.", "设备所需占地面积（含检修空间）。";
        TipFeasible => "Whether the option can be built in this scope; the reasons follow below the table.", "该方案在此范围内是否可实施；原因见表格下方。";
        TipScope => "Figures of {0}.", "{0} 的数据。";
        ReasonOf => "{0}: {1}", "{0}：{1}";
        ListSeparator => "; ", "、";
        // start page and help
        StartTitle => "Start here", "从这里开始";
        StartLead => "coolplan compares air, rear doors, cold plate (on facility water or liquid-to-air CDUs) and immersion for every rack group, hall and the site: open a site, try an example, or set one up.", "coolplan 针对每个机柜组、机房和整个站点比较风冷、水冷背板、冷板式液冷（接设施水或液-气 CDU）与浸没式液冷：打开站点、试用示例，或新建站点。";
        StartOpen => "Open", "打开";
        StartExamples => "Examples", "示例";
        ExampleAiHall => "two halls of stock CPU and AI servers (H100, B200, NVL72) in Beijing", "北京两个机房，存量 CPU 与 AI 服务器（H100、B200、NVL72）";
        ExampleRoom => "a small enterprise room of stock CPU servers with metered power", "小型企业机房，存量 CPU 服务器与实测功率";
        ExampleColoDoors => "a Shanghai colocation hall with a nearly full air side: new H100 racks on passive rear doors, NVL72 on cold plate + rear door", "上海托管机房，空调侧近满：新增 H100 机柜用被动式水冷背板，NVL72 用冷板 + 水冷背板";
        ExampleOfficeRoom => "an office-tower server room without facility water: GPU racks on liquid-to-air CDUs", "写字楼机房，无设施冷却水：GPU 机柜用液-气 CDU 冷板";
        ExampleExpansion => "a Shanghai suite whose new training racks need an air-plant addition and an electrical upgrade", "上海托管机房，新增训练机柜需空调扩容与配电扩容";
        ExampleFleet => "China's server fleet sized for the liquid-cooling market", "全国服务器存量的液冷市场测算";
        StartNew => "New site", "新建站点";
        StartBlank => "Blank site (one empty hall)", "空白站点（一个空机房）";
        StartTemplate => "Halls of {0}, without racks", "{0} 的机房（不含机柜）";
        StartTemplateTip => "The example's halls — floor, area, air-cooling capacity, facility water — ready for your rack groups.", "示例的机房（楼板、面积、风冷制冷量、冷却水），可直接添加机柜组。";
        StartImport => "From a spreadsheet", "从电子表格";
        StartImportTip => "Import a CSV export of a DCIM or an inventory spreadsheet into the site.", "将 DCIM 导出的 CSV 或设备清单电子表格导入站点。";
        StartShow => "Show this page when coolplan starts without a file", "无文件启动时显示此页";
        StartContinue => "Continue with {0}", "继续使用 {0}";
        HelpAnalysis => "Analyses", "分析方法";
        HelpImport => "Import", "导入";
        // floor plan
        FloorByPlan => "Plan option", "方案";
        FloorByProblems => "Problems", "问题";
        FloorFit => "Fit", "适应窗口";
        FloorHint => "Wheel: zoom · drag the floor: pan · drag a rack group: move it", "滚轮缩放 · 拖动空白处平移 · 拖动机柜组移动位置";
        FloorTray => "No position: drag onto a row", "未布置：拖到某一排";
        FloorErrors => "errors", "错误";
        FloorWarnings => "warnings", "警告";
        FloorFine => "no problems", "无问题";
        // charts
        Month1 => "Jan", "1月";
        Month2 => "Feb", "2月";
        Month3 => "Mar", "3月";
        Month4 => "Apr", "4月";
        Month5 => "May", "5月";
        Month6 => "Jun", "6月";
        Month7 => "Jul", "7月";
        Month8 => "Aug", "8月";
        Month9 => "Sep", "9月";
        Month10 => "Oct", "10月";
        Month11 => "Nov", "11月";
        Month12 => "Dec", "12月";
    }
}

/// The short name of month `m` (1 = January); empty outside 1..=12.
pub fn month(m: usize, lang: crate::Lang) -> &'static str {
    use crate::Text;
    const MONTHS: [Dash; 12] = [
        Dash::Month1,
        Dash::Month2,
        Dash::Month3,
        Dash::Month4,
        Dash::Month5,
        Dash::Month6,
        Dash::Month7,
        Dash::Month8,
        Dash::Month9,
        Dash::Month10,
        Dash::Month11,
        Dash::Month12,
    ];
    m.checked_sub(1)
        .and_then(|i| MONTHS.get(i))
        .map_or("", |k| k.tr(lang))
}
