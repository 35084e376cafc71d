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

/// The documents' texts (`docs/*.md` compiled in), in [`HelpDoc::ALL`] order.
pub const DOCUMENTS: [&str; 4] = [
    include_str!("../../../docs/method.md"),
    include_str!("../../../docs/site-format.md"),
    include_str!("../../../docs/analysis.md"),
    include_str!("../../../docs/import.md"),
];

/// The parsed blocks of `doc` (parsed once).
fn blocks(doc: HelpDoc) -> &'static [Block] {
    static PARSED: OnceLock<Vec<Vec<Block>>> = OnceLock::new();
    &PARSED.get_or_init(|| DOCUMENTS.iter().map(|text| markdown::parse(text)).collect())
        [doc.index()]
}

/// Width of the table of contents beside the text.
const CONTENTS_WIDTH: f32 = 220.0;

/// The headings of levels 1 and 2 as links; a click sets `jump` to the heading's block.
fn contents(ui: &mut egui::Ui, blocks: &[Block], jump: &mut Option<usize>) {
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
                // each side lays its blocks out top to bottom, in its own scroll area
                ui.vertical(|ui| {
                    ui.set_width(CONTENTS_WIDTH);
                    egui::ScrollArea::vertical()
                        .id_salt("help_contents")
                        .show(ui, |ui| contents(ui, blocks, jump));
                });
                ui.separator();
                ui.vertical(|ui| {
                    ui.set_max_width(ui.available_width());
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
        });
    if !open {
        out.push(Command::CloseModal);
    }
}

#[cfg(test)]
mod tests {
    use egui::accesskit::Role;
    use egui_kittest::kittest::Queryable;

    use super::HelpDoc;
    use crate::command::Command;
    use crate::state::Modal;
    use coolplan_words::Lang;
    use coolplan_words::Text;
    use coolplan_words::gui::Gui;

    #[test]
    fn help_shows_the_bundled_method_with_a_chinese_summary_and_switches_to_the_file_format() {
        let mut harness = crate::test_harness::example_app([1400.0, 900.0], Lang::Zh);
        harness
            .state_mut()
            .queue(Command::ShowModal(Modal::Help(HelpDoc::Method)));
        harness.run();
        // the contents list the method's own headings, from the text compiled in
        harness.get_by_role_and_label(Role::Link, "1. Scope and counts");
        assert!(
            harness
                .query_all_by_value(Gui::HelpMethodText.tr(Lang::Zh))
                .next()
                .is_some()
        );
        harness
            .get_by_label(HelpDoc::Format.title(Lang::Zh))
            .click();
        harness.run();
        assert_eq!(
            harness.state().state.modal,
            Some(Modal::Help(HelpDoc::Format))
        );
        harness.get_by_role_and_label(Role::Link, "Syntax in five rules");
    }
}
