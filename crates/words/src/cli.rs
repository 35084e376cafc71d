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
        HelpAbout => "Plan cooling retrofits (rear doors, cold plate, liquid-to-air CDUs, immersion) of datacenter halls against air", "规划数据中心机房的制冷改造（水冷背板、冷板式液冷、液-气 CDU、单相浸没式液冷）并与风冷比较";
        HelpLang => "Language of messages: en or zh (default: from LC_ALL / LC_MESSAGES / LANG)", "消息语言：en 或 zh（默认取自 LC_ALL / LC_MESSAGES / LANG）";
        HelpFiles => "Site files (.ron)", "站点文件 (.ron)";
        HelpCheck => "Check site files: print every error and warning (exit 0 valid, 1 invalid, 2 unreadable)", "检查站点文件：列出全部错误和警告（退出码 0 有效，1 无效，2 无法读取）";
        HelpFmt => "Rewrite site files in canonical form, atomically (keeps <name>.ron.bak)", "以规范格式原子地重写站点文件（保留 <文件名>.ron.bak）";
        HelpFmtCheck => "Only report files that are not canonical (exit 1 if any); write nothing", "只报告非规范格式的文件（若有则退出码 1），不写入";
        HelpFmtForce => "Format files that hold // comments even though the comments are dropped", "即使会删除 // 注释也进行格式化";
        UnknownLang => "unknown language `{0}`: use en or zh", "未知语言 `{0}`：请用 en 或 zh";
        UnknownReportFormat => "unknown format `{0}`: pdf, html, csv, md, json, text, eed-json, eed-csv", "未知格式 `{0}`：可用 pdf、html、csv、md、json、text、eed-json、eed-csv";
        UnknownPaper => "unknown paper `{0}`: a4 or letter", "未知纸张 `{0}`：可用 a4 或 letter";
        UnknownDetail => "unknown detail level `{0}`: summary, standard or full", "未知详略程度 `{0}`：可用 summary、standard 或 full";
        UnknownImportFormat => "unknown format `{0}`: netbox, opendcim, generic, inventory, measured", "未知格式 `{0}`：可用 netbox、opendcim、generic、inventory、measured";
        NoGuiInBuild => "coolplan: this build has no GUI (made without the `gui` feature). Headless commands: coolplan check | fmt | report | analyze | import | export | generate (see coolplan --help).", "coolplan：此版本不含图形界面（编译时未启用 `gui` 功能）。可用的命令行功能：coolplan check | fmt | report | analyze | import | export | generate（见 coolplan --help）。";
        NoPdfInBuild => "PDF reports are not in this build of coolplan (made without the `pdf` feature); use --format html, md, csv, json or text", "此版本的 coolplan 不含 PDF 报告（编译时未启用 `pdf` 功能）；请使用 --format html、md、csv、json 或 text";
        ClimateFailed => "{0}: climate: {1}", "{0}：气候数据：{1}";
        HelpWeatherDir => "A folder of EPW weather files, looked in when a site's EPW file is not in the site's folder", "EPW 气象文件所在文件夹；站点引用的 EPW 文件不在站点文件夹中时在此查找";
        SamplesOutOfRange => "`{0}` samples: give 1 to 1,000,000", "`{0}` 个样本：请给出 1 到 1,000,000";
        NoDisplay => "coolplan: no display found for the window. Headless commands: coolplan check | fmt | report | generate (see coolplan --help).", "coolplan：未找到图形显示。可用的命令行功能：coolplan check | fmt | report | generate（见 coolplan --help）。";
    }
}
