//! Texts of the command-line interface.

crate::texts! {
    /// CLI messages.
    Cli {
        FileOk => "{0}: ok", "{0}：通过";
        FileInvalid => "{0}: {1} problem(s)", "{0}：{1} 个问题";
        Warning => "warning", "警告";
        Error => "error", "错误";
        Formatted => "{0}: formatted", "{0}：已格式化";
        Unchanged => "{0}: already canonical", "{0}：已是规范格式";
        NoDisplay => "coolplan: no display found for the window. Headless commands: coolplan check | fmt | report | generate (see coolplan --help).", "coolplan：未找到图形显示。可用的命令行功能：coolplan check | fmt | report | generate（见 coolplan --help）。";
    }
}
