//! The desktop app (egui/eframe): edit a site's inventory and assumptions and see the
//! retrofit comparison live.
//!
//! Owns: app state ([`state`]), commands and undo ([`command`], [`edit`], [`undo`]), the panels
//! ([`panels`]), the UI kit ([`kit`]), file dialogs, autosave/recovery, fonts and the window.
//! Never touches: engine arithmetic (it calls [`coolplan_engine`] through [`analysis`]), file
//! formats (through [`coolplan_io`]).
//!
//! Flow of a frame: panels and menus read [`state::AppState`] through a borrowed
//! [`panels::ViewCtx`] and push [`command::Command`]s; after drawing, [`command::apply`] applies
//! them in order (recording undo points) and recomputes once if the site changed.

pub mod analysis;
pub mod command;
pub mod edit;
mod export;
pub mod field_marks;
pub mod file_dialog;
mod files;
pub mod fonts;
pub mod headline;
pub mod help;
pub mod import;
pub mod kit;
mod launch;
pub mod markdown;
mod menu;
mod modals;
pub mod panels;
pub mod recompute;
pub mod recovery;
pub mod sample;
pub mod settings;
mod start;
pub mod state;
mod status;
pub mod studies;
#[cfg(test)]
mod test_harness;
pub mod tsv;
pub mod undo;
mod words;

use std::path::PathBuf;

use egui::Ui;

pub use launch::{Launch, run};

use command::{Command, apply};
use file_dialog::FileDialogs;
use panels::{Panel, Panels, ViewCtx};
use recovery::{AUTOSAVE_INTERVAL_S, RecoveryStore};
use settings::{Settings, Theme};
use state::{AppState, Document, Modal, Recompute, View};

/// How often the UI looks for the result of a background recompute.
const RECOMPUTE_POLL: std::time::Duration = std::time::Duration::from_millis(15);
/// How often a running Monte Carlo's progress is redrawn.
const PROGRESS_POLL: std::time::Duration = std::time::Duration::from_millis(50);

use coolplan_words::Text;
use coolplan_words::gui::Gui;

/// The app: state, panels and the shell services (dialogs, recovery).
pub struct CoolplanApp {
    pub state: AppState,
    pub panels: Panels,
    pub dialogs: FileDialogs,
    pub recovery: RecoveryStore,
    /// Commands queued from outside the UI (tests, start-up).
    pub queued: Vec<Command>,
    last_autosave_s: f64,
    applied_theme: Option<(Theme, coolplan_words::Lang)>,
    /// The window title last sent (file name, unsaved marker, app name).
    applied_title: String,
    /// CPU time of the previous frame (eframe), for the status bar.
    pub frame_ms: Option<f32>,
    /// The help window's chosen heading (view state).
    help_jump: Option<usize>,
}

impl CoolplanApp {
    /// An app on `doc` with `settings`; offers recovery when `recovery` holds unsaved work.
    /// [`Self::with_start_page`] adds the start page.
    pub fn new(
        doc: Document,
        settings: Settings,
        recovery: RecoveryStore,
        dialogs: FileDialogs,
    ) -> Self {
        let mut state = AppState::new(doc, settings);
        if let Some(recovered) = recovery.load() {
            state.modal = Some(Modal::Recover(Box::new(recovered)));
        }
        Self {
            state,
            panels: Panels::default(),
            dialogs,
            recovery,
            queued: Vec::new(),
            last_autosave_s: 0.0,
            applied_theme: None,
            applied_title: String::new(),
            frame_ms: None,
            help_jump: None,
        }
    }

    /// Shows the start page first, unless recovery is offered or the user turned it off.
    pub fn with_start_page(mut self) -> Self {
        if self.state.modal.is_none() && !self.state.settings.hide_start_page {
            self.state.modal = Some(Modal::Start);
        }
        self
    }

    /// Queues a command to apply at the end of the next frame.
    pub fn queue(&mut self, command: Command) {
        self.queued.push(command);
    }

    /// Applies queued commands now (tests drive the app this way, like the UI does).
    pub fn apply_queued(&mut self) -> command::Effects {
        let commands = std::mem::take(&mut self.queued);
        apply(&mut self.state, &self.recovery, commands)
    }

    /// Draws one frame into `ui` and applies what the user asked for.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.apply_look(&ctx);
        let mut out = std::mem::take(&mut self.queued);
        if self.state.modal.is_none() && !self.dialogs.is_open() && self.state.import.is_none() {
            menu::shortcut_commands(&ctx, &mut out);
        }
        self.guard_window_close(&ctx, &mut out);

