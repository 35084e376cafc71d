//! Words of results: reasons, cost items, finance labels and amounts, shared by the text and
//! JSON reports, the GUI and the PDF (through [`crate::results`]).

crate::texts! {
    /// Result wording.
    Words {
        AirDensity => "air cannot cool {0} per rack (limit {1})", "风冷无法冷却每机柜 {0}（上限 {1}）";
        AboveAirGuideline => "carries {0} per rack on air today, above the {1} guideline: feasible as it runs now (the measured PUE, where given, prices it); worth a check for hot spots", "现状风冷每机柜 {0}，高于 {1} 的建议上限：维持现状可行（如有实测 PUE，已计入）；建议排查局部热点";
        AirCapacity => "heat on the room's air {0} exceeds the hall's air-cooling capacity {1} (airflow {2} against the air plant's {3})", "机房空气承担的热量 {0} 超过机房风冷能力 {1}（所需风量 {2}，空调系统风量 {3}）";
        ElectricalCapacity => "IT power {0} exceeds the hall's electrical capacity for IT {1}", "IT 功率 {0} 超过机房 IT 供电能力 {1}";
        WaterCapacity => "liquid heat {0} exceeds what the hall's facility water can take, {1}", "液冷热量 {0} 超过机房冷却水可承担的 {1}";
        OverLimitToday => "{0}: today's load {1} is already above the {2} written for the hall; today's load is taken as the limit", "{0}：现有负载 {1} 已超过填写的 {2}，以现有负载为上限";
        CduTooSmall => "a rack puts {0} on the liquid loop, more than one CDU takes ({1})", "单柜液冷热量 {0} 超过单台 CDU 容量（{1}）";
        FloorLoadTank => "floor {0} < tank {1}", "楼板承重 {0} < 浸没槽 {1}";
        FloorLoadRack => "floor {0} < rack {1}", "楼板承重 {0} < 机柜 {1}";
        FloorSpace => "needs {0} of floor, the hall has {1}", "需要占地 {0}，机房仅有 {1}";
        NotOffered => "not offered by the site (cooling_options)", "站点未提供该方案（cooling_options）";
        RuledOut => "ruled out for {0} by the site file's cooling rule", "站点文件的冷却规则对 {0} 排除了该方案";
        NotImmersionCompatible => "{0} cannot be immersed", "{0} 不兼容浸没式液冷";
        ImmersionNeedsPrep => "{0} needs preparation before immersion", "{0} 浸没前需改造（拆除风扇、更换导热材料）";
        NoColdPlateKit => "{0} has no cold-plate option", "{0} 无冷板方案";
        FactoryOnly => "installed {0} cannot be retrofitted (sold liquid-cooled only)", "存量 {0} 无法改造（仅有出厂液冷型号）";
        NoFacilityWater => "the hall has no facility water and may not have it extended", "机房无冷却水，且不允许新建一次侧冷却水";
        WaterTooWarm => "facility water {0} is warmer than {1}", "冷却水供水 {0} 高于允许的 {1}";
        L2aLoopTooWarm => "liquid-to-air CDUs supply the loop at {0} (rack inlet air + their approach), warmer than cold plates accept ({1})", "液-气 CDU 供液温度 {0}（机柜进风温度 + 换热趋近温差）高于冷板允许的 {1}";
        BestNpv => "best NPV against air: {0}", "相对风冷净现值最高：{0}";
        Margin => "{0} ahead of {1}", "领先{1} {0}";
        Payback => "payback {0} years", "投资回收期 {0} 年";
        OnlyFeasible => "the only feasible option", "唯一可行的方案";
        AirCheapest => "no liquid option pays back against air", "液冷方案相对风冷均无法收回投资";
        NothingFeasible => "no option is feasible", "没有可行的方案";
        Years => "{0} years", "{0} 年";
        Never => "never", "期内无法收回";
        NotApplicable => "n/a", "不适用";
        Yes => "yes", "是";
        No => "no", "否";
        CduAuto => "Chosen per hall to fit its load", "按机房负载自动选型";
        CduInRack => "In-rack CDU", "机柜内 CDU";
        CduInRow => "In-row CDU", "列间 CDU";
        CduFacility => "Facility CDU", "设施级 CDU";
        CduCustom => "Custom CDU", "自定义 CDU";
        CduLiquidToAir => "Liquid-to-air CDU", "液-气 CDU";
        FluidWater => "Water", "水";
        FluidPg25 => "25 % propylene glycol", "25% 丙二醇水溶液";
        FluidShellS5x => "Shell S5 X (GTL immersion fluid)", "Shell S5 X（GTL 合成浸没冷却液）";
        FluidCastrolDc15 => "Castrol ON DC 15 (immersion fluid)", "Castrol ON DC 15（浸没冷却液）";
        FluidHydrocarbon => "Hydrocarbon fluid (Group III)", "III 类烃基冷却液";
        Option => "Option", "方案";
        ItDesign => "IT kW", "IT 功率";
        Capex => "CAPEX", "投资 (CAPEX)";
        OpexPerYear => "OPEX / year", "年运营成本";
        NpvVsAir => "NPV vs air", "净现值（相对风冷）";
        PaybackLabel => "Payback", "投资回收期";
        Irr => "IRR", "内部收益率";
        Pue => "PUE", "PUE";
        Feasible => "Feasible", "可行";
        SiteTotals => "Site totals", "站点合计";
        Halls => "Halls", "机房";
        RackGroups => "Rack groups", "机柜组";
        Recommended => "Recommended: {0}", "推荐方案：{0}";
        Heading => "{0}: {1} years at a discount rate of {2}, money in {3}", "{0}：评估期 {1} 年，折现率 {2}，货币单位 {3}";
        MoreRackGroups => "… and {0} more rack groups (see --format json)", "……另有 {0} 个机柜组（见 --format json）";
        ItemPerKwStock => "per-kW price, stock servers", "按千瓦单价（存量服务器）";
        ItemPerKwNew => "per-kW price, new servers", "按千瓦单价（新增服务器）";
        ItemColdPlateKits => "cold-plate retrofit kits", "冷板改造套件";
        ItemFactoryPremium => "factory liquid-cooled premium", "出厂液冷溢价";
        ItemManifolds => "rack manifolds", "机柜分水器";
        ItemCdus => "CDUs", "CDU";
        ItemLiquidToAirUnits => "liquid-to-air CDUs", "液-气 CDU";
        ItemPiping => "facility-water piping", "一次侧管路";
        ItemLabour => "installation labour", "安装人工";
        ItemDowntime => "downtime", "停机损失";
        ItemTanks => "immersion tanks", "浸没槽";
        ItemFluid => "immersion fluid", "浸没冷却液";
        ItemImmersionPrep => "server immersion preparation", "服务器浸没改造";
        ItemRefresh => "liquid-ready refresh of retiring servers", "退役服务器更新（液冷就绪）";
        ItemFloorReinforcement => "floor reinforcement", "楼板加固";
        ItemAddedAirCapacity => "added air-cooling capacity", "新增风冷能力";
        ItemTrimChiller => "trim chiller", "补冷冷机";
        ItemFacilityWaterExtension => "facility-water extension", "新建一次侧冷却水";
        ItemAirPlantAddition => "air-plant addition", "空调扩容";
        ItemElectricalUpgrade => "electrical upgrade", "配电扩容";
        ItemContingency => "contingency", "不可预见费";
        ItemHeatReuse => "heat customer connection", "余热用户接入";
    }
}
