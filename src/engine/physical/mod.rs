//! Physical evaluation: heat split, flows, equipment, feasibility, energy and PUE for every
//! rack group, hall and the site, for each cooling option. Costs are added by `engine::cost`.

use uom::si::f64::Power;

use super::climate::ClimateData;
use super::results::{CoolingOption, EnergyFigures, Reason, Thermal};
use crate::model::assumptions::Resolved;
use crate::model::{Catalog, Site};

/// Physical results of one option in one scope.
#[derive(Clone, Debug, PartialEq)]
pub struct PhysicalOption {
    pub option: CoolingOption,
    pub feasible: bool,
    pub infeasible_reasons: Vec<Reason>,
    pub warnings: Vec<Reason>,
    pub thermal: Thermal,
    pub energy: EnergyFigures,
}

/// A rack group, hall or the site, for all three options.
#[derive(Clone, Debug, PartialEq)]
pub struct PhysicalScope {
    pub name: String,
    pub options: [PhysicalOption; 3],
}

/// One rack group's physical results.
#[derive(Clone, Debug, PartialEq)]
pub struct PhysicalRack {
    pub hall: usize,
    pub rack: usize,
    pub count: u64,
    /// Design IT power of one rack on air.
    pub per_rack_design: Power,
    pub scope: PhysicalScope,
}

/// Physical results of a whole site.
#[derive(Clone, Debug, PartialEq)]
pub struct Physical {
    pub site: PhysicalScope,
    pub halls: Vec<PhysicalScope>,
    pub racks: Vec<PhysicalRack>,
    /// Air-path factor per hall reproducing its measured PUE (1 when none given).
    pub calibration: Vec<f64>,
}

/// Evaluates every rack group, hall and the site.
pub fn evaluate(
    _site: &Site,
    _catalog: &Catalog,
    _assumptions: &Resolved,
    _climate: &ClimateData,
) -> Physical {
    unimplemented!("the thermal engine (issue 3) implements this")
}
