//! The preview: counts at the top, then one virtualised table of what the import does — a
//! line per hall added and per server group (action, hall, rack, model, count, note) — and
//! every skipped row with its line number and reason, so nothing is silently dropped.

use coolplan_words::Say;
use egui::Ui;
use egui_extras::{Column, TableBuilder};

use crate::kit::ERROR_COLOUR;
use coolplan_io::import::ImportPlan;
use coolplan_words::import::Imp;
use coolplan_words::import_gui::ImpGui;
use coolplan_words::{Lang, Text};

/// Height of the preview table's body.
const TABLE_HEIGHT: f32 = 260.0;

/// The plan's summary, one label per line (rows read, mapped, skipped; racks added, …).
pub fn counts_ui(ui: &mut Ui, plan: &ImportPlan, lang: Lang) {
    ui.strong(ImpGui::PreviewHead.tr(lang));
    for line in coolplan_words::say::import::plan_summary(plan, lang).lines() {
        ui.label(line);
    }
}

/// The preview rows, then the skipped rows; only visible rows are laid out.
pub fn table_ui(ui: &mut Ui, plan: &ImportPlan, lang: Lang) {
    let row_height = ui.spacing().interact_size.y;
    let total = plan.preview.len() + plan.skipped.len();
    TableBuilder::new(ui)
        .id_salt("import_preview")
        .striped(true)
        .resizable(true)
        .max_scroll_height(TABLE_HEIGHT)
        .min_scrolled_height(TABLE_HEIGHT.min(row_height * (total as f32 + 1.0)))
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::exact(44.0))
        .column(Column::initial(110.0).clip(true))
        .column(Column::initial(110.0).clip(true))
        .column(Column::initial(90.0).clip(true))
        .column(Column::initial(110.0).clip(true))
        .column(Column::exact(52.0))
        .column(Column::remainder().at_least(160.0).clip(true))
        .header(row_height, |mut header| {
            for text in [
                ImpGui::ColLine.tr(lang),
                Imp::ColAction.tr(lang),
                Imp::ColHall.tr(lang),
                Imp::ColRack.tr(lang),
                Imp::ColModel.tr(lang),
                Imp::ColCount.tr(lang),
                Imp::ColNote.tr(lang),
            ] {
                header.col(|ui| {
                    ui.strong(text);
                });
            }
        })
        .body(|body| {
            body.rows(row_height, total, |mut row| {
                let i = row.index();
                let cells: [String; 7] = match plan.preview.get(i) {
                    Some(p) => [
                        String::new(),
                        p.action.say(lang).to_string(),
                        p.hall.clone(),
                        p.rack.clone(),
                        p.model.clone(),
                        p.count.to_string(),
                        coolplan_words::say::import::preview_note(p, lang),
                    ],
                    None => {
                        let s = &plan.skipped[i - plan.preview.len()];
                        let reason = s.reason.say(lang);
                        let skipped = ImpGui::Skipped.tr(lang).to_string();
                        let blank = String::new;
                        [
                            s.line.to_string(),
                            skipped,
                            blank(),
                            blank(),
                            blank(),
                            blank(),
                            reason,
                        ]
                    }
                };
                let is_skipped = i >= plan.preview.len();
                for (c, cell) in cells.into_iter().enumerate() {
                    row.col(|ui| {
                        if is_skipped && c == 1 {
                            ui.colored_label(ERROR_COLOUR, cell);
                        } else if !cell.is_empty() {
                            ui.add(egui::Label::new(cell).truncate());
                        }
                    });
                }
            });
        });
}
