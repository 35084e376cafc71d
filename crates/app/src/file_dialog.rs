//! Choosing files: the native dialog (rfd, run on its own thread so the UI keeps drawing) when
//! the system has one, and an in-app dialog (folder field, listing, file name) otherwise. rfd
//! returns nothing both on Cancel and when no portal or zenity exists, so the native dialog is
//! used only when one of those is found; the app never silently does nothing.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::Ui;

use crate::command::Command;
use crate::settings::DialogPreference;
use crate::state::FileRequest;
use coolplan_words::gui::Gui;
use coolplan_words::import_gui::ImpGui;
use coolplan_words::{Lang, Text};

/// The file dialog in use, if any.
#[derive(Default)]
pub struct FileDialogs {
    in_app: Option<InAppDialog>,
    native: Option<(FileRequest, Receiver<Option<PathBuf>>)>,
    /// Native dialogs are allowed (false in tests and when none is found).
    pub allow_native: bool,
}

impl FileDialogs {
    /// Dialogs for a desktop session: native where the system has one.
    pub fn for_desktop() -> Self {
        Self {
            allow_native: native_dialog_available(),
            ..Self::default()
        }
    }

    pub fn is_open(&self) -> bool {
        self.in_app.is_some() || self.native.is_some()
    }

    /// Starts a dialog for `request`; `current` is the document's path (start folder and name).
    pub fn start(&mut self, request: FileRequest, current: Option<&Path>, pref: DialogPreference) {
        if self.is_open() {
            return;
        }
        let folder = current
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_else(|| PathBuf::from("."));
        let name = match request {
            FileRequest::Open => String::new(),
            FileRequest::SaveAs => current
                .and_then(Path::file_name)
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "site.ron".into()),
            FileRequest::Export => "report.json".into(),
            FileRequest::ExportEed(year) => match year {
                Some(year) => format!("eed-{year}.json"),
                None => "eed.json".into(),
            },
            FileRequest::Import => String::new(),
        };
        if self.allow_native && pref == DialogPreference::Auto {
            self.native = Some((request, spawn_native(request, folder, name)));
        } else {
            self.in_app = Some(InAppDialog::new(request, folder, name));
        }
    }

    /// Draws the in-app dialog or polls the native one; pushes the chosen file's command.
    pub fn ui(&mut self, ctx: &egui::Context, lang: Lang, out: &mut Vec<Command>) {
        if let Some((request, receiver)) = &self.native {
            match receiver.try_recv() {
                Ok(choice) => {
                    if let Some(path) = choice {
                        out.push(command_for(*request, path));
                    }
                    self.native = None;
                }
                Err(TryRecvError::Disconnected) => self.native = None,
                Err(TryRecvError::Empty) => ctx.request_repaint_after_secs(0.1),
            }
        }
        if let Some(dialog) = &mut self.in_app {
            match dialog.ui(ctx, lang) {
                DialogOutcome::Open => {}
                DialogOutcome::Cancelled => self.in_app = None,
                DialogOutcome::Chosen(path) => {
                    out.push(command_for(dialog.request, path));
                    self.in_app = None;
                }
            }
        }
    }
}

/// The command that carries a chosen file.
fn command_for(request: FileRequest, path: PathBuf) -> Command {
    match request {
        FileRequest::Open => Command::LoadFile(path),
        FileRequest::SaveAs => Command::SaveAs(Some(path)),
        FileRequest::Export => Command::ExportReport(Some(path)),
        FileRequest::ExportEed(year) => Command::ExportEed(year, Some(path)),
        FileRequest::Import => Command::ImportFile(Some(path)),
    }
}

/// True when rfd can show something: a desktop portal or zenity (Linux), always elsewhere.
pub fn native_dialog_available() -> bool {
    if !cfg!(target_os = "linux") {
        return true;
    }
    let on_path = |name: &str| {
        std::env::var_os("PATH")
            .is_some_and(|paths| std::env::split_paths(&paths).any(|d| d.join(name).is_file()))
    };
    let portal = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
        && [
            "/usr/libexec/xdg-desktop-portal",
            "/usr/lib/xdg-desktop-portal",
        ]
        .iter()
        .any(|p| Path::new(p).exists());
    portal || on_path("zenity")
}

