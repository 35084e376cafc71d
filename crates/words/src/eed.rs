//! Texts of the EU data-centre reporting export (Delegated Regulation (EU) 2024/1364): the
//! name of each field and why a field is empty.
//!
//! Owns: wording only; which fields there are and their values: `coolplan_report::eed`.

crate::texts! {
    /// EED export texts.
    Eed {
        DcName => "Name of the data centre", "数据中心名称";
        Owner => "Owner", "所有者";
        Operator => "Operator", "运营者";
        Location => "Location (Eurostat LAU code)", "位置（欧盟统计局 LAU 代码）";
        DcType => "Type of data centre", "数据中心类型";
        EntryIntoOperation => "Year and month of entry into operation", "投入运行的年月";
        RedundancyElectrical => "Redundancy level of the electrical infrastructure", "电气基础设施冗余等级";
        RedundancyCooling => "Redundancy level of the cooling infrastructure", "制冷基础设施冗余等级";
        InstalledItPower => "Installed information technology power demand", "已安装信息技术设备功率需求";
        FloorAreaTotal => "Total floor area of the data centre", "数据中心总建筑面积";
        FloorAreaComputerRoom => "Computer room floor area", "机房面积";
        EnergyTotal => "Total energy consumption of the data centre", "数据中心总能耗";
        EnergyBackup => "Energy from back-up generators", "备用发电机发电量";
        EnergyIt => "Total energy consumption of the IT equipment", "IT 设备总能耗";
        WaterInput => "Total water input", "总取水量";
        WaterPotable => "Total potable water input", "饮用水取水量";
        HeatReused => "Waste heat reused", "余热回收利用量";
        HeatTemperature => "Average waste heat temperature", "余热平均温度";
        IntakeSetpoint => "Set point of the IT equipment's intake air temperature", "IT 设备进风温度设定值";
        RenewableTotal => "Total renewable energy consumption", "可再生能源消耗总量";
        RenewableSplit => "Renewable energy by origin (guarantees of origin, PPAs, on-site)", "可再生能源按来源（来源担保、购电协议、现场）";
        IctServers => "ICT capacity for servers", "服务器 ICT 容量";
        IctStorage => "ICT capacity for storage", "存储 ICT 容量";
        Traffic => "Incoming and outgoing data traffic", "进出数据流量";
        DataStored => "Amount of data stored and processed", "存储和处理的数据量";
        Pue => "Power usage effectiveness (PUE)", "电能利用效率（PUE）";
        Wue => "Water usage effectiveness (WUE)", "水利用效率（WUE）";
        Erf => "Energy reuse factor (ERF)", "能源再利用系数（ERF）";
        Ref => "Renewable energy factor (REF)", "可再生能源系数（REF）";
        Modelled => "modelled: the recommended plan in {0} (docs/method.md §14)", "模型计算：推荐方案 {0} 年数据（docs/method.md §14）";
        DesignIt => "modelled: the site's design IT power on air", "模型计算：站点风冷时的设计 IT 功率";
        HallAreas => "the halls' white-space areas summed (site file)", "各机房可用面积之和（站点文件）";
        FromProfile => "from the site file ({0})", "取自站点文件（{0}）";
        NotGiven => "not in the site file: add {0}", "站点文件中没有：请填写 {0}";
        NotModelled => "not modelled by coolplan: fill in from metering or records", "coolplan 未建模：请根据计量或记录填写";
        WaterTowers => "modelled: the cooling towers' make-up water of the recommended plan in {0}; other water uses are not modelled", "模型计算：推荐方案 {0} 年冷却塔补水量；其他用水未建模";
        PotableUnknown => "not modelled: the share of the input that is potable is not known", "未建模：取水中饮用水所占比例未知";
        RenewableFromShare => "the site file's renewable share × total energy", "站点文件的可再生能源比例 × 总能耗";
        SplitUnknown => "not modelled: the site file gives one renewable share, not its origin", "未建模：站点文件只给出一个可再生能源比例，不分来源";
        YearOutside => "the reporting year {0} lies outside the study ({1}–{2}): use --year within it", "报告年份 {0} 不在研究期（{1}–{2}）内：请用 --year 指定研究期内的年份";
        NoPlanYears => "the study has no plan year to report", "研究期内没有可报告的规划年度";
        EedFailed => "EU reporting export failed: {0}", "欧盟报告导出失败：{0}";
    }
}
