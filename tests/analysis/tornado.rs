//! Tornado: one input at a time over its range, ranked by the swing of NPV against air.

use crate::support::{assert_close, climate, evaluator, site_with};
use coolplan::engine::CoolingOption;
use coolplan::engine::analysis::tornado::tornado;
use coolplan::model::uncertainty::prepare::Prepared;

#[test]
fn the_dominant_input_is_ranked_first() {
    // Electricity ± 40 % moves the savings of every kWh saved; the ancillary load ± 1 % is a
    // fixed load every option keeps (no saving moves); the CDU approach barely matters when
    // water is cool enough. Written in the reverse order of their effect.
    let site = site_with(
        r#"(input: "plant.misc_per_it_capacity", range: Percent(1)),
           (input: "cooling.cdu_approach", range: Uniform(low: K(3), high: K(5))),
           (input: "prices.electricity", range: Percent(40))"#,
    );
    let climate = climate();
    let evaluate = evaluator(&climate);
    let base = evaluate(&site);
    let prepared = Prepared::new(&site).expect("valid");
    let t = tornado(&prepared, &base, &evaluate).expect("runs");
    assert_eq!(t.bars.len(), 3);
    assert_eq!(t.bars[0].input.path(), "prices.electricity");
    assert!(t.bars[0].swing.amount > 10.0 * t.bars[1].swing.amount);
    for pair in t.bars.windows(2) {
        assert!(pair[0].swing.amount >= pair[1].swing.amount);
    }
    // the GPU racks (40.8 kW) exceed the 25 kW air limit, so a liquid option is followed
    assert_ne!(t.option, CoolingOption::Air);
    // NPV against air is linear in the electricity price (savings = Δenergy × price − ΔO&M),
    // so a symmetric ± 40 % range moves it by equal amounts either side of the base:
    // NPV(high) − NPV(base) = NPV(base) − NPV(low).
    let bar = &t.bars[0];
    let up = bar.high.npv.amount - t.base_npv.amount;
    let down = t.base_npv.amount - bar.low.npv.amount;
    assert!(up > 0.0, "dearer electricity makes saving it worth more");
    assert_close(up, down, 1e-6);
    assert_eq!(bar.low.value, "CNY_per_kWh(0.45)");
    assert_eq!(bar.high.value, "CNY_per_kWh(1.05)");
    // each end is exactly the engine's NPV of the site with that one value
    let high_site = prepared.apply(2, 1.05).expect("applies");
    let high = evaluate(&high_site);
    assert_close(
        bar.high.npv.amount,
        high.site.option(t.option).cost.npv_vs_air.amount,
        1e-12,
    );
}
