//! Texts of load and validation problems (parse, migration, every validation rule), used by
//! the CLI, the GUI's problem list and reports.

crate::texts! {
    /// Load and validation messages.
    Val {
        PathHall => "hall", "机房";
        PathRack => "rack", "机柜";
        PathModel => "catalog model", "目录型号";
        PathSite => "site", "站点";
        CannotRead => "cannot read {0}: {1}", "无法读取 {0}：{1}";
        NotAFile => "{0} is a {1}, not a site file", "{0} 是{1}，不是站点文件";
        KindDirectory => "directory", "目录";
        KindFifo => "named pipe (FIFO)", "命名管道 (FIFO)";
        KindSpecial => "special file", "特殊文件";
        TooLarge => "{0} is {1} bytes; site files are limited to {2} bytes", "{0} 有 {1} 字节；站点文件上限为 {2} 字节";
        NotUtf8 => "{0}:{1}:{2}: the file is not UTF-8 text (save it as UTF-8)", "{0}:{1}:{2}：文件不是 UTF-8 文本（请以 UTF-8 保存）";
        ParseError => "{0}:{1}:{2}: syntax error: {3}", "{0}:{1}:{2}：语法错误：{3}";
        NotAChoice => "`{0}` is not a valid {1} value: write one of {2}", "`{0}` 不是有效的 {1} 值：请写 {2} 之一";
        NeedsUnit => "`{0}` needs its unit: write e.g. {1}({0}); {2} units: {3}", "`{0}` 缺少单位：请写成例如 {1}({0})；{2}可用单位：{3}";
        UnknownAssumption => "`{0}` is not an assumption key: write \"group.key\", one of {1}", "`{0}` 不是假设项的键：请写成 \"组.键\"，可选：{1}";
        UnclosedString => "(the text opened on line {0} may lack its closing quote)", "（第 {0} 行开始的文本可能缺少右引号）";
        NewerVersion => "{0}: schema_version {1} is newer than this coolplan reads (version {2}); update coolplan", "{0}：schema_version {1} 比本版 coolplan 可读的版本 {2} 更新；请升级 coolplan";
        BadVersion => "{0}: schema_version {1} is not a version coolplan ever wrote (this build writes {2})", "{0}：schema_version {1} 不是 coolplan 的任何版本（本版写入 {2}）";
        Migrated => "{0}: migrated from schema_version {1} to {2}; run `coolplan fmt` to save it", "{0}：已从 schema_version {1} 迁移到 {2}；运行 `coolplan fmt` 保存";
        SaveIo => "cannot write {0}: {1}", "无法写入 {0}：{1}";
        SaveSerialize => "cannot write the site as RON: {0}", "无法将站点写成 RON：{0}";
        SaveNoFileName => "{0} has no file name", "{0} 没有文件名";
        InvalidFile => "{0}: {1} error(s), {2} warning(s)", "{0}：{1} 个错误，{2} 个警告";
        UnknownModel => "unknown catalog model \"{0}\"", "未知的目录型号 \"{0}\"";
        DidYouMean => "; did you mean \"{0}\"?", "；是否应为 \"{0}\"？";
        DuplicateHall => "hall name \"{0}\" is used twice", "机房名称 \"{0}\" 重复";
        DuplicateRack => "rack name \"{0}\" is used twice in this hall", "机柜名称 \"{0}\" 在本机房内重复";
        DuplicateModel => "catalog id \"{0}\" is defined twice in this file", "目录编号 \"{0}\" 在本文件中定义了两次";
        EmptyName => "the name is empty", "名称为空";
        NotFinite => "the value {0} is not a finite number", "数值 {0} 不是有限数";
        Negative => "the value {0} cannot be negative", "数值 {0} 不能为负";
        NotPositive => "the value {0} must be greater than zero", "数值 {0} 必须大于零";
        FractionOutOfRange => "the fraction {0} must lie between 0 and 1", "比例 {0} 必须在 0 到 1 之间";
        BelowAbsoluteZero => "the temperature {0} is below absolute zero", "温度 {0} 低于绝对零度";
        RackOverfull => "servers take {0} U but the rack has {1} U", "服务器共占 {0} U，但机柜只有 {1} U";
        YearOutOfRange => "the year {0} is outside {1}–{2}", "年份 {0} 超出 {1}–{2} 范围";
        CurrencyMismatch => "this price is in {0} but the site's currency is {1}; amounts are never converted", "此价格以 {0} 计，但站点货币为 {1}；金额不做汇率换算";
        CountOverflow => "the number of servers overflows (racks × servers is too large to count)", "服务器数量溢出（机柜数 × 服务器数过大）";
        TooManyRacks => "{0} racks is beyond the sanity limit of {1}", "{0} 个机柜超出合理上限 {1}";
        AbovePlausible => "{0} is above the plausible maximum of {1}: a typing error (kW for W, an extra zero)?", "{0} 超过合理上限 {1}：是否输入有误（单位或多了一个零）？";
        BelowPlausible => "{0} is below the plausible minimum of {1}: a typing error?", "{0} 低于合理下限 {1}：是否输入有误？";
        Huge => "{0} is too large to be a real value (over 10¹⁵ in SI units)", "{0} 过大，不可能是真实数值（国际单位制下超过 10¹⁵）";
        RackScaleNotAlone => "the rack-scale system \"{0}\" fills its rack: it must be the only server group, with count 1", "整机柜系统 \"{0}\" 占满整个机柜：必须是唯一的服务器组且数量为 1";
        UnknownPreset => "unknown climate preset \"{0}\" (presets: {1})", "未知的气候预设 \"{0}\"（可选：{1}）";
        MonthlyLength => "{0} values given; monthly normals need 12", "给出了 {0} 个值；月均值需要 12 个";
        HumidityOutOfRange => "relative humidity {0} % must lie between 0 and 100", "相对湿度 {0} % 必须在 0 到 100 之间";
        PueBelowOne => "a PUE of {0} is impossible: PUE is at least 1", "PUE {0} 不可能：PUE 至少为 1";
        PeakBelowAverage => "the peak {0} is below the average {1}", "峰值 {0} 低于平均值 {1}";
        BadDate => "\"{0}\" is not a date written YYYY-MM-DD", "\"{0}\" 不是 YYYY-MM-DD 格式的日期";
        BadSourceDate => "\"{0}\" is not a source date: write YYYY, YYYY-MM or YYYY-MM-DD", "\"{0}\" 不是有效的来源日期：请写成 YYYY、YYYY-MM 或 YYYY-MM-DD";
        SourceWithoutBasis => "the source has neither a URL (or document id) nor a note saying what it rests on", "该来源既无网址（或文档编号），也无说明其依据的备注";
        DuplicateAlias => "the alias \"{0}\" already names the model \"{1}\"", "别名 \"{0}\" 已用于型号 \"{1}\"";
        ServiceLifeUnusual => "a service life of {0} is outside the usual 2–15 years", "使用寿命 {0} 超出常见范围 2–15 年";
        HorizonOutOfRange => "a horizon of {0} years is outside 1–100", "{0} 年的研究期超出 1–100 范围";
        NoChilledWaterToTap => "CDUs cannot be tapped into chilled water: the hall's air plant is DX CRAC units, which have none (use DryCooler)", "CDU 无法接入冷冻水：该机房空调为 DX 直膨式机组，没有冷冻水（请改用 DryCooler）";
        GpuUnderTwoKw => "a GPU server drawing at most {0} is suspiciously low (GPU servers draw 2 kW or more)", "GPU 服务器最大功率仅 {0}，偏低可疑（GPU 服务器通常不低于 2 kW）";
        RackOver150Kw => "one rack draws {0} at maximum, over 150 kW", "单个机柜最大功率 {0}，超过 150 kW";
        UtilisationUnusual => "utilisation {0} is outside the usual 0.05–0.95", "利用率 {0} 超出常见范围 0.05–0.95";
        FloorAreaExceeded => "the racks need {0} of floor with service space but the hall has {1}", "机柜（含维护空间）需要 {0} 地面面积，但机房只有 {1}";
        WaterAboveClass => "supply {0} is above the {1} class maximum of {2}", "供水温度 {0} 高于 {1} 等级的上限 {2}";
        EmptyRack => "the rack group holds no servers", "该机柜组没有服务器";
        InstalledAfterStudy => "installed in {0}, after the study's last year {1}", "安装于 {0} 年，晚于研究末年 {1}";
        InstalledOnNewServers => "new servers are installed in their arrival year: give `installed` for stock servers only", "新服务器于到货年安装：`installed` 仅用于存量服务器";
        ArrivesBeforeStudy => "new servers arrive in {0}, before the study's first year {1}", "新服务器于 {0} 年到货，早于研究起始年 {1}";
        PueHigh => "a measured PUE of {0} is unusually high", "实测 PUE {0} 异常偏高";
        UnknownRegion => "unknown region \"{0}\": write CN, CN- and a province code (CN-BJ), DE or another EU member state code, EU, or OTHER", "未知地区 \"{0}\"：请写 CN、CN-省份代码（如 CN-BJ）、DE 或其他欧盟成员国代码、EU 或 OTHER";
        NewSiteWithoutCommissioning => "a new site needs its commissioning date (commissioned: Some(\"YYYY-MM\"))", "新建站点须给出投运日期（commissioned: Some(\"YYYY-MM\")）";
        DuplicateAim => "the aim {0} is listed twice", "目标 {0} 重复列出";
        CopAtMostOne => "a heat pump COP of {0} is impossible: it must exceed 1", "热泵 COP {0} 不可能：必须大于 1";
        MonthOutOfRange => "month {0} is not 1–12", "月份 {0} 不在 1–12 之间";
        DuplicateMonth => "month {0} is listed twice", "月份 {0} 重复列出";
        ComplyByOutsideStudy => "comply_by {0} lies outside the study's years {1}–{2}", "comply_by {0} 不在研究期 {1}–{2} 年内";
        CoolingExcludesAll => "the cooling rule excludes every option: the rack group could not be cooled", "冷却规则排除了所有方案：该机柜组无法冷却";
        CoolingRuleUnoffered => "the cooling rule leaves the rack group only options the site does not offer (cooling_options)", "冷却规则只给该机柜组留下站点未提供的方案（cooling_options）";
        NoOptionOffered => "no cooling option is offered: list at least Air", "未提供任何冷却方案：至少列出 Air";
        AirNotOffered => "air must be offered: it is the reference every NPV is measured against (add Air)", "必须提供风冷：它是所有 NPV 的比较基准（请加上 Air）";
        OfferedTwice => "cooling_options names {0} twice", "cooling_options 重复列出 {0}";
        CoolingExcludesNothing => "the cooling rule excludes no option", "冷却规则未排除任何方案";
        CoolingListedTwice => "the cooling rule names {0} twice", "冷却规则重复列出 {0}";
        RetiredAssumption => "`{0}` belongs to the older linear energy model and has no effect: plant energy is computed from the hall's plant (docs/method.md §7); remove it or set its replacement", "`{0}` 属于旧版线性能耗模型，不起作用：动力设备能耗按机房的设备参数计算（docs/method.md §7）；请删除或改用替代参数";
    }
}
