//! Human labels for the keys engineers write in site files: every assumption (`cooling`,
//! `plant`, `prices`, `finance`) and every catalog-model field. The enum variants are the file
//! keys themselves, so a label is found from the key and the key stays visible next to it.
//! Owns only wording; never touches values or units.

use super::{Lang, Text};

crate::texts! {
    /// One label per assumption key (variant name = key in the file).
    #[allow(non_camel_case_types)]
    AssumptionField {
        // cooling
        air_limit_per_rack => "Air-cooling limit per rack", "风冷单柜功率上限";
        cold_plate_fan_saving => "Server fan saving with cold plates", "冷板式液冷服务器风扇节能比例";
        loop_delta_t => "Liquid-loop temperature difference", "液冷回路供回液温差";
        air_delta_t => "Server air temperature rise", "服务器进出风温差";
        facility_water_extension_supply => "Supply of a new facility-water loop", "新建一次侧冷却水供水温度";
        coolant => "Cold-plate coolant", "冷板冷却液";
        immersion_fluid => "Immersion fluid", "浸没冷却液";
        cdu_size => "CDU type", "CDU类型";
        cdu_approach => "CDU approach temperature", "CDU换热趋近温差";
        cdu_redundancy => "CDU redundancy (spare units)", "CDU冗余台数";
        cold_plate_max_loop_supply => "Cold plate: highest loop supply temperature", "冷板式液冷最高供液温度";
        immersion_max_loop_supply => "Immersion: highest loop supply temperature", "单相浸没式液冷最高供液温度";
        rack_inlet_temp => "Rack inlet air temperature", "机柜进风温度";
        l2a_unit_capacity => "Liquid-to-air CDU capacity", "液-气 CDU 单台容量";
        l2a_unit_positions => "Rack positions per liquid-to-air CDU", "每台液-气 CDU 占用机柜位";
        l2a_approach => "Liquid-to-air CDU approach temperature", "液-气 CDU 换热趋近温差";
        l2a_fan_share => "Liquid-to-air CDU fan power share", "液-气 CDU 风机功耗占比";
        l2a_redundancy => "Liquid-to-air CDU redundancy (spare units)", "液-气 CDU 冗余台数";
        tank_capacity => "Immersion tank capacity", "浸没液冷槽散热能力";
        tank_slots => "Tank slots", "液冷槽可用U位";
        tank_fluid_volume => "Tank fluid volume", "液冷槽冷却液容量";
        tank_empty_mass => "Tank empty mass", "液冷槽空重";
        tank_footprint => "Tank footprint", "液冷槽占地面积";
        tank_service_area => "Tank service area", "液冷槽维护面积";
        rack_footprint => "Rack footprint", "机柜占地面积";
        rack_service_area => "Rack service area", "机柜维护面积";
        rack_empty_mass => "Rack empty mass", "机柜空重";
        cold_plate_rack_mass => "Cold-plate parts mass per rack", "冷板式液冷单柜附加重量";
        rdhx_water_supply => "Rear door: water supply temperature", "背板换热器供水温度";
        rdhx_water_delta_t => "Rear door: water temperature rise", "背板换热器供回水温差";
        rdhx_min_water_supply => "Rear door: lowest water supply (dew point + margin)", "背板换热器最低供水温度（露点加裕量）";
        rdhx_passive_effectiveness => "Passive rear door: coil effectiveness", "被动式背板换热器盘管效能";
        rdhx_passive_capacity => "Passive rear door: capacity per door", "被动式背板换热器单门换热能力";
        rdhx_back_pressure_fan_share => "Passive rear door: added server fan power (share of air heat)", "被动式背板换热器增加的服务器风扇功耗（占风冷热量）";
        rdhx_active_effectiveness => "Active rear door: coil effectiveness", "主动式背板换热器盘管效能";
        rdhx_active_capacity => "Active rear door: capacity per door", "主动式背板换热器单门换热能力";
        rdhx_active_fan_share => "Active rear door: fan power (share of door heat)", "主动式背板换热器风机功耗（占背板换热量）";
        rdhx_passive_mass => "Passive rear door mass", "被动式背板换热器重量";
        rdhx_active_mass => "Active rear door mass", "主动式背板换热器重量";
        // plant
        chiller_cop => "Water-cooled chiller rated COP", "水冷冷水机组额定COP";
        air_cooled_chiller_cop => "Air-cooled chiller rated COP", "风冷冷水机组额定COP";
        trim_chiller_cop => "Trim chiller rated COP", "补冷冷水机组额定COP";
        dx_cop => "DX CRAC rated COP", "直膨式精密空调额定COP";
        lift_independent_share => "Compressor input share independent of lift", "压缩机与温升无关的功耗占比";
        chiller_units => "Duty chillers", "运行冷水机组台数";
        plant_capacity_margin => "Chiller plant capacity over air capacity", "冷站容量与风冷容量之比";
        chilled_water_supply => "Chilled-water supply temperature", "冷冻水供水温度";
        chilled_water_delta_t => "Chilled-water temperature difference", "冷冻水供回水温差";
        tower_approach => "Cooling-tower approach to wet bulb", "冷却塔出水与湿球温度趋近温差";
        condenser_range => "Condenser-water temperature rise", "冷却水进出水温差";
        min_condenser_water => "Lowest condenser-water temperature", "最低冷却水温度";
        economiser_hx_approach => "Economiser heat-exchanger approach", "自然冷却板换趋近温差";
        dry_economiser_approach => "Dry free-cooling coil approach", "干式自然冷却盘管趋近温差";
        free_cooling_fan_share => "Free-cooling fan power share", "自然冷却风机功耗占比";
        tower_fan_share => "Cooling-tower fan power share", "冷却塔风机功耗占比";
        chilled_water_pumps => "Chilled-water pumps per kW of plant", "冷冻水泵功率（每kW冷站容量）";
        condenser_water_pumps => "Condenser-water pumps per kW of plant", "冷却水泵功率（每kW冷站容量）";
        pump_fixed_fraction => "Pump power drawn at any load", "水泵定流量功耗占比";
        adiabatic_effectiveness => "Adiabatic pad effectiveness", "蒸发湿膜效率";
        crah_fan_power => "CRAH fan power per kW of air capacity", "冷冻水精密空调风机功率（每kW制冷量）";
        crac_fan_power => "CRAC blower power per kW of air capacity", "直膨式精密空调风机功率（每kW制冷量）";
        fan_min_speed => "Lowest CRAH fan speed", "精密空调风机最低转速";
        airflow_margin => "Airflow over the ideal", "送风量富余系数";
        dx_return_air => "DX CRAC return-air temperature", "直膨式精密空调回风温度";
        dx_sensible_heat_ratio => "DX coil sensible heat ratio", "直膨盘管显热比";
        dx_cycling_loss => "DX part-load cycling loss", "直膨压缩机部分负荷启停损失系数";
        dx_economiser_span => "DX economiser temperature span", "直膨自然冷却温度区间";
        distribution_no_load => "Transformer and PDU no-load loss", "变压器及配电柜空载损耗";
        distribution_load_loss => "Transformer, PDU and cable load loss", "变压器、配电柜及电缆负载损耗";
        electrical_heat_to_air => "Electrical losses cooled by the hall's air", "由机房空调带走的配电损耗占比";
        lighting_power_density => "Lighting power density", "照明功率密度";
        support_area_ratio => "Lit support area per m² of white space", "辅助区照明面积比";
        lighting_on_fraction => "Share of hours lights are on", "照明开启时间占比";
        misc_per_it_capacity => "Ancillary load per kW of IT capacity", "辅助设备功耗（每kW IT容量）";
        tech_loop_pressure_drop => "Cold-plate loop pressure drop", "冷板二次侧环路压降";
        immersion_loop_pressure_drop => "Immersion tank loop pressure drop", "浸没液冷槽环路压降";
        facility_loop_pressure_drop => "Facility-water loop pressure drop", "一次侧水环路压降";
        door_loop_pressure_drop => "Rear-door water loop pressure drop", "背板换热器水环路压降";
        facility_loop_delta_t => "Facility-water temperature rise", "一次侧水温升";
        pump_efficiency => "Liquid pump wire-to-water efficiency", "液冷水泵综合效率（电机至水）";
        liquid_pump_fixed_fraction => "Liquid pump power drawn at any load", "液冷水泵最低流量功耗占比";
        dry_cooler_approach => "Dry-cooler approach", "干冷器趋近温差";
        dry_cooler_fan_share => "Dry-cooler fan power per kW of liquid heat", "干冷器风机功率（每kW液冷热量）";
        dry_cooler_min_speed => "Lowest dry-cooler fan speed", "干冷器风机最低转速";
        design_margin => "Design-day margin over the hottest normal", "设计日温度裕量";
        trim_margin => "Trim chiller capacity margin", "补冷冷水机组容量裕量";
        wue => "Water use (WUE)", "水耗（WUE）";
        grid_emission_factor => "Grid emission factor", "电网碳排放因子";
        // prices
        electricity => "Electricity price", "电价";
        cold_plate_stock_per_kw => "Cold plate, stock retrofit, per kW", "冷板式液冷存量改造单价（每kW）";
        l2a_stock_per_kw => "Cold plate on liquid-to-air CDUs, stock retrofit, per kW", "冷板＋液-气 CDU 存量改造单价（每kW）";
        l2a_new_per_kw => "Cold plate on liquid-to-air CDUs, new servers, per kW", "冷板＋液-气 CDU 新服务器单价（每kW）";
        cold_plate_new_per_kw => "Cold plate, new AI servers, per kW", "冷板式液冷新增AI服务器单价（每kW）";
        immersion_stock_per_kw => "Immersion, stock retrofit, per kW", "单相浸没式液冷存量改造单价（每kW）";
        immersion_new_per_kw => "Immersion, new AI servers, per kW", "单相浸没式液冷新增AI服务器单价（每kW）";
        air_added_capacity_per_kw => "Added air-cooling capacity per kW", "新增风冷制冷量单价（每kW）";
        trim_chiller_per_kw => "Trim chiller per kW of capacity", "补冷冷机单价（每kW制冷量）";
        facility_water_extension_per_kw => "Facility-water extension per kW of liquid heat", "新建一次侧冷却水单价（每kW液冷热量）";
        facility_water_extension_lead_time => "Facility-water extension lead time", "新建一次侧冷却水工期";
        air_plant_addition_lead_time => "Air-plant addition lead time", "空调扩容工期";
        electrical_upgrade_per_kw => "Electrical upgrade per kW of added IT", "配电扩容单价（每kW新增IT）";
        electrical_upgrade_lead_time => "Electrical upgrade lead time", "配电扩容工期";
        cold_plate_kit_per_kw => "Cold-plate kit per kW (models without a catalog kit price)", "冷板套件单价（每kW，适用于目录无套件价格的型号）";
        factory_premium_per_kw => "Factory liquid-ready premium per kW", "出厂液冷版溢价（每kW）";
        manifold_per_rack => "Manifold per rack", "单柜分集水器费用";
        cdu_per_kw_capacity => "CDU per kW of capacity", "CDU单价（每kW容量）";
        l2a_per_kw_capacity => "Liquid-to-air CDU per kW of capacity", "液-气 CDU 单价（每kW容量）";
        piping_per_kw => "Piping per kW", "二次侧管路单价（每kW）";
        labour_per_server => "Labour per server", "单台服务器施工人工费";
        downtime_hours_per_rack => "Downtime per rack", "单柜停机时长";
        downtime_cost_per_rack_hour => "Downtime cost per rack-hour", "单柜每小时停机损失";
        tank_each => "Immersion tank, each", "浸没液冷槽单价";
        fluid_per_litre => "Immersion fluid per litre", "浸没冷却液单价（每升）";
        immersion_prep_per_server => "Immersion preparation per server", "服务器浸没适配费用（每台）";
        floor_reinforcement_per_m2 => "Floor reinforcement per m²", "楼板承重加固单价（每m²）";
        contingency => "Contingency", "不可预见费比例";
        cold_plate_maintenance => "Cold-plate maintenance per year (share of CAPEX)", "冷板式液冷年维护费率（占投资）";
        immersion_maintenance => "Immersion maintenance per year (share of CAPEX)", "单相浸没式液冷年维护费率（占投资）";
        fluid_top_up => "Fluid top-up per year", "冷却液年补充比例";
        water => "Water price", "水价";
        air_plant_maintenance_per_kw => "Air-cooling plant maintenance per kW per year", "风冷系统年维护费（每kW）";
        rdhx_passive_each => "Passive rear door, each", "被动式背板换热器单价";
        rdhx_active_each => "Active rear door, each", "主动式背板换热器单价";
        rdhx_install_each => "Rear door installation, each", "背板换热器安装费（每扇）";
        rdhx_maintenance => "Rear-door maintenance per year (share of CAPEX)", "背板换热器年维护费率（占投资）";
        // finance
        horizon_years => "Evaluation period (years)", "计算期（年）";
        discount_rate => "Discount rate", "折现率";
        first_year => "First year", "起始年份";
    }
}

