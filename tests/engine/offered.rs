//! The options a site offers (`cooling_options` of the site file) and which apply in each
//! scope (`docs/method.md`, *Options that apply*): an option the site does not offer is never
//! planned and applies nowhere; an option every group of a hall rules out, or that no server
//! of a group can take, does not apply there; limits never hide an option; air always applies.

use crate::support::{example, group_index};
use coolplan::engine::{CoolingOption, GroupView, Reason, evaluate, recompute};
use coolplan::io::climate::resolve;
use coolplan::model::{Cooling, CoolingRule};

#[test]
fn a_site_that_does_not_offer_immersion_never_plans_it_and_shows_it_nowhere() {
    let mut site = example("ai-hall");
    let climate = resolve(&site, None).unwrap();
    let h100 = group_index(&site, "H100-B01");
    // On a site offering air, cold plate and immersion, with air ruled out for H100-B01, the
    // plan immerses the group (cooling_rules.rs: immersion is the cheaper liquid option over
    // the study for these H100s) ...
    site.cooling_options = Some(vec![Cooling::Air, Cooling::ColdPlate, Cooling::Immersion]);
    site.halls[0].racks[h100].cooling = Some(CoolingRule::Exclude(vec![Cooling::Air]));
    let offering_all = evaluate(&site, &climate);
    assert_eq!(
        offering_all.plan.groups[h100].option,
        Some(CoolingOption::Immersion)
    );
    // ... and on a site that does not offer immersion it takes cold plate, the one left.
    site.cooling_options = Some(vec![Cooling::Air, Cooling::ColdPlate]);
    let results = evaluate(&site, &climate);
    assert_eq!(
        results.plan.groups[h100].option,
        Some(CoolingOption::ColdPlate)
    );
    assert!(
        results
            .plan
            .groups
            .iter()
            .all(|g| g.option != Some(CoolingOption::Immersion))
    );
    let scopes = std::iter::once(&results.site)
        .chain(&results.halls)
        .chain(results.racks.iter().map(|r| &r.scope));
    for scope in scopes {
        let immersion = scope.option(CoolingOption::Immersion);
        assert!(!immersion.applies, "{}", scope.name);
        assert!(!immersion.feasible, "{}", scope.name);
        // the one reason: the site's choice (its other findings are moot)
        assert_eq!(immersion.infeasible_reasons, [Reason::NotOffered]);
        // not computed where it is shown nowhere: the IRR's root search is skipped
        assert_eq!(immersion.cost.irr, None);
        assert!(scope.option(CoolingOption::Air).applies, "{}", scope.name);
        // the recommendation discusses the options shown only
        assert!(
            !scope.recommendation.reasons.contains(&Reason::NotOffered),
            "{}",
            scope.name
        );
        let shown: Vec<CoolingOption> = scope.shown().map(|o| o.option).collect();
        assert!(!shown.contains(&CoolingOption::Immersion));
        // every option but air and cold plate is hidden
        assert_eq!(
            scope.hidden().count(),
            CoolingOption::ALL.len() - 2,
            "{}",
            scope.name
        );
    }
    // The live recompute (compact groups) says the same.
    let overview = recompute(&site, &climate);
    assert!(
        overview
            .racks
            .iter()
            .all(|g| !g.figures(CoolingOption::Immersion).applies)
    );
    assert_eq!(overview.plan, results.plan);
}

#[test]
fn a_hall_whose_every_group_excludes_immersion_hides_it_there_only() {
    let mut site = example("ai-hall");
    let climate = resolve(&site, None).unwrap();
    // hall 1 (B2 Expansion): every group rules immersion out
    for rack in &mut site.halls[1].racks {
        rack.cooling = Some(CoolingRule::Exclude(vec![Cooling::Immersion]));
    }
    let results = evaluate(&site, &climate);
    assert!(!results.halls[1].option(CoolingOption::Immersion).applies);
    assert!(results.halls[1].option(CoolingOption::ColdPlate).applies);
    // hall 0 and the site keep it: groups of hall 0 may take it
    assert!(results.halls[0].option(CoolingOption::Immersion).applies);
    assert!(results.site.option(CoolingOption::Immersion).applies);
    for rack in results.racks.iter().filter(|r| r.hall == 1) {
        let immersion = rack.scope.option(CoolingOption::Immersion);
        assert!(!immersion.applies, "{}", rack.scope.name);
        assert!(immersion.infeasible_reasons.contains(&Reason::RuledOut {
            group: rack.scope.name.clone()
        }));
    }
}

#[test]
fn an_option_no_server_of_the_group_can_take_does_not_apply_to_it() {
    let site = example("ai-hall");
    let climate = resolve(&site, None).unwrap();
    let results = evaluate(&site, &climate);
    // 存储-A03 holds only storage-2u servers, whose spinning disks cannot be immersed
    // (catalog: immersion No) but which take a cold-plate kit (cold_plate: Retrofit).
    let storage = &results.racks[group_index(&site, "存储-A03")].scope;
    let immersion = storage.option(CoolingOption::Immersion);
    assert!(!immersion.applies);
    assert!(
        immersion
            .infeasible_reasons
            .contains(&Reason::NotImmersionCompatible {
                model: "storage-2u".into()
            })
    );
    assert!(storage.option(CoolingOption::ColdPlate).applies);
    // The hall still shows immersion (its GPU groups can take it), and a limit never hides
    // an option: every option of every hall applies unless a group-level finding rules it
    // out for all of the hall's groups.
    assert!(results.halls[0].option(CoolingOption::Immersion).applies);
}

#[test]
fn a_group_forced_onto_a_liquid_option_keeps_air_as_its_reference() {
    let mut site = example("ai-hall");
    let climate = resolve(&site, None).unwrap();
    for rack in &mut site.halls[1].racks {
        rack.cooling = Some(CoolingRule::Force(Cooling::ColdPlate));
    }
    let results = evaluate(&site, &climate);
    let hall = &results.halls[1];
    // air is ruled out for every group of the hall, yet it stays shown: every NPV is
    // measured against it
    assert!(!hall.option(CoolingOption::Air).feasible);
    assert!(hall.option(CoolingOption::Air).applies);
    assert!(!hall.option(CoolingOption::Immersion).applies);
    let shown: Vec<CoolingOption> = hall.shown().map(|o| o.option).collect();
    assert_eq!(shown, [CoolingOption::Air, CoolingOption::ColdPlate]);
}
