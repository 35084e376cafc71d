//! The engine on the 10,000-rack-group benchmark site (`coolplan generate --racks 10000
//! --seed 2026`): the figures stay consistent at that size. Speed itself is measured by
//! `benches/engine.rs` (criterion), never by a timed test.

use coolplan::engine::climate::presets;
use coolplan::engine::{CoolingOption, CostItem, evaluate};
use coolplan::model::generate::generate_site;

/// `a` and `b` agree to 1e-9 of their size (the same figures summed in another order).
fn assert_same_sum(a: f64, b: f64, what: &str) {
    let tolerance = 1e-9 * a.abs().max(b.abs()).max(1.0);
    assert!((a - b).abs() <= tolerance, "{what}: {a} vs {b}");
}

#[test]
fn ten_thousand_rack_groups_add_up_to_their_halls_and_the_site() {
    let site = generate_site(10_000, 2026);
    let climate = presets::preset("beijing").expect("the beijing preset is shipped");
    let results = evaluate(&site, &climate);
    assert_eq!(results.racks.len(), 10_000);
    assert_eq!(results.halls.len(), site.halls.len());
    let racks: u64 = site
        .halls
        .iter()
        .flat_map(|h| &h.racks)
        .map(|r| r.count)
        .sum();
    assert_eq!(results.racks.iter().map(|r| r.count).sum::<u64>(), racks);

    for option in CoolingOption::ALL {
        let i = option.index();
        let (mut capex, mut opex, mut it_mwh, mut facility_mwh) = (0.0, 0.0, 0.0, 0.0);
        for (h, hall) in results.halls.iter().enumerate() {
            // CAPEX, OPEX and energy are extensive: a hall's are the sums of its rack groups'
            let groups = results.racks.iter().filter(|r| r.hall == h);
            let (mut c, mut o, mut e) = (0.0, 0.0, 0.0);
            for rack in groups {
                let figures = &rack.scope.options[i];
                c += figures.cost.capex.amount;
                o += figures.cost.opex_per_year.amount;
                e += mwh(figures.energy.it_energy);
            }
            let own = &hall.options[i];
            // a column's enabling works (an air-plant addition where its heat on the room's
            // air exceeds the plant, an electrical upgrade) are the hall's, no group's
            let works: f64 = (own.cost.capex_breakdown.iter())
                .filter(|(item, _)| {
                    matches!(
                        item,
                        CostItem::AirPlantAddition | CostItem::ElectricalUpgrade
                    )
                })
                .map(|(_, m)| m.amount)
                .sum();
            assert_same_sum(own.cost.capex.amount - works, c, "hall CAPEX");
            assert_same_sum(own.cost.opex_per_year.amount, o, "hall OPEX");
            assert_same_sum(mwh(own.energy.it_energy), e, "hall IT energy");
            capex += own.cost.capex.amount;
            opex += own.cost.opex_per_year.amount;
            it_mwh += mwh(own.energy.it_energy);
            facility_mwh += mwh(own.energy.facility_energy);
        }
        let own = &results.site.options[i];
        assert_same_sum(own.cost.capex.amount, capex, "site CAPEX");
        assert_same_sum(own.cost.opex_per_year.amount, opex, "site OPEX");
        assert_same_sum(mwh(own.energy.it_energy), it_mwh, "site IT energy");
        assert_same_sum(mwh(own.energy.facility_energy), facility_mwh, "site energy");
        // the PUE is recomputed from the sums, not averaged
        assert_same_sum(own.energy.pue, facility_mwh / it_mwh, "site PUE");
    }
    // on air every rack group costs nothing extra against itself
    assert_eq!(
        results
            .site
            .option(CoolingOption::Air)
            .cost
            .npv_vs_air
            .amount,
        0.0
    );
}

#[test]
fn irr_is_stored_for_halls_and_the_site_and_computed_on_demand_for_rack_groups() {
    let site = generate_site(10_000, 2026);
    let climate = presets::preset("beijing").expect("the beijing preset is shipped");
    let results = evaluate(&site, &climate);
    for scope in std::iter::once(&results.site).chain(&results.halls) {
        for option in CoolingOption::ALL {
            // the on-demand figure is the stored one, to the bit
            assert_eq!(
                scope.irr(option).map(f64::to_bits),
                scope.option(option).cost.irr.map(f64::to_bits),
                "{} {option:?}",
                scope.name
            );
        }
    }
    let mut with_irr = 0;
    for rack in &results.racks {
        assert!(rack.scope.options.iter().all(|o| o.cost.irr.is_none()));
        assert_eq!(rack.scope.irr(CoolingOption::Air), None);
        with_irr += CoolingOption::ALL
            .iter()
            .filter(|o| rack.scope.irr(**o).is_some())
            .count();
    }
    // most liquid conversions invest first and save later: they have an IRR
    assert!(
        with_irr > 10_000,
        "{with_irr} rack-group options with an IRR"
    );
}

#[test]
fn the_benchmark_sites_hold_the_racks_benchmarks_md_says() {
    let racks = |groups: usize| -> u64 {
        let site = generate_site(groups, 2026);
        site.halls
            .iter()
            .flat_map(|h| &h.racks)
            .map(|r| r.count)
            .sum()
    };
    // benches/support: GROUPS_OF_10K_RACKS = 4,610 groups hold 10,000 racks (to 0.01 %)
    assert_eq!(racks(4_610), 10_001);
    assert_eq!(racks(10_000), 21_747);
}

fn mwh(energy: uom::si::f64::Energy) -> f64 {
    energy.get::<uom::si::energy::megawatt_hour>()
}
