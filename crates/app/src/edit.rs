//! Model edits: every change the GUI makes to a site, as data. [`Edit::apply`] is the only code
//! that mutates a [`Site`] for the app; the command layer records undo points around it.

use coolplan_model::uncertainty::Uncertain;
use coolplan_model::{Assumptions, Hall, Position, Rack, ServerModel, Site};

/// Index of a hall and of a rack group inside it.
pub type RackAt = (usize, usize);

/// One change to the site.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Site name, notes, currency, location, cost mode, report date, refresh and cooling options
    /// (halls, catalog and assumptions of the given site are ignored).
    SetSiteProps(Box<Site>),
    /// Sets or clears the site's compliance profile.
    SetCompliance(Option<Box<coolplan_model::Compliance>>),
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
    /// Replaces several rack groups and adds others to halls at once (bulk edit, paste).
    SetRacks {
        replace: Vec<(RackAt, Rack)>,
        add: Vec<(usize, Rack)>,
    },
    SetRackCount(RackAt, u64),
    /// Moves a rack group to the end of another hall, as `rack` (its new position).
    MoveRack {
        from: RackAt,
        to_hall: usize,
        rack: Box<Rack>,
    },
    SetAssumptions(Box<Assumptions>),
    /// Replaces the site's list of uncertain inputs (the uncertainty editor checks it first).
    SetUncertainty(Vec<Uncertain>),
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
                    report_author,
                    report_revision,
                    location,
                    cost_mode,
                    refresh,
                    cooling_options,
                    ..
                } = *props;
                site.refresh = refresh;
                site.cooling_options = cooling_options;
                site.name = name;
                site.notes = notes;
                site.currency = currency;
                site.report_date = report_date;
                site.report_author = report_author;
                site.report_revision = report_revision;
                site.location = location;
                site.cost_mode = cost_mode;
                Some(Focus::default())
            }
            Edit::SetCompliance(profile) => {
                site.compliance = profile.map(|p| *p);
                Some(Focus::default())
            }
            Edit::AddHall => {
                let mut hall = site
                    .halls
                    .last()
                    .cloned()
                    .unwrap_or_else(|| crate::sample::blank_hall(""));
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
                let model = default_model(site, h);
                let hall = site.halls.get_mut(h)?;
                let mut rack = new_rack(model);
                rack.name = numbered_name(hall.racks.iter().map(|r| r.name.as_str()), "R", "", 1);
                rack.position = Some(next_free_position(hall));
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
            Edit::MoveRack {
                from: (h, r),
                to_hall,
                rack,
            } => {
                if to_hall >= site.halls.len() || r >= site.halls.get(h)?.racks.len() {
                    return None;
                }
                site.halls[h].racks.remove(r);
                site.halls[to_hall].racks.push(*rack);
                Some(rack_focus(to_hall, site.halls[to_hall].racks.len() - 1))
            }
            Edit::SetRacks { replace, add } => {
                let valid = replace.iter().all(|((h, r), _)| {
                    site.halls.get(*h).is_some_and(|hall| *r < hall.racks.len())
                }) && add.iter().all(|(h, _)| *h < site.halls.len());
                if !valid || (replace.is_empty() && add.is_empty()) {
                    return None;
                }
                let focus = add
                    .last()
                    .map(|(h, _)| {
                        (
                            *h,
                            site.halls[*h].racks.len() + add.iter().filter(|(a, _)| a == h).count()
                                - 1,
                        )
                    })
                    .or_else(|| replace.first().map(|(at, _)| *at));
                for ((h, r), rack) in replace {
                    site.halls[h].racks[r] = rack;
                }
                for (h, rack) in add {
                    site.halls[h].racks.push(rack);
                }
                Some(focus.map_or(Focus::default(), |(h, r)| rack_focus(h, r)))
            }
            Edit::SetRackCount((h, r), count) => {
                site.halls.get_mut(h)?.racks.get_mut(r)?.count = count;
                Some(rack_focus(h, r))
            }
            Edit::SetAssumptions(assumptions) => {
                site.assumptions = *assumptions;
                Some(Focus::default())
            }
            Edit::SetUncertainty(list) => {
                site.uncertainty = list;
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

/// The model a new rack group starts with: the one most server groups of hall `h` use, else
/// the first model of the site's catalog.
fn default_model(site: &Site, h: usize) -> String {
    let mut uses: Vec<(&str, usize)> = Vec::new();
    for group in site
        .halls
        .get(h)
        .into_iter()
        .flat_map(|hall| &hall.racks)
        .flat_map(|r| &r.servers)
    {
        match uses.iter_mut().find(|(m, _)| *m == group.model) {
            Some((_, n)) => *n += 1,
            None => uses.push((&group.model, 1)),
        }
    }
    // first of the most used, in the order first seen
    let most = uses.iter().map(|(_, n)| *n).max();
    uses.iter()
        .find(|(_, n)| Some(*n) == most)
        .map(|(m, _)| m.to_string())
        .or_else(|| site.catalog().models().first().map(|m| m.id.clone()))
        .unwrap_or_default()
}

/// A 42U rack group of one rack holding one stock server of `model`: valid as it stands.
fn new_rack(model: String) -> Rack {
    Rack {
        name: String::new(),
        notes: String::new(),
        count: 1,
        height: coolplan_units::build::rack_units(42.0),
        position: None,
        retrofit_share: None,
        servers: vec![coolplan_model::ServerGroup {
            model,
            count: 1,
            status: coolplan_model::Status::Stock,
            installed: None,
            service_life: None,
            refresh: None,
            notes: String::new(),
        }],
        measured: None,
        cooling: None,
    }
}

/// The slot after the last rack of the hall's last row (a group of n racks fills n slots), or
/// A/1 in an empty hall.
pub fn next_free_position(hall: &Hall) -> Position {
    let last_row = hall
        .racks
        .iter()
        .filter_map(|r| r.position.as_ref())
        .map(|p| p.row.as_str())
        .max_by(|a, b| a.len().cmp(&b.len()).then(a.cmp(b)));
    let Some(row) = last_row else {
        return Position {
            row: "A".into(),
            slot: 1,
        };
    };
    let end = hall
        .racks
        .iter()
        .filter_map(|r| r.position.as_ref().map(|p| (p, r.count)))
        .filter(|(p, _)| p.row == row)
        .map(|(p, count)| p.slot.saturating_add(count.min(u64::from(u32::MAX)) as u32))
        .max()
        .unwrap_or(1);
    Position {
        row: row.to_string(),
        slot: end,
    }
}

/// Copies of the property fields without the big lists (cheap with 10,000 racks).
pub trait CloneProps {
    fn clone_props(&self) -> Self;
}

impl CloneProps for Site {
    fn clone_props(&self) -> Self {
        Site {
            schema_version: self.schema_version,
            name: self.name.clone(),
            notes: self.notes.clone(),
            currency: self.currency,
            report_date: self.report_date.clone(),
            report_author: self.report_author.clone(),
            report_revision: self.report_revision.clone(),
            location: self.location.clone(),
            cost_mode: self.cost_mode,
            assumptions: Default::default(),
            catalog: Vec::new(),
            overrides: Vec::new(),
            uncertainty: Vec::new(),
            halls: Vec::new(),
            compliance: self.compliance.clone(),
            heat_customer: self.heat_customer.clone(),
            refresh: self.refresh.clone(),
            cooling_options: self.cooling_options.clone(),
        }
    }
}

impl CloneProps for Hall {
    fn clone_props(&self) -> Self {
        Hall {
            name: self.name.clone(),
            notes: self.notes.clone(),
            floor: self.floor.clone(),
            area: self.area,
            air_cooling_capacity: self.air_cooling_capacity,
            facility_water: self.facility_water.clone(),
            measured_pue: self.measured_pue,
            calibration_split: self.calibration_split,
            heat_customer: self.heat_customer.clone(),
            it_capacity: self.it_capacity,
            plant: self.plant,
            ups_redundancy: self.ups_redundancy,
            ups_curve: self.ups_curve,
            forbidden_works: self.forbidden_works.clone(),
            racks: Vec::new(),
        }
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
    fn a_new_rack_group_is_valid_and_placed_after_the_last_rack() {
        let mut site = small_site();
        let _ = Edit::AddRack(0).apply(&mut site);
        let rack = site.halls[0].racks.last().unwrap();
        // ai-hall's hall A1 uses dgx-b200 in two groups, as often as any other model.
        assert_eq!(rack.servers.len(), 1);
        // the last row of A1 is C, whose racks end at slot 9 + 8 = 17
        assert_eq!(
            rack.position,
            Some(Position {
                row: "C".into(),
                slot: 17
            })
        );
        let problems = coolplan_io::validate(&site);
        let at_new: Vec<_> = problems
            .iter()
            .filter(|p| {
                p.path
                    .iter()
                    .any(|s| *s == coolplan_io::Seg::Rack(rack.name.clone()))
            })
            .collect();
        assert!(at_new.is_empty(), "{at_new:?}");
        // an empty hall starts at A/1 with a model of the catalog
        let _ = Edit::AddHall.apply(&mut site);
        let h = site.halls.len() - 1;
        let _ = Edit::AddRack(h).apply(&mut site);
        let first = &site.halls[h].racks[0];
        assert_eq!(
            first.position.as_ref().map(|p| (p.row.as_str(), p.slot)),
            Some(("A", 1))
        );
        assert!(!first.servers[0].model.is_empty());
    }

    #[test]
    fn several_groups_change_in_one_edit_and_a_stale_one_changes_none() {
        let mut site = small_site();
        let mut a = site.halls[0].racks[0].clone();
        a.count = 3;
        let b = Rack {
            name: "R-new".into(),
            ..site.halls[1].racks[0].clone()
        };
        let groups = site.halls[1].racks.len();
        let focus = Edit::SetRacks {
            replace: vec![((0, 0), a)],
            add: vec![(1, b)],
        }
        .apply(&mut site)
        .unwrap();
        assert_eq!(site.halls[0].racks[0].count, 3);
        assert_eq!(site.halls[1].racks[groups].name, "R-new");
        assert_eq!(focus.rack, Some(groups));
        let before = site.clone();
        let stale = Edit::SetRacks {
            replace: vec![
                ((0, 0), before.halls[0].racks[1].clone()),
                ((0, 99), a_rack()),
            ],
            add: vec![],
        };
        assert!(stale.apply(&mut site).is_none());
        assert_eq!(site, before);
    }

    fn a_rack() -> Rack {
        small_site().halls[0].racks[0].clone()
    }

    #[test]
    fn a_group_moves_to_another_hall_in_one_edit() {
        let mut site = small_site();
        let (a, b) = (site.halls[0].racks.len(), site.halls[1].racks.len());
        let mut rack = site.halls[0].racks[0].clone();
        rack.position = Some(Position {
            row: "H".into(),
            slot: 2,
        });
        let focus = Edit::MoveRack {
            from: (0, 0),
            to_hall: 1,
            rack: Box::new(rack.clone()),
        }
        .apply(&mut site)
        .unwrap();
        assert_eq!(
            (site.halls[0].racks.len(), site.halls[1].racks.len()),
            (a - 1, b + 1)
        );
        assert_eq!(site.halls[1].racks[b], rack);
        assert_eq!((focus.hall, focus.rack), (Some(1), Some(b)));
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
