//! Helpers of the cost and finance tests: physical results built by hand, so
//! the cost engine is tested against figures worked on paper, independent of the thermal engine.
#![allow(dead_code)]

use coolplan::engine::PerOption;
use coolplan::engine::physical::limits::HallLimits;
use coolplan::engine::physical::{
    CostDrivers, Physical, PhysicalOption, PhysicalRack, PhysicalScope, Records,
};
use coolplan::engine::{CoolingOption, EnergyFigures, Reason, Thermal};
use coolplan::model::Site;
use coolplan::model::assumptions::cooling::CduSize;
use uom::si::area::square_meter;
use uom::si::areal_mass_density::kilogram_per_square_meter;
use uom::si::energy::megawatt_hour;
use uom::si::f64::{Area, ArealMassDensity, Energy, Mass, Power, Time, Volume, VolumeRate};
use uom::si::mass::kilogram;
use uom::si::power::kilowatt;
use uom::si::time::hour;
use uom::si::volume::{cubic_meter, liter};
use uom::si::volume_rate::cubic_meter_per_second;

/// What a test states about one option of one rack group.
#[derive(Clone, Debug)]
pub struct Fig {
    pub it_kw: f64,
    pub liquid_kw: f64,
    pub facility_mwh: f64,
    pub it_mwh: f64,
    pub water_m3: f64,
    pub cdus: u64,
    pub tanks: u64,
    pub fluid_l: f64,
    pub infeasible: Vec<Reason>,
}

impl Fig {
    /// `it_kw` drawn, `liquid_kw` of it to liquid, `facility_mwh` a year (IT energy = 60 %).
    pub fn new(it_kw: f64, liquid_kw: f64, facility_mwh: f64) -> Self {
        Fig {
            it_kw,
            liquid_kw,
            facility_mwh,
            it_mwh: facility_mwh * 0.6,
            water_m3: 0.0,
            cdus: 0,
            tanks: 0,
            fluid_l: 0.0,
            infeasible: Vec::new(),
        }
    }
    pub fn cdus(mut self, n: u64) -> Self {
        self.cdus = n;
        self
    }
    pub fn tanks(mut self, n: u64, fluid_l: f64) -> Self {
        self.tanks = n;
        self.fluid_l = fluid_l;
        self
    }
    pub fn water(mut self, m3: f64) -> Self {
        self.water_m3 = m3;
        self
    }
    pub fn infeasible(mut self, reason: Reason) -> Self {
        self.infeasible.push(reason);
        self
    }
}

pub fn kw(n: f64) -> Power {
    Power::new::<kilowatt>(n)
}

/// One physical option from its stated figures.
pub fn option(option: CoolingOption, fig: &Fig) -> PhysicalOption {
    let zero_energy = Energy::new::<megawatt_hour>(0.0);
    PhysicalOption {
        option,
        applies: true,
        feasible: fig.infeasible.is_empty(),
        infeasible_reasons: fig.infeasible.clone(),
        warnings: Vec::new(),
        thermal: Thermal {
            it_design: kw(fig.it_kw),
            it_avg: kw(fig.it_kw * 0.5),
            fan_power_removed: kw(0.0),
            compute_design: kw(fig.it_kw * 0.9),
            heat_to_liquid: kw(fig.liquid_kw),
            heat_to_air: kw(fig.it_kw - fig.liquid_kw),
            heat_to_door: kw(0.0),
            door_count: 0,
            active_door_count: 0,
            heat_returned_to_air: kw(0.0),
            l2a_fan_power: kw(0.0),
            coolant_flow: VolumeRate::new::<cubic_meter_per_second>(0.0),
            air_flow: VolumeRate::new::<cubic_meter_per_second>(0.0),
            loop_supply: None,
            cdu_count: fig.cdus,
            tank_count: fig.tanks,
            fluid_volume: Volume::new::<liter>(fig.fluid_l),
            fluid_mass: Mass::new::<kilogram>(fig.fluid_l * 0.806),
            cold_plate_kits: 0,
            floor_load: ArealMassDensity::new::<kilogram_per_square_meter>(500.0),
            floor_area: Area::new::<square_meter>(1.0),
        },
        energy: EnergyFigures {
            pue: fig.facility_mwh / fig.it_mwh.max(1e-9),
            tue: 1.0,
            it_energy: Energy::new::<megawatt_hour>(fig.it_mwh),
            facility_energy: Energy::new::<megawatt_hour>(fig.facility_mwh),
            monthly_facility_energy: [zero_energy; 12],
            cooling_energy: zero_energy,
            liquid_heat: zero_energy,
            free_cooling_hours: Time::new::<hour>(0.0),
            water: Volume::new::<cubic_meter>(fig.water_m3),
            co2: Mass::new::<kilogram>(0.0),
        },
        // a stated CDU count is of in-row units, 600 kW each
        cdu_capacity: kw(fig.cdus as f64 * 600.0),
    }
}

