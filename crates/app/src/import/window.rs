//! The import window's state and layout: kind, mapping step (spreadsheets), counts, preview
//! table, review list, Apply / Cancel. The plan is remade whenever the kind, mapping, review
//! answers, target hall, language or the site change.

use coolplan_words::Say;
use std::collections::BTreeMap;
use std::path::Path;

use egui::{Id, Ui};

use super::{mapping, preview, review};
use crate::command::Command;
use crate::kit::UiExt;
use coolplan_io::import::{
    ColumnMapping, CsvHeader, GENERIC_FIELDS, ImportError, ImportFormat, ImportOptions, ImportPlan,
    MappingStore, guess_mapping, inspect_header, plan_import,
};
use coolplan_model::{Catalog, Site};
use coolplan_words::import_gui::ImpGui;
use coolplan_words::{Lang, Text};

/// Names the window offers from the open site: halls (target hall) and catalog models
/// (review answers).
pub struct SiteNames<'a> {
    pub halls: &'a [String],
    pub models: &'a [String],
    pub lang: Lang,
}

/// Where the spreadsheet mapping came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MappingSource {
    Remembered,
    Guessed,
}

/// What the current plan was made for: (site revision, language); `None` after a choice
/// changed.
type PlannedFor = (u64, Lang);

/// The import window: one CSV file and the choices made about it.
pub struct ImportWindow {
    /// File name (the source of measured power when the file names none).
    pub name: String,
    text: String,
    pub header: CsvHeader,
    /// Kind chosen (starts as detected; a spreadsheet when nothing is detected).
    pub format: ImportFormat,
    /// Column index per [`GENERIC_FIELDS`] entry, `None` for "no column".
    pub mapping: Vec<Option<usize>>,
    pub mapping_source: MappingSource,
    /// Device type → catalog id, answered in the review list.
    pub assigned: BTreeMap<String, String>,
    /// Hall of rows without one; the site's first hall when `None`.
    pub default_hall: Option<String>,
    plan: Result<ImportPlan, ImportError>,
    planned_for: Option<PlannedFor>,
}

impl ImportWindow {
    /// A window on `text` read from `path`, its mapping recalled from `store` or guessed.
    pub fn new(path: &Path, text: String, store: &MappingStore) -> Result<Self, ImportError> {
        let header = inspect_header(&text)?;
        let (mapping, source) = match store.get(&header.line) {
            Some(Ok(remembered)) => (remembered, MappingSource::Remembered),
            _ => (guess_mapping(&header.columns), MappingSource::Guessed),
        };
        let mapping = GENERIC_FIELDS
            .iter()
            .map(|(_, field)| {
                let column = mapping.entries.iter().find(|(f, _)| f == field)?;
                header
                    .columns
                    .iter()
                    .position(|c| c.trim().eq_ignore_ascii_case(column.1.trim()))
            })
            .collect();
        Ok(Self {
            name: path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into(),
            ),
            text,
            format: header.detected.unwrap_or(ImportFormat::Generic),
            header,
            mapping,
            mapping_source: source,
            assigned: BTreeMap::new(),
            default_hall: None,
            plan: Err(ImportError::Empty),
            planned_for: None,
        })
    }

    /// The spreadsheet mapping as chosen.
    pub fn column_mapping(&self) -> ColumnMapping {
        let entries = GENERIC_FIELDS
            .iter()
            .zip(&self.mapping)
            .filter_map(|((_, field), at)| Some((*field, self.header.columns.get((*at)?)?.clone())))
            .collect();
        ColumnMapping { entries }
    }

    /// The current plan, if the file can be planned with the current choices.
    pub fn plan(&self) -> Option<&ImportPlan> {
        self.plan.as_ref().ok()
    }

    /// Why the file cannot be planned with the current choices.
    pub fn plan_error(&self) -> Option<&ImportError> {
        self.plan.as_ref().err()
    }

    /// Marks the plan out of date (a choice changed).
    pub fn invalidate(&mut self) {
        self.planned_for = None;
    }

    /// Remakes the plan unless it was made for this site revision and language already.
    pub fn replan(&mut self, site: &Site, catalog: &Catalog, revision: u64, lang: Lang) {
        if self.planned_for == Some((revision, lang)) {
            return;
        }
        let options = ImportOptions {
            format: Some(self.format),
            mapping: (self.format == ImportFormat::Generic).then(|| self.column_mapping()),
            assigned: self.assigned.clone().into_iter().collect(),
            source: self.name.clone(),
            new_hall_notes: coolplan_words::import::Imp::NoteHallEstimates
                .tr(lang)
                .to_string(),
            default_hall: self.default_hall.clone(),
        };
        self.plan = plan_import(site, catalog, &self.text, &options);
        self.planned_for = Some((revision, lang));
    }

    /// Draws the window (a modal over the app); Apply or Cancel (also Escape) come back. A
    /// click beside the window does not close it (the choices made would be lost).
    pub fn show(&mut self, ctx: &egui::Context, site: &SiteNames) -> Option<Command> {
        let mut command = None;
        let response = egui::Modal::new(Id::unique("coolplan_import_window")).show(ctx, |ui| {
            command = self.ui(ui, site);
        });
        let escape = ctx.input(|i| i.key_pressed(egui::Key::Escape));
        if response.should_close() && escape && command.is_none() {
            command = Some(Command::CancelImport);
        }
        command
    }

    /// The window's content.
    pub fn ui(&mut self, ui: &mut Ui, site: &SiteNames) -> Option<Command> {
        let lang = site.lang;
        let width = (ui.ctx().content_rect().width() - 80.0).clamp(480.0, 1100.0);
        ui.set_width(width);
        ui.set_max_width(width);
        ui.heading(ImpGui::WindowTitle.fmt(lang, &[&self.name]));
        if mapping::kind_ui(ui, self, lang) {
            self.invalidate();
        }
        if self.format == ImportFormat::Generic && mapping::mapping_ui(ui, self, site) {
            self.invalidate();
        }
        ui.separator();
        match &self.plan {
            Ok(plan) => {
                preview::counts_ui(ui, plan, lang);
                preview::table_ui(ui, plan, lang);
                if review::review_ui(ui, plan, &mut self.assigned, site) {
                    self.invalidate();
                }
            }
            Err(error) => {
                ui.error_label(&error.say(lang));
            }
        }
        ui.separator();
        let mut command = None;
        ui.horizontal(|ui| {
            let ready = self.plan().is_some_and(ImportPlan::has_changes);
            let apply = ui.add_enabled(ready, egui::Button::new(ImpGui::Apply.tr(lang)));
            if apply.clicked() {
                command = Some(Command::ApplyImport);
            }
            if ui.button(ImpGui::Cancel.tr(lang)).clicked() {
                command = Some(Command::CancelImport);
            }
            if self.plan().is_some_and(|p| !p.has_changes()) {
                ui.label(ImpGui::NothingToApply.tr(lang));
            }
        });
        command
    }
}
