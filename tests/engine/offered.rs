//! The options a site offers (`cooling_options` of the site file) and which apply in each
//! scope (`docs/method.md`, *Options that apply*): an option the site does not offer is never
//! planned and applies nowhere; an option every group of a hall rules out, or that no server
//! of a group can take, does not apply there; limits never hide an option; air always applies.

use crate::support::{example, group_index};
use coolplan::engine::{
    CoolingOption, GroupView, Overview, Reason, Results, ScopeResult, evaluate, read, recompute,
};
use coolplan::io::climate::resolve;
use coolplan::model::{Cooling, CoolingRule, Site};

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

/// The example sites, each offering two different subsets of the options (air always).
const EXAMPLES: [&str; 6] = [
    "ai-hall",
    "china-fleet",
    "colo-doors",
    "enterprise-room",
    "gpu-expansion",
    "office-gpu-room",
];
const SUBSETS: [&[Cooling]; 2] = [
    &[Cooling::Air, Cooling::ColdPlate, Cooling::Immersion],
    &[
        Cooling::Air,
        Cooling::RearDoorPassive,
        Cooling::ColdPlateLiquidToAir,
    ],
];

/// `site` offering `offered` only, and `site` offering every option with each of its rack
/// groups ruling the others out (`Exclude`).
fn offering_and_ruling_out(site: &Site, offered: &[Cooling]) -> (Site, Site) {
    let mut offering = site.clone();
    offering.cooling_options = Some(offered.to_vec());
    let mut ruling_out = site.clone();
    ruling_out.cooling_options = None;
    let others: Vec<Cooling> = Cooling::ALL
        .into_iter()
        .filter(|c| !offered.contains(c))
        .collect();
    for rack in ruling_out.halls.iter_mut().flat_map(|h| &mut h.racks) {
        rack.cooling = Some(CoolingRule::Exclude(others.clone()));
    }
    (offering, ruling_out)
}

/// A scope of the offering site (`a`) against the same scope of the ruling-out site (`b`):
/// each offered option the same figures, reasons and verdicts; the others apply in neither,
/// and the offering site gives them their one reason.
fn same_offered_scope(a: &ScopeResult, b: &ScopeResult, offered: &[Cooling], at: &str) {
    for option in CoolingOption::ALL {
        let (x, y) = (a.option(option), b.option(option));
        if offered.contains(&option.cooling()) {
            assert_eq!(x, y, "{at} {} {option:?}", a.name);
        } else {
            assert!(!x.applies && !y.applies, "{at} {} {option:?}", a.name);
            assert_eq!(
                x.infeasible_reasons,
                [Reason::NotOffered],
                "{at} {option:?}"
            );
        }
    }
    assert_eq!(a.recommendation, b.recommendation, "{at} {}", a.name);
}

/// The parts of full or compact results every group shares: site, halls, plan, plants, KPIs
/// and compliance, for the offered options.
fn same_offered_results<R>(a: &Results<R>, b: &Results<R>, offered: &[Cooling], at: &str) {
    same_offered_scope(&a.site, &b.site, offered, at);
    for (x, y) in a.halls.iter().zip(&b.halls) {
        same_offered_scope(x, y, offered, at);
    }
    assert_eq!(a.plan, b.plan, "{at}");
    let indices = || {
        CoolingOption::ALL
            .into_iter()
            .filter(|o| offered.contains(&o.cooling()))
            .map(|o| o.index())
    };
    let (x, y) = (&a.compliance, &b.compliance);
    assert_eq!(x.comply_by, y.comply_by, "{at}");
    assert_eq!(x.surcharges.len(), y.surcharges.len(), "{at}");
    for (x, y) in x.surcharges.iter().zip(&y.surcharges) {
        assert_eq!((x.set, x.rule, x.limit), (y.set, y.rule, y.limit), "{at}");
        assert_eq!(x.per_kwh, y.per_kwh, "{at}");
        // each offered option's column, then the plan's
        for i in indices().chain([CoolingOption::ALL.len()]) {
            assert_eq!(x.columns[i], y.columns[i], "{at} surcharge column {i}");
        }
    }
    for (x, y) in a.plant.iter().zip(&b.plant) {
        assert_eq!(x.calibration, y.calibration, "{at}");
        for i in indices() {
            assert_eq!(x.energy[i], y.energy[i], "{at} plant energy {i}");
            assert_eq!(x.design_day[i], y.design_day[i], "{at} design day {i}");
            assert_eq!(x.air_side[i], y.air_side[i], "{at} air side {i}");
            assert_eq!(x.electrical[i], y.electrical[i], "{at} electrical {i}");
        }
    }
    assert_eq!(a.kpis.years, b.kpis.years, "{at}");
    let scopes = a.kpis.site.iter().chain(&a.kpis.halls);
    for (x, y) in scopes.zip(b.kpis.site.iter().chain(&b.kpis.halls)) {
        assert_eq!(x.plan, y.plan, "{at} KPIs of the plan, {}", x.name);
        for i in indices() {
            assert_eq!(x.options[i], y.options[i], "{at} KPIs {i}, {}", x.name);
        }
    }
}

/// What the pass skips for an option the site does not offer is read by no figure of an
/// offered one: a site offering a subset of the options gives each offered option, in every
/// scope, the plan, the plants, the KPIs, the live recompute and the analyses' reading, the
/// figures of the same site offering every option with each group ruling the others out
/// (which evaluates them in full: applied nowhere, they differ only in their reason).
#[test]
fn an_offered_option_reads_the_same_whether_the_others_are_not_offered_or_ruled_out() {
    for name in EXAMPLES {
        let site = example(name);
        let climate = resolve(&site, None).unwrap();
        for offered in SUBSETS {
            let at = format!("{name} offering {offered:?}");
            let (offering, ruling_out) = offering_and_ruling_out(&site, offered);
            let (a, b) = (
                evaluate(&offering, &climate),
                evaluate(&ruling_out, &climate),
            );
            same_offered_results(&a, &b, offered, &at);
            for (x, y) in a.racks.iter().zip(&b.racks) {
                same_offered_scope(&x.scope, &y.scope, offered, &at);
            }
            let (a, b): (Overview, Overview) = (
                recompute(&offering, &climate),
                recompute(&ruling_out, &climate),
            );
            same_offered_results(&a, &b, offered, &at);
            for (x, y) in a.racks.iter().zip(&b.racks) {
                assert_eq!(x.recommended, y.recommended, "{at}");
                for option in CoolingOption::ALL {
                    if offered.contains(&option.cooling()) {
                        assert_eq!(x.options[option], y.options[option], "{at} {option:?}");
                    }
                }
            }
            let (a, b) = (read(&offering, &climate), read(&ruling_out, &climate));
            assert_eq!(a.recommended, b.recommended, "{at}");
            assert_eq!(a.plan_npv, b.plan_npv, "{at}");
            assert_eq!(a.plan_payback_years, b.plan_payback_years, "{at}");
            assert_eq!(a.plan_choices, b.plan_choices, "{at}");
            for option in CoolingOption::ALL {
                if offered.contains(&option.cooling()) {
                    assert_eq!(a.options[option], b.options[option], "{at} {option:?}");
                }
            }
        }
    }
}