/// The stated figures of `o` from `[air, cold plate, immersion]`; the other options are
/// not part of these hand-built cases, so they stand as air ruled out.
fn fig_of(figs: &[Fig; 3], o: CoolingOption) -> Fig {
    match o {
        CoolingOption::Air => figs[0].clone(),
        CoolingOption::ColdPlate => figs[1].clone(),
        CoolingOption::Immersion => figs[2].clone(),
        _ => Fig {
            infeasible: vec![Reason::RuledOut {
                group: "not stated".into(),
            }],
            ..figs[0].clone()
        },
    }
}

fn scope(name: &str, figs: &[Fig; 3]) -> PhysicalScope {
    PhysicalScope {
        name: name.to_string(),
        options: PerOption::from_fn(|o| option(o, &fig_of(figs, o))),
    }
}

/// What the cost engine reads of a stated scope (a whole conversion: share 1).
fn drivers(scope: &PhysicalScope) -> PerOption<CostDrivers> {
    scope.options.each_ref().map(PhysicalOption::drivers)
}

/// Adds the figures of several scopes option by option (a hall, a site).
fn sum(figs: &[&[Fig; 3]]) -> [Fig; 3] {
    std::array::from_fn(|i| {
        let mut total = Fig::new(0.0, 0.0, 0.0);
        total.it_mwh = 0.0;
        for f in figs {
            let f = &f[i];
            total.it_kw += f.it_kw;
            total.liquid_kw += f.liquid_kw;
            total.facility_mwh += f.facility_mwh;
            total.it_mwh += f.it_mwh;
            total.water_m3 += f.water_m3;
            total.cdus += f.cdus;
            total.tanks += f.tanks;
            total.fluid_l += f.fluid_l;
            total.infeasible.extend(f.infeasible.iter().cloned());
        }
        total
    })
}

/// Physical results of `site` with `figs[hall][rack]` = [air, cold plate, immersion].
pub fn physical(site: &Site, figs: &[Vec<[Fig; 3]>]) -> Physical {
    let mut racks = Records::with_halls(site.halls.len());
    let mut halls = Vec::new();
    let mut hall_sums = Vec::new();
    for (h, hall) in site.halls.iter().enumerate() {
        racks.start_hall(hall.racks.len());
        for (r, rack) in hall.racks.iter().enumerate() {
            let f = &figs[h][r];
            let scope = scope(&rack.name, f);
            racks.push(PhysicalRack {
                hall: h,
                rack: r,
                count: rack.count,
                share: 1.0,
                per_rack_design: kw(f[0].it_kw / rack.count as f64),
                power_provenance: coolplan::model::assumptions::Provenance::Catalog,
                drivers: drivers(&scope),
                scope,
            });
        }
        let refs: Vec<&[Fig; 3]> = figs[h].iter().collect();
        let hall_sum = sum(&refs);
        halls.push(scope(&hall.name, &hall_sum));
        hall_sums.push(hall_sum);
    }
    let refs: Vec<&[Fig; 3]> = hall_sums.iter().collect();
    Physical {
        site: scope(&site.name, &sum(&refs)),
        halls,
        racks,
        plant: vec![Default::default(); site.halls.len()],
        limits: site
            .halls
            .iter()
            .map(|h| HallLimits::new(h, Default::default()))
            .collect(),
        cdus: coolplan::engine::cdu::CduChoices {
            to_water: coolplan::engine::cdu::CduSizing {
                sizes: coolplan::engine::cdu::candidate_sizes(&CduSize::Auto),
                redundancy: 1,
            },
            to_air: Default::default(),
        },
    }
}

/// Parses a site written in a test.
pub fn site(text: &str) -> Site {
    coolplan::io::parse_site(text, "test").unwrap_or_else(|e| panic!("{e:?}"))
}

/// Costs and finance of `site` on hand-built physical figures.
pub fn evaluate(site: &Site, figs: &[Vec<[Fig; 3]>]) -> coolplan::engine::Results {
    let catalog = site.catalog();
    let assumptions = site.assumptions.resolve(site.currency);
    coolplan::engine::cost::evaluate(site, &catalog, &assumptions, physical(site, figs))
}

/// Asserts `actual` is within 1e-9 relative (or 1e-6 absolute) of `expected`.
#[track_caller]
pub fn assert_close(actual: f64, expected: f64) {
    let tolerance = (expected.abs() * 1e-9).max(1e-6);
    assert!(
        (actual - expected).abs() <= tolerance,
        "expected {expected}, got {actual}"
    );
}