crate::texts! {
    /// One label per catalog-model field (variant name = key in the file).
    #[allow(non_camel_case_types)]
    CatalogField {
        name => "Name", "名称";
        vendor => "Vendor", "厂商";
        kind => "Kind", "类型";
        height => "Height", "高度";
        max_power => "Maximum power", "最大功率";
        utilisation => "Average utilisation", "平均负载率";
        fan_share => "Fan power share", "风扇功耗占比";
        cold_plate_capture => "Heat captured by cold plates", "冷板带走热量占比";
        cold_plate => "Cold-plate kit", "冷板式液冷套件";
        kit_cost => "Cold-plate kit cost", "冷板套件价格";
        factory_premium => "Factory liquid-ready premium", "出厂液冷版溢价";
        immersion => "Immersion compatibility", "浸没兼容性";
        weight => "Weight", "重量";
        service_life => "Service life", "使用寿命";
        aliases => "Aliases (inventory names)", "别名（资产清单中的名称）";
        sources => "Sources", "数据来源";
        notes => "Notes", "备注";
    }
}

crate::texts! {
    /// The choices of the catalog-model enum fields.
    FieldChoice {
        KindCpu => "CPU server", "CPU服务器";
        KindGpu => "GPU server", "GPU服务器";
        KindRackScale => "Rack-scale system", "整机柜系统";
        KindStorage => "Storage", "存储设备";
        KindNetwork => "Network switch", "网络设备";
        KitRetrofit => "Retrofit kit available", "可加装冷板套件";
        KitFactoryOnly => "Factory liquid-cooled only", "仅出厂液冷版";
        KitUnavailable => "No cold plate", "无冷板方案";
        ImmersionYes => "Immersion-ready", "可直接浸没";
        ImmersionWithPrep => "After preparation", "需适配后浸没";
        ImmersionNo => "Not for immersion", "不可浸没";
    }
}

