//! KPIs of ISO/IEC 30134 (EN 50600-4) per scope, option and plan year: PUE, the cooling
//! pPUE, WUE, CUE, ERF and REF, with the yearly energy and water they come from.
//!
//! Owns: the formulas (`docs/method.md` §14) and the yearly figures of each scope — every
//! group's steady figures times the share of its load present that year ([`ledger`]).
//! Never touches: thermal or cost arithmetic (it reads their figures), files, words.
//!
//! Formulas over a year (E in kWh):
//! - PUE = E_DC / E_IT (ISO/IEC 30134-2), E_DC = facility energy + heat-pump electricity;
//! - PUE without heat export = facility energy / E_IT (EnEfG § 11(2) leaves out plant that only
//!   upgrades waste heat);
//! - pPUE of the cooling path = (E_IT + E_cooling) / E_IT (ISO/IEC 30134-2, partial PUE of a
//!   subsystem);
//! - WUE = water / E_IT in L/kWh (ISO/IEC 30134-9, site water of the cooling towers);
//! - CUE = CO₂ / E_IT in kg/kWh (ISO/IEC 30134-8), CO₂ = E_DC × the grid factor (location
//!   based: the renewable share does not lower it);
//! - ERF = E_reuse / E_DC (ISO/IEC 30134-6), E_reuse the heat delivered to a customer;
//! - REF = E_renewable / E_DC (ISO/IEC 30134-3): the site's declared renewable share.

pub mod ledger;

use crate::per_option::OPTION_COUNT;
use uom::si::energy::watt_hour;
use uom::si::f64::{Energy, Mass, MassPerEnergy, Volume};
use uom::si::mass::kilogram;
use uom::si::mass_per_energy::kilogram_per_joule;
use uom::si::volume::cubic_meter;

use crate::heat_reuse::Lift;
use coolplan_units::{Money, WaterIntensity};

/// Energy, water and heat of one scope in one year, in SI-ish f64 (the kernel's form).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct YearSums {
    pub it_wh: f64,
    /// Facility energy without heat-pump electricity.
    pub facility_wh: f64,
    pub cooling_wh: f64,
    pub water_m3: f64,
    pub liquid_heat_wh: f64,
    /// Heat delivered to customers.
    pub reused_wh: f64,
    pub heat_pump_wh: f64,
    /// Net heat revenue (site currency).
    pub heat_revenue: f64,
}

impl YearSums {
    pub fn add(&mut self, o: &YearSums) {
        self.add_unsold(o);
        self.reused_wh += o.reused_wh;
        self.heat_pump_wh += o.heat_pump_wh;
        self.heat_revenue += o.heat_revenue;
    }
    /// [`YearSums::add`] of sums whose heat figures (reused, heat-pump, revenue) are ±0
    /// (heat not sold): those stay as they are, bit for bit, where they are not −0 (a sum
    /// begun at +0 never is: only −0 + −0 gives −0).
    pub fn add_unsold(&mut self, o: &YearSums) {
        self.it_wh += o.it_wh;
        self.facility_wh += o.facility_wh;
        self.cooling_wh += o.cooling_wh;
        self.water_m3 += o.water_m3;
        self.liquid_heat_wh += o.liquid_heat_wh;
    }
    /// E_DC: facility energy and heat-pump electricity.
    pub fn total_wh(&self) -> f64 {
        self.facility_wh + self.heat_pump_wh
    }
    /// The KPIs of these sums; `grid_kg_per_wh` the CO₂ factor, `renewable_share` the REF.
    pub fn kpis(&self, grid_kg_per_wh: f64, renewable_share: f64) -> Kpis {
        let per_it = |x: f64| {
            if self.it_wh > 0.0 {
                x / self.it_wh
            } else {
                0.0
            }
        };
        let total = self.total_wh();
        Kpis {
            pue: per_it(total),
            pue_without_heat_export: per_it(self.facility_wh),
            ppue_cooling: per_it(self.it_wh + self.cooling_wh),
            // m³ per Wh → L per kWh: × 1000 L/m³ × 1000 Wh/kWh
            wue: WaterIntensity::from_l_per_kwh(per_it(self.water_m3) * 1.0e6),
            cue: MassPerEnergy::new::<kilogram_per_joule>(per_it(total * grid_kg_per_wh) / 3600.0),
            erf: if total > 0.0 {
                self.reused_wh / total
            } else {
                0.0
            },
            ref_: renewable_share,
        }
    }
}

/// The ISO/IEC 30134 KPIs of one scope in one year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Kpis {
    pub pue: f64,
    pub pue_without_heat_export: f64,
    /// Partial PUE of the cooling path.
    pub ppue_cooling: f64,
    pub wue: WaterIntensity,
    pub cue: MassPerEnergy,
    pub erf: f64,
    /// `ref` is a Rust keyword.
    pub ref_: f64,
}