        egui::Panel::top("menu_bar").show(ui, |ui| {
            menu::menu_bar(ui, &self.state, &mut out);
        });
        egui::Panel::top("answer_header").show(ui, |ui| {
            let view_ctx = ViewCtx::of(&self.state);
            panels::header::header(ui, &view_ctx, &mut out);
        });
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            status::status_bar(ui, &self.state, self.frame_ms);
        });
        egui::Panel::left("site_tree")
            .resizable(true)
            .default_size(230.0)
            .show(ui, |ui| {
                let view_ctx = ViewCtx::of(&self.state);
                self.panels.tree.ui(ui, &view_ctx, &mut out);
            });
        egui::CentralPanel::default().show(ui, |ui| {
            self.view_tabs(ui, &mut out);
            ui.separator();
            let view_ctx = ViewCtx::of(&self.state);
            self.panels
                .view_mut(self.state.view)
                .ui(ui, &view_ctx, &mut out);
        });
        self.notice_toast(&ctx, &mut out);
        match self.state.modal {
            Some(Modal::Help(doc)) => help::window(
                &ctx,
                doc,
                &mut self.help_jump,
                self.state.settings.lang,
                &mut out,
            ),
            Some(Modal::Start) => start::show(&ctx, &self.state, &mut out),
            _ => modals::show(&ctx, &self.state, &mut out),
        }
        import::show(&ctx, &mut self.state, &mut out);
        self.dialogs.ui(&ctx, self.state.settings.lang, &mut out);

        if !out.is_empty() {
            // What the commands change shows in the next frame.
            ctx.request_repaint();
        }
        // After drawing, before applying: a recompute asked for in this frame shows as
        // running in the next one, and a finished one shows from the next frame on.
        match self.state.poll_recompute() {
            Recompute::Idle => {}
            Recompute::Running => ctx.request_repaint_after(RECOMPUTE_POLL),
            Recompute::Adopted => ctx.request_repaint(),
        }
        if self.state.studies.monte_carlo.poll() {
            ctx.request_repaint();
        } else if self.state.studies.monte_carlo.is_running() {
            ctx.request_repaint_after(PROGRESS_POLL);
        }
        let effects = apply(&mut self.state, &self.recovery, out);
        if let Some(request) = self.state.file_request.take() {
            self.dialogs.start(
                request,
                self.state.doc.path.as_deref(),
                self.state.settings.dialogs,
            );
        }
        if effects.close_window {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.autosave(&ctx);
    }

    fn view_tabs(&self, ui: &mut Ui, out: &mut Vec<Command>) {
        let lang = self.state.settings.lang;
        ui.horizontal(|ui| {
            for view in View::ALL {
                let text = match view {
                    View::Inventory => Gui::ViewInventory,
                    View::Rack => Gui::ViewRack,
                    View::Floor => Gui::ViewFloor,
                    View::Compare => Gui::ViewCompare,
                    View::Catalog => Gui::ViewCatalog,
                    View::Assumptions => Gui::ViewAssumptions,
                    View::Site => Gui::ViewSite,
                    View::Analysis => Gui::ViewAnalysis,
                    View::Compliance => Gui::ViewCompliance,
                };
                if ui
                    .selectable_label(self.state.view == view, text.tr(lang))
                    .clicked()
                {
                    out.push(Command::ShowView(view));
                }
            }
        });
    }

    /// The notice as a note floating above the status bar: it never moves the views.
    fn notice_toast(&self, ctx: &egui::Context, out: &mut Vec<Command>) {
        let Some(notice) = &self.state.notice else {
            return;
        };
        let lang = self.state.settings.lang;
        egui::Area::new(egui::Id::unique("notice_toast"))
            .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-12.0, -36.0))
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(560.0);
                    ui.horizontal(|ui| {
                        let text = egui::RichText::new(&notice.text);
                        ui.add(
                            egui::Label::new(if notice.is_error {
                                text.color(kit::ERROR_COLOUR)
                            } else {
                                text
                            })
                            .wrap(),
                        );
                        if ui.small_button(Gui::Dismiss.tr(lang)).clicked() {
                            out.push(Command::DismissNotice);
                        }
                    });
                });
            });
    }

    /// Window close with unsaved changes: cancel it and show the guard.
    fn guard_window_close(&mut self, ctx: &egui::Context, out: &mut Vec<Command>) {
        let close_requested = ctx.input(|i| i.viewport().close_requested());
        if close_requested && !self.state.quit_confirmed && self.state.doc.dirty {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            out.push(Command::Quit);
        } else if close_requested {
            self.recovery.clear();
        }
    }

    fn apply_look(&mut self, ctx: &egui::Context) {
        let look = (self.state.settings.theme, self.state.settings.lang);
        if self.applied_theme != Some(look) {
            ctx.set_theme(match look.0 {
                Theme::Light => egui::Theme::Light,
                Theme::Dark => egui::Theme::Dark,
            });
            self.applied_theme = Some(look);
        }
        let title = self.state.window_title();
        if title != self.applied_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.applied_title = title;
        }
    }

    /// Every [`AUTOSAVE_INTERVAL_S`] with unsaved changes, writes the recovery file.
    fn autosave(&mut self, ctx: &egui::Context) {
        let now_s = ctx.input(|i| i.time);
        if !self.state.doc.dirty {
            self.last_autosave_s = now_s;
            return;
        }
        if now_s - self.last_autosave_s >= AUTOSAVE_INTERVAL_S {
            self.last_autosave_s = now_s;
            let _ = self
                .recovery
                .store(&self.state.doc.site, self.state.doc.path.as_deref());
        }
        ctx.request_repaint_after_secs(AUTOSAVE_INTERVAL_S as f32);
    }
}

impl eframe::App for CoolplanApp {
    fn ui(&mut self, ui: &mut Ui, frame: &mut eframe::Frame) {
        self.frame_ms = frame.info().cpu_usage.map(|s| s * 1e3);
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, settings::STORAGE_KEY, &self.state.settings);
    }
}

/// Where the document of a launch comes from.
pub fn document_for(path: Option<PathBuf>) -> Result<Document, coolplan_io::LoadError> {
    match path {
        Some(path) => {
            let loaded = files::load(&path)?;
            let mut doc = Document::new(loaded.site, Some(path), None);
            doc.has_comments = loaded.has_comments;
            doc.disk = Some(loaded.stamp);
            Ok(doc)
        }
        None => {
            let site = sample::example_site()?;
            Ok(Document::new(
                site,
                None,
                Some(sample::EXAMPLE_SITE_NAME.to_string()),
            ))
        }
    }
}
