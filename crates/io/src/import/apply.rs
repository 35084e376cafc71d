//! Applying an [`ImportPlan`] to a site: one step (the GUI wraps it in one undoable command).

use super::{Change, ImportPlan};
use coolplan_model::Site;

/// Applies every change of `plan` to `site`. Changes name halls and racks, so a plan made
/// for this site applies exactly as previewed; a rack whose hall is gone since is skipped.
pub fn apply(site: &mut Site, plan: &ImportPlan) {
    for change in &plan.changes {
        match change {
            Change::AddHall(hall) => {
                if !site.halls.iter().any(|h| h.name == hall.name) {
                    site.halls.push(hall.clone());
                }
            }
            Change::PutRack { hall, rack } => {
                let Some(hall) = site.halls.iter_mut().find(|h| &h.name == hall) else {
                    continue;
                };
                match hall.racks.iter_mut().find(|r| r.name == rack.name) {
                    Some(existing) => *existing = rack.clone(),
                    None => hall.racks.push(rack.clone()),
                }
            }
            Change::SetMeasured {
                hall,
                rack,
                measured,
            } => {
                let target = site
                    .halls
                    .iter_mut()
                    .filter(|h| &h.name == hall)
                    .flat_map(|h| h.racks.iter_mut())
                    .find(|r| &r.name == rack);
                if let Some(target) = target {
                    target.measured = Some(measured.clone());
                }
            }
        }
    }
}
