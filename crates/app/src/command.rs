//! Commands: everything a view, menu or shortcut asks for, applied in ONE function
//! ([`apply`]), which is where undo points are recorded and where the site is recomputed.

use std::path::PathBuf;

use crate::edit::Edit;
use crate::files;
use crate::recovery::RecoveryStore;
use crate::state::{AppState, Document, FileRequest, Modal, Notice, Pending, Selection, View};
use crate::undo::Gesture;
use coolplan_io::SaveError;
use coolplan_units::format::UnitSystem;
use coolplan_words::gui::Gui;
use coolplan_words::{Lang, Say, Text};

use super::settings::{DialogPreference, Theme};

/// A request from the UI.
#[must_use = "a command does nothing until it is applied"]
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Change the site (one undo step unless it continues a gesture).
    Edit(Edit, Gesture),
    /// A drag or text gesture ended: the next edit is a new undo step.
    EndGesture,
    Undo,
    Redo,
    /// Duplicate or delete the selected rack group (or hall when no rack is selected).
    DuplicateSelected,
    DeleteSelected,
    Select(Selection),
    ShowView(View),
    /// Select a problem's target and show the view that edits it.
    JumpTo(crate::analysis::Target),
    /// A blank site (File › New).
    New,
    /// A new site from a template or an example (start page).
    NewFrom(crate::sample::Template),
    /// Show the start page when the app opens without a file, or not.
    SetStartPage(bool),
    /// Open a file, or ask for one (`None`); guarded when there are unsaved changes.
    Open(Option<PathBuf>),
    /// Load a file the user just picked (the guard already ran).
    LoadFile(PathBuf),
    Save,
    /// Save to a file, or ask for one.
    SaveAs(Option<PathBuf>),
    /// Overwrite a file with comments after the user confirmed.
    SaveConfirmed(PathBuf),
    /// Overwrite a file that changed on disk, after the user chose to (their changes win).
    OverwriteChanged(PathBuf),
    /// Drop the unsaved work and read the file again as it is on disk now.
    ReloadFromDisk(PathBuf),
    ExportReport(Option<PathBuf>),
    /// The EU reporting export of a year (`None`: the first plan year); `None` path asks for
    /// a file.
    ExportEed(Option<u16>, Option<PathBuf>),
    Print,
    Quit,
    /// Buttons of the unsaved-changes guard.
    GuardSave,
    GuardDiscard,
    Recover,
    DiscardRecovery,
    ShowModal(Modal),
    CloseModal,
    DismissNotice,
    /// Show a notice (a view reports what it did or could not do).
    Notify(Notice),
    SetUnits(UnitSystem),
    SetTheme(Theme),
    SetLang(Lang),
    SetDialogs(DialogPreference),
    /// Open the import window on a CSV, or ask for one (`None`).
    ImportFile(Option<PathBuf>),
    /// Apply the import window's plan (one undo step) and close it.
    ApplyImport,
    /// Close the import window; nothing changes.
    CancelImport,
    /// Compute the tornado of the site as it is.
    ComputeTornado,
    /// Set the sample count of the next Monte Carlo run.
    SetSamples(usize),
    /// Start a Monte Carlo run in the background (a running one is cancelled first).
    RunMonteCarlo,
    CancelMonteCarlo,
    /// Set the yearly budget of the phased plan.
    SetPlanBudget(coolplan_units::Money),
    /// Make the phased plan of the site as it is.
    MakePlan,
}

/// Side effects the shell carries out after applying (things that need the window).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Effects {
    /// Close the window now.
    pub close_window: bool,
}

/// Applies commands in order. The only place that changes [`AppState`].
pub fn apply(state: &mut AppState, recovery: &RecoveryStore, commands: Vec<Command>) -> Effects {
    let mut effects = Effects::default();
    let mut changed = false;
    for command in commands {
        changed |= apply_one(state, recovery, command, &mut effects);
    }
    if changed {
        state.doc.revision += 1;
        state.recompute();
    }
    state.refresh_detail();
    effects
}

