//! What each climate bin means for one hall's plant, whatever its load: economiser share and
//! compressor COP of the air plant, trim share and COP of the liquid path's dry cooler, and the
//! design day that sizes the trim chiller (`docs/method.md` §7.2–§7.4).

use super::params::{LiquidPath, PlantParams};
use coolplan_climate::{ClimateData, DesignPoint};
use coolplan_model::AirPlant;
use uom::si::thermodynamic_temperature::degree_celsius;
use uom::si::time::hour;

/// One climate bin as the hall's plant sees it.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BinPlant {
    pub month: usize,
    pub hours_h: f64,
    /// Share of the air plant's coil load the economiser carries (0..1).
    pub air_free: f64,
    /// Full-load COP of the air plant's compressors.
    pub air_cop: f64,
    /// Condenser-water (tower) or outdoor air (air-cooled, DX) the compressors reject to, °C.
    pub air_sink_c: f64,
    /// Share of the liquid heat the trim chiller takes after the dry cooler (0..1).
    pub trim_share: f64,
    /// Full-load COP of the trim chiller.
    pub trim_cop: f64,
    /// Facility return minus the air entering the dry cooler, K.
    pub cooler_itd_k: f64,
}

impl BinPlant {
    /// The air plant's compressors run in this bin (for heat on air).
    pub fn air_chiller_on(&self) -> bool {
        self.air_free < 1.0
    }
}

fn clamp01(x: f64) -> f64 {
    x.clamp(0.0, 1.0)
}

/// Economiser share and compressor COP of the air plant at dry bulb `dry_c`, wet bulb `wet_c`.
pub fn air_plant_at(p: &PlantParams, dry_c: f64, wet_c: f64) -> (f64, f64, f64) {
    let return_c = p.chw_supply_c + p.chw_delta_k;
    match p.air_plant {
        AirPlant::ChilledWaterTower { economiser } => {
            // T_tower = Twb + a; x_free = (T_ret − T_tower − a_hx)/ΔT; sink = max(T_tower, floor) + range
            let tower_c = wet_c + p.tower_approach_k;
            let free = if economiser {
                clamp01((return_c - tower_c - p.hx_approach_k) / p.chw_delta_k)
            } else {
                0.0
            };
            let sink_c = tower_c.max(p.min_condenser_c) + p.condenser_range_k;
            (free, p.water_cooled.cop(p.chw_supply_c, sink_c), sink_c)
        }
        AirPlant::ChilledWaterAirCooled {
            economiser,
            adiabatic,
        } => {
            let free = if economiser {
                clamp01((return_c - dry_c - p.dry_economiser_approach_k) / p.chw_delta_k)
            } else {
                0.0
            };
            let sink_c = if adiabatic {
                p.pad_air_c(dry_c, wet_c)
            } else {
                dry_c
            };
            (free, p.air_cooled.cop(p.chw_supply_c, sink_c), sink_c)
        }
        AirPlant::DxCrac {
            economiser,
            adiabatic,
        } => {
            let free = if economiser {
                clamp01(
                    (p.dx_return_c - dry_c - p.dry_economiser_approach_k) / p.dx_economiser_span_k,
                )
            } else {
                0.0
            };
            let sink_c = if adiabatic {
                p.pad_air_c(dry_c, wet_c)
            } else {
                dry_c
            };
            let supply_c = super::chiller::Machine::dx_supply_c(p.dx_return_c);
            (free, p.dx.cop(supply_c, sink_c), sink_c)
        }
    }
}

/// The dry cooler at dry bulb `dry_c`: the air entering its coil (pads wet only when the dry
/// cooler alone cannot make the supply), the trim share and the ITD. `None` when tapped.
pub fn dry_cooler_at(p: &PlantParams, dry_c: f64, wet_c: f64) -> Option<(f64, f64, f64)> {
    let LiquidPath::DryCooler {
        supply_c,
        adiabatic,
    } = p.liquid
    else {
        return None;
    };
    let air_c = if adiabatic && dry_c + p.dry_cooler_approach_k > supply_c {
        p.pad_air_c(dry_c, wet_c)
    } else {
        dry_c
    };
    let trim = clamp01((air_c + p.dry_cooler_approach_k - supply_c) / p.loop_delta_k);
    let itd_k = supply_c + p.loop_delta_k - air_c;
    Some((air_c, trim, itd_k))
}

