//! Fonts: egui's defaults plus Noto Sans SC (OFL, a subset shipped in `assets/fonts`) as a
//! fallback, so 简体中文 renders in proportional and monospace text.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

/// Noto Sans SC subset (CFF outlines; egui's skrifa reads them).
const NOTO_SANS_SC: &[u8] = include_bytes!("../../../assets/fonts/NotoSansSC-coolplan.otf");
const CJK_FONT_NAME: &str = "NotoSansSC";

/// egui's default fonts with the CJK font appended as fallback of both families.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        CJK_FONT_NAME.to_owned(),
        Arc::new(FontData::from_static(NOTO_SANS_SC)),
    );
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .push(CJK_FONT_NAME.to_owned());
    }
    fonts
}

/// Installs the fonts in `ctx`.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
