//! Model edits: every change the GUI makes to a site, as data. [`Edit::apply`] is the only code
//! that mutates a [`Site`] for the app; the command layer records undo points around it.

use coolplan_model::{Assumptions, Hall, Rack, ServerModel, Site};

/// Index of a hall and of a rack group inside it.
pub type RackAt = (usize, usize);

/// One change to the site.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Site name, notes, currency, location, cost mode, report date (halls, catalog and
    /// assumptions of the given site are ignored).
    SetSiteProps(Box<Site>),
    AddHall,
    DuplicateHall(usize),
    DeleteHall(usize),
    RenameHall(usize, String),
    /// Hall properties (its `racks` are ignored: racks keep their own edits).
    SetHallProps(usize, Box<Hall>),
    AddRack(usize),
    DuplicateRack(RackAt),
    DeleteRack(RackAt),
    RenameRack(RackAt, String),
    SetRack(RackAt, Box<Rack>),
    SetRackCount(RackAt, u64),
    SetAssumptions(Box<Assumptions>),
    /// Adds a site model, or replaces the site's model (or overrides the shipped one) by id.
    SetCatalogModel(Box<ServerModel>),
    /// Removes the site's model of this id (a shipped model of the same id applies again).
    RemoveCatalogModel(String),
}

/// What an applied edit suggests selecting next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Focus {
    pub hall: Option<usize>,
    pub rack: Option<usize>,
}

impl Edit {
    /// Applies the edit; `None` when it points at nothing (stale index), leaving `site` as is.
    pub fn apply(self, site: &mut Site) -> Option<Focus> {
        let hall_focus = |h| Focus {
            hall: Some(h),
            rack: None,
        };
        let rack_focus = |h, r| Focus {
            hall: Some(h),
            rack: Some(r),
        };
        match self {
            Edit::SetSiteProps(props) => {
                let Site {
                    name,
                    notes,
                    currency,
                    report_date,
                    location,
                    cost_mode,
                    ..
                } = *props;
                site.name = name;
                site.notes = notes;
                site.currency = currency;
                site.report_date = report_date;
                site.location = location;
                site.cost_mode = cost_mode;
                Some(Focus::default())
            }
            Edit::AddHall => {
                let mut hall = site
                    .halls
                    .last()
                    .cloned()
                    .unwrap_or_else(default_hall_from_nothing);
                hall.racks.clear();
                hall.name =
                    numbered_name(site.halls.iter().map(|h| h.name.as_str()), "Hall", " ", 1);
                site.halls.push(hall);
                Some(hall_focus(site.halls.len() - 1))
            }
            Edit::DuplicateHall(h) => {
                let mut hall = site.halls.get(h)?.clone();
                hall.name = numbered_name(
                    site.halls.iter().map(|h| h.name.as_str()),
                    &hall.name,
                    " ",
                    2,
                );
                site.halls.insert(h + 1, hall);
                Some(hall_focus(h + 1))
            }
            Edit::DeleteHall(h) => {
                (h < site.halls.len()).then(|| site.halls.remove(h))?;
                Some(Focus {
                    hall: (!site.halls.is_empty()).then(|| h.min(site.halls.len() - 1)),
                    rack: None,
                })
            }
            Edit::RenameHall(h, name) => {
                site.halls.get_mut(h)?.name = name;
                Some(hall_focus(h))
            }
            Edit::SetHallProps(h, props) => {
                let hall = site.halls.get_mut(h)?;
                let racks = std::mem::take(&mut hall.racks);
                *hall = *props;
                hall.racks = racks;
                Some(hall_focus(h))
            }
            Edit::AddRack(h) => {
                let hall = site.halls.get_mut(h)?;
                let mut rack = hall
                    .racks
                    .last()
                    .cloned()
                    .unwrap_or_else(default_rack_from_nothing);
                rack.name = numbered_name(hall.racks.iter().map(|r| r.name.as_str()), "R", "", 1);
                rack.count = 1;
                hall.racks.push(rack);
                Some(rack_focus(h, hall.racks.len() - 1))
            }
            Edit::DuplicateRack((h, r)) => {
                let hall = site.halls.get_mut(h)?;
                let mut rack = hall.racks.get(r)?.clone();
                rack.name = numbered_name(
                    hall.racks.iter().map(|r| r.name.as_str()),
                    &rack.name,
                    " ",
                    2,
                );
                hall.racks.insert(r + 1, rack);
                Some(rack_focus(h, r + 1))
            }
            Edit::DeleteRack((h, r)) => {
                let hall = site.halls.get_mut(h)?;
                (r < hall.racks.len()).then(|| hall.racks.remove(r))?;
                Some(Focus {
                    hall: Some(h),
                    rack: (!hall.racks.is_empty()).then(|| r.min(hall.racks.len() - 1)),
                })
            }
            Edit::RenameRack((h, r), name) => {
                site.halls.get_mut(h)?.racks.get_mut(r)?.name = name;
                Some(rack_focus(h, r))
            }
            Edit::SetRack((h, r), rack) => {
                *site.halls.get_mut(h)?.racks.get_mut(r)? = *rack;
                Some(rack_focus(h, r))
            }
            Edit::SetRackCount((h, r), count) => {
                site.halls.get_mut(h)?.racks.get_mut(r)?.count = count;
                Some(rack_focus(h, r))
            }
            Edit::SetAssumptions(assumptions) => {
                site.assumptions = *assumptions;
                Some(Focus::default())
            }
            Edit::SetCatalogModel(model) => {
                match site.catalog.iter_mut().find(|m| m.id == model.id) {
                    Some(existing) => *existing = *model,
                    None => site.catalog.push(*model),
                }
                Some(Focus::default())
            }
            Edit::RemoveCatalogModel(id) => {
                let before = site.catalog.len();
                site.catalog.retain(|m| m.id != id);
                (site.catalog.len() != before).then_some(Focus::default())
            }
        }
    }
}

