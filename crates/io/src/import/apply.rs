//! Applying an [`ImportPlan`] to a site: one step (the GUI wraps it in one undoable command).
//! Halls and racks are found through indexes built once, so applying n changes takes time
//! linear in n and the site's size (a scan per change made 100,000 rows quadratic).

use std::collections::HashMap;

use super::{Change, ImportPlan};
use coolplan_model::Site;

/// Applies every change of `plan` to `site`. Changes name halls and racks, so a plan made
/// for this site applies exactly as previewed; a rack whose hall is gone since is skipped.
pub fn apply(site: &mut Site, plan: &ImportPlan) {
    let mut index = Index::of(site);
    for change in &plan.changes {
        match change {
            Change::AddHall(hall) => {
                if !index.halls.contains_key(&hall.name) {
                    index.halls.insert(hall.name.clone(), site.halls.len());
                    site.halls.push(hall.clone());
                }
            }
            Change::PutRack { hall, rack } => {
                let Some(&h) = index.halls.get(hall) else {
                    continue;
                };
                let racks = &mut site.halls[h].racks;
                match index.racks.get(&(h, rack.name.clone())) {
                    Some(&r) => racks[r] = rack.clone(),
                    None => {
                        index.racks.insert((h, rack.name.clone()), racks.len());
                        racks.push(rack.clone());
                    }
                }
            }
            Change::SetMeasured {
                hall,
                rack,
                measured,
            } => {
                let Some(&h) = index.halls.get(hall) else {
                    continue;
                };
                if let Some(&r) = index.racks.get(&(h, rack.clone())) {
                    site.halls[h].racks[r].measured = Some(measured.clone());
                }
            }
        }
    }
}

/// Positions of halls by name and of racks by (hall position, name); the first of a
/// duplicated name wins, as a scan in file order would find it.
struct Index {
    halls: HashMap<String, usize>,
    racks: HashMap<(usize, String), usize>,
}

impl Index {
    fn of(site: &Site) -> Index {
        let mut halls = HashMap::new();
        let mut racks = HashMap::new();
        for (h, hall) in site.halls.iter().enumerate() {
            halls.entry(hall.name.clone()).or_insert(h);
            for (r, rack) in hall.racks.iter().enumerate() {
                racks.entry((h, rack.name.clone())).or_insert(r);
            }
        }
        Index { halls, racks }
    }
}
