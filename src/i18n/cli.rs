//! Texts of the command-line interface.

crate::texts! {
    /// CLI messages.
    Cli {
        FileOk => "{0}: ok", "{0}：通过";
        FileOkWarnings => "{0}: ok, {1} warning(s)", "{0}：通过，{1} 个警告";
        FileInvalid => "{0}: {1} problem(s)", "{0}：{1} 个问题";
        Warning => "warning", "警告";
        Error => "error", "错误";
        CausedBy => "caused by", "原因";
        Formatted => "{0}: formatted", "{0}：已格式化";
        BackupKept => "{0}: previous version kept in {1}", "{0}：旧版本保存在 {1}";
        Unchanged => "{0}: already canonical", "{0}：已是规范格式";
        NotCanonical => "{0}: not in canonical form (run `coolplan fmt {0}`)", "{0}：不是规范格式（运行 `coolplan fmt {0}`）";
        RefuseComments => "{0}: holds // comments that formatting would drop; move lasting remarks into `notes` fields, or pass --force to format anyway", "{0}：文件含有 // 注释，格式化会删除它们；请把需要保留的说明写入 `notes` 字段，或使用 --force 强制格式化";
        Summary => "{0} file(s): {1} ok, {2} invalid, {3} unreadable", "共 {0} 个文件：{1} 个通过，{2} 个无效，{3} 个无法读取";
        NoDisplay => "coolplan: no display found for the window. Headless commands: coolplan check | fmt | report | generate (see coolplan --help).", "coolplan：未找到图形显示。可用的命令行功能：coolplan check | fmt | report | generate（见 coolplan --help）。";
    }
}