/// `{stem}{joiner}{n}` with the first `n` from `first` that no existing name uses.
fn numbered_name<'a>(
    existing: impl Iterator<Item = &'a str> + Clone,
    stem: &str,
    joiner: &str,
    first: usize,
) -> String {
    (first..)
        .map(|n| format!("{stem}{joiner}{n}"))
        .find(|name| !existing.clone().any(|e| e == name))
        .unwrap_or_else(|| stem.to_string())
}

/// A plain raised-floor hall (used when the site has no hall to copy).
fn default_hall_from_nothing() -> Hall {
    use coolplan_model::{Floor, FloorKind};
    use coolplan_units::build::{kg_per_m2, kw, m2};
    Hall {
        name: String::new(),
        notes: String::new(),
        floor: Floor {
            kind: FloorKind::Raised,
            rating: kg_per_m2(1200.0),
        },
        area: m2(200.0),
        air_cooling_capacity: kw(300.0),
        facility_water: None,
        measured_pue: None,
        calibration_split: None,
        it_capacity: None,
        plant: None,
        ups_redundancy: None,
        ups_curve: None,
        racks: Vec::new(),
    }
}

/// An empty 42U rack (used when the hall has no rack to copy).
fn default_rack_from_nothing() -> Rack {
    Rack {
        name: String::new(),
        notes: String::new(),
        count: 1,
        height: coolplan_units::build::rack_units(42.0),
        position: None,
        retrofit_share: None,
        servers: Vec::new(),
        measured: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::small_site;

    #[test]
    fn duplicate_rack_gets_a_fresh_name_and_focus() {
        let mut site = small_site();
        let (name, groups) = (
            site.halls[0].racks[1].name.clone(),
            site.halls[0].racks.len(),
        );
        let focus = Edit::DuplicateRack((0, 1)).apply(&mut site).unwrap();
        assert_eq!(focus.rack, Some(2));
        assert_eq!(site.halls[0].racks[2].name, format!("{name} 2"));
        assert_eq!(site.halls[0].racks.len(), groups + 1);
    }

    #[test]
    fn added_racks_and_halls_have_unique_names() {
        let mut site = small_site();
        let groups = site.halls[0].racks.len();
        let _ = Edit::AddRack(0).apply(&mut site);
        let _ = Edit::AddRack(0).apply(&mut site);
        let names: Vec<_> = site.halls[0].racks.iter().map(|r| &r.name).collect();
        assert_eq!(names[groups..], ["R1", "R2"]);
        let halls = site.halls.len();
        let _ = Edit::AddHall.apply(&mut site);
        assert_eq!(site.halls[halls].name, "Hall 1");
        assert!(site.halls[halls].racks.is_empty());
    }

    #[test]
    fn stale_indices_change_nothing() {
        let mut site = small_site();
        let before = site.clone();
        assert!(Edit::DeleteRack((0, 99)).apply(&mut site).is_none());
        assert!(Edit::SetRackCount((5, 0), 3).apply(&mut site).is_none());
        assert_eq!(site, before);
    }

    #[test]
    fn hall_props_keep_the_racks() {
        let mut site = small_site();
        let mut props = site.halls[0].clone();
        props.racks.clear();
        props.name = "Renamed".into();
        let _ = Edit::SetHallProps(0, Box::new(props)).apply(&mut site);
        assert_eq!(site.halls[0].name, "Renamed");
        assert_eq!(site.halls[0].racks.len(), small_site().halls[0].racks.len());
    }
}
