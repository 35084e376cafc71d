//! Texts of the reports (PDF, HTML, Markdown, CSV headers, text summary).

crate::texts! {
    /// Report texts.
    Rep {
        Title => "Liquid-cooling retrofit report", "液冷改造评估报告";
    }
}
