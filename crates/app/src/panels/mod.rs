//! The panels: each a small struct with UI-local state only, reading the app through a borrowed
//! [`ViewCtx`] and writing by pushing [`Command`]s. One [`Panel`] trait lets one test loop cover
//! every panel.

pub mod analysis;
pub mod assumptions;
pub mod catalog;
pub mod charts;
pub mod compare;
pub mod compliance;
mod field_edit;
pub mod floor;
mod hall_plant;
pub mod header;
pub mod inventory;
pub(crate) mod life_fields;
pub mod model_picker;
pub mod rack;
pub mod site;
pub mod tree;
mod works;

use egui::Ui;

use crate::analysis::Analysis;
use crate::command::Command;
use crate::field_marks::{Depth, FieldProblem};
use crate::settings::Settings;
use crate::state::{AppState, Selection, View};
use coolplan_io::Seg;
use coolplan_model::assumptions::AssumptionKey;
use coolplan_model::{Catalog, Site};
use coolplan_units::format::UnitSystem;
use coolplan_words::Lang;

/// What a panel may read: borrows of the app state for one frame.
pub struct ViewCtx<'a> {
    pub site: &'a Site,
    pub catalog: &'a Catalog,
    pub analysis: &'a Analysis,
    /// Tornado, Monte Carlo and phased plan (run on request).
    pub studies: &'a crate::studies::Studies,
    /// Reasons per option of the selected rack group.
    pub detail: Option<&'a crate::analysis::GroupDetail>,
    pub settings: &'a Settings,
    pub selection: Selection,
    /// Bumped on each site change (for caches).
    pub revision: u64,
    /// Assumption field to scroll to, if a jump asked for it.
    pub focus_assumption: Option<AssumptionKey>,
    /// Catalog model to select (with its jump serial), if a jump asked for it.
    pub focus_model: Option<&'a (u64, String)>,
    /// The site file's folder (relative EPW paths), when the site has a file.
    pub base_dir: Option<&'a std::path::Path>,
}

impl<'a> ViewCtx<'a> {
    pub fn of(state: &'a AppState) -> Self {
        Self {
            site: &state.doc.site,
            catalog: &state.catalog,
            analysis: &state.analysis,
            studies: &state.studies,
            detail: state.detail.as_ref(),
            settings: &state.settings,
            selection: state.selection,
            revision: state.doc.revision,
            focus_assumption: state.focus_assumption,
            focus_model: state.focus_model.as_ref(),
            base_dir: state.doc.base_dir(),
        }
    }
    pub fn lang(&self) -> Lang {
        self.settings.lang
    }
    pub fn units(&self) -> UnitSystem {
        self.settings.units
    }
    /// The problems of the field at `path` (see [`crate::field_marks`]).
    pub fn problem(&self, path: &[Seg], depth: Depth) -> Option<FieldProblem> {
        self.analysis.field(path, depth, self.lang())
    }
    /// The validator path of a hall.
    pub fn hall_path(&self, h: usize) -> Vec<Seg> {
        self.site
            .halls
            .get(h)
            .map(|hall| vec![Seg::Hall(hall.name.clone())])
            .unwrap_or_default()
    }
    /// The validator path of a rack group.
    pub fn rack_path(&self, (h, r): (usize, usize)) -> Vec<Seg> {
        let mut path = self.hall_path(h);
        if let Some(rack) = self.site.halls.get(h).and_then(|hall| hall.racks.get(r)) {
            path.push(Seg::Rack(rack.name.clone()));
        }
        path
    }
}

/// A panel of the app.
pub trait Panel {
    /// Draws the panel and pushes what the user asked for into `out`.
    fn ui(&mut self, ui: &mut Ui, ctx: &ViewCtx, out: &mut Vec<Command>);
}

/// Every panel of the app, one instance each.
#[derive(Default)]
pub struct Panels {
    pub tree: tree::TreePanel,
    pub inventory: inventory::InventoryPanel,
    pub rack: rack::RackPanel,
    pub floor: floor::FloorPanel,
    pub compare: compare::ComparePanel,
    pub catalog: catalog::CatalogPanel,
    pub assumptions: assumptions::AssumptionsPanel,
    pub site: site::SitePanel,
    pub analysis: analysis::AnalysisPanel,
    pub compliance: compliance::CompliancePanel,
}

impl Panels {
    /// The panel of a centre view.
    pub fn view_mut(&mut self, view: View) -> &mut dyn Panel {
        match view {
            View::Inventory => &mut self.inventory,
            View::Rack => &mut self.rack,
            View::Floor => &mut self.floor,
            View::Compare => &mut self.compare,
            View::Catalog => &mut self.catalog,
            View::Assumptions => &mut self.assumptions,
            View::Site => &mut self.site,
            View::Analysis => &mut self.analysis,
            View::Compliance => &mut self.compliance,
        }
    }
}