/// Applies one command; true when the site changed.
fn apply_one(
    state: &mut AppState,
    recovery: &RecoveryStore,
    command: Command,
    effects: &mut Effects,
) -> bool {
    match command {
        Command::Edit(edit, gesture) => {
            let before = state.doc.site.clone();
            match edit.apply(&mut state.doc.site) {
                Some(focus) => {
                    state.doc.undo.record(&before, gesture);
                    state.doc.dirty = true;
                    if focus.hall.is_some() {
                        state.selection = Selection {
                            hall: focus.hall,
                            rack: focus.rack,
                        };
                    }
                    return true;
                }
                None => return false,
            }
        }
        Command::EndGesture => state.doc.undo.close_gesture(),
        Command::Undo => {
            if let Some(site) = state.doc.undo.undo(&state.doc.site) {
                state.doc.site = site;
                state.doc.dirty = true;
                clamp_selection(state);
                return true;
            }
        }
        Command::Redo => {
            if let Some(site) = state.doc.undo.redo(&state.doc.site) {
                state.doc.site = site;
                state.doc.dirty = true;
                clamp_selection(state);
                return true;
            }
        }
        Command::DuplicateSelected | Command::DeleteSelected => {
            let duplicate = command == Command::DuplicateSelected;
            let edit = match (state.selection.hall, state.selection.rack) {
                (Some(h), Some(r)) if duplicate => Edit::DuplicateRack((h, r)),
                (Some(h), Some(r)) => Edit::DeleteRack((h, r)),
                (Some(h), None) if duplicate => Edit::DuplicateHall(h),
                (Some(h), None) => Edit::DeleteHall(h),
                _ => return false,
            };
            return apply_one(state, recovery, Command::Edit(edit, Gesture::Step), effects);
        }
        Command::Select(selection) => state.selection = selection,
        Command::ShowView(view) => state.view = view,
        Command::JumpTo(target) => {
            let site_field = target == crate::analysis::Target::default();
            if target.hall.is_some() {
                state.selection = Selection {
                    hall: target.hall,
                    rack: target.rack,
                };
                state.view = if target.rack.is_some() {
                    View::Rack
                } else {
                    View::Site
                };
            }
            if let Some(field) = target.assumption {
                state.view = View::Assumptions;
                state.focus_assumption = Some(field);
            }
            if let Some(id) = target.model {
                state.view = View::Catalog;
                let serial = state.focus_model.as_ref().map_or(0, |(n, _)| n + 1);
                state.focus_model = Some((serial, id));
            }
            if site_field {
                // The site's own fields (name, location, climate) are edited there.
                state.view = View::Site;
            }
            state.modal = None;
        }
        Command::New => guard(
            state,
            Pending::New(crate::sample::Template::Blank),
            effects,
            recovery,
        ),
        Command::NewFrom(template) => guard(state, Pending::New(template), effects, recovery),
        Command::SetStartPage(show) => state.settings.hide_start_page = !show,
        Command::Open(path) => guard(state, Pending::Open(path), effects, recovery),
        Command::Quit => guard(state, Pending::Quit, effects, recovery),
        Command::LoadFile(path) => open(state, path, recovery),
        Command::GuardDiscard => {
            if let Some(Modal::Unsaved(pending)) = state.modal.take() {
                recovery.clear();
                proceed(state, pending, effects, recovery);
            }
        }
        Command::GuardSave => {
            if let Some(Modal::Unsaved(pending)) = state.modal.take() {
                if state.doc.path.is_none() {
                    // No file yet: ask where, and keep the guard for after the save.
                    state.modal = Some(Modal::Unsaved(pending));
                    state.file_request = Some(FileRequest::SaveAs);
                } else if save_to(state, recovery, state.doc.path.clone().unwrap_or_default()) {
                    proceed(state, pending, effects, recovery);
                }
            }
        }
        Command::Save => match state.doc.path.clone() {
            Some(path) => {
                if state.doc.has_comments && files::file_has_comments(&path) {
                    state.modal = Some(Modal::OverwriteComments(path));
                } else {
                    save_to(state, recovery, path);
                }
            }
            None => state.file_request = Some(FileRequest::SaveAs),
        },
        Command::SaveAs(None) => state.file_request = Some(FileRequest::SaveAs),
        Command::SaveAs(Some(path)) => {
            if files::file_has_comments(&path) {
                state.modal = Some(Modal::OverwriteComments(path));
            } else {
                save_to(state, recovery, path);
                resume_guard(state, effects, recovery);
            }
        }
        Command::SaveConfirmed(path) => {
            state.modal = None;
            save_to(state, recovery, path);
        }
        Command::OverwriteChanged(path) => {
            state.modal = None;
            state.doc.disk = None;
            save_to(state, recovery, path);
        }
        Command::ReloadFromDisk(path) => {
            state.modal = None;
            open(state, path, recovery);
        }
        Command::ExportReport(None) => state.file_request = Some(FileRequest::Export),
        Command::ExportReport(Some(path)) => {
            // A report is of the site as it is now.
            state.finish_recompute();
            crate::export::export(state, &path)
        }
        Command::ExportEed(year, None) => state.file_request = Some(FileRequest::ExportEed(year)),
        Command::ExportEed(year, Some(path)) => {
            state.finish_recompute();
            crate::export::export_eed(state, &path, year)
        }
        Command::Print => {
            state.finish_recompute();
            crate::export::print(state)
        }
        Command::Recover => {
            if let Some(Modal::Recover(recovered)) = state.modal.take() {
                let mut doc =
                    Document::new(recovered.site.clone(), recovered.original.clone(), None);
                doc.dirty = true;
                state.replace_document(doc);
            }
        }
        Command::DiscardRecovery => {
            state.modal = None;
            recovery.clear();
        }
        Command::ShowModal(modal) => state.modal = Some(modal),
        Command::CloseModal => state.modal = None,
        Command::DismissNotice => state.notice = None,
        Command::Notify(notice) => state.notice = Some(notice),
        Command::SetUnits(units) => state.settings.units = units,
        Command::SetTheme(theme) => state.settings.theme = theme,
        Command::SetLang(lang) => state.settings.lang = lang,
        Command::SetDialogs(pref) => state.settings.dialogs = pref,
        Command::ImportFile(None) => state.file_request = Some(FileRequest::Import),
        Command::ImportFile(Some(path)) => crate::import::open_import(state, path),
        Command::ApplyImport => return crate::import::apply_import(state),
        Command::CancelImport => crate::import::cancel_import(state),
        Command::ComputeTornado => {
            // A study is of the site as it is now.
            state.finish_recompute();
            state
                .studies
                .compute_tornado(&state.doc.site, &state.analysis);
        }
        Command::SetSamples(samples) => {
            let range = crate::studies::SAMPLE_RANGE;
            state.studies.monte_carlo.samples = samples.clamp(*range.start(), *range.end());
        }
        Command::RunMonteCarlo => {
            state.finish_recompute();
            state
                .studies
                .monte_carlo
                .start(&state.doc.site, &state.analysis);
        }
        Command::CancelMonteCarlo => state.studies.monte_carlo.cancel(),
        Command::SetPlanBudget(budget) => state.studies.plan.budget = Some(budget),
        Command::MakePlan => {
            state.finish_recompute();
            state.studies.make_plan(&state.doc.site, &state.analysis);
        }
    }
    false
}

