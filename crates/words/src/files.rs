//! Texts of writing files: site saves, backups, reports, and what refused them.

crate::texts! {
    /// File-writing messages (CLI and app).
    Files {
        ReadOnly => "{0} is read-only: nothing was written; make it writable or save under another name", "{0} 为只读文件：未写入任何内容；请先取消只读，或另存为其他文件";
        NotAFile => "{0} is a {1}, not a file: nothing was written", "{0} 是{1}，不是文件：未写入任何内容";
        ChangedOnDisk => "{0} changed on disk since it was read (another program or coolplan run wrote it): nothing was written; run again on the new file", "{0} 在读取之后已被修改（另一个程序或另一次 coolplan 运行写入了它）：未写入任何内容；请基于新文件重新运行";
        Locked => "{0} is being saved by another coolplan (waited 10 s): nothing was written; try again", "另一个 coolplan 正在保存 {0}（已等待 10 秒）：未写入任何内容；请稍后重试";
        TooLarge => "{0}: the site would be {1} bytes, over the {2}-byte limit of a site file, and could not be opened again: nothing was written", "{0}：站点将有 {1} 字节，超过站点文件上限 {2} 字节，写入后将无法再打开：未写入任何内容";
        StrayTemps => "{0}: removed {1} temporary file(s) left by an interrupted save", "{0}：已删除中断保存遗留的 {1} 个临时文件";
    }
}
