//! Sites the app starts on and sites for tests: the bundled examples (compiled in, so the app
//! opens from any folder), a blank site with one empty hall (File › New) and a generated large
//! site to measure speed.

use coolplan_model::{Hall, Position, Site};

/// The example site opened when no file is given (compiled into the binary).
pub const EXAMPLE_SITE_RON: &str = include_str!("../../../sites/ai-hall.ron");
/// Name shown for the bundled example.
pub const EXAMPLE_SITE_NAME: &str = "ai-hall.ron";

/// The example sites bundled in the binary: file name and text.
pub const EXAMPLES: [(&str, &str); 6] = [
    (EXAMPLE_SITE_NAME, EXAMPLE_SITE_RON),
    (
        "enterprise-room.ron",
        include_str!("../../../sites/enterprise-room.ron"),
    ),
    (
        "china-fleet.ron",
        include_str!("../../../sites/china-fleet.ron"),
    ),
    (
        "colo-doors.ron",
        include_str!("../../../sites/colo-doors.ron"),
    ),
    (
        "office-gpu-room.ron",
        include_str!("../../../sites/office-gpu-room.ron"),
    ),
    (
        "gpu-expansion.ron",
        include_str!("../../../sites/gpu-expansion.ron"),
    ),
];

/// Parses bundled example `name` (one of [`EXAMPLES`]).
pub fn bundled(name: &str) -> Option<Result<Site, coolplan_io::LoadError>> {
    EXAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(n, text)| coolplan_io::parse_site(text, n))
}