crate::texts! {
    /// The assumption groups (variant name = group key in the file).
    #[allow(non_camel_case_types)]
    AssumptionGroup {
        cooling => "Cooling design", "冷却设计";
        plant => "Plant and energy", "动力与能耗";
        prices => "Prices", "价格";
        finance => "Finance", "财务";
    }
}

/// The name of assumption group `group` in `lang`; an unknown group is shown as itself.
pub fn group_label(group: &str, lang: Lang) -> &str {
    AssumptionGroup::all()
        .iter()
        .find(|g| g.name() == group)
        .map_or(group, |g| g.tr(lang))
}

/// The group name used for catalog-model fields in [`field_label`].
pub const CATALOG: &str = "catalog";

/// The label of file key `key` in `group` (`cooling`, `plant`, `prices`, `finance` or
/// [`CATALOG`]) in `lang`; an unknown key is shown as itself.
pub fn field_label<'a>(group: &str, key: &'a str, lang: Lang) -> &'a str {
    known_label(group, key, lang).unwrap_or(key)
}

/// The label of assumption `key` in `lang`.
pub fn assumption_label(
    key: coolplan_model::assumptions::AssumptionKey,
    lang: Lang,
) -> &'static str {
    field_label(key.group().name(), key.name(), lang)
}

/// The label of a key the tables know.
fn known_label(group: &str, key: &str, lang: Lang) -> Option<&'static str> {
    fn find<T: Text>(key: &str, lang: Lang) -> Option<&'static str> {
        T::all()
            .iter()
            .find(|f| f.name() == key)
            .map(|f| f.tr(lang))
    }
    if group == CATALOG {
        find::<CatalogField>(key, lang)
    } else {
        find::<AssumptionField>(key, lang)
    }
}

