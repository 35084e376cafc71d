//! Domain vocabulary shared by the GUI, CLI and reports, in the industry's own words.

crate::texts! {
    /// Domain terms.
    Term {
        Air => "Air", "风冷";
        ColdPlate => "Cold plate", "冷板式液冷";
        Immersion => "Immersion", "单相浸没式液冷";
        Cdu => "CDU", "CDU";
        Pue => "PUE", "PUE";
        Tue => "TUE", "TUE";
        Stock => "Stock (retrofit)", "存量改造";
        NewServers => "New AI servers", "新增AI服务器";
        Rack => "Rack", "机柜";
        StandardRack => "Standard rack", "标准机架";
        FloorLoad => "Floor load", "承重";
        Payback => "Payback", "投资回收期";
        SimplePayback => "Simple payback", "静态投资回收期";
        DiscountedPayback => "Discounted payback", "动态投资回收期";
        Npv => "NPV", "净现值";
        Capex => "CAPEX", "投资成本 (CAPEX)";
        Opex => "OPEX", "运营成本 (OPEX)";
        Hall => "Hall", "机房";
        Site => "Site", "站点";
        Recommended => "Recommended", "推荐方案";
        Feasible => "Feasible", "可行";
        Infeasible => "Infeasible", "不可行";
        MixedPlan => "Mixed plan", "混合方案";
    }
}