/// One scope's figures in one calendar year.
#[derive(Clone, Debug, PartialEq)]
pub struct YearFigures {
    pub year: u16,
    pub it_energy: Energy,
    /// E_DC: facility energy and heat-pump electricity.
    pub total_energy: Energy,
    pub heat_pump_energy: Energy,
    pub cooling_energy: Energy,
    pub water: Volume,
    pub co2: Mass,
    /// Heat carried by liquid loops.
    pub liquid_heat: Energy,
    /// Heat delivered to heat customers.
    pub reused_heat: Energy,
    /// Net revenue of the heat sold (after the heat pump's electricity).
    pub heat_revenue: Money,
    pub kpis: Kpis,
}

/// One scope's figures year by year for each all-one-option column and for the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct ScopeYears {
    pub name: String,
    /// Indexed by [`crate::CoolingOption::index`]; every group on that option.
    pub options: [Vec<YearFigures>; OPTION_COUNT],
    /// Each group on its option in the recommended plan (`crate::plan`; air when the plan
    /// leaves it unplaced or as today).
    pub plan: Vec<YearFigures>,
}

/// A heat customer and the halls that feed it.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomerLink {
    pub customer: String,
    pub hall: usize,
    pub lift: Lift,
    /// Facility-water return, °C (NaN without facility water).
    pub source_c: f64,
}

/// KPIs of the whole site and every hall, year by year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KpiResults {
    /// Calendar years, one entry per plan year (first year of operation to the horizon).
    pub years: Vec<u16>,
    pub site: Option<ScopeYears>,
    pub halls: Vec<ScopeYears>,
    pub renewable_share: f64,
    pub heat_links: Vec<CustomerLink>,
}

impl KpiResults {
    /// The site's figures of `year` under the plan.
    pub fn plan_year(&self, year: u16) -> Option<&YearFigures> {
        self.site.as_ref()?.plan.iter().find(|f| f.year == year)
    }
}

/// Figures of `sums` in `year`.
pub(crate) fn year_figures(
    year: u16,
    sums: &YearSums,
    grid_kg_per_wh: f64,
    renewable_share: f64,
    currency: coolplan_units::Currency,
) -> YearFigures {
    let wh = Energy::new::<watt_hour>;
    YearFigures {
        year,
        it_energy: wh(sums.it_wh),
        total_energy: wh(sums.total_wh()),
        heat_pump_energy: wh(sums.heat_pump_wh),
        cooling_energy: wh(sums.cooling_wh),
        water: Volume::new::<cubic_meter>(sums.water_m3),
        co2: Mass::new::<kilogram>(sums.total_wh() * grid_kg_per_wh),
        liquid_heat: wh(sums.liquid_heat_wh),
        reused_heat: wh(sums.reused_wh),
        heat_revenue: Money::new(sums.heat_revenue, currency),
        kpis: sums.kpis(grid_kg_per_wh, renewable_share),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use uom::si::mass_per_energy::kilogram_per_joule;

    #[test]
    fn kpis_of_a_hand_worked_year() {
        // IT 1,000 MWh; facility 1,300 MWh of which cooling 220 MWh; heat pump 50 MWh;
        // water 1,800 m³; 200 MWh of heat delivered; grid 0.5 kg/kWh; renewables 30 %.
        let sums = YearSums {
            it_wh: 1.0e9,
            facility_wh: 1.3e9,
            cooling_wh: 2.2e8,
            water_m3: 1800.0,
            liquid_heat_wh: 3.0e8,
            reused_wh: 2.0e8,
            heat_pump_wh: 5.0e7,
            heat_revenue: 0.0,
        };
        let k = sums.kpis(0.5 / 1000.0, 0.3);
        // PUE = (1,300 + 50) / 1,000 = 1.35; without the heat pump 1.30
        assert!((k.pue - 1.35).abs() < 1e-12);
        assert!((k.pue_without_heat_export - 1.30).abs() < 1e-12);
        // pPUE cooling = (1,000 + 220) / 1,000 = 1.22
        assert!((k.ppue_cooling - 1.22).abs() < 1e-12);
        // WUE = 1,800,000 L / 1,000,000 kWh = 1.8 L/kWh
        assert!((k.wue.l_per_kwh() - 1.8).abs() < 1e-12);
        // CUE = 1,350,000 kWh × 0.5 kg/kWh / 1,000,000 kWh = 0.675 kg/kWh
        let cue_kg_per_kwh = k.cue.get::<kilogram_per_joule>() * 3.6e6;
        assert!((cue_kg_per_kwh - 0.675).abs() < 1e-12);
        // ERF = 200 / 1,350 = 0.148148…
        assert!((k.erf - 200.0 / 1350.0).abs() < 1e-12);
        assert_eq!(k.ref_, 0.3);
    }

    #[test]
    fn an_empty_year_has_zero_ratios_not_nan() {
        let k = YearSums::default().kpis(0.0005, 0.0);
        assert_eq!((k.pue, k.erf, k.ppue_cooling), (0.0, 0.0, 0.0));
    }
}
