//! Texts of the GUI import window (File › Import…): kinds, mapping step, preview and review.

crate::texts! {
    /// The import window.
    ImpGui {
        MenuImport => "Import…", "导入…";
        DialogTitle => "Import a CSV file", "导入 CSV 文件";
        WindowTitle => "Import {0}", "导入 {0}";
        Kind => "File kind", "文件类型";
        Detected => "detected: {0}", "识别为：{0}";
        NotDetected => "layout not recognised: map the columns", "未识别列布局：请映射各列";
        KindNetBox => "NetBox device export", "NetBox 设备导出";
        KindOpenDcim => "openDCIM device export", "openDCIM 设备导出";
        KindGeneric => "Spreadsheet (map the columns)", "通用表格（映射各列）";
        KindInventory => "coolplan inventory", "coolplan 清单";
        KindMeasured => "Measured rack power", "机柜实测功率";
        MappingHead => "Columns", "列映射";
        MappingRemembered => "mapping remembered for this header", "已使用为此表头记住的映射";
        MappingGuessed => "mapping guessed from the column names: check it", "映射依据列名推测：请核对";
        NoColumn => "(none)", "（无）";
        MapHall => "Hall column", "机房列";
        MapRack => "Rack column", "机柜列";
        MapModel => "Model column", "型号列";
        MapManufacturer => "Manufacturer column", "厂商列";
        MapRole => "Role column", "设备角色列";
        MapCount => "Count column", "数量列";
        MapPower => "Power column", "功率列";
        MapStatus => "Status column", "状态列";
        MapYear => "Year column", "年份列";
        MapPosition => "Position column", "位置列";
        MapHeight => "Height column", "高度列";
        TargetHall => "Hall for rows without one", "无机房信息的行放入";
        PreviewHead => "Preview", "预览";
        ColLine => "line", "行号";
        Skipped => "skipped", "跳过";
        ReviewHead => "Device types not in the catalog", "不在目录中的设备型号";
        ReviewType => "{0} ({1} row(s), lines {2})", "{0}（{1} 行，行号 {2}）";
        Suggested => "suggested: {0}", "建议：{0}";
        Accept => "Accept {0}", "采用 {0}";
        AssignTo => "Catalog model for {0}", "{0} 对应的目录型号";
        LeaveSkipped => "(leave skipped)", "（保持跳过）";
        NoReview => "every device type is in the catalog", "所有设备型号均在目录中";
        Apply => "Apply", "应用";
        Cancel => "Cancel", "取消";
        NothingToApply => "nothing to apply: the import changes nothing", "无可应用内容：导入不改变站点";
        Imported => "Imported {0}: {1}", "已导入 {0}：{1}";
        OpenFailed => "Cannot import {0}: {1}", "无法导入 {0}：{1}";
        MeasuredPower => "average {0}, peak {1} ({2}): used in place of nameplate × utilisation", "平均 {0}，峰值 {1}（{2}）：替代铭牌功率 × 利用率";
    }
}
