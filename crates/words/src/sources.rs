//! Chinese descriptions of the published sources of assumption defaults. The model keeps each
//! source as written (titles, figures and tags such as `[EST]`); a Chinese reader gets this
//! description, which keeps the titles and tags and says the rest in Chinese. Keys are the
//! assumption file keys; a key without a description shows the source as written.

/// The Chinese description of the source of assumption `key`'s default.
pub fn source_zh(key: &str) -> Option<&'static str> {
    Some(match key {
        "air_limit_per_rack" => {
            "良好气流组织下风冷每柜 15–20 kW；超过 25 kW 需补充制冷（datacentres.com [ANL]）"
        }
        "cold_plate_fan_saving" => "估计：处理器改用冷板后风扇功耗约降至一半 [EST]",
        "air_delta_t" => {
            "OCP ACS 背门换热器要求以服务器空气温升 ≥ 12.2 K（22 °F）为参考 [STD][2nd]；空调末端按约 11 K（20 °F）设计（Data Center Frontier，Neudorfer 2022 [ANL]）"
        }
        "loop_delta_t" => "OCP：温差 ≤ 10 K 时 1.5 L/min/kW（OCP 液冷指南，经 ProphetStor [STD]）",
        "coolant" => "PG25 物性取自 Airedale DeltaChill 手册 [MFR]",
        "immersion_fluid" => {
            "Shell S5 X：806 kg/m³（Shell 技术数据表，经二手资料 [MFR][2nd]）；比热 2.1 kJ/(kg·K) 取 III 类基础油通用值 [2nd]"
        }
        "cdu_size" => {
            "列间 CDU 150–2,500 kW，服务 8–16 个机柜 [ANL]；600 kW 机型取自 Vertiv CoolChip [MFR]"
        }
        "cdu_approach" => {
            "液–液 CDU 换热趋近温差 3–5 K（CoolIT 5 K、Schneider 3 K、Boyd 约 3 K [MFR][2nd]）"
        }
        "cdu_redundancy" => "N+1 冗余，常规设计做法 [EST]",
        "cold_plate_max_loop_supply" => {
            "技术回路供液 17–45 ℃（resistancezero.com [ANL]）；LBNL 综述：冷板适用设施冷却水 2–40 ℃ [ACAD][2nd]"
        }
        "immersion_max_loop_supply" => {
            "LBNL 牵头的综述：浸没式适用设施冷却水 2–45 ℃ [ACAD][2nd]，另加 3–5 K CDU 趋近温差 [EST]"
        }
        "rack_inlet_temp" => "估计：在 ASHRAE A1 推荐进风温度 18–27 °C 范围内 [STD][EST]",
        "l2a_unit_capacity" => {
            "Vertiv CoolChip L2A 单台最大 70 kW，占一个机柜位 [MFR][2nd]；CoolIT AHx10 10 kW（5U）、AHx180 180 kW、AHx240 240 kW（占两个机柜位）[MFR][2nd]"
        }
        "l2a_unit_positions" => {
            "Vertiv CoolChip L2A 侧置单元占一个机柜位 [MFR][2nd]；CoolIT AHx240 占两个 [MFR][2nd]"
        }
        "l2a_approach" => {
            "CoolIT：液-气换热趋近温差 15 K，液–液为 5 K [MFR][2nd]；常见 12–15 K [EST]"
        }
        "l2a_fan_share" => {
            "按风机物理估计：70 kW、空气温升 12 K 时风量 4.83 m³/s × 150–250 Pa ÷ 风机效率 0.5 = 热量的 2.1–3.4 % [EST]"
        }
        "l2a_redundancy" => "每个机房 N+1，同液–液 CDU [EST]",
        "tank_capacity" => "Submer SmartPodX：50 kW [MFR][2nd]",
        "tank_slots" => "Submer SmartPodX：21U [MFR][2nd]",
        "tank_fluid_volume" => "Submer SmartPodX：576 L [MFR][2nd]",
        "tank_empty_mass" => "Submer SmartPodX：空重 411 kg [MFR][2nd]",
        "tank_footprint" => "Submer SmartPodX：1,200 × 900 mm = 1.08 m² [MFR][2nd]",
        "tank_service_area" => "估计：留出一个液冷槽占地的空地用于吊出服务器 [EST]",
        "rack_footprint" => "600 × 1,200 mm 机柜，同 NVIDIA GB200 NVL72（0.6 × 1.2 m）[MFR]",
        "rack_service_area" => "估计：0.6 m 宽机柜两侧各占 1.2 m 通道的一半 [EST]",
        "rack_empty_mass" => "估计：42U 钢制机柜 120–180 kg [EST]",
        "cold_plate_rack_mass" => "估计：单柜分集水器、软管及冷却液重量 [EST]",
        "rdhx_water_supply" => {
            "IBM 背门：ASHRAE 1 级机房 18 ± 1 °C，2 级 22 °C；4–6 °C 的建筑冷冻水过冷，须设二次回路 [MFR]"
        }
        "rdhx_water_delta_t" => "估计；一份公开背门参数表为 5–6 K [2nd, low][EST]",
        "rdhx_min_water_supply" => {
            "机房露点 15 °C [EST]（IBM：1 级机房最高 17 °C [MFR]）+ 2 K 裕量（HPE Motivair 背门 QuickSpecs，经 coolnetpower [MFR][2nd]；Sun Cooling Door 5200：3 K [MFR]）"
        }
        "rdhx_passive_effectiveness" => {
            "按 IBM 背门（18 °C 供水时带走 20–32 kW 的 55–85 % [MFR]）及 Sun Cooling Door 5200（35 kW 以内 75–100 % [MFR]）标定；范围 0.45–0.75 [EST]"
        }
        "rdhx_passive_capacity" => {
            "HPE/Motivair 被动式背门 14–35 kW 档 [MFR][2nd]；Sun Cooling Door 5200 最高 35 kW [MFR]"
        }
        "rdhx_back_pressure_fan_share" => {
            "估计：背门压降 30 Pa [EST]（IBM：与其降噪背门阻力相同 [MFR]），服务器风扇效率 0.3 [EST]：V̇·ΔP/η = Q/(1,207 J/(m³·K) × 12 K) × 30 Pa / 0.3 = Q 的 0.69 %"
        }
        "rdhx_active_effectiveness" => "估计：门上风机使较深盘管保持设计风量 [EST]",
        "rdhx_active_capacity" => {
            "HPE/Motivair 背门 35–55 kW 与 55–75 kW 档 [MFR][2nd]；主动式背门 40–75 kW（aidatacenterguide [ANL]）"
        }
        "rdhx_active_fan_share" => {
            "OCP 背门换热器要求：主动式背门功耗 ≤ 额定散热量的 2 % [STD][2nd]；每扇 0.5–2 kW（yobitel [2nd]）；50 kW、150 Pa、效率 0.5 时 2.1 % [EST]"
        }
        "rdhx_passive_mass" => {
            "IBM 背门充水后 35.6 kg [MFR]；ColdLogik 被动式充水后 100–125 kg [2nd, low]；取 60 kg [EST]"
        }
        "rdhx_active_mass" => "ColdLogik 主动式背门充水后 145–192 kg [2nd, low]",
        "chiller_cop" => {
            "水冷离心式冷水机组 COP 6–7 [ANL]；DOE-2 参考机组 5.5 [STD/ACAD][2nd]；按 AHRI 550/590 工况额定 [STD][2nd]"
        }
        "air_cooled_chiller_cop" => {
            "ASHRAE 90.1-2010 风冷冷水机组最低能效 9.562 EER = 2.80（AHRI 工况）[STD][2nd]"
        }
        "trim_chiller_cop" => {
            "风冷冷水机组，ASHRAE 90.1-2010 最低 9.562 EER = 2.80 [STD][2nd]；实际 COP 按其自身提升温差由提升模型计算"
        }
        "dx_cop" => {
            "估计：蒸发温度比 6.7 ℃ 冷水机组高约 5 K、风冷冷凝器相同，故略高于 2.8；机房空调按显热 COP 额定（AHRI 1360），未见最低值 [EST]"
        }
        "lift_independent_share" => {
            "估计：供水每升高 1 K 冷机功耗降低 2.65–2.83 %，在文献的 2–3 %/K [ANL] 及 DOE-2 曲线（6.7 ℃ 时 2.9 %/K）之内 [EST]"
        }
        "chiller_units" => "估计：三台运行机组 [EST]",
        "plant_capacity_margin" => "估计：冷站容量比所服务的末端空调高 15 % [EST]",
        "tower_approach" => {
            "估计；ASHRAE 90.1 附录 G 按 0.4 % 设计湿球温度确定基准冷却塔趋近温差 [STD][2nd] [EST]"
        }
        "condenser_range" => "AHRI 550/590 冷却水 29.4 → 34.6 ℃ [STD][2nd]",
        "min_condenser_water" => "估计：冷机冷凝压力下限 [EST]",
        "economiser_hx_approach" => "估计：板式换热器 1–2 K [EST]",
        "dry_economiser_approach" => "估计：干式盘管 4–8 K [EST]",
        "free_cooling_fan_share" => "估计 [EST]",
        "tower_fan_share" => {
            "ASHRAE 90.1 附录 G 冷却塔 38.2 gpm/hp = 每 kW 风机 3.23 L/s；温差 5.6 K 时 1 L/s 排热 23.4 kW → 1.3 % [STD][2nd]"
        }
        "chilled_water_pumps" => "ASHRAE 90.1 附录 G 22 W/gpm，温差 5.6 K ≈ 1.5 % [STD][2nd]",
        "condenser_water_pumps" => "ASHRAE 90.1 附录 G 19 W/gpm，温差 5.6 K ≈ 1.5 % [STD][2nd]",
        "pump_fixed_fraction" => "估计：既有冷站的一次泵定流量运行 [EST]",
        "adiabatic_effectiveness" => {
            "估计：厂商数据差异很大（Evapco 测试了 10 种湿帘 [MFR]）；取 0.8 时设计工况下空气与湿球温度相差 6–7 K，与厂商报价一致 [MFR][2nd] [EST]"
        }
        "crah_fan_power" => {
            "估计：每 kW 0.069–0.083 m³/s（温差 10–12 K）、350–450 Pa、风机–电机–变频效率 0.55–0.6 → 0.04–0.07 kW/kW；EC 风机取低值 [EST]"
        }
        "crac_fan_power" => "估计：前向离心风机 400–500 Pa、效率 0.45–0.5 → 0.07–0.09 kW/kW [EST]",
        "fan_min_speed" => {
            "估计：精密空调维持地板下静压且冗余机组全部运行（风机按压力设定点调节 [ANL]）[EST]"
        }
        "airflow_margin" => {
            "估计：45 个审计站点的运行制冷能力平均为 IT 负载的 3.9 倍（Upsite [ANL]）[EST]"
        }
        "dx_return_air" => "估计：传统机房空调设定点 [EST]",
        "dx_sensible_heat_ratio" => "估计 [EST]",
        "dx_cycling_loss" => "估计：部分负荷系数 1 − Cd·(1 − PLR) [EST]",
        "dx_economiser_span" => "估计 [EST]",
        "distribution_no_load" => {
            "估计：干式变压器空载（铁芯）损耗；连同负载损耗在 35 % 负载时效率 98.2 %，在 NEMA TP-1 的 97–98.8 % 之内 [STD][2nd] [EST]"
        }
        "distribution_load_loss" => "普通干式变压器负载损耗为空载损耗的 4–6 倍（取 5 倍）[ANL]",
        "electrical_heat_to_air" => "估计：UPS、配电及开关室由机房风冷系统冷却 [EST]",
        "lighting_power_density" => {
            "估计：低于 GB 50034-2004 对 500 lx 房间的 15–18 W/m² [STD][2nd]；LED 机房更低 [EST]"
        }
        "support_area_ratio" => "估计 [EST]",
        "lighting_on_fraction" => "估计：传统机房全天照明；设人员感应控制时为 0.2–0.3 [EST]",
        "misc_per_it_capacity" => "估计 [EST]",
        "tech_loop_pressure_drop" => {
            "CDU 与分水器压差 0.5–3 bar（resistancezero.com [ANL]）；OCP 机柜泵单元向 100 kW 机柜供 150 L/min，压头 ≤ 40 psi = 2.76 bar [STD][2nd]"
        }
        "immersion_loop_pressure_drop" => {
            "估计：未找到公开的液冷槽泵数据；槽内流速低，板式换热器中液体黏度高 [EST]"
        }
        "facility_loop_pressure_drop" => "估计：CDU 一次侧约 0.5–1 bar，管路与盘管 1.5–2 bar [EST]",
        "door_loop_pressure_drop" => "估计：背门盘管、软管及背门 CDU [EST]",
        "facility_loop_delta_t" => "估计：CDU 一次侧 W32 供水、40 °C 回水 [EST]",
        "pump_efficiency" => {
            "运行良好的泵组电机至水综合效率 60–75 %（midstreamcalculator.com [2nd]；定义见 Rishel《HVAC Pump Handbook》[2nd]）；取下限 [EST]"
        }
        "liquid_pump_fixed_fraction" => "估计 [EST]",
        "dry_cooler_approach" => "估计：干冷器 4–8 K [EST]",
        "dry_cooler_fan_share" => {
            "估计：每 kW 0.10 m³/s（空气温升 8 K）、125 Pa、效率 0.5 → 26 W/kW [EST]"
        }
        "dry_cooler_min_speed" => "估计 [EST]",
        "design_margin" => "估计：气候平均值为日最高温度的平均 [EST]",
        "trim_margin" => "估计 [EST]",
        "facility_water_extension_per_kw" => {
            "估计：既有冷源时室外及一次侧约占约 7,100 元/kW 冷板系统的 20 %（长江证券 [ANL]）≈ 1,400 元/kW，新建干冷器及管路时上调；以中国大陆中等规格 7.11 百万美元/MW 建设成本中冷却占 15–20 %（Cushman & Wakefield 亚太 2025 [ANL]，占比 [2nd]）为上限 [EST]"
        }
        "facility_water_extension_lead_time" => {
            "冷机交货 30–40 周，最长 110 周（Cushman & Wakefield 美国成本指南 2025 [ANL]），加上设计与安装：40 周 [EST]"
        }
        "air_plant_addition_lead_time" => {
            "精密空调交货 28–36 周，冷机 30–40 周（Cushman & Wakefield 美国成本指南 2025 [ANL]）：36 周"
        }
        "electrical_upgrade_per_kw" => {
            "估计，偏低：电气约占建设成本 40–50 % [2nd] × 中国 7.11、美国 11.7 百万美元/MW（Cushman & Wakefield 2025 [ANL]）× ¼（改造范围：UPS、母线槽、PDU）[EST]"
        }
        "electrical_upgrade_lead_time" => {
            "UPS 交货 28–36 周，PDU 24–32 周（Cushman & Wakefield 美国成本指南 2025 [ANL]）：36 周；涉及中压开关柜时 48 周"
        }
        "facility_water_extension_supply" => {
            "W32 等级（ASHRAE TC 9.9 [STD][2nd]），30 °C 供水，与示例站点的干冷器设计一致 [EST]"
        }
        "trim_chiller_per_kw" => {
            "估计：不含末端的风冷冷水机组，约为精密空调加冷机容量 2,500–3,500 元/kW（air_added_capacity_per_kw）的 40 % [EST]"
        }
        "chilled_water_supply" => "传统设定 6–7 ℃，新建机房 10–15 ℃ [ANL]；既有机房取 10 ℃ [EST]",
        "chilled_water_delta_t" => "7/12 ℃ 冷冻水供回水，常规设计惯例 [EST]",
        "economiser_approach" => "估计：干冷器与板式换热器趋近温差 4–6 K [EST]",
        "air_fan_share" => {
            "估计：既有机房精密空调风机占风冷热量的 6–10 %，运行制冷能力平均为 IT 负载的 3.9 倍（Upsite，45 个站点 [ANL]）[EST]"
        }
        "heat_rejection_fan_share" => "估计：干冷器风机占排热量的 1.5–3 % [EST]",
        "chilled_water_pump_share" => "估计：冷冻水泵与冷却水泵占输送热量的 2–4 % [EST]",
        "pump_share" => "循环泵功耗占液冷热负荷的 0.5–1.5 % [EST]",
        "electrical_loss_share" => "估计：UPS 与配电损耗占 IT 负载的 4–8 % [EST]",
        "misc_share" => "估计：照明及辅助用电占 IT 负载的 1–3 % [EST]",
        "wue" => "估计：蒸发冷却耗水 1.5–2.0 L/kWh [EST]",
        "grid_emission_factor" => {
            "全国电网平均排放因子（2022 年）0.5703 kg CO₂/kWh（生态环境部 2024 年发布 [GOV]）；美国 eGRID 2022 约 0.373 [GOV]"
        }
        "electricity" => {
            "广东备案电价 0.75 元/kWh [GOV]；美国弗吉尼亚州工业电价 8.92 美分/kWh（EIA 2023 [GOV]）"
        }
        "cold_plate_stock_per_kw" => {
            "冷板式初始投资约 7,100 元/kW（分析机构转载 [ANL]）；液冷改造约 200 万美元/MW（STL Partners 2026 [ANL]）"
        }
        "cold_plate_new_per_kw" => {
            "液冷约 5,000 元/kW（开源证券 2024-03-17 [ANL]）；美元值为估计 [EST]"
        }
        "l2a_stock_per_kw" => {
            "由 cold_plate_stock_per_kw 推算：7,100 元/kW 扣除室外及一次侧（约 20 %，长江证券 [ANL]）得 5,680，再扣除 CDU（750 × 每 kW 0.96 kW 容量）与设施管路（800 × 每 kW 0.8 kW 液冷热量），加液-气单元（2,000 × 0.96）≈ 6,200 元/kW；美元值按相同步骤由 2,000 推得 ≈ 1,800 [EST]"
        }
        "l2a_new_per_kw" => {
            "按 l2a_stock_per_kw 的步骤由 cold_plate_new_per_kw 推算：5,000 × 0.8 − 720 − 640 + 1,920 ≈ 4,600 元/kW；美元 1,500 × 0.8 − 105 − 120 + 432 ≈ 1,400 [EST]"
        }
        "immersion_stock_per_kw" => {
            "浸没式约 12,000 元/kW（分析机构转载 [ANL]）；美元值为估计 [EST]"
        }
        "immersion_new_per_kw" => "浸没式约 12,000 元/kW（分析机构转载 [ANL]）；美元值为估计 [EST]",
        "air_added_capacity_per_kw" => "估计：精密空调与冷水机组容量 2,500–3,500 元/kW [EST]",
        "cold_plate_kit_per_kw" => {
            "冷板约占冷板系统的 30 %（长江证券 [ANL]）× 约 7,100 元/kW [ANL] ≈ 2,100 元/kW [EST]"
        }
        "factory_premium_per_kw" => {
            "设备库中 2U CPU 服务器液冷溢价 1,500 元/0.8 kW ≈ 1,900 元/kW [EST]"
        }
        "manifold_per_rack" => {
            "冷板改造全包约 20,000 元/柜（ANL，可信度低）；分集水器约占 40 % [EST]"
        }
        "cdu_per_kw_capacity" => {
            "CDU、分集水器及机房侧约占约 7,100 元/kW 系统的 50 %（长江证券 [ANL]）；CDU 约 750 元/kW [EST]"
        }
        "l2a_per_kw_capacity" => {
            "估计，可信度低：液–液 CDU 单价（750 元 / 110 美元每 kW）加上约一台列间空调大小的风冷盘管与风机墙；未找到公开价格 [EST]"
        }
        "piping_per_kw" => {
            "机房侧管路包含在 CDU/分集水器/机房侧约 50 % 的份额内（长江证券 [ANL]）[EST]"
        }
        "labour_per_server" => "估计：每台服务器 1–2 个技术工时 [EST]",
        "downtime_hours_per_rack" => "估计：每柜一个维护窗口 [EST]",
        "downtime_cost_per_rack_hour" => "估计：5–10 kW 机柜的服务损失 [EST]",
        "tank_each" => "估计：50 kW 单相液冷槽约 3,000 元/kW 散热能力 [EST]",
        "fluid_per_litre" => {
            "烃类冷却液约 10 元/kg [ANL] × 0.806 kg/L（Shell S5 X）≈ 8.1 元/L；白矿油 2–4 美元/L [2nd]"
        }
        "immersion_prep_per_server" => "估计：拆除风扇、更换导热材料、密封硬盘 [EST]",
        "floor_reinforcement_per_m2" => "估计：液冷槽下的钢支座或加固基座 [EST]",
        "contingency" => "估计：改造工程常用 10 % 不可预见费 [EST]",
        "cold_plate_maintenance" => "无一手数据；每年为冷却系统投资的 2–4 % [EST]",
        "immersion_maintenance" => "无一手数据；每年为冷却系统投资的 3–5 % [EST]",
        "fluid_top_up" => "无公开数据；每年补充充注量的 0.5–2 % [EST]",
        "water" => "估计：中国非居民用水 4–8 元/m³；美国商业用水及排污 3–5 美元/m³ [EST]",
        "air_plant_maintenance_per_kw" => "估计：约 3,000 元/kW 风冷设备的 3 %/年 [EST]",
        "rdhx_passive_each" => {
            "估计，低置信度：无公开背门价格；被动式背门投资在约 5 kW/柜时约等于精密空调投资（Coolcentric/Vette/Nova 2011 [MFR]）× 风冷设备单价，按 2026 年及 35 kW 盘管上调 [EST]"
        }
        "rdhx_active_each" => "估计，低置信度：约为被动式背门的 2.5 倍 [EST]",
        "rdhx_install_each" => "估计；更换背门无需服务器停机（Park Place 2026 [2nd]）[EST]",
        "rdhx_maintenance" => "无一手数据；每年为背门投资的 3 %，同冷板 [EST]",
        "horizon_years" => "估计：冷却设备寿命 10–15 年 [EST]",
        "discount_rate" => "中国社会折现率 8 %（《建设项目经济评价方法与参数》第三版 [STD]）",
        "first_year" => "规划年份，请在文件中设定 [EST]",
        _ => return None,
    })
}
