//! In-app help: the method, the site-file format, the analyses and the import, bundled in
//! the binary from `docs/*.md` and shown readably ([`crate::markdown`]) in a window with a
//! table of contents; a short summary in the reader's language above each.
//!
//! Owns: the bundled documents and the help window's view state (parsed blocks, the chosen
//! heading). Never touches: files at run time.

use std::sync::OnceLock;

use egui::{Context, RichText};

use crate::command::Command;
use crate::markdown::{self, Block};
use coolplan_words::gui::Gui;
use coolplan_words::{Lang, Text};

/// A bundled document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HelpDoc {
    Method,
    Format,
    Analysis,
    Import,
}

impl HelpDoc {
    pub const ALL: [HelpDoc; 4] = [
        HelpDoc::Method,
        HelpDoc::Format,
        HelpDoc::Analysis,
        HelpDoc::Import,
    ];
    fn index(self) -> usize {
        self as usize
    }
    fn title(self, lang: Lang) -> &'static str {
        use coolplan_words::dashboard::Dash;
        match self {
            HelpDoc::Method => Gui::HelpMethod.tr(lang),
            HelpDoc::Format => Gui::HelpFormat.tr(lang),
            HelpDoc::Analysis => Dash::HelpAnalysis.tr(lang),
            HelpDoc::Import => Dash::HelpImport.tr(lang),
        }
    }
    /// A summary in the reader's language (the documents are in English).
    fn summary(self, lang: Lang) -> Option<&'static str> {
        match self {
            HelpDoc::Method => Some(Gui::HelpMethodText.tr(lang)),
            HelpDoc::Format => Some(Gui::HelpFormatText.tr(lang)),
            _ => None,
        }
    }
}

/// The documents, in [`HelpDoc::ALL`] order: file name and text.
pub const DOCUMENTS: [(&str, &str); 4] = [
    ("docs/method.md", include_str!("../../../docs/method.md")),
    (
        "docs/site-format.md",
        include_str!("../../../docs/site-format.md"),
    ),
    (
        "docs/analysis.md",
        include_str!("../../../docs/analysis.md"),
    ),
    ("docs/import.md", include_str!("../../../docs/import.md")),
];

/// The parsed blocks of `doc` (parsed once).
fn blocks(doc: HelpDoc) -> &'static [Block] {
    static PARSED: OnceLock<Vec<Vec<Block>>> = OnceLock::new();
    &PARSED.get_or_init(|| {
        DOCUMENTS
            .iter()
            .map(|(_, text)| markdown::parse(text))
            .collect()
    })[doc.index()]
}

/// Draws the help window on `doc`; `jump` is the heading chosen in the contents, kept
/// between frames by the caller.
pub fn window(
    ctx: &Context,
    doc: HelpDoc,
    jump: &mut Option<usize>,
    lang: Lang,
    out: &mut Vec<Command>,
) {
    let mut open = true;
    egui::Window::new(doc.title(lang))
        .id(egui::Id::unique("help_window"))
        .open(&mut open)
        .default_size([860.0, 620.0])
        .resizable(true)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                for other in HelpDoc::ALL {
                    if ui
                        .selectable_label(other == doc, other.title(lang))
                        .clicked()
                        && other != doc
                    {
                        *jump = None;
                        out.push(Command::ShowModal(crate::state::Modal::Help(other)));
                    }
                }
            });
            ui.separator();
            let blocks = blocks(doc);
            let chosen = jump.take();
            ui.horizontal_top(|ui| {
                egui::ScrollArea::vertical()
                    .id_salt("help_contents")
                    .max_width(220.0)
                    .show(ui, |ui| {
                        ui.set_width(210.0);
                        for (i, level, text) in markdown::headings(blocks) {
                            if level > 2 {
                                continue;
                            }
                            let text = if level == 1 {
                                RichText::new(text).strong()
                            } else {
                                RichText::new(text)
                            };
                            if ui.link(text).clicked() {
                                *jump = Some(i);
                            }
                        }
                    });
                ui.separator();
                egui::ScrollArea::vertical()
                    .id_salt(("help_text", doc.index()))
                    .show(ui, |ui| {
                        if let Some(summary) = doc.summary(lang) {
                            egui::Frame::group(ui.style()).show(ui, |ui| {
                                ui.label(summary);
                            });
                        }
                        markdown::show(ui, blocks, chosen);
                    });
            });
        });
    if !open {
        out.push(Command::CloseModal);
    }
}
