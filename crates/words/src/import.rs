//! Texts of inventory import and export: preview actions, notes, skip reasons, errors and the
//! CLI summary.

crate::texts! {
    /// Import and export messages.
    Imp {
        ActionAddHall => "add hall", "新增机房";
        ActionAddRack => "add rack", "新增机柜";
        ActionChangeRack => "change rack", "修改机柜";
        ActionUnchanged => "unchanged", "无变化";
        ActionSetMeasured => "set measured power", "写入实测功率";
        NoteHallEstimates => "created by import: floor rating (TIA-942 minimum 7.2 kPa), area (2.5 m² per rack) and air-cooling capacity (design IT load of its racks) are estimates, check them", "由导入创建：楼板承重（TIA-942 最低 7.2 kPa）、面积（每机柜 2.5 m²）和风冷容量（所含机柜的设计 IT 负载）均为估计值，请核对";
        NoteReplacesGroups => "replaces {0} server group(s) of the site", "替换站点中原有的 {0} 个服务器组";
        NoteHeightFromPositions => "height {0} U from device positions (top U{1})", "高度 {0} U，依据设备位置（最高 U{1}）";
        NotePowerDiffers => "CSV power {0} per server, catalog {1}", "CSV 中每台功率 {0}，目录为 {1}";
        NoteMatchedAlias => "'{0}' read as {1}", "“{0}”识别为 {1}";
        NoteMatchedGeneric => "'{0}' has no model of its own (no generation named, or a line the catalog lacks): read as the generic {1}; assign a closer model if known", "“{0}”没有对应的专用型号（未写明代次，或目录中无此产品线）：按通用型号 {1} 计；如已知更接近的型号请指定";
        NoteMeasuredRows => "sum of {0} rows (e.g. A and B feeds; peaks added, a safe upper bound)", "{0} 行之和（如 A、B 两路；峰值相加，为保守上限）";
        NoteMeasuredValues => "average {0}, peak {1}", "平均 {0}，峰值 {1}";
        SkipNotServer => "not a server ({0})", "不是服务器（{0}）";
        SkipNoRack => "no rack given", "未给出机柜";
        SkipNoModel => "no device type given", "未给出设备型号";
        SkipUnmatched => "device type '{0}' is not in the catalog (nearest: {1})", "设备型号“{0}”不在目录中（最接近：{1}）";
        SkipBadCount => "count '{0}' is not a whole number ≥ 1", "数量“{0}”不是 ≥ 1 的整数";
        SkipBadValue => "{0} '{1}': {2}", "{0}“{1}”：{2}";
        ValueEmpty => "empty value", "值为空";
        ValueNotANumber => "not a number", "不是数值";
        ValueNotWholeNumber => "not a whole number ≥ 0", "不是 ≥ 0 的整数";
        ValueUnknownUnit => "'{0}' is not a unit of {1} (units: {2})", "“{0}”不是{1}单位（可用单位：{2}）";
        ValueNoUnit => "a number without its unit", "数值缺少单位";
        SkipFieldCount => "row has {0} fields, the header has {1}", "该行有 {0} 个字段，表头有 {1} 个";
        SkipCsv => "unreadable CSV row: {0}", "无法读取的 CSV 行：{0}";
        SkipUnterminatedQuote => "a quote opened on this row is not closed where it should be: the rows through line {0} were read as one cell and are dropped", "本行的引号未在应有位置闭合：直到第 {0} 行的各行被读成一个单元格，已全部丢弃";
        SkipInactive => "status '{0}': not installed or being removed", "状态“{0}”：未安装或正在下线";
        SkipUnknownStatus => "status '{0}' not understood (use Active, Planned, Stock, New …)", "无法识别的状态“{0}”（可用 Active、Planned、Stock、New 等）";
        SkipRackNotInSite => "rack '{0}' is not in the site (nearest: {1})", "站点中没有机柜“{0}”（最接近：{1}）";
        SkipRackAmbiguous => "rack '{0}' is in {1} halls: add a hall column", "机柜“{0}”出现在 {1} 个机房中：请增加机房列";
        SkipPeakBelowAverage => "peak {0} is below average {1}", "峰值 {0} 低于平均值 {1}";
        SkipMissing => "no {0} value", "缺少{0}";
        FieldHall => "hall", "机房";
        FieldRack => "rack", "机柜";
        FieldModel => "model", "型号";
        FieldCount => "count", "数量";
        FieldPower => "power", "功率";
        FieldAverage => "average power", "平均功率";
        FieldPeak => "peak power", "峰值功率";
        FieldHeight => "height", "高度";
        FieldYear => "year", "年份";
        FieldShare => "retrofit share", "改造比例";
        FieldSlot => "slot", "位置号";
        ErrTooLarge => "the file is {0} MB, larger than the import limit of {1} MB", "文件大小 {0} MB，超过导入上限 {1} MB";
        ErrEmpty => "the file has no header line", "文件没有表头行";
        ErrUnknownLayout => "columns not recognised as NetBox, openDCIM, coolplan inventory or measured power; give --format generic --map hall=…,rack=…,model=…", "无法识别列布局（NetBox、openDCIM、coolplan 清单或实测功率）；请使用 --format generic --map hall=…,rack=…,model=…";
        ErrMissingColumn => "the {0} layout needs a column for {1}", "{0} 格式需要“{1}”列";
        ErrMappingEntry => "mapping entry '{0}' is not field=Column", "映射项“{0}”不是 字段=列名 的形式";
        ErrMappingField => "unknown mapping field '{0}' (fields: {1})", "未知的映射字段“{0}”（可用字段：{1}）";
        ErrMappingColumn => "no column named '{0}' in the header", "表头中没有名为“{0}”的列";
        ErrNeedsMapping => "a generic CSV needs a column mapping (--map rack=…,model=…)", "通用 CSV 需要列映射（--map rack=…,model=…）";
        SummaryRows => "{0} data rows: {1} mapped, {2} skipped", "{0} 行数据：{1} 行已映射，{2} 行跳过";
        SummaryRacks => "{0} hall(s) added, {1} rack(s) added, {2} changed, {3} unchanged", "新增机房 {0} 个，新增机柜 {1} 个，修改 {2} 个，无变化 {3} 个";
        SummaryMeasured => "measured power set on {0} rack(s)", "已为 {0} 个机柜写入实测功率";
        ColAction => "action", "操作";
        ColHall => "hall", "机房";
        ColRack => "rack", "机柜";
        ColModel => "model", "型号";
        ColCount => "count", "数量";
        ColNote => "note", "说明";
        NotUtf8 => "not UTF-8 text: save the spreadsheet as \"CSV UTF-8\"", "不是 UTF-8 文本：请将表格另存为“CSV UTF-8”";
        HeadPreview => "Preview", "预览";
        HeadSkipped => "Skipped rows", "跳过的行";
        HeadUnmatched => "Device types not in the catalog (review; assign with --assign 'TYPE=model-id')", "不在目录中的设备型号（请复核；可用 --assign '型号=目录id' 指定）";
        UnmatchedLine => "{0}: {1} row(s), nearest catalog model {2}; lines {3}", "{0}：{1} 行，最接近的目录型号 {2}；行号 {3}";
        LineReason => "line {0}: {1}", "第 {0} 行：{1}";
        DryRun => "dry run: {0} not written", "试运行：未写入 {0}";
        Written => "{0}: import applied", "{0}：导入已写入";
        RefuseMalformed => "{0} row(s) could not be read (listed above) and would be dropped: {1} not written; fix the file, or pass --accept-skipped to import without them", "有 {0} 行无法读取（见上文），将被丢弃：未写入 {1}；请修正文件，或使用 --accept-skipped 在不含这些行的情况下导入";
        RefuseInvalid => "{0} not written: the site after the import would not load", "未写入 {0}：导入后的站点无法加载";
        NotRegular => "it is a {0}, not a file", "它是{0}，不是文件";
        OverLimit => "{0} MB is larger than the import limit of {1} MB", "{0} MB 超过导入上限 {1} MB";
        Exported => "{0}: {1} row(s) written", "{0}：已写入 {1} 行";
        MappingRecalled => "using the column mapping remembered for this header ({0})", "使用为此表头记住的列映射（{0}）";
        MappingSaved => "column mapping remembered for this header in {0}", "已在 {0} 中记住此表头的列映射";
        ReadFailed => "{0}: cannot read: {1}", "{0}：无法读取：{1}";
        ImportFailed => "{0}: {1}", "{0}：{1}";
    }
}