/// What a new site starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    /// One empty hall ([`blank_site`]).
    Blank,
    /// A bundled example as it is (an unsaved copy).
    Example(&'static str),
    /// The halls of a bundled example (floor, area, capacities, water) without their racks.
    HallsOf(&'static str),
}

impl Template {
    /// The site, and the name shown for it until it is saved; a blank site is named `name`
    /// with its first hall named `hall`.
    pub fn site(self, name: &str, hall: &str) -> (Site, Option<String>) {
        let example = |file: &str| bundled(file).and_then(Result::ok);
        match self {
            Template::Example(file) => match example(file) {
                Some(site) => (site, Some(file.to_string())),
                None => (blank_site(name, hall), None),
            },
            Template::HallsOf(file) => match example(file) {
                Some(mut site) => {
                    site.name = name.to_string();
                    site.notes.clear();
                    site.uncertainty.clear();
                    for hall in &mut site.halls {
                        hall.racks.clear();
                    }
                    (site, None)
                }
                None => (blank_site(name, hall), None),
            },
            Template::Blank => (blank_site(name, hall), None),
        }
    }
}

/// A new site: `name`, CNY, Beijing's climate, default assumptions and one empty hall named
/// `hall_name` of a plain raised floor (nothing of any other site carried over).
pub fn blank_site(name: &str, hall_name: &str) -> Site {
    use coolplan_model::{ClimateSource, CostMode, Location, SCHEMA_VERSION};
    Site {
        schema_version: SCHEMA_VERSION,
        name: name.to_string(),
        notes: String::new(),
        currency: coolplan_units::Currency::CNY,
        report_date: None,
        report_author: None,
        report_revision: None,
        location: Location {
            name: "Beijing".into(),
            climate: ClimateSource::Preset("beijing".into()),
        },
        cost_mode: CostMode::default(),
        assumptions: Default::default(),
        catalog: Vec::new(),
        overrides: Vec::new(),
        halls: vec![blank_hall(hall_name)],
        uncertainty: Vec::new(),
        compliance: None,
        heat_customer: None,
        refresh: None,
        cooling_options: None,
    }
}

/// A plain raised-floor hall of 200 m² with 300 kW of air cooling and no racks.
pub fn blank_hall(name: &str) -> Hall {
    use coolplan_model::{Floor, FloorKind};
    use coolplan_units::build::{kg_per_m2, kw, m2};
    Hall::bare(
        name,
        Floor {
            kind: FloorKind::Raised,
            rating: kg_per_m2(1200.0),
        },
        m2(200.0),
        kw(300.0),
    )
}

/// Parses the bundled example.
pub fn example_site() -> Result<Site, coolplan_io::LoadError> {
    coolplan_io::parse_site(EXAMPLE_SITE_RON, EXAMPLE_SITE_NAME)
}

/// A small site for unit tests (the bundled example).
#[cfg(test)]
pub fn small_site() -> Site {
    // Invariant: the bundled example parses; `example_parses` below checks it on every build.
    example_site().expect("bundled example parses")
}

/// A site with `rack_groups` rack groups spread over halls of at most 2,000 groups each, made by
/// repeating the example's rack groups at new floor positions (rows of 40 slots).
pub fn large_site(base: &Site, rack_groups: usize) -> Site {
    let mut site = base.clone();
    let Some(template_hall) = base.halls.first() else {
        return site;
    };
    let templates = &template_hall.racks;
    if templates.is_empty() {
        return site;
    }
    site.name = format!("{} × {rack_groups}", base.name);
    site.halls.clear();
    let per_hall = 2000;
    for hall_index in 0..rack_groups.div_ceil(per_hall) {
        let mut hall: Hall = template_hall.clone();
        hall.name = format!("{} {}", template_hall.name, hall_index + 1);
        hall.racks.clear();
        let in_hall = per_hall.min(rack_groups - hall_index * per_hall);
        for i in 0..in_hall {
            let mut rack = templates[i % templates.len()].clone();
            rack.name = format!("R{:05}", hall_index * per_hall + i + 1);
            rack.count = 1;
            rack.position = Some(Position {
                row: row_name(i / 40),
                slot: (i % 40) as u32 + 1,
            });
            hall.racks.push(rack);
        }
        // Room for the racks: scale area and air capacity with the count.
        let scale = in_hall as f64 / templates.len().max(1) as f64;
        hall.area = coolplan_units::Qty::new(hall.area.number() * scale, hall.area.unit());
        hall.air_cooling_capacity = coolplan_units::Qty::new(
            hall.air_cooling_capacity.number() * scale,
            hall.air_cooling_capacity.unit(),
        );
        site.halls.push(hall);
    }
    site
}

/// Row names A … Z, AA … AZ, BA …
pub fn row_name(index: usize) -> String {
    let letter = |i: usize| char::from(b'A' + (i % 26) as u8);
    if index < 26 {
        letter(index).to_string()
    } else {
        format!("{}{}", letter(index / 26 - 1), letter(index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn example_parses() {
        assert!(example_site().is_ok());
        for (name, _) in EXAMPLES {
            assert!(bundled(name).is_some_and(|s| s.is_ok()), "{name}");
        }
    }

    #[test]
    fn a_template_keeps_the_halls_of_its_example_without_racks() {
        let (site, label) = Template::HallsOf(EXAMPLE_SITE_NAME).site("untitled", "Hall 1");
        assert_eq!(label, None);
        assert_eq!(site.halls.len(), small_site().halls.len());
        assert!(site.halls.iter().all(|h| h.racks.is_empty()));
        assert_eq!(site.name, "untitled");
        let (example, label) = Template::Example("enterprise-room.ron").site("x", "y");
        assert_eq!(label.as_deref(), Some("enterprise-room.ron"));
        assert!(example.rack_group_count() > 0);
    }

    #[test]
    fn a_blank_site_is_valid_and_has_one_empty_hall() {
        let site = blank_site("untitled", "Hall 1");
        assert_eq!(site.halls.len(), 1);
        assert!(site.halls[0].racks.is_empty());
        let problems = coolplan_io::validate(&site);
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn large_site_has_the_asked_number_of_groups() {
        let site = large_site(&small_site(), 10_000);
        assert_eq!(site.rack_group_count(), 10_000);
        assert_eq!(site.halls.len(), 5);
        assert_eq!(row_name(26), "AA");
        assert_eq!(row_name(27), "AB");
    }
}
