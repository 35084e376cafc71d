//! Texts of the analyses: ranges on inputs, tornado, Monte Carlo, phased plan, CDU N+1.

crate::texts! {
    /// Analysis texts (CLI text output, GUI panel, report section).
    An {
        UnknownInput => "`{0}` is not an assumption key (write \"group.key\", e.g. \"prices.electricity\")", "`{0}` 不是假设项的键（请写成 \"组.键\"，例如 \"prices.electricity\"）";
        NotNumeric => "`{0}` is not a number and cannot vary", "`{0}` 不是数值，不能设置范围";
        Duplicate => "`{0}` is listed twice", "`{0}` 重复列出";
        BadRange => "`{0}`: {1}", "`{0}`：{1}";
        Title => "Uncertainty, sensitivity and phased plan: {0}", "不确定性、敏感性与分期方案：{0}";
        NoRanges => "No uncertain inputs: add an `uncertainty` list to the site file (see docs/analysis.md).", "没有不确定输入：请在站点文件中添加 `uncertainty` 列表（见 docs/analysis.md）。";
        TornadoTitle => "Sensitivity (tornado): NPV of {0} against air, base {1}", "敏感性（龙卷风图）：{0} 相对风冷的净现值，基准 {1}";
        TornadoHeader => "Input | low → NPV | high → NPV | swing", "输入项 | 低值 → 净现值 | 高值 → 净现值 | 变化幅度";
        Flips => "recommendation changes to {0} at {1}", "在 {1} 时推荐方案变为 {0}";
        McTitle => "Monte Carlo: {0} samples, seed {1}, {2} s", "蒙特卡洛：{0} 个样本，种子 {1}，用时 {2} 秒";
        McHeader => "Option | NPV P10 / P50 / P90 | payback P10 / P50 / P90 | PUE P10 / P50 / P90 | best", "方案 | 净现值 P10 / P50 / P90 | 投资回收期 P10 / P50 / P90 | PUE P10 / P50 / P90 | 最优概率";
        NoneFeasible => "No option feasible in {0} of samples", "{0} 的样本中没有可行方案";
        PlanTitle => "Phased plan: budget {0} a year, {1} years ({2}); NPV {3}", "分期改造方案：每年预算 {0}，共 {1} 年（{2}）；净现值 {3}";
        Exhaustive => "exact: every combination tried", "精确解：穷举所有组合";
        Heuristic => "greedy by NPV per yuan with local search", "按单位投资净现值贪心并局部搜索";
        PlanYear => "{0}: spend {1} of {2}", "{0} 年：支出 {1}（预算 {2}）";
        PlanConversion => "  {0} ({1} racks) → {2}, CAPEX {3}", "  {0}（{1} 个机柜）→ {2}，投资 {3}";
        PlanCdus => "  CDUs for {0}: {1} unit(s), {2}", "  {0} 的 CDU：{1} 台，{2}";
        WhyHeader => "Why each group is in its year", "各机柜组安排在该年份的原因";
        WhyBest => "highest NPV per yuan ({0} of {1})", "单位投资净现值最高（第 {0} 名，共 {1} 个）";
        WhyArrives => "servers arrive in {0}: bought liquid-ready", "服务器于 {0} 年到货：直接采购液冷版本";
        WhyBudget => "budget of {0} exhausted", "{0} 年预算已用完";
        WhyLater => "converting later pays more (shared CDU step)", "推迟改造收益更高（共用 CDU 扩容）";
        WhyNoBudget => "worth converting but no year's budget can take it", "值得改造，但任何一年的预算都不够";
        WhyNoGain => "no option gains NPV against air", "没有方案比风冷净现值更高";
        WhyInfeasible => "no liquid option is feasible", "没有可行的液冷方案";
        WhyAirCannot => "air cannot cool it: converts in its first possible year", "风冷无法满足：在最早可行年份改造";
        StaysAir => "stays on air", "保持风冷";
        CumulativeTitle => "Cumulative savings against air (undiscounted / discounted)", "相对风冷的累计节省（未折现 / 折现）";
        RedundancyTitle => "CDU N+1 check: {0}, {1}", "CDU N+1 校核：{0}，{1}";
        NPlusOneHolds => "N+1 holds", "满足 N+1";
        NPlusOneFails => "N+1 FAILS", "不满足 N+1";
        CduLine => "  CDU {0}: {1} of {2}; if it fails: {3} racks, {4} lose cooling{5}", "  CDU {0}：负载 {1} / 容量 {2}；若故障：{3} 个机柜、{4} 失去冷却{5}";
        Absorbed => " (the others absorb it)", "（其余 CDU 可承担）";
        NotAbsorbed => " (the others CANNOT absorb it)", "（其余 CDU 无法承担）";
        Unassigned => "  no CDU has room for: {0} racks, {1}", "  无 CDU 容量可承载：{0} 个机柜，{1}";
        LoopLine => "  facility loop failure: {0} racks, {1} lose liquid cooling", "  一次侧水环路故障：{0} 个机柜、{1} 失去液冷";
        BadBudget => "--budget `{0}`: write an amount with its currency, e.g. CNY(5000000)", "--budget `{0}`：请写带货币的金额，例如 CNY(5000000)";
        BudgetCurrency => "--budget is in {0} but the site is in {1}: amounts are never converted", "--budget 的货币是 {0}，而站点使用 {1}：金额不做汇率换算";
        HelpAbout => "Tornado, Monte Carlo, phased plan under a budget and CDU N+1 check of a site", "站点的龙卷风敏感性、蒙特卡洛、预算约束下的分期方案与 CDU N+1 校核";
        HelpFile => "Site file (.ron); its `uncertainty` list gives the ranges", "站点文件（.ron）；其中 `uncertainty` 列表给出输入范围";
        HelpMonteCarlo => "Run a Monte Carlo of N samples (10,000 when N is left out)", "运行 N 个样本的蒙特卡洛（不写 N 时为 10,000）";
        HelpSeed => "Seed of the Monte Carlo draws (same seed, same result)", "蒙特卡洛随机种子（种子相同，结果相同）";
        HelpBudget => "Yearly CAPEX budget for a phased plan, with its currency, e.g. CNY(5000000)", "分期方案的年度投资预算，带货币，例如 CNY(5000000)";
        HelpYears => "Plan years (default: the study horizon)", "规划年数（默认：研究期）";
        Cancelled => "cancelled", "已取消";
        Run => "Run", "运行";
        Cancel => "Cancel", "取消";
        Samples => "Samples", "样本数";
        Seed => "Seed", "随机种子";
        // Report chapter "Sensitivity and resilience"
        RepChapter => "Sensitivity and resilience", "敏感性与韧性";
        RepTornado => "Sensitivity (tornado)", "敏感性（龙卷风图）";
        RepTornadoIntro => "Each uncertain input of the site file is set to its low and then its high value, the others at base, and the site is evaluated again. The figure followed is the NPV of {0} against air (base {1}); inputs are ranked by the swing between the two ends. Monte Carlo percentiles are not in the report (thousands of evaluations): run `coolplan analyze --monte-carlo` or the app's Analysis panel.", "站点文件中的每个不确定输入依次取低值和高值（其余保持基准值）并重新计算。跟踪的指标为 {0} 相对风冷的净现值（基准 {1}）；按两端之间的变化幅度排序。报告不含蒙特卡洛分位数（需数千次计算）：请运行 `coolplan analyze --monte-carlo` 或使用软件的“分析”面板。";
        RepNoRanges => "The site file lists no uncertain inputs, so there is no sensitivity analysis: add an `uncertainty` list (see docs/analysis.md).", "站点文件未列出不确定输入，因此没有敏感性分析：请添加 `uncertainty` 列表（见 docs/analysis.md）。";
        RepNoClimate => "The weather data of the site was not available: the sensitivity analysis was not run.", "无法获取站点气候数据：未进行敏感性分析。";
        RepTornadoChart => "NPV of {0} against air at each end of an input's range", "各输入范围两端 {0} 相对风冷的净现值";
        RepLow => "At low value", "取低值";
        RepHigh => "At high value", "取高值";
        RepInput => "Input", "输入项";
        RepLowValue => "Low", "低值";
        RepHighValue => "High", "高值";
        RepNpvLow => "NPV at low", "低值时净现值";
        RepNpvHigh => "NPV at high", "高值时净现值";
        RepSwing => "Swing", "变化幅度";
        RepRecommendation => "Recommendation low / high", "推荐方案（低 / 高）";
        RepRedundancy => "CDU N+1 check", "CDU N+1 校核";
        RepRedundancyIntro => "Racks are assigned whole to the CDUs the engine sized (first fit); a failed CDU's load moves to the others up to their spare capacity. N+1 holds in a hall when every single CDU failure is absorbed and every rack has a CDU.", "机柜按整柜分配到引擎选定的 CDU（首次适配）；某台 CDU 故障时，其负载转移到其余 CDU 的剩余容量。若任一台 CDU 故障都可被承担且所有机柜都有 CDU，则该机房满足 N+1。";
        RepHallOption => "{0}, {1}: {2}", "{0}，{1}：{2}";
        RepCdu => "CDU", "CDU";
        RepLoad => "Load (kW)", "负载 (kW)";
        RepCapacity => "Capacity (kW)", "容量 (kW)";
        RepLoses => "If it fails: racks without cooling", "故障时失去冷却的机柜";
        RepLosesKw => "If it fails: kW", "故障时失去冷却 (kW)";
        RepAbsorbed => "Others absorb it", "其余 CDU 可承担";
        RepYes => "yes", "是";
        RepNo => "NO", "否";
        RacksAndHeat => "{0} racks, {1} kW", "{0} 个机柜，{1} kW";
        RepNoLiquid => "No hall has liquid-cooled racks to check.", "没有需要校核的液冷机柜。";
        RepMoreCdus => "{0} more CDU(s) not listed, each carrying at most {1} kW; {2} of them cannot fail without loss of cooling", "另有 {0} 台 CDU 未列出，每台负载不超过 {1} kW；其中 {2} 台故障时会导致失去冷却";
    }
}
