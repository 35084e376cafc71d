//! Application state, apart from the views: the open document (site, path, dirty flag, undo
//! history), the latest analysis and the studies run on request, persisted settings and
//! runtime UI state (selection, current view, open modal). Views read it through [`crate::panels::ViewCtx`]; only
//! [`crate::command`] changes it.

use std::path::{Path, PathBuf};

use crate::analysis::{Analysis, GroupDetail, analyse};
use crate::recompute::{BACKGROUND_FROM_GROUPS, Recomputer};
use crate::settings::Settings;
use crate::studies::Studies;
use crate::undo::UndoStack;
use coolplan_model::assumptions::AssumptionKey;
use coolplan_model::{Catalog, Site};

/// The site being edited and where it lives.
#[derive(Clone, Debug)]
pub struct Document {
    pub site: Site,
    /// `None` for the bundled example or a new site.
    pub path: Option<PathBuf>,
    /// Shown name when there is no path (the example's name, or "untitled").
    pub label: Option<String>,
    pub dirty: bool,
    /// The file on disk had `//` comments, which saving drops (warn before overwriting).
    pub has_comments: bool,
    /// What `path` held when it was opened or last saved; a save refuses when the file holds
    /// anything else (another program wrote it). `None`: nothing known, no check.
    pub disk: Option<coolplan_io::DiskStamp>,
    pub undo: UndoStack,
    /// Bumped by every change of `site`, so views can cache derived rows.
    pub revision: u64,
}

impl Document {
    pub fn new(site: Site, path: Option<PathBuf>, label: Option<String>) -> Self {
        Self {
            site,
            path,
            label,
            dirty: false,
            has_comments: false,
            disk: None,
            undo: UndoStack::default(),
            revision: 0,
        }
    }
    /// Folder of the file (EPW paths are relative to it).
    pub fn base_dir(&self) -> Option<&Path> {
        self.path.as_deref().and_then(Path::parent)
    }
}

/// The main views in the centre.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Inventory,
    Rack,
    Floor,
    Compare,
    Catalog,
    Assumptions,
    Site,
    Analysis,
    Compliance,
}

impl View {
    pub const ALL: [View; 9] = [
        View::Inventory,
        View::Rack,
        View::Floor,
        View::Compare,
        View::Catalog,
        View::Assumptions,
        View::Site,
        View::Analysis,
        View::Compliance,
    ];
}

/// The selected hall and rack group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Selection {
    pub hall: Option<usize>,
    pub rack: Option<usize>,
}

/// What waits behind the unsaved-changes guard.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    New(crate::sample::Template),
    /// Open this file, or ask for one.
    Open(Option<PathBuf>),
    Quit,
}

/// A file the user is asked to pick.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileRequest {
    Open,
    SaveAs,
    Export,
    /// The EU reporting export of a year (Compliance view), JSON or CSV by extension.
    ExportEed(Option<u16>),
    /// A CSV to import (File › Import…).
    Import,
}

/// A modal window over the app.
#[derive(Clone, Debug, PartialEq)]
pub enum Modal {
    /// Save, discard or cancel before `Pending`.
    Unsaved(Pending),
    /// Offer to recover autosaved work.
    Recover(Box<crate::recovery::Recovered>),
    /// Saving over a file with comments: confirm.
    OverwriteComments(PathBuf),
    /// The file changed on disk since it was opened: reload, overwrite or save elsewhere.
    ChangedOnDisk(PathBuf),
    Problems,
    About,
    /// The in-app help on a document.
    Help(crate::help::HelpDoc),
    /// The start page (open, examples, new, import).
    Start,
}

/// A message shown once at the top of the window until dismissed.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    pub is_error: bool,
}

/// Where a background recompute stands after a poll.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recompute {
    Idle,
    Running,
    /// A result arrived and is now the analysis shown.
    Adopted,
}

/// Everything the app knows at run time.
pub struct AppState {
    pub doc: Document,
    pub catalog: Catalog,
    pub analysis: Analysis,
    /// Tornado, Monte Carlo and phased plan of the open site.
    pub studies: Studies,
    /// Reasons per option of the selected rack group (the rack view shows them).
    pub detail: Option<GroupDetail>,
    pub settings: Settings,
    pub selection: Selection,
    pub view: View,
    pub modal: Option<Modal>,
    pub notice: Option<Notice>,
    /// A file dialog the shell should open.
    pub file_request: Option<FileRequest>,
    /// The user confirmed quitting (guard passed): let the window close.
    pub quit_confirmed: bool,
    /// Runs recomputes of large sites off the UI thread.
    pub recomputer: Recomputer,
    /// The assumption field to scroll to (set by a jump from the problem list).
    pub focus_assumption: Option<AssumptionKey>,
    /// The catalog model to select, with the serial of the jump that asked (each jump a new
    /// serial, so the editor adopts it once and the user may select another).
    pub focus_model: Option<(u64, String)>,
    /// The import window, while one is open (File › Import…).
    pub import: Option<Box<crate::import::ImportWindow>>,
}

