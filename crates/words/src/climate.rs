//! Texts of climate and weather-file errors (presets, monthly normals, EPW files).

crate::texts! {
    /// Climate and EPW messages.
    Clim {
        CannotRead => "cannot read {0}: {1}", "无法读取 {0}：{1}";
        UnknownPreset => "unknown climate preset \"{0}\"; presets: {1}", "未知的气候预设 \"{0}\"；可用预设：{1}";
        Normals => "monthly normals: {0}", "月均气候值：{0}";
        NotTwelve => "{0} has {1} values; monthly normals need 12", "{0} 有 {1} 个值；月均气候值需要 12 个";
        MinAboveMax => "month {0}: daily minimum {1} °C is above the daily maximum {2} °C", "第 {0} 月：日最低气温 {1} ℃ 高于日最高气温 {2} ℃";
        OutOfRange => "month {0}: {1} value {2} is not a finite number in range", "第 {0} 月：{1} 的值 {2} 不是有效范围内的数";
        PartialYear => "{0}: covers {1} h; a weather year needs at least 8,760 h", "{0}：仅覆盖 {1} 小时；气象年至少需要 8,760 小时";
        EpwMissingHeader => "header line {0} is missing", "缺少文件头行 {0}";
        EpwExpectedHeader => "expected header line {0}", "此处应为文件头行 {0}";
        EpwRecordsPerHour => "records per hour '{0}' is not 1–60", "每小时记录数 '{0}' 不在 1–60 之间";
        EpwTooFewFields => "{0} fields; a data record needs at least 9", "只有 {0} 个字段；数据记录至少需要 9 个";
        EpwNotANumber => "column {0} ({1}) '{2}' is not a number", "第 {0} 列（{1}）'{2}' 不是数字";
        EpwMonth => "month {0} is not 1–12", "月份 {0} 不在 1–12 之间";
        EpwDryBulb => "dry bulb {0} °C is missing or out of range (−70 to 70)", "干球温度 {0} ℃ 缺失或超出范围（−70 至 70）";
        EpwNoHumidity => "relative humidity and dew point are both missing", "相对湿度和露点温度均缺失";
        EpwNoRecords => "no data records after the 8 header lines", "8 行文件头之后没有数据记录";
        EpwAbsolute => "weather file \"{0}\" is refused: an absolute path could read any file; put the file in the site's folder (or a weather folder given with --weather-dir) and name it relative to it", "拒绝读取气象文件 \"{0}\"：绝对路径可指向任意文件；请将文件放在站点文件所在文件夹（或 --weather-dir 指定的气象文件夹）中，并使用相对路径";
        EpwParentDir => "weather file \"{0}\" is refused: \"..\" leaves the site's folder; put the file in the site's folder (or a weather folder given with --weather-dir)", "拒绝读取气象文件 \"{0}\"：\"..\" 会离开站点文件夹；请将文件放在站点文件所在文件夹（或 --weather-dir 指定的气象文件夹）中";
        EpwLinkLeaves => "weather file \"{0}\" is refused: it is a link to a file outside the site's folder; copy the file in (or give its folder with --weather-dir)", "拒绝读取气象文件 \"{0}\"：它链接到站点文件夹之外的文件；请将文件复制进来（或用 --weather-dir 指定其文件夹）";
        EpwNotAFile => "cannot read weather file {0}: it is a {1}, not a regular file", "无法读取气象文件 {0}：它是{1}，不是普通文件";
        EpwTooLarge => "weather file {0} is {1} bytes, over the limit of {2} bytes; is it the right file?", "气象文件 {0} 有 {1} 字节，超过上限 {2} 字节；文件是否正确？";
        EpwAt => "{0}:{1}:{2}: {3}", "{0}:{1}:{2}：{3}";
        EpwAtLine => "{0}:{1}: {2}", "{0}:{1}：{2}";
    }
}
