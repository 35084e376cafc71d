//! Domain vocabulary shared by the GUI, CLI and reports, in the industry's own words.

crate::texts! {
    /// Domain terms.
    Term {
        Air => "Air", "风冷";
        ColdPlate => "Cold plate", "冷板式液冷";
        Immersion => "Immersion", "单相浸没式液冷";
        RearDoorPassive => "Rear door, passive", "被动式水冷背板";
        RearDoorActive => "Rear door, active", "主动式水冷背板";
        ColdPlateRearDoor => "Cold plate + rear door", "冷板 + 水冷背板";
        ColdPlateLiquidToAir => "Cold plate, liquid-to-air CDU", "冷板（液-气 CDU）";
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
    }
}

crate::texts! {
    /// The option names broken into lines under a chart's bars, where seven stand side by
    /// side in about 70 pt each.
    OptionLines {
        Air => "Air", "风冷";
        RearDoorPassive => "Rear door,\npassive", "被动式\n水冷背板";
        RearDoorActive => "Rear door,\nactive", "主动式\n水冷背板";
        ColdPlate => "Cold plate", "冷板式液冷";
        ColdPlateRearDoor => "Cold plate\n+ rear door", "冷板 +\n水冷背板";
        ColdPlateLiquidToAir => "Cold plate,\nliquid-\nto-air CDU", "冷板\n（液-气\nCDU）";
        Immersion => "Immersion", "单相浸没式\n液冷";
    }
}

crate::texts! {
    /// Physical quantities as messages name them (a unit set's `UnitKind::KIND`).
    Quantity {
        Power => "power", "功率";
        Temperature => "temperature", "温度";
        TempDiff => "temperature difference", "温差";
        Flow => "flow", "流量";
        Area => "area", "面积";
        Mass => "mass", "质量";
        FloorLoad => "floor load", "楼面荷载";
        Energy => "energy", "能量";
        Length => "length", "长度";
        Volume => "volume", "体积";
        Density => "density", "密度";
        SpecificHeat => "specific heat", "比热容";
        Time => "time", "时间";
        EmissionFactor => "emission factor", "排放因子";
        WaterIntensity => "water intensity", "用水强度";
    }
}

/// The quantity a unit set measures (its `UnitKind::KIND`, e.g. `power`) in `lang`; a kind
/// without a name here is shown as given.
pub fn quantity_name(kind: &str, lang: crate::Lang) -> &str {
    use coolplan_units::*;
    let kinds = [
        (PowerUnit::KIND, Quantity::Power),
        (TemperatureUnit::KIND, Quantity::Temperature),
        (TempDiffUnit::KIND, Quantity::TempDiff),
        (FlowUnit::KIND, Quantity::Flow),
        (AreaUnit::KIND, Quantity::Area),
        (MassUnit::KIND, Quantity::Mass),
        (FloorLoadUnit::KIND, Quantity::FloorLoad),
        (EnergyUnit::KIND, Quantity::Energy),
        (LengthUnit::KIND, Quantity::Length),
        (VolumeUnit::KIND, Quantity::Volume),
        (DensityUnit::KIND, Quantity::Density),
        (SpecificHeatUnit::KIND, Quantity::SpecificHeat),
        (TimeUnit::KIND, Quantity::Time),
        (EmissionFactorUnit::KIND, Quantity::EmissionFactor),
        (WaterIntensityUnit::KIND, Quantity::WaterIntensity),
    ];
    kinds
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(kind, |(_, q)| crate::Text::tr(*q, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    #[test]
    fn every_quantity_is_named_in_chinese() {
        use coolplan_units::{PowerUnit, TempDiffUnit, UnitKind};
        assert_eq!(quantity_name(PowerUnit::KIND, Lang::Zh), "功率");
        assert_eq!(
            quantity_name(TempDiffUnit::KIND, Lang::En),
            "temperature difference"
        );
        assert_eq!(quantity_name("money", Lang::Zh), "money");
        for q in <Quantity as crate::Text>::all() {
            // each name is reached from its unit set's KIND (English names are the KINDs)
            let en = crate::Text::en(*q);
            assert_eq!(quantity_name(en, Lang::Zh), crate::Text::zh(*q), "{en}");
        }
    }
}
