//! Tornado: one input at a time over its range, ranked by the swing of the plan's NPV against
//! air.

use crate::support::{assert_close, climate, evaluator, site_with};
use coolplan::engine::analysis::tornado::tornado;
use coolplan::model::uncertainty::prepare::Prepared;
use coolplan::model::{Cooling, CoolingRule};

#[test]
fn the_dominant_input_is_ranked_first() {
    // Electricity ± 10 % moves the savings of every kWh saved; the ancillary load ± 1 % is a
    // fixed load every option keeps (tiny); the CDU approach barely matters when water is
    // cool enough. Written in the reverse order of their effect.
    let mut site = site_with(
        r#"(input: "plant.misc_per_it_capacity", range: Percent(1)),
           (input: "cooling.cdu_approach", range: Uniform(low: K(3), high: K(5))),
           (input: "prices.electricity", range: Percent(10))"#,
    );
    // On its own the plan keeps both groups on air (converting the 40.8 kW GPU racks saves
    // less than it costs once the plant's fixed parts stay, method.md §7) and no input moves
    // an NPV of zero; the rule puts the GPU racks on cold plate, whose savings electricity
    // prices.
    site.halls[0].racks[0].cooling = Some(CoolingRule::Force(Cooling::ColdPlate));
    let climate = climate();
    let evaluate = evaluator(&climate);
    let base = coolplan::engine::recompute(&site, &climate);
    let prepared = Prepared::new(&site).expect("valid");
    let t = tornado(&prepared, false, &base, &evaluate).expect("runs");
    assert_eq!(t.bars.len(), 3);
    assert_eq!(t.bars[0].input.path(), "prices.electricity");
    assert!(t.bars[0].swing.amount > 10.0 * t.bars[1].swing.amount);
    for pair in t.bars.windows(2) {
        assert!(pair[0].swing.amount >= pair[1].swing.amount);
    }
    // the plan takes a liquid option somewhere, so its NPV moves with electricity
    assert!(
        base.plan
            .groups
            .iter()
            .any(|g| g.option.is_some_and(|o| o.key() != "air"))
    );
    // NPV against air is linear in the electricity price (savings = Δenergy × price − ΔO&M)
    // while the plan stays the same, so a symmetric ± 10 % range moves it by equal amounts
    // either side of the base: NPV(high) − NPV(base) = NPV(base) − NPV(low).
    let bar = &t.bars[0];
    let up = bar.high.npv.amount - t.base_npv.amount;
    let down = t.base_npv.amount - bar.low.npv.amount;
    assert!(up > 0.0, "dearer electricity makes saving it worth more");
    if !bar.low.plan_changed && !bar.high.plan_changed {
        assert_close(up, down, 1e-6);
    } else {
        // a plan searched again at an end does at least as well there as the base plan
        assert!(up >= 0.0 && down >= 0.0);
    }
    assert_eq!(bar.low.written, "CNY_per_kWh(0.675)");
    assert_eq!(bar.high.written, "CNY_per_kWh(0.825)");
    assert_eq!(bar.high.display, "0.825 CNY/kWh");
    assert_eq!(bar.base, "0.75 CNY/kWh");
    // each end is exactly the engine's NPV of the site with that one value
    let high_site = prepared.apply(2, 0.825).expect("applies");
    let high = evaluate(&high_site);
    assert_close(bar.high.npv.amount, high.plan_npv.amount, 1e-12);
}
