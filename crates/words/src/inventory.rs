//! Texts of the app's inventory at scale: selection and bulk edits, copy and paste of rows
//! as tab-separated text, the cooling-rule column, totals, and what a paste could not read.

crate::texts! {
    /// Inventory texts.
    Inv {
        Selected => "{0} selected", "已选 {0} 个";
        Apply => "Set", "应用";
        ClearSelection => "Clear selection", "取消选择";
        SelectTip => "Click selects a row; Ctrl+click adds or removes it; Shift+click selects the range. Double-click opens the Rack view.", "单击选择一行；Ctrl+单击增减；Shift+单击选择范围。双击打开机柜视图。";
        BulkCount => "Count", "数量";
        BulkStatus => "Status", "状态";
        BulkModel => "Model", "型号";
        BulkCooling => "Cooling rule", "冷却规则";
        BulkTip => "Applies to every selected rack group at once (one undo step).", "一次应用到所有选中的机柜组（可一步撤销）。";
        Copy => "Copy rows", "复制行";
        CopyTip => "Copy the selected rows (or every row shown) as tab-separated text for a spreadsheet (Ctrl+C).", "将选中的行（未选择时为全部显示的行）复制为制表符分隔文本，可粘贴到电子表格（Ctrl+C）。";
        Paste => "Paste rows", "粘贴行";
        PasteTip => "Paste rows copied from a spreadsheet — hall, rack group, row, slot, count, servers (4 × hgx-h100), status (Stock / New 2027), cooling rule: a group of the same hall and name is updated, a new name is added (Ctrl+V, one undo step).", "粘贴从电子表格复制的行——机房、机柜组、排、位、数量、服务器（4 × hgx-h100）、状态（存量 / 新增 2027）、冷却规则：同一机房同名的机柜组被更新，新名称被添加（Ctrl+V，可一步撤销）。";
        Copied => "Copied {0} row(s) as tab-separated text", "已复制 {0} 行（制表符分隔）";
        Pasted => "Pasted {0} row(s): {1} updated, {2} added", "已粘贴 {0} 行：更新 {1} 个，新增 {2} 个";
        PasteFailed => "Nothing pasted: line {0}: {1}", "未粘贴：第 {0} 行：{1}";
        PasteEmpty => "Nothing pasted: the clipboard holds no rows", "未粘贴：剪贴板中没有行";
        UnknownHall => "no hall is named \"{0}\"", "没有名为 \"{0}\" 的机房";
        MissingName => "a row needs a hall and a rack-group name", "每行需要机房和机柜组名称";
        BadCount => "\"{0}\" is not a whole number", "\"{0}\" 不是整数";
        BadServers => "\"{0}\" is not a server list such as 4 × hgx-h100 + 2 × cpu-2u", "\"{0}\" 不是服务器列表，例如 4 × hgx-h100 + 2 × cpu-2u";
        BadStatus => "\"{0}\" is not a status (Stock, or New and a year)", "\"{0}\" 不是状态（存量，或新增加年份）";
        BadCooling => "\"{0}\" is not a cooling rule (any, only cold plate, not immersion …)", "\"{0}\" 不是冷却规则（不限、仅冷板式液冷、排除单相浸没式液冷……）";
        ColCooling => "Cooling rule", "冷却规则";
        RuleAny => "any option", "不限";
        RuleOnly => "only {0}", "仅{0}";
        RuleNot => "not {0}", "排除{0}";
        RuleTip => "Options this group may take (saved in the site file as cooling: Force(..) or Exclude([..])); a ruled-out option counts as infeasible for the group.", "该机柜组可采用的方案（以 cooling: Force(..) 或 Exclude([..]) 保存在站点文件中）；被排除的方案对该组视为不可行。";
        Totals => "Total of {0} groups shown: {1} racks · {2} servers · {3} IT at design", "所示 {0} 个机柜组合计：{1} 个机柜 · {2} 台服务器 · IT 设计功率 {3}";
        TotalsTip => "Sums over the rows shown (the filter applies): racks are each group's count; servers and IT power are per rack × racks, IT power at each group's design kW per rack.", "对所示各行求和（受筛选影响）：机柜数为各组数量之和；服务器数与 IT 功率按每柜数值 × 机柜数计算，IT 功率取各组每柜设计功率。";
        NoneSuits => "none suits", "无可行方案";
        NoneSuitsTip => "No option suits this rack group (air, cold plate and immersion are each infeasible): double-click it for the reasons of each option in the Rack view.", "没有适用于该机柜组的方案（风冷、冷板式液冷、单相浸没式液冷均不可行）：双击查看机柜视图中各方案的原因。";
        EditServers => "Edit the server groups of this rack group", "编辑该机柜组的服务器组";
        AddGroup => "Add rack group", "添加机柜组";
    }
}
