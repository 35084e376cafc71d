//! The heat customers' money in the cost streams: settling how much liquid heat each hall's
//! customer takes (from every rack group's liquid heat per option and year), then crediting a
//! group's revenue and its share of the connection CAPEX to its liquid options' streams.
//!
//! Owns: the link between [`HeatReuse`] (the model, `docs/method.md` §13) and the cost
//! engine's per-group buffers. Never touches: the thermal arithmetic, prices other than the
//! customer's, files.

use super::RackCosts;
use super::basis::RackBasis;
use crate::heat_reuse::HeatReuse;
use crate::kpi::ledger::EnergyRow;
use crate::per_option::OPTION_COUNT;
use crate::physical::{GroupRecord, Records};
use crate::results::{CoolingOption, CostItem};

/// Sets how much of each hall's liquid heat its customer takes, from every group's liquid
/// heat per option and cash-flow year (retrofit share applied).
pub(super) fn settle<G: GroupRecord>(
    heat: &mut HeatReuse,
    racks: &Records<G>,
    bases: &[Vec<RackBasis>],
    horizon: usize,
) {
    let years = horizon + 1;
    let halls = bases.len();
    let mut liquid: Vec<[Vec<f64>; OPTION_COUNT]> = (0..halls)
        .map(|_| std::array::from_fn(|_| vec![0.0; years]))
        .collect();
    let mut full = vec![[0.0; OPTION_COUNT]; halls];
    let mut computed = Vec::new();
    for rack in racks {
        let (h, r) = rack.place();
        let Some(basis) = bases.get(h).and_then(|b| b.get(r)) else {
            continue;
        };
        let presence = basis.presence_over(years, &mut computed);
        let rows = EnergyRow::rows(&rack.drivers().0, basis.share);
        for (o, row) in rows.iter().enumerate() {
            full[h][o] += row.liquid_heat_wh;
            for (t, (avg, _)) in presence.iter().enumerate() {
                liquid[h][o][t] += row.liquid_heat_wh * avg;
            }
        }
    }
    heat.settle(&liquid, &full);
}

/// Adds a group's heat revenue (a negative cost) and its share of the connection CAPEX to the
/// priced liquid options' streams in `work` (whose energy rows and presence are the group's,
/// whose basis is `basis`).
pub(super) fn credit(heat: &HeatReuse, hall: usize, basis: &RackBasis, work: &mut RackCosts) {
    let RackCosts {
        options,
        presence,
        energy,
        priced,
        ..
    } = work;
    let presence = super::group_presence(presence, basis);
    // heat that reaches the facility water can be sold
    for option in CoolingOption::RETROFITS
        .into_iter()
        .filter(|o| o.needs_facility_water() && priced[*o])
    {
        let liquid_wh = energy[option.index()].liquid_heat_wh;
        if liquid_wh <= 0.0 {
            continue;
        }
        let streams = &mut options[option];
        let years = streams.years();
        for t in 1..years {
            let avg = presence.get(t).map_or(0.0, |p| p.0);
            let revenue = liquid_wh * avg * heat.per_liquid_wh(hall, option, t).revenue;
            streams.other_opex[t] -= revenue;
        }
        let steady = heat.per_liquid_wh(hall, option, years - 1).revenue;
        streams.steady_opex -= liquid_wh * steady;
        if let Some((year, amount)) = heat.capex_share(hall, option, liquid_wh) {
            streams.spend(CostItem::HeatReuse, year, amount);
        }
    }
}