/// `Label (key)`: the label with the file key engineers edit (the key alone when unlabelled).
pub fn label_with_key(group: &str, key: &str, lang: Lang) -> String {
    let Some(label) = known_label(group, key, lang) else {
        return key.to_string();
    };
    let (open, close) = if lang == Lang::Zh {
        ("（", "）")
    } else {
        (" (", ")")
    };
    format!("{label}{open}{key}{close}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use coolplan_model::assumptions::{AssumptionKey, Group};

    /// A new assumption without a label fails here.
    #[test]
    fn every_assumption_key_has_a_label() {
        for key in AssumptionKey::all() {
            let (group, name) = (key.group().name(), key.name());
            for lang in Lang::ALL {
                assert_ne!(field_label(group, name, lang), name, "{key} lacks a label");
            }
        }
        for group in Group::ALL {
            assert_ne!(group_label(group.name(), Lang::Zh), group.name());
        }
    }

    #[test]
    fn labels_use_industry_vocabulary() {
        assert_eq!(field_label("prices", "electricity", Lang::Zh), "电价");
        assert_eq!(field_label("finance", "discount_rate", Lang::Zh), "折现率");
        assert_eq!(
            field_label("cooling", "air_limit_per_rack", Lang::Zh),
            "风冷单柜功率上限"
        );
        assert_eq!(group_label("finance", Lang::Zh), "财务");
        assert_eq!(field_label(CATALOG, "max_power", Lang::En), "Maximum power");
        assert_eq!(
            field_label("cooling", "no_such_key", Lang::Zh),
            "no_such_key"
        );
        assert_eq!(
            label_with_key("prices", "electricity", Lang::Zh),
            "电价（electricity）"
        );
        assert_eq!(
            label_with_key("prices", "electricity", Lang::En),
            "Electricity price (electricity)"
        );
    }
}