fn spawn_native(request: FileRequest, folder: PathBuf, name: String) -> Receiver<Option<PathBuf>> {
    let (sender, receiver) = channel();
    std::thread::spawn(move || {
        let dialog = rfd::FileDialog::new().set_directory(&folder);
        let choice = match request {
            FileRequest::Open => dialog.add_filter("coolplan site", &["ron"]).pick_file(),
            FileRequest::SaveAs => dialog
                .add_filter("coolplan site", &["ron"])
                .set_file_name(&name)
                .save_file(),
            FileRequest::Export => dialog
                .add_filter("PDF", &["pdf"])
                .add_filter("HTML", &["html"])
                .add_filter("Markdown", &["md"])
                .add_filter("CSV", &["csv"])
                .add_filter("JSON", &["json"])
                .set_file_name(&name)
                .save_file(),
            FileRequest::ExportEed(_) => dialog
                .add_filter("JSON", &["json"])
                .add_filter("CSV", &["csv"])
                .set_file_name(&name)
                .save_file(),
            FileRequest::Import => dialog.add_filter("CSV", &["csv", "txt"]).pick_file(),
        };
        let _ = sender.send(choice);
    });
    receiver
}

enum DialogOutcome {
    Open,
    Cancelled,
    Chosen(PathBuf),
}

/// A plain in-app file dialog: a folder field, its listing and a file name.
struct InAppDialog {
    request: FileRequest,
    folder: String,
    name: String,
    listing: Option<(String, Vec<(String, bool)>)>,
}

impl InAppDialog {
    fn new(request: FileRequest, folder: PathBuf, name: String) -> Self {
        Self {
            request,
            folder: folder.display().to_string(),
            name,
            listing: None,
        }
    }

    /// Folders first, then files; only `.ron` files when opening or saving a site.
    fn entries(&mut self) -> &[(String, bool)] {
        let stale = self.listing.as_ref().is_none_or(|(f, _)| *f != self.folder);
        if stale {
            let only_ron = matches!(self.request, FileRequest::Open | FileRequest::SaveAs);
            let mut entries: Vec<(String, bool)> = std::fs::read_dir(&self.folder)
                .map(|dir| {
                    dir.flatten()
                        .filter_map(|e| {
                            let is_dir = e.file_type().ok()?.is_dir();
                            let name = e.file_name().to_string_lossy().into_owned();
                            let shown = !name.starts_with('.')
                                && (is_dir || !only_ron || name.ends_with(".ron"));
                            shown.then_some((name, is_dir))
                        })
                        .collect()
                })
                .unwrap_or_default();
            entries.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            self.listing = Some((self.folder.clone(), entries));
        }
        self.listing
            .as_ref()
            .map(|(_, e)| e.as_slice())
            .unwrap_or(&[])
    }

    fn ui(&mut self, ctx: &egui::Context, lang: Lang) -> DialogOutcome {
        let title = match self.request {
            FileRequest::Open => Gui::OpenTitle.tr(lang),
            FileRequest::SaveAs => Gui::SaveTitle.tr(lang),
            FileRequest::Export => Gui::ExportTitle.tr(lang),
            FileRequest::ExportEed(_) => Gui::ExportEedTitle.tr(lang),
            FileRequest::Import => ImpGui::DialogTitle.tr(lang),
        };
        let mut outcome = DialogOutcome::Open;
        egui::Modal::new(egui::Id::unique("in_app_file_dialog")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading(title);
            ui.horizontal(|ui| {
                ui.label(Gui::Folder.tr(lang));
                ui.add(
                    egui::TextEdit::singleline(&mut self.folder)
                        .hint_text(Gui::Folder.tr(lang))
                        .desired_width(360.0),
                );
                if ui.button(Gui::Up.tr(lang)).clicked()
                    && let Some(parent) = Path::new(&self.folder).parent()
                {
                    self.folder = parent.display().to_string();
                }
            });
            let mut picked: Option<(String, bool)> = None;
            egui::ScrollArea::vertical()
                .max_height(260.0)
                .auto_shrink([false, false])
                .show(ui, |ui: &mut Ui| {
                    for (name, is_dir) in self.entries().to_vec() {
                        let shown = if is_dir {
                            format!("{name}/")
                        } else {
                            name.clone()
                        };
                        if ui.selectable_label(false, shown).clicked() {
                            picked = Some((name, is_dir));
                        }
                    }
                });
            if let Some((name, is_dir)) = picked {
                if is_dir {
                    self.folder = Path::new(&self.folder).join(name).display().to_string();
                } else {
                    self.name = name;
                }
            }
            ui.horizontal(|ui| {
                ui.label(Gui::FileName.tr(lang));
                ui.add(
                    egui::TextEdit::singleline(&mut self.name)
                        .hint_text(Gui::FileName.tr(lang))
                        .desired_width(300.0),
                );
            });
            ui.horizontal(|ui| {
                let ready = !self.name.trim().is_empty();
                if ui
                    .add_enabled(ready, egui::Button::new(Gui::Ok.tr(lang)))
                    .clicked()
                {
                    outcome = DialogOutcome::Chosen(Path::new(&self.folder).join(self.name.trim()));
                }
                if ui.button(Gui::Cancel.tr(lang)).clicked() {
                    outcome = DialogOutcome::Cancelled;
                }
            });
        });
        outcome
    }
}