/// The hall's plant over the climate, per bin, with month hours.
#[derive(Clone, Debug, PartialEq)]
pub struct ClimatePlant {
    pub bins: Vec<BinPlant>,
    pub month_hours_h: [f64; 12],
    pub hours_h: f64,
    /// Hours in which the trim chiller runs (any liquid load).
    pub trim_hours_h: f64,
    /// The liquid heat joins the air plant's chilled water (no dry cooler of its own).
    pub tapped: bool,
    pub design: Option<Design>,
}

/// The liquid path on the design day (per unit of liquid design heat).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Design {
    pub dry_bulb_c: f64,
    pub wet_bulb_c: f64,
    /// Air entering the dry cooler (pads wet if fitted and needed), °C.
    pub cooler_air_c: f64,
    /// Fluid leaving the dry cooler, °C.
    pub cooler_leaving_c: f64,
    pub supply_c: f64,
    /// Share of the liquid heat the trim chiller takes at design.
    pub trim_share: f64,
    pub trim_cop: f64,
}

impl ClimatePlant {
    pub fn new(p: &PlantParams, climate: &ClimateData, design: Option<DesignPoint>) -> Self {
        let mut month_hours_h = [0.0; 12];
        let mut hours_h = 0.0;
        let mut trim_hours_h = 0.0;
        let bins = climate
            .bins
            .iter()
            .map(|bin| {
                let h = bin.hours.get::<hour>();
                let month = usize::from(bin.month.min(11));
                let dry_c = bin.dry_bulb.get::<degree_celsius>();
                let wet_c = bin.wet_bulb.get::<degree_celsius>();
                let (air_free, air_cop, air_sink_c) = air_plant_at(p, dry_c, wet_c);
                let mut plant = BinPlant {
                    month,
                    hours_h: h,
                    air_free,
                    air_cop,
                    air_sink_c,
                    ..BinPlant::default()
                };
                if let (Some((air_c, trim, itd_k)), LiquidPath::DryCooler { supply_c, .. }) =
                    (dry_cooler_at(p, dry_c, wet_c), p.liquid)
                {
                    plant.trim_share = trim;
                    plant.trim_cop = p.trim.cop(supply_c, air_c);
                    plant.cooler_itd_k = itd_k;
                    if trim > 0.0 {
                        trim_hours_h += h;
                    }
                }
                month_hours_h[month] += h;
                hours_h += h;
                plant
            })
            .collect();
        ClimatePlant {
            bins,
            month_hours_h,
            hours_h,
            trim_hours_h,
            tapped: p.liquid == LiquidPath::Tapped,
            design: design.and_then(|d| design_of(p, d)),
        }
    }

    /// Hours (h) in which no compressor runs for a scope with heat on air and/or liquid.
    pub fn free_cooling_hours(&self, air: bool, liquid: bool) -> f64 {
        self.bins
            .iter()
            .filter(|b| !self.chiller_on(b, air, liquid))
            .map(|b| b.hours_h)
            .sum::<f64>()
            + 0.0 // an empty sum is −0.0; show it as 0
    }

    /// A compressor runs in bin `b` for the heat a scope has on air and/or liquid (liquid
    /// tapped into chilled water runs on the air plant's chillers).
    pub fn chiller_on(&self, b: &BinPlant, air: bool, liquid: bool) -> bool {
        let liquid_on = if self.tapped {
            b.air_chiller_on()
        } else {
            b.trim_share > 0.0
        };
        (air && b.air_chiller_on()) || (liquid && liquid_on)
    }
}

fn design_of(p: &PlantParams, point: DesignPoint) -> Option<Design> {
    let LiquidPath::DryCooler { supply_c, .. } = p.liquid else {
        return None;
    };
    let dry_c = point.dry_bulb.get::<degree_celsius>();
    let wet_c = point.wet_bulb.get::<degree_celsius>();
    let (air_c, trim, _) = dry_cooler_at(p, dry_c, wet_c)?;
    Some(Design {
        dry_bulb_c: dry_c,
        wet_bulb_c: wet_c,
        cooler_air_c: air_c,
        cooler_leaving_c: air_c + p.dry_cooler_approach_k,
        supply_c,
        trim_share: trim,
        trim_cop: p.trim.cop(supply_c, air_c),
    })
}
