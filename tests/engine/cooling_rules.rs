//! A rack group's cooling rule (`cooling: Force(..)` / `Exclude(..)` in the site file): an
//! option it rules out is infeasible for the group, with the reason naming the group, so the
//! group's recommendation and the recommended plan move to what the rule allows.

use crate::support::{example, group_index};
use coolplan::engine::{CoolingOption, Reason, evaluate};
use coolplan::io::climate::resolve;
use coolplan::model::{Cooling, CoolingRule};

#[test]
fn an_excluded_option_is_infeasible_for_the_group_and_the_recommendation_moves() {
    let mut site = example("ai-hall");
    let climate = resolve(&site, None).unwrap();
    let h100 = group_index(&site, "H100-B01");
    let before = evaluate(&site, &climate);
    // ai-hall keeps its stock H100 groups on air: 40.8 kW racks run on air today (above the
    // guideline, feasible), and converting them saves less than it costs once the plant's
    // fixed parts stay and the dry cooler needs a trim chiller in Beijing (method.md §7):
    // immersion is 1.06 M CNY behind air for the group and cold plate 1.82 M (the JSON
    // report's rack-group options), the servers retiring in 2028 and 2033 included.
    assert_eq!(
        before.racks[h100].scope.recommendation.option,
        Some(CoolingOption::Air)
    );
    assert_eq!(before.plan.groups[h100].option, Some(CoolingOption::Air));
    site.halls[0].racks[h100].cooling = Some(CoolingRule::Exclude(vec![Cooling::Air]));
    let after = evaluate(&site, &climate);
    let air = after.racks[h100].scope.option(CoolingOption::Air);
    assert!(!air.feasible);
    assert!(air.infeasible_reasons.contains(&Reason::RuledOut {
        group: "H100-B01".into()
    }));
    // Of the two liquid options immersion costs less over the study: the H100s installed in
    // 2023 retire in 2028 and 2033 (5-year life) and are replaced like-for-like, liquid-ready,
    // which costs cold plate the factory premium of 24 liquid-cooled HGX H100s each time
    // (2 × 24 × 30,000 × 1.1 contingency = 1,584,000 CNY) and immersion only their
    // preparation (2 × 24 × 800 × 1.1 = 42,240 CNY).
    let npv = |o| after.racks[h100].scope.option(o).cost.npv_vs_air.amount;
    assert!(npv(CoolingOption::Immersion) > npv(CoolingOption::ColdPlate));
    // A passive rear door costs less than either and touches no server: each 40.8 kW rack
    // (4 × 10.2) gives its coil 0.6 × 40,800 / 12 × (36 − 18) = 36.72 kW, so the door takes
    // its 35 kW rating and 5.8 kW stays on air, inside the 25 kW guideline; the group's
    // NPV against air is −225,622 CNY (immersion −1.11 M CNY), so the rule moves it there.
    let door = after.racks[h100]
        .scope
        .option(CoolingOption::RearDoorPassive);
    assert!(door.feasible, "{:?}", door.infeasible_reasons);
    assert!(
        (door.thermal.heat_to_door.get::<uom::si::power::kilowatt>() - 6.0 * 35.0).abs() < 1e-9
    );
    assert!(npv(CoolingOption::RearDoorPassive) > npv(CoolingOption::Immersion));
    assert_eq!(
        after.racks[h100].scope.recommendation.option,
        Some(CoolingOption::RearDoorPassive)
    );
    assert_eq!(
        after.plan.groups[h100].option,
        Some(CoolingOption::RearDoorPassive)
    );
    // The rule of one group leaves the others as they were.
    let other = group_index(&site, "H100-B02");
    assert_eq!(after.racks[other].scope, before.racks[other].scope);
}

#[test]
fn a_forced_option_is_the_only_one_the_group_may_take() {
    let mut site = example("ai-hall");
    let climate = resolve(&site, None).unwrap();
    let cpu = group_index(&site, "CPU-A01");
    site.halls[0].racks[cpu].cooling = Some(CoolingRule::Force(Cooling::ColdPlate));
    let results = evaluate(&site, &climate);
    let scope = &results.racks[cpu].scope;
    assert_eq!(scope.recommendation.option, Some(CoolingOption::ColdPlate));
    assert_eq!(
        results.plan.groups[cpu].option,
        Some(CoolingOption::ColdPlate)
    );
    for option in [CoolingOption::Air, CoolingOption::Immersion] {
        assert!(!scope.option(option).feasible, "{option:?}");
    }
    // "Air for the whole hall" now breaks the group's rule too.
    assert!(!results.halls[0].option(CoolingOption::Air).feasible);
}