/// Runs `pending` now, or asks first when there are unsaved changes.
fn guard(state: &mut AppState, pending: Pending, effects: &mut Effects, recovery: &RecoveryStore) {
    if state.doc.dirty {
        state.modal = Some(Modal::Unsaved(pending));
    } else {
        proceed(state, pending, effects, recovery);
    }
}

/// After a Save As that the guard asked for, carry on with what the guard held.
fn resume_guard(state: &mut AppState, effects: &mut Effects, recovery: &RecoveryStore) {
    if !state.doc.dirty
        && let Some(Modal::Unsaved(pending)) = state.modal.take()
    {
        proceed(state, pending, effects, recovery);
    }
}

fn proceed(
    state: &mut AppState,
    pending: Pending,
    effects: &mut Effects,
    recovery: &RecoveryStore,
) {
    match pending {
        Pending::New(template) => {
            let lang = state.settings.lang;
            let (site, label) = template.site(
                Gui::Untitled.tr(lang),
                coolplan_words::dashboard::Dash::FirstHall.tr(lang),
            );
            recovery.clear();
            state.replace_document(Document::new(site, None, label));
        }
        Pending::Open(None) => state.file_request = Some(FileRequest::Open),
        Pending::Open(Some(path)) => open(state, path, recovery),
        Pending::Quit => {
            recovery.clear();
            state.quit_confirmed = true;
            effects.close_window = true;
        }
    }
}

fn open(state: &mut AppState, path: PathBuf, recovery: &RecoveryStore) {
    let lang = state.settings.lang;
    match files::load(&path) {
        Ok(loaded) => {
            let mut doc = Document::new(loaded.site, Some(path.clone()), None);
            doc.has_comments = loaded.has_comments;
            doc.disk = Some(loaded.stamp);
            state.replace_document(doc);
            state.settings.remember(&path);
            state.notice = None;
            recovery.clear();
        }
        Err(reason) => {
            state.notice = Some(Notice {
                text: Gui::OpenFailed.fmt(lang, &[&path.display(), &reason.say(lang)]),
                is_error: true,
            })
        }
    }
}

/// Saves to `path`; true on success (dirty flag cleared, path remembered). A file that
/// changed on disk since it was read is not overwritten: the user is asked.
fn save_to(state: &mut AppState, recovery: &RecoveryStore, path: PathBuf) -> bool {
    let lang = state.settings.lang;
    // Only the document's own file is compared; another file was chosen in a dialog that
    // already asked before replacing it.
    let expected = if state.doc.path.as_ref() == Some(&path) {
        state.doc.disk
    } else {
        None
    };
    match files::save(&state.doc.site, &path, expected) {
        Ok(stamp) => {
            state.doc.disk = Some(stamp);
            state.doc.dirty = false;
            state.doc.has_comments = false;
            state.doc.label = None;
            if state.doc.path.as_ref() != Some(&path) {
                state.doc.path = Some(path.clone());
                state.recompute();
            }
            state.settings.remember(&path);
            state.notice = Some(Notice {
                text: Gui::Saved.fmt(lang, &[&path.display()]),
                is_error: false,
            });
            recovery.clear();
            true
        }
        Err(SaveError::ChangedOnDisk { .. }) => {
            state.modal = Some(Modal::ChangedOnDisk(path));
            false
        }
        Err(reason) => {
            state.notice = Some(Notice {
                text: Gui::SaveFailed.fmt(lang, &[&path.display(), &reason.say(lang)]),
                is_error: true,
            });
            false
        }
    }
}

/// Keeps the selection pointing at something that exists after undo/redo.
fn clamp_selection(state: &mut AppState) {
    let halls = &state.doc.site.halls;
    let hall = state.selection.hall.filter(|&h| h < halls.len());
    let rack = hall
        .and(state.selection.rack)
        .filter(|&r| hall.is_some_and(|h| r < halls[h].racks.len()));
    state.selection = Selection { hall, rack };
}