impl AppState {
    pub fn new(doc: Document, settings: Settings) -> Self {
        let mut state = Self {
            catalog: doc.site.catalog(),
            analysis: Analysis::default(),
            studies: Studies::default(),
            detail: None,
            doc,
            settings,
            selection: Selection::default(),
            view: View::default(),
            modal: None,
            notice: None,
            file_request: None,
            quit_confirmed: false,
            recomputer: Recomputer::default(),
            focus_assumption: None,
            focus_model: None,
            import: None,
        };
        state.selection.hall = (!state.doc.site.halls.is_empty()).then_some(0);
        // The first analysis is there before the first frame, whatever the size.
        state.catalog = state.doc.site.catalog();
        state.recompute_now();
        state
    }

    /// Re-runs validation and the engine on the current site: at once for a small site, on
    /// the background worker for a large one (the analysis shown stays until the new one
    /// arrives; [`Self::poll_recompute`] adopts it).
    pub fn recompute(&mut self) {
        self.catalog = self.doc.site.catalog();
        if self.doc.site.rack_group_count() >= BACKGROUND_FROM_GROUPS {
            let base_dir = self.doc.base_dir().map(Path::to_path_buf);
            self.recomputer
                .request(self.doc.revision, self.doc.site.clone(), base_dir);
        } else {
            self.recompute_now();
        }
    }

    /// Re-runs validation and the engine on the current site on this thread.
    pub fn recompute_now(&mut self) {
        self.recomputer.supersede();
        self.analysis = analyse(&self.doc.site, self.doc.base_dir());
        self.analysis.revision = self.doc.revision;
    }

    /// Evaluates the selected rack group on its own when the selection or the analysis moved
    /// on (the rack view reads its reasons from [`Self::detail`]).
    pub fn refresh_detail(&mut self) {
        let Selection {
            hall: Some(h),
            rack: Some(r),
        } = self.selection
        else {
            self.detail = None;
            return;
        };
        let current = self
            .detail
            .as_ref()
            .is_some_and(|d| d.at == (h, r) && d.revision == self.analysis.revision);
        if !current && self.analysis.revision == self.doc.revision {
            self.detail = GroupDetail::of(&self.doc.site, &self.analysis, (h, r));
        }
    }

    /// Adopts a finished background recompute, if any.
    pub fn poll_recompute(&mut self) -> Recompute {
        if let Some(analysis) = self.recomputer.poll() {
            self.analysis = analysis;
            Recompute::Adopted
        } else if self.recomputer.is_busy() {
            Recompute::Running
        } else {
            Recompute::Idle
        }
    }

    /// Waits for a running background recompute and adopts it (tests, before saving a report).
    pub fn finish_recompute(&mut self) {
        if let Some(analysis) = self.recomputer.wait() {
            self.analysis = analysis;
        }
    }

    /// True while a background recompute runs (the analysis shown is of an earlier revision).
    pub fn is_recomputing(&self) -> bool {
        self.recomputer.is_busy()
    }

    /// Replaces the document (open, new, recover) and forgets the old one's history and
    /// studies. Revisions keep counting up, so nothing cached for the old document matches.
    pub fn replace_document(&mut self, doc: Document) {
        let revision = self.doc.revision + 1;
        self.doc = doc;
        self.doc.revision = revision;
        self.studies.reset();
        self.selection = Selection {
            hall: (!self.doc.site.halls.is_empty()).then_some(0),
            rack: None,
        };
        self.recompute();
    }

    /// The window title: `ai-hall.ron ● — coolplan — …` (the dot while there are unsaved
    /// changes).
    pub fn window_title(&self) -> String {
        use coolplan_words::{Text, gui::Gui};
        let lang = self.settings.lang;
        let marker = if self.doc.dirty { " ●" } else { "" };
        format!(
            "{}{marker} — {}",
            self.document_name(lang),
            Gui::AppTitle.tr(lang)
        )
    }

    /// Name for the title and status bar.
    pub fn document_name(&self, lang: coolplan_words::Lang) -> String {
        use coolplan_words::{Text, gui::Gui};
        match (&self.doc.path, &self.doc.label) {
            (Some(path), _) => path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| path.display().to_string()),
            (None, Some(label)) => label.clone(),
            (None, None) => Gui::Untitled.tr(lang).to_string(),
        }
    }
}
